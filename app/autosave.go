package app

import (
	"errors"
	"log/slog"
	"time"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/app/session"
	"copydesk/storage"
)

// edited is called on every change in the editor or the metadata panel.
func (w *Window) edited() {
	if w.loading || w.doc == nil || w.readOnly() {
		return
	}
	w.editGen++
	if !w.dirty {
		w.status.setText(i18n.T("Unsaved changes"))
	}
	w.dirty, w.sinceRevision = true, true
	w.scheduleAutosave()
	w.scheduleChecks()
}

// scheduleAutosave (re)starts the pause after which the draft is written.
func (w *Window) scheduleAutosave() {
	w.stopAutosave()
	w.cancelSave = w.cfg.after(w.cfg.AutosaveDelay, func() {
		w.cfg.do(w.autosave)
	})
}

func (w *Window) stopAutosave() {
	if w.cancelSave != nil {
		w.cancelSave()
		w.cancelSave = nil
	}
}

// saveResult is what a store write reports back to the UI goroutine.
type saveResult struct {
	doc   *session.Document
	gen   uint64 // editGen when the copy was taken
	seq   uint64
	saved time.Time
	kept  uint64 // a revision made of a copy changed elsewhere (ErrStale), or 0
	rev   bool   // a revision was made
	// drafted: a checkpoint of a change to a published story, without a
	// correction note, was kept as the draft instead of a revision.
	drafted  bool
	headline string
	err      error
}

// autosave writes the draft in the background.
func (w *Window) autosave() {
	w.cancelSave = nil
	if w.doc == nil || !w.dirty || w.closing || w.readOnly() {
		return
	}
	doc, gen, a, author := w.doc, w.editGen, w.Article(), w.settings.Name()
	w.status.setText(w.savingNotice())
	w.bg.Add(1)
	doc.StartWrite()
	go func() {
		defer w.bg.Done()
		defer doc.WriteDone()
		kept, err := doc.Draft(w.ctx, w.store, a, author)
		r := saveResult{doc: doc, gen: gen, saved: w.cfg.Now(), kept: kept, err: err}
		r.seq = doc.Seq()
		w.cfg.do(func() { w.saved(r) })
	}()
}

// writeRevision makes a revision of the open article in the background.
func (w *Window) writeRevision(m storage.Meta) {
	if w.doc == nil {
		return
	}
	if w.readOnly() {
		w.status.setText(readOnlyText(*w.heldBy))
		return
	}
	w.stopAutosave()
	doc, gen, a := w.doc, w.editGen, w.Article()
	m.Author = w.settings.Name()
	w.bg.Add(1)
	doc.StartWrite()
	go func() {
		defer w.bg.Done()
		defer doc.WriteDone()
		rev, drafted, err := doc.RevisionOrDraft(w.ctx, w.store, a, m)
		r := saveResult{doc: doc, gen: gen, seq: rev.Seq, saved: rev.Time, rev: !drafted, drafted: drafted, headline: a.Headline, err: err}
		if drafted {
			r.saved = w.cfg.Now()
		}
		w.cfg.do(func() { w.saved(r) })
	}()
}

// meta0 is the metadata of a revision the person makes now.
func (w *Window) meta0(k storage.Kind, label string) storage.Meta {
	return storage.Meta{Author: w.settings.Name(), Kind: k, Label: label}
}

// saved applies a store write's outcome to the window, on the UI goroutine.
func (w *Window) saved(r saveResult) {
	current := w.doc == r.doc
	switch {
	case errors.Is(r.err, session.ErrNoHeadline):
		if current {
			w.status.setText(i18n.T("Not saved yet: ") + i18n.T(session.ErrNoHeadline.Error()))
		}
		return
	case r.err != nil:
		if current {
			// The text stays in the window; the next edit tries again.
			w.status.setText(i18n.T("Not saved: ") + field.OneLine(r.err))
			slog.Error("shown in the status bar: not saved", "err", r.err)
			if r.rev {
				w.showError(i18n.Errorf("the revision was not saved: %w", r.err))
			}
		}
		return
	}
	if r.drafted && !current {
		w.status.setText(unfiledMessage(r.headline))
	}
	if current {
		w.updateSpikeButton() // a new story is stored now
		w.lockStored(r.doc)
		if r.gen == w.editGen {
			w.dirty = false
			if r.rev {
				w.sinceRevision = false
			}
		}
		switch {
		case w.dirty:
			w.status.setText(i18n.T("Unsaved changes"))
		case r.drafted:
			w.status.setText(unfiledMessage(r.headline))
			w.meta.Unfiled.Show()
		case r.rev:
			w.status.setRevisionSaved(r.saved.In(w.cfg.Location), r.seq)
		default:
			w.status.setSaved(r.saved.In(w.cfg.Location), r.seq)
		}
		if r.rev && !w.sinceRevision {
			w.meta.Unfiled.Hide()
		}
		if r.rev && w.historyShown() {
			w.loadView(w.history) // show the new revision
		}
		if r.kept > 0 {
			w.showError(i18n.Errorf("this story had been changed elsewhere since you opened it: that copy is kept as revision %d, and yours is the draft now", r.kept))
		}
	}
	if r.rev {
		w.lib.Refresh(true) // an explicit save: sort again
	} else {
		w.lib.RefreshInPlace() // an autosave: the list keeps still under the pointer
	}
}
