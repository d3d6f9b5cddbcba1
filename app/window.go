package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
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
	sends  *sendProgress // sends in flight, in the status bar (send.go)

	centreTabs, rightTabs *container.AppTabs
	// The tabs, held to be told apart (by identity, not by their label).
	editTab, historyTab, metaTab, checksTab *container.TabItem
	leftSplit, rightSplit                   *container.Split
	history                                 ArticleView
	checks                                  ChecksView
	cancelCheck                             func()
	speller                                 *textSpeller // misspellings marked in the text; nil: off (spellmarks.go)
	spellMenuShown                          *fyne.Menu   // the last spelling menu popped up, for tests

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

	escapeTop    fyne.CanvasObject // the overlay of the dialog escape closes
	lastSelected string            // the words selected in the copy when the keyboard last left it
	margin       *commentsMargin   // the Comments tab beside the copy

	// shared is set when the store is shared by several desks (locks,
	// live updates); heldBy is another desk's lock on the open story,
	// which is then read-only.
	shared *session.Desks
	// unwatch stops the store's connection news (reconnect.go).
	unwatch func()
	// offline: the shared store has lost its server and not found one yet.
	offline bool
	heldBy  *storage.Lock

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
	w.watchConnection()
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
	w.sends = w.status.sends

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
		historyContent = placeholder(i18n.T("The history of revisions is not part of this build."))
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
		checksContent = placeholder(i18n.T("Copy checks are not part of this build."))
	}
	w.editTab = container.NewTabItem(i18n.T("Edit"), w.pane.content)
	w.historyTab = container.NewTabItem(i18n.T("History"), historyContent)
	w.centreTabs = container.NewAppTabs(w.editTab, w.historyTab)
	w.centreTabs.OnSelected = func(t *container.TabItem) {
		if t == w.historyTab {
			w.loadView(w.history)
		}
	}
	w.metaTab = container.NewTabItem(i18n.T("Metadata"), w.meta.Content)
	w.checksTab = container.NewTabItem(i18n.T("Checks"), checksContent)
	w.margin = newCommentsMargin(w)
	w.rightTabs = container.NewAppTabs(w.metaTab, w.checksTab, w.margin.tab())
	w.rightTabs.OnSelected = func(t *container.TabItem) {
		if t == w.checksTab {
			w.runChecks()
		}
		if t == w.margin.item {
			w.margin.reload()
		}
	}
	w.rightSplit = container.NewHSplit(w.centreTabs, w.rightTabs)
	w.leftSplit = container.NewHSplit(w.lib.Content, w.rightSplit)
	w.leftSplit.Offset, w.rightSplit.Offset = w.settings.Splits()
	w.win.SetContent(container.NewBorder(nil, w.status.content, nil, nil, w.leftSplit))
}

// historyShown reports whether the History tab is the centre's tab shown.
func (w *Window) historyShown() bool { return w.centreTabs.Selected() == w.historyTab }

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

// Wait returns when the store writes started so far have finished.
func (w *Window) Wait() { w.bg.Wait() }

func (w *Window) showError(err error) {
	slog.Error("shown to the user", "err", err) // the window's log (app/applog)
	dialog.ShowError(err, w.win)
}
