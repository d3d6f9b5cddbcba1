package app

import (
	"fyne.io/fyne/v2"

	"copydesk/editor"
	"copydesk/storage"
)

// Extensions are the views and commands other packages bring to the
// window (app/history, app/checks, export and backup). The composition root
// fills them in; a nil field leaves a placeholder or the window's own
// simple version. They are wired here rather than imported so that those
// packages can grow without this one changing.
type Extensions struct {
	// History builds the centre's History tab. Wire app/history like so:
	//
	//	History: func(w fyne.Window, s storage.Store, o app.HistoryOptions) app.ArticleView {
	//		return history.New(w, s, history.Options{Author: o.Author, Style: o.Style, OnRestored: o.OnRestored})
	//	}
	History func(win fyne.Window, s storage.Store, opt HistoryOptions) ArticleView

	// Checks builds the right-hand Checks tab. Wire app/checks like so:
	//
	//	Checks: func(w fyne.Window, s storage.Store, o app.ChecksOptions) app.ChecksView {
	//		return checks.New(checks.Options{Store: s, Style: o.Style(), OnFix: o.Fix,
	//			OnJump: func(f check.Finding) { o.Jump(f.Place.Field, f.Place.Block, f.Place.Start, f.Place.End) }})
	//	}
	Checks func(win fyne.Window, s storage.Store, opt ChecksOptions) ChecksView

	// Export exports the articles with the given IDs (File › Export…) in
	// the dateline style given. open is the open story as edited now (nil
	// if none): it is exported instead of its stored draft, so that edits
	// not yet autosaved go out too. nil: the window's own export of the
	// open article to one file.
	Export func(win fyne.Window, s storage.Store, ids []string, style editor.Style, open *editor.Article)

	// Backup and Restore back the database up and restore it (File ›
	// Backup… / Restore…). nil: the menu items are not shown.
	Backup  func(win fyne.Window, s storage.Store)
	Restore func(win fyne.Window, s storage.Store)
}

// ArticleView is a view of one article beside the editor: history, checks.
type ArticleView interface {
	fyne.Widget
	// Load shows the article id; draft returns the copy as edited in the
	// window now (call it on the UI goroutine). id is "" when no article is
	// open.
	Load(id string, draft func() *editor.Article)
}

// Reloader is an ArticleView that shows its article again in place
// (keeping its scroll and selection) after another desk's change:
// app/history's View. Another view is loaded again (Load).
type Reloader interface {
	Reload()
}

// ReadOnlyView is an ArticleView whose actions are turned off while
// another desk holds the story (app/history's View: no Restore).
type ReadOnlyView interface {
	SetReadOnly(readOnly bool)
}

// HistoryOptions are what the window offers an ArticleView.
type HistoryOptions struct {
	Author func() string       // the person's name, for revisions the view makes
	Style  func() editor.Style // the dateline house style
	// OnRestored is called on the UI goroutine after the view has made
	// rev (a restore) current in the store: the window loads a into the editor.
	OnRestored func(a *editor.Article, rev storage.Revision)
}

// ChecksView is the Checks tab: it checks the copy it is given.
type ChecksView interface {
	fyne.CanvasObject
	// Check is called on the UI goroutine with the article as edited: on
	// opening a story, and after edits once typing pauses (while the tab
	// is shown). It must return at once.
	Check(a *editor.Article)
}

// ChecksOptions are what the window offers a ChecksView.
type ChecksOptions struct {
	Style func() editor.Style // the dateline house style
	// Jump shows a place in the copy: field is "headline", "standfirst",
	// "body", "photo.caption", "dateline" …; block and the rune offsets
	// start and end are for the body. Call it on the UI goroutine.
	Jump func(field string, block, start, end int)
	// Fix makes a (the copy with a fix made) the working copy, as an
	// edit: it is autosaved like typing. Call it on the UI goroutine.
	Fix func(a *editor.Article)
}
