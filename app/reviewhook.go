package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"

	"copydesk/app/i18n"
	appreview "copydesk/app/review"
)

// reviewChanges opens Article › Review changes…: every change from an
// earlier revision to the copy as edited, accepted or rejected one by
// one (app/review). Finishing writes one review revision, which the
// editor then loads as a restore's would be.
func (w *Window) reviewChanges() {
	if w.doc == nil {
		dialog.ShowInformation(i18n.T("Review changes"), i18n.T("Open a story first."), w.win)
		return
	}
	if w.readOnly() {
		w.showError(errors.New(i18n.T("another desk holds this story: it can be reviewed when they let it go")))
		return
	}
	// The copy under review is what the window shows; a pending autosave
	// landing after Finish would put the unreviewed copy back.
	w.stopAutosave()
	w.bg.Wait()
	appreview.Show(w.win, appreview.Options{Ctx: w.ctx, Store: w.store, Article: w.Article(),
		Author: w.settings.Name(), OnFinished: w.restored, Present: w.present})
}

// commentsDialog opens Article › Comments…: the story's comments anchored
// to the copy as edited, and a new one on the words selected in the
// editor, if any.
func (w *Window) commentsDialog() {
	if w.doc == nil {
		dialog.ShowInformation(i18n.T("Comments"), i18n.T("Open a story first."), w.win)
		return
	}
	quote := w.quote()
	appreview.ShowComments(w.win, appreview.CommentOptions{Ctx: w.ctx, Store: w.store, Article: w.Article(),
		Author: w.settings.Name(), Quote: quote, Now: w.cfg.Now, Present: w.present, OnSaved: w.margin.reload})
}

// present shows a dialog of app/review so that Escape closes it.
func (w *Window) present(d dialog.Dialog) {
	w.showClosable(d)
}

// quote is the words a new comment is about: those selected where the
// keyboard is; from the menu, with the mouse, the menu has taken the
// keyboard: the words selected when it left the copy.
func (w *Window) quote() string {
	if sel, ok := w.win.Canvas().Focused().(interface{ SelectedText() string }); ok {
		return sel.SelectedText()
	}
	return w.lastSelected
}
