package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/app/session"
	"copydesk/editor"
	"copydesk/storage"
)

// Article locks, for a store several desks share (storage.Locker). The
// window holds the lock on the story it has open; a story another desk
// holds opens read-only, under a banner that names the holder and offers
// a take-over. The embedded Badger store has no locks: then every story
// opens for editing, as before.

// keptAfterTakeOver labels the revision that keeps the copy a desk had
// not yet saved when another desk took the story over.
const keptAfterTakeOver = "unsaved copy kept after take-over"

// startShared looks at what the store offers several desks and starts
// the heartbeat of the locks and the watch for other desks' changes.
func (w *Window) startShared() {
	w.shared = session.NewDesks(w.store, w.cfg.Desk, w.settings.Name())
	if w.shared == nil {
		return
	}
	if w.shared.Locker != nil {
		stopBeat := w.cfg.every(storage.LockHeartbeat, w.heartbeat)
		context.AfterFunc(w.shared.Context(), stopBeat)
	}
	if w.shared.Watcher != nil {
		w.startWatch()
	}
	w.lib.MarkLocks()
}

// Desk is who this window is to the other desks: zero when the store is
// one desk's alone.
func (w *Window) Desk() storage.Holder {
	if w.shared == nil {
		return storage.Holder{}
	}
	return w.shared.Holder
}

// stopShared ends the heartbeat and the watch and gives the lock back,
// once, when the window closes.
func (w *Window) stopShared() {
	if w.shared != nil {
		w.shared.Close()
	}
}

// locks reports whether the store has article locks.
func (w *Window) locks() bool { return w.shared.Locks() }

// acquire takes the lock on id before the story is opened. It returns
// the other desk's lock when another desk holds it (the story then opens
// read-only). Called on the UI goroutine: opening waits for the lock as
// it waits for the draft.
func (w *Window) acquire(id string) (*storage.Lock, error) {
	if !w.locks() {
		return nil, nil
	}
	return w.shared.Acquire(id)
}

// setWant records the story this desk means to hold: the open one, when
// it is editable and stored.
func (w *Window) setWant() {
	if !w.locks() {
		return
	}
	id := ""
	if w.doc != nil && w.heldBy == nil && w.doc.IsStored() {
		id = w.doc.ID
	}
	w.shared.SetWant(id)
}

// releaseAfter gives up the lock on doc once its writes in flight (the
// checkpoint made on leaving it) are stored, so that the next desk to
// take it finds them — unless this desk has opened it again meanwhile.
// Called on the UI goroutine as doc is left.
func (w *Window) releaseAfter(doc *session.Document) {
	if !w.locks() || doc == nil || !doc.IsStored() {
		return
	}
	s := w.shared
	s.Leave(doc.ID)
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		doc.WaitWrites()
		s.Release(doc.ID)
	}()
}

// lockStored takes the lock on a new story once it is stored: before,
// no other desk can see it.
func (w *Window) lockStored(doc *session.Document) {
	if !w.locks() || w.doc != doc || w.heldBy != nil || !doc.IsStored() {
		return
	}
	if w.shared.Wants(doc.ID) {
		return
	}
	w.setWant()
	w.checkLock(doc)
}

// heartbeat renews this desk's locks (every storage.LockHeartbeat, on a
// goroutine of its own) and checks that the open story's is among them.
func (w *Window) heartbeat() {
	want := w.shared.Heartbeat()
	if want == "" {
		return
	}
	w.cfg.do(func() {
		if w.doc != nil && w.doc.ID == want && w.heldBy == nil && !w.closing {
			w.checkLock(w.doc)
		}
	})
}

// checkLock asks again for the lock on doc (it renews it when this desk
// still holds it); when another desk has it now, the window turns
// read-only (lockLost).
func (w *Window) checkLock(doc *session.Document) {
	s := w.shared
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		held, err := s.Recheck(doc.ID)
		w.cfg.do(func() {
			switch {
			case held != nil:
				w.lockLost(doc, held.Lock)
			case err != nil && w.doc == doc && !w.closing:
				w.status.setText(i18n.T("Cannot renew the lock on the story: ") + field.OneLine(err))
			}
		})
	}()
}

