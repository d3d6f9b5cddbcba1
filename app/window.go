package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/library"
	"copydesk/app/metapanel"
	"copydesk/app/session"
	"copydesk/editor"
	"copydesk/storage"
)

// Window is the main window: library left, the article in the centre
// (Edit | History), metadata and checks right, the status bar below.
type Window struct {
	app      fyne.App
	win      fyne.Window
	cfg      Config
	store    storage.Store
	settings *Settings
	ctx      context.Context

	lib    *library.Library
	pane   *articlePane
	meta   *metapanel.Panel
	status *statusBar

	centreTabs, rightTabs *container.AppTabs
	leftSplit, rightSplit *container.Split
	history               ArticleView
	checks                ChecksView
	cancelCheck           func()
	speller               *textSpeller // misspellings marked in the text; nil: off (spellmarks.go)
	spellMenuShown        *fyne.Menu   // the last spelling menu popped up, for tests

	// The open article. Only the UI goroutine reads or writes these.
	doc           *session.Document
	loading       bool   // set while widgets are filled from an article
	dirty         bool   // edits not yet in the stored draft
	sinceRevision bool   // edits not yet in a revision
	editGen       uint64 // counts edits: a save applies to the edits it saw
	cancelSave    func()
	closing       bool
	escape        func()           // closes the dialog Escape should close
	statusItems   []*fyne.MenuItem // Article › Status: the four workflow steps
	themeItems    []*fyne.MenuItem // View › Theme: System, Light, Dark

	// shared is set when the store is shared by several desks (locks,
	// live updates); heldBy is another desk's lock on the open story,
	// which is then read-only.
	shared *session.Desks
	heldBy *storage.Lock

	bg sync.WaitGroup // store writes in flight
}

// NewWindow builds the main window on a; Run shows it. Tests build it on a
// test app.
func NewWindow(a fyne.App, cfg Config) *Window {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.AutosaveDelay <= 0 {
		cfg.AutosaveDelay = DefaultAutosaveDelay
	}
	if cfg.do == nil {
		cfg.do = fyne.Do
	}
	if cfg.liveDelay <= 0 {
		cfg.liveDelay = DefaultLiveDelay
	}
	if cfg.every == nil {
		cfg.every = everyTick
	}
	if cfg.after == nil {
		cfg.after = func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, f)
			return func() { t.Stop() }
		}
	}
	w := &Window{
		app:      a,
		cfg:      cfg,
		store:    cfg.Store,
		settings: NewSettings(a.Preferences(), cfg.Author, cfg.Style),
		ctx:      context.Background(),
	}
	w.win = cfg.win
	if w.win == nil {
		w.settings.ApplyTheme(a)
		w.win = a.NewWindow("Copydesk")
	}
	if cfg.fontsLoaded != nil {
		cfg.fontsLoaded()
	}
	w.build()
	w.win.SetMainMenu(w.mainMenu())
	w.win.Resize(fitScreen(w.settings.WindowSize(), w.win.Canvas()))
	w.win.SetCloseIntercept(w.requestClose)
	w.win.Canvas().SetOnTypedKey(w.typedKey)
	if cfg.tagsAfterFirstFrame {
		w.lib.ReloadRows()
	} else {
		w.lib.Reload()
	}
	w.showArticle(nil)
	w.startShared()
	if w.shared != nil {
		w.win.SetOnClosed(w.stopShared)
	}
	return w
}

// everyTick calls f every d on a goroutine of its own until stop.
func everyTick(d time.Duration, f func()) (stop func()) {
	t := time.NewTicker(d)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				f()
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { t.Stop(); close(done) }) }
}

// Window is the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// Settings are the person's settings.
func (w *Window) Settings() *Settings { return w.settings }

// build lays the window out.
func (w *Window) build() {
	w.lib = library.New(libHost{w})
	w.pane = newArticlePane(w)
	w.meta = metapanel.New(metaHost{w}, w.settings)
	w.status = newStatusBar()

	opt := HistoryOptions{
		Author: w.settings.Name,
		Style:  w.settings.Style,
		OnRestored: func(a *editor.Article, rev storage.Revision) {
			w.restored(a, rev)
		},
	}
	var historyContent fyne.CanvasObject
	if f := w.cfg.Extensions.History; f != nil {
		w.history = f(w.win, w.store, opt)
		historyContent = w.history
	} else {
		// Hook: app/history fills this tab (Extensions.History).
		historyContent = placeholder("The history of revisions is not part of this build.")
	}
	var checksContent fyne.CanvasObject
	if f := w.cfg.Extensions.Checks; f != nil {
		w.checks = f(w.win, w.store, ChecksOptions{Style: w.settings.Style, Jump: w.jump, Fix: func(a *editor.Article) {
			if !w.readOnly() { // another desk holds the story
				w.takeFix(a)
			}
		}})
		checksContent = w.checks
		w.wireSpelling()
	} else {
		// Hook: app/checks fills this tab (Extensions.Checks).
		checksContent = placeholder("Copy checks are not part of this build.")
	}
	w.centreTabs = container.NewAppTabs(
		container.NewTabItem("Edit", w.pane.content),
		container.NewTabItem("History", historyContent),
	)
	w.centreTabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "History" {
			w.loadView(w.history)
		}
	}
	w.rightTabs = container.NewAppTabs(
		container.NewTabItem("Metadata", w.meta.Content),
		container.NewTabItem("Checks", checksContent),
	)
	w.rightTabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "Checks" {
			w.runChecks()
		}
	}
	w.rightSplit = container.NewHSplit(w.centreTabs, w.rightTabs)
	w.leftSplit = container.NewHSplit(w.lib.Content, w.rightSplit)
	w.leftSplit.Offset, w.rightSplit.Offset = w.settings.Splits()
	w.win.SetContent(container.NewBorder(nil, w.status.content, nil, nil, w.leftSplit))
}

