package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"copydesk/app/i18n"
	"copydesk/app/session"
	"copydesk/editor"
	"copydesk/storage"
)

// Opening, starting and leaving a story: the window shows one story at
// a time, and leaving it makes a checkpoint of what no revision holds.

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
		w.status.setText(i18n.T("Opening the newest story…"))
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
			w.status.setText(i18n.T(noStoryText))
		}
	})
}

// noStoryText is the status bar's text while no story is open (a
// dictionary key).
const noStoryText = "No story open: choose one in the library, or File › New"

// Open shows the article id, after making a checkpoint revision of the
// open one if it has changes.
func (w *Window) Open(id string) error {
	if w.doc != nil && w.doc.Base.ID == id {
		return nil
	}
	held, err := w.acquire(id)
	if err != nil {
		w.showError(i18n.Errorf("cannot open the story: %w", err))
		return err
	}
	d, err := w.store.Draft(w.ctx, id)
	if err != nil {
		if held == nil && w.locks() {
			w.releaseAfter(session.Stored(id))
		}
		w.showError(i18n.Errorf("cannot open the story: %w", err))
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
	dialog.ShowConfirm(i18n.T("Discard the new story?"),
		i18n.T("The new story has no headline, so it cannot be kept.\nDiscard it? (No: go back and give it a headline.)"),
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
	w.status.setText(i18n.T("New story: it is kept once it has a headline"))
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
	w.lastSelected = ""
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
	w.margin.reload()
	w.setReadOnly(w.heldBy)
	w.status.setCounts(w.pane.body.Counts())
	if doc == nil {
		w.status.setText(i18n.T(noStoryText))
		w.win.SetTitle("Copydesk")
	} else {
		w.updateTitle()
	}
	w.updateSpikeButton()
	if w.historyShown() {
		w.loadView(w.history)
	}
	w.runChecks()
}

func (w *Window) updateTitle() {
	h := w.pane.headline.Text
	if h == "" {
		h = i18n.T("New story")
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
