package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"

	"copydesk/app/checks"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/storage"
)

// The workflow actions on the open story: status changes (the panel's
// select, Article › Status) and Spike / Unspike.

// updateSpikeButton names the library's Spike button for what it would
// do to the open story.
func (w *Window) updateSpikeButton() {
	enabled := w.doc != nil && w.doc.IsStored() && !w.readOnly()
	w.lib.ShowSpike(enabled, enabled && w.meta.StatusOf == editor.StatusSpiked)
}

// confirmSpike spikes or unspikes the open story after asking.
func (w *Window) confirmSpike() {
	if w.doc == nil || w.readOnly() {
		return
	}
	h := w.pane.headline.Text
	if w.meta.StatusOf == editor.StatusSpiked {
		dialog.ShowConfirm(i18n.T("Unspike the story?"), i18n.Tf("“%s” goes back to the library.", h), func(ok bool) {
			if ok {
				a := w.doc.Base.Clone()
				if err := a.Unspike(); err != nil {
					w.showError(err)
					return
				}
				w.changeStatus(a.Status)
			}
		}, w.win)
		return
	}
	dialog.ShowConfirm(i18n.T("Spike the story?"), i18n.Tf("“%s” is killed: it leaves the library but is not deleted (filter by Spiked to find it and unspike it).", h), func(ok bool) {
		if ok {
			w.changeStatus(editor.StatusSpiked)
		}
	}, w.win)
}

// changeStatus moves the open story to status to and makes a revision of
// kind status. Every way of changing the status (the panel's select, the
// Article › Status menu, Spike / Unspike) comes here. A move the workflow
// refuses is explained and undone; a move to ready over the section's
// length limits asks for an override and its reason, which the revision
// records (storage.Meta.Note).
func (w *Window) changeStatus(to editor.Status) {
	if w.doc == nil {
		return
	}
	if w.readOnly() {
		w.showStatus(w.meta.StatusOf)
		w.status.setText(readOnlyText(*w.heldBy))
		return
	}
	a := w.Article()
	if to == editor.StatusReady && a.Status != editor.StatusSpiked {
		_, err := w.pane.limits.rules().ReadyCheck(a, to, false, "")
		var over *editor.OverLimitError
		if errors.As(err, &over) {
			w.showStatus(w.meta.StatusOf) // until the override is confirmed
			doc := w.doc
			checks.ConfirmOverride(w.win, over.Over, func(note string) {
				if w.doc == doc {
					w.moveStatus(to, note)
				}
			})
			return
		}
	}
	w.moveStatus(to, "")
}

// moveStatus makes the move, with note (an override's) on the revision.
func (w *Window) moveStatus(to editor.Status, note string) {
	a := w.Article()
	var err error
	if a.Status == editor.StatusSpiked && to != editor.StatusSpiked {
		if err = a.Unspike(); err == nil && a.Status != to {
			err = i18n.Errorf("a spiked story goes back to %s when it is unspiked: choose %s, or use Unspike", i18n.T(a.Status.Label()), i18n.T(a.Status.Label()))
		}
	} else {
		err = a.SetStatus(to)
	}
	if err != nil {
		w.showStatus(w.meta.StatusOf)
		w.showError(err)
		return
	}
	w.doc.Base.Status, w.doc.Base.SpikedFrom = a.Status, a.SpikedFrom
	w.showStatus(a.Status)
	w.updateSpikeButton()
	w.editGen++
	w.dirty, w.sinceRevision = true, true
	w.writeRevision(storage.Meta{Kind: storage.KindStatus, Label: i18n.T("status: ") + a.Status.Label(), Note: note})
}

// showStatus shows s in the panel's select without treating it as a change.
func (w *Window) showStatus(s editor.Status) {
	var spikedFrom editor.Status
	if w.doc != nil {
		spikedFrom = w.doc.Base.SpikedFrom
	}
	w.loading = true
	w.meta.SetStatus(s, spikedFrom)
	w.loading = false
}

// SaveRevision makes a revision of the open story (Ctrl+S), with an
// optional label.
// Without changes since the newest revision nothing new is stored: a label
// is put on the newest revision instead.
func (w *Window) SaveRevision(label string) {
	if w.doc == nil {
		return
	}
	if !w.dirty && !w.sinceRevision && w.doc.IsStored() {
		w.labelNewest(label)
		return
	}
	// A change to a published story is a correction: it needs a note for
	// readers first.
	w.correctionFirst(func() {
		w.status.setText(i18n.T("Saving revision…"))
		w.writeRevision(storage.Meta{Kind: storage.KindSave, Label: label})
	}, func() {
		w.status.setText(i18n.T("Not saved as a revision: a change to a published story is filed as a correction, with a note for readers"))
	})
}

// labelNewest labels the newest revision (or says there is nothing to save).
func (w *Window) labelNewest(label string) {
	doc := w.doc
	seq := doc.Seq()
	if label == "" {
		w.status.setText(i18n.Tf("No changes since revision %d: nothing to save", seq))
		return
	}
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		err := w.store.SetLabel(w.ctx, doc.ID, seq, label)
		w.cfg.do(func() {
			switch {
			case err != nil:
				w.showError(i18n.Errorf("cannot label revision %d: %w", seq, err))
			case w.doc == doc:
				w.status.setText(i18n.Tf("No changes since revision %d: labelled it “%s”", seq, label))
				if w.historyShown() {
					w.loadView(w.history)
				}
			}
		})
	}()
}
