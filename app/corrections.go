package app

import (
	"strings"

	"copydesk/app/checks"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/record"
)

// Once a story is published, a change readers can see is a correction: a
// revision of kind correction that carries a new public note
// (Article.Correction). Ctrl+S and switching to another story ask for the
// note when it is missing. A checkpoint that cannot ask — on closing the
// window, on SIGTERM, or after the editor cancelled the note — keeps the
// change as the draft instead of a revision: nothing is lost, nothing is
// filed unannounced, and the story says so when it is next opened.

// filedNow is filed for the UI goroutine: it waits for a write in flight.
func (w *Window) filedNow() *editor.Article {
	if w.doc == nil {
		return nil
	}
	prev, err := w.doc.Filed(w.ctx, w.store)
	if err != nil {
		return nil // the save itself will report the store's trouble
	}
	return prev
}

// correctionNeeded reports whether a revision of the open story needs a
// new correction note first, and the last note for reference.
func (w *Window) correctionNeeded() (last string, need bool) {
	if w.doc == nil || w.meta.StatusOf != editor.StatusPublished || (!w.dirty && !w.sinceRevision) {
		return "", false
	}
	prev := w.filedNow()
	if prev == nil {
		return "", false
	}
	if _, err := record.RevisionKind(prev, w.Article(), storage.KindSave); err != nil {
		return prev.Correction, true
	}
	return "", false
}

// correctionFirst runs then at once — or, when the open story is
// published and its copy has changed without a new correction note, once
// the editor has given one (AskCorrection). cancelled runs if they cancel.
func (w *Window) correctionFirst(then, cancelled func()) {
	last, need := w.correctionNeeded()
	if !need {
		then()
		return
	}
	doc, saved := w.doc, false
	d := checks.AskCorrection(w.win, last, func(note string) {
		if w.doc != doc {
			return
		}
		saved = true
		w.meta.SetCorrection(note)
		then()
	})
	d.SetOnClosed(func() {
		if !saved && cancelled != nil {
			cancelled()
		}
	})
}

// leaveFirst runs then (which opens another story) after the correction
// note a change to the open published story needs. Cancelling still
// leaves: the change is kept as the draft, and the story says so when it
// is opened again.
func (w *Window) leaveFirst(then func()) {
	w.correctionFirst(then, then)
}

// noteUnfiledChanges marks a published story whose draft holds changes
// no correction has filed (kept there when a checkpoint could not ask for
// the note): Ctrl+S then files them, after asking for the note.
func (w *Window) noteUnfiledChanges() {
	if w.doc == nil || w.meta.StatusOf != editor.StatusPublished {
		return
	}
	prev := w.filedNow()
	if prev == nil {
		return
	}
	if _, err := record.RevisionKind(prev, w.Article(), storage.KindSave); err != nil {
		w.sinceRevision = true
		w.meta.Unfiled.Show()
	}
}

// unfiledMessage is the status bar's word for a checkpoint kept as the
// draft.
func unfiledMessage(headline string) string {
	if strings.TrimSpace(headline) == "" {
		headline = i18n.T("the story")
	}
	return i18n.Tf("“%s” is published: your change is kept as its draft, not filed. Open it and save a correction (Ctrl+S) with a note for readers.", headline)
}
