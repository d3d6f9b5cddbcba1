package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"

	"copydesk/app/i18n"
	"copydesk/app/session"
	"copydesk/storage"
)

// Closing the window: File › Quit and the close button ask first, a
// signal (SIGTERM) does not; both keep the changes as a checkpoint.

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
			dialog.ShowConfirm(i18n.T("The changes could not be saved"),
				i18n.Tf("%v\n\nClose anyway and lose the changes since the last save?", err),
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
	w.sends.stopBase() // a send retrying ends now, on record
	w.unwatchConnection()
	w.bg.Wait()
	defer w.stopShared()
	w.settings.SetSplits(w.leftSplit.Offset, w.rightSplit.Offset)
	if w.doc == nil || (!w.dirty && !w.sinceRevision) || w.readOnly() {
		return nil
	}
	_, err := w.doc.Revision(w.ctx, w.store, w.Article(), w.meta0(storage.KindCheckpoint, ""))
	if err != nil && !errors.Is(err, session.ErrNoHeadline) {
		return i18n.Errorf("the changes since the last save could not be kept: %w", err)
	}
	return nil
}

func (w *Window) closeNow() {
	w.closing = true
	w.win.Close()
}