// lockLost turns the window read-only on doc, which another desk has
// taken over: the copy typed here and not yet saved is kept first, as a
// revision, then the editor follows the holder's draft.
func (w *Window) lockLost(doc *session.Document, l storage.Lock) {
	if w.doc != doc || w.closing {
		return
	}
	if w.heldBy != nil {
		w.setReadOnly(&l)
		return
	}
	w.stopAutosave()
	var unsaved *editor.Article
	if w.dirty {
		unsaved = w.Article()
	}
	w.dirty, w.sinceRevision = false, false
	w.setReadOnly(&l)
	m := w.meta0(storage.KindCheckpoint, keptAfterTakeOver)
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		var kept uint64
		var keepErr error
		if unsaved != nil {
			kept, keepErr = doc.KeepAside(w.ctx, w.store, unsaved, m)
		}
		d, err := w.store.Draft(w.ctx, doc.ID)
		w.cfg.do(func() {
			if w.doc != doc || w.closing {
				return
			}
			if err == nil {
				w.follow(d)
			}
			switch {
			case keepErr != nil:
				// The copy stays in the window, read-only: it can still
				// be selected and copied out.
				w.showError(i18n.Errorf("%s took the story over, and your unsaved copy could not be kept: %w — copy it out of the editor before you close it", l.Holder.Name, keepErr))
			case kept > 0:
				w.status.setText(i18n.Tf("%s took the story over: your unsaved copy is kept as revision %d", l.Holder.Name, kept))
			default:
				w.status.setText(l.Holder.Name + i18n.T(" took the story over: read-only"))
			}
			if kept > 0 {
				w.reloadHistory()
			}
		})
	}()
}

// follow shows d, the holder's draft, in the read-only editor.
func (w *Window) follow(d storage.Draft) {
	w.showArticle(session.Opened(d))
	if w.status.showsSaved() { // a notice (a take-over, an error) stays until read
		w.status.setSaved(d.Saved.In(w.cfg.Location), d.Seq)
	}
}

// setReadOnly shows the open story read-only under the banner naming
// l's holder (l.Holder zero: nobody holds it now), or editable (nil).
func (w *Window) setReadOnly(l *storage.Lock) {
	w.heldBy = l
	editable := w.doc != nil && l == nil
	w.pane.setEnabled(editable)
	w.meta.SetEnabled(editable)
	w.pane.banner.show(l, w.cfg.Location)
	w.updateSpikeButton()
	if v, ok := w.history.(ReadOnlyView); ok {
		v.SetReadOnly(l != nil)
	}
	w.setWant()
}

// readOnly reports whether another desk holds the open story.
func (w *Window) readOnly() bool { return w.heldBy != nil }

// confirmTakeOver asks before taking the open story from its holder.
func (w *Window) confirmTakeOver() {
	if w.doc == nil || w.heldBy == nil {
		return
	}
	doc, l := w.doc, *w.heldBy
	if l.Holder.Desk == "" {
		w.claim(doc, false) // nobody holds it: no one to ask about
		return
	}
	since := l.Since.In(w.cfg.Location).Format("15:04")
	d := dialog.NewConfirm(i18n.T("Take the story over?"),
		i18n.Tf("%s has been editing this story since %s at another desk.\n\nTake it over? %s's unsaved draft will be kept as a revision, and their window turns read-only.", l.Holder.Name, since, l.Holder.Name),
		func(ok bool) {
			if ok {
				w.claim(doc, true)
			}
		}, w.win)
	d.SetConfirmText(i18n.T("Take over"))
	d.SetDismissText(i18n.T("Cancel"))
	d.Show()
}

// claim takes the lock on doc — from its holder when takeOver is set —
// and opens the story's draft for editing.
func (w *Window) claim(doc *session.Document, takeOver bool) {
	s := w.shared
	w.status.setText(i18n.T("Taking the story over…"))
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		err := s.Claim(doc.ID, takeOver)
		var d storage.Draft
		if err == nil {
			d, err = w.store.Draft(w.ctx, doc.ID)
		}
		w.cfg.do(func() {
			if w.doc == nil || w.doc.ID != doc.ID || w.closing { // (a followed draft is another *session.Document)
				if err == nil { // the story was left meanwhile
					w.setWant()
					w.releaseAfter(doc)
				}
				return
			}
			var held *storage.HeldError
			switch {
			case errors.As(err, &held):
				w.setReadOnly(&held.Lock)
				w.status.setText(i18n.T("Not taken: ") + field.OneLine(err))
			case err != nil:
				w.showError(i18n.Errorf("cannot take the story over: %w", err))
			default:
				w.heldBy = nil
				w.showArticle(session.Opened(d))
				w.status.setSaved(d.Saved.In(w.cfg.Location), d.Seq)
			}
		})
	}()
}

// checkHolder reads who holds the open story now, for the banner of a
// read-only window.
func (w *Window) checkHolder(doc *session.Document) {
	s := w.shared
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		l, ok, err := s.LockOf(doc.ID)
		w.cfg.do(func() {
			if err != nil || w.doc == nil || w.doc.ID != doc.ID || w.heldBy == nil || w.closing {
				return
			}
			if !ok {
				l = storage.Lock{ArticleID: doc.ID}
			}
			if l.Holder.Desk == s.Holder.Desk {
				return // taken by this desk: claim is on its way
			}
			w.setReadOnly(&l)
		})
	}()
}