func placeholder(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return container.NewCenter(l)
}

// loadView tells a history or checks view which article is open.
func (w *Window) loadView(v ArticleView) {
	if v == nil {
		return
	}
	if w.doc == nil {
		v.Load("", nil)
		return
	}
	v.Load(w.doc.Base.ID, w.Article)
}

// Article returns the article as edited in the window now, or nil when
// none is open. Call it on the UI goroutine.
func (w *Window) Article() *editor.Article {
	if w.doc == nil {
		return nil
	}
	a := w.doc.Base.Clone()
	w.pane.apply(a)
	w.meta.Apply(a)
	if w.dirty || w.sinceRevision {
		a.Modified = w.cfg.Now().UTC().Truncate(time.Millisecond)
		if a.Modified.Before(a.Created) {
			a.Modified = a.Created
		}
	}
	return a
}

// OpenNewest opens the library's first row, if there is one: the story
// changed last.
func (w *Window) OpenNewest() {
	if len(w.lib.Rows) > 0 {
		w.lib.SelectRow(0)
	}
}

// openNewestAfterFirstFrame opens the newest story once the window has
// painted its first frame: loading and laying out a long story (a
// 10,000-word body: 30–45 ms here) would otherwise hold the window back.
// The GLFW driver paints the first frame in Show and calls OnStarted
// before it handles any input, so nothing typed or clicked can come
// before the story opens; until then the editor is disabled and the
// status bar says what is coming.
//
// The library's tags, which the first frame does not show (they fill the
// tag filter and the suggestions), are read then too, off the UI
// goroutine: with 10,000 stories that read is some 20 ms of CPU.
func (w *Window) openNewestAfterFirstFrame(a fyne.App) {
	newest := len(w.lib.Rows) > 0
	if newest {
		w.status.setText("Opening the newest story…")
	}
	a.Lifecycle().SetOnStarted(func() {
		if w.closing {
			return
		}
		// Again now that the window is on its screen: before, the canvas
		// scale was not known yet.
		if sz := w.win.Canvas().Size(); fitScreen(sz, w.win.Canvas()) != sz {
			w.win.Resize(fitScreen(sz, w.win.Canvas()))
		}
		w.lib.LoadTags()
		if !newest || w.doc != nil {
			return
		}
		w.OpenNewest()
		if w.doc == nil { // it could not be read: Open has said why
			w.status.setText(noStoryText)
		}
	})
}

// noStoryText is the status bar's text while no story is open.
const noStoryText = "No story open: choose one in the library, or File › New"

// Open shows the article id, after making a checkpoint revision of the
// open one if it has changes.
func (w *Window) Open(id string) error {
	if w.doc != nil && w.doc.Base.ID == id {
		return nil
	}
	held, err := w.acquire(id)
	if err != nil {
		w.showError(fmt.Errorf("cannot open the story: %w", err))
		return err
	}
	d, err := w.store.Draft(w.ctx, id)
	if err != nil {
		if held == nil && w.locks() {
			w.releaseAfter(session.Stored(id))
		}
		w.showError(fmt.Errorf("cannot open the story: %w", err))
		return err
	}
	w.leave()
	w.heldBy = held
	w.showArticle(session.Opened(d))
	w.status.setSaved(d.Saved.In(w.cfg.Location), d.Seq)
	return nil
}

// unkept reports whether the open story is new, has been written in, and
// cannot be kept because it has no headline.
func (w *Window) unkept() bool {
	if w.doc == nil || w.doc.IsStored() || (!w.dirty && !w.sinceRevision) {
		return false
	}
	return strings.TrimSpace(w.pane.headline.Text) == ""
}

// confirmDiscard runs proceed at once, or once the person agrees to lose a
// new story that has no headline; cancelled runs if they do not.
func (w *Window) confirmDiscard(proceed, cancelled func()) {
	if !w.unkept() {
		proceed()
		return
	}
	dialog.ShowConfirm("Discard the new story?",
		"The new story has no headline, so it cannot be kept.\nDiscard it? (No: go back and give it a headline.)",
		func(ok bool) {
			if !ok {
				if cancelled != nil {
					cancelled()
				}
				w.win.Canvas().Focus(w.pane.headline)
				return
			}
			w.dirty, w.sinceRevision = false, false
			proceed()
		}, w.win)
}

// NewArticle starts a new story. It is stored once it has a headline.
func (w *Window) NewArticle() {
	w.confirmDiscard(w.newArticle, nil)
}

func (w *Window) newArticle() {
	w.leave()
	w.heldBy = nil
	a := editor.New(w.cfg.Now())
	if name := w.settings.Name(); name != "" {
		a.Bylines = []editor.Byline{{Name: name, Role: editor.RoleWriter}}
	}
	w.showArticle(session.New(a))
	w.status.setText("New story: it is kept once it has a headline")
	w.lib.List.UnselectAll()
	w.win.Canvas().Focus(w.pane.headline)
}

// leave makes a checkpoint of the open article if it has changes that no
// revision holds, without waiting for it.
func (w *Window) leave() {
	w.stopAutosave()
	if w.doc != nil && (w.dirty || w.sinceRevision) && !w.readOnly() {
		w.writeRevision(storage.Meta{Kind: storage.KindCheckpoint})
	}
	w.releaseAfter(w.doc)
}

// showArticle fills the window from doc (nil: no article).
func (w *Window) showArticle(doc *session.Document) {
	w.doc = doc
	if doc == nil {
		w.heldBy = nil
	}
	w.dirty, w.sinceRevision = false, false
	w.editGen++
	w.loading = true
	if doc == nil {
		w.pane.load(&editor.Article{})
		w.meta.Load(&editor.Article{})
	} else {
		w.pane.load(doc.Base)
		w.meta.Load(doc.Base)
	}
	w.spellingLoaded()
	w.loading = false
	w.setReadOnly(w.heldBy)
	w.status.setCounts(w.pane.body.Counts())
	if doc == nil {
		w.status.setText(noStoryText)
		w.win.SetTitle("Copydesk")
	} else {
		w.updateTitle()
	}
	w.updateSpikeButton()
	if w.centreTabs.Selected() != nil && w.centreTabs.Selected().Text == "History" {
		w.loadView(w.history)
	}
	w.runChecks()
}

func (w *Window) updateTitle() {
	h := w.pane.headline.Text
	if h == "" {
		h = "New story"
	}
	w.win.SetTitle(h + " — Copydesk")
}

// restored loads a revision that the history view has made current.
func (w *Window) restored(a *editor.Article, rev storage.Revision) {
	d, err := w.store.Draft(w.ctx, a.ID)
	if err != nil {
		w.showError(err)
		return
	}
	w.stopAutosave()
	w.showArticle(session.Opened(d))
	w.status.setRevisionSaved(rev.Time.In(w.cfg.Location), rev.Seq)
	w.lib.Refresh(true)
}

// requestClose is the window's close intercept and File › Quit: remember
// the layout, make a checkpoint of unsaved changes, then close.
func (w *Window) requestClose() {
	if w.closing {
		return
	}
	if w.unkept() {
		w.confirmDiscard(w.requestClose, nil)
		return
	}
	w.settings.SetWindowSize(fitScreen(w.win.Canvas().Size(), w.win.Canvas()))
	w.settings.SetSplits(w.leftSplit.Offset, w.rightSplit.Offset)
	w.stopAutosave()
	w.bg.Wait()
	if w.doc != nil && (w.dirty || w.sinceRevision) && !w.readOnly() {
		a := w.Article()
		if _, err := w.doc.Revision(w.ctx, w.store, a, w.meta0(storage.KindCheckpoint, "")); err != nil && !errors.Is(err, session.ErrNoHeadline) {
			dialog.ShowConfirm("The changes could not be saved",
				fmt.Sprintf("%v\n\nClose anyway and lose the changes since the last save?", err),
				func(ok bool) {
					if ok {
						w.closeNow()
					}
				}, w.win)
			return
		}
	}
	w.closeNow()
}

// finish runs after the event loop has ended without requestClose: the
// driver quit on SIGTERM or SIGINT (Fyne's GLFW driver catches both and
// quits at once). No UI goroutine runs any more, so the copy is read here
// and the changes are kept as a checkpoint, as on File › Quit.
func (w *Window) finish() error {
	if w.closing {
		return nil
	}
	w.closing = true
	w.stopAutosave()
	w.bg.Wait()
	defer w.stopShared()
	w.settings.SetSplits(w.leftSplit.Offset, w.rightSplit.Offset)
	if w.doc == nil || (!w.dirty && !w.sinceRevision) || w.readOnly() {
		return nil
	}
	_, err := w.doc.Revision(w.ctx, w.store, w.Article(), w.meta0(storage.KindCheckpoint, ""))
	if err != nil && !errors.Is(err, session.ErrNoHeadline) {
		return fmt.Errorf("the changes since the last save could not be kept: %w", err)
	}
	return nil
}

func (w *Window) closeNow() {
	w.closing = true
	w.win.Close()
}

// Wait returns when the store writes started so far have finished.
func (w *Window) Wait() { w.bg.Wait() }

func (w *Window) showError(err error) {
	slog.Error("shown to the user", "err", err) // the window's log (app/applog)
	dialog.ShowError(err, w.win)
}
