package app

import (
	"context"
	"errors"
	"fmt"
	"os/user"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2/dialog"

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

// releaseTimeout bounds the release of the lock when the window closes:
// a store that does not answer must not keep the window from closing
// (the lock then expires after storage.LockTTL).
const releaseTimeout = 5 * time.Second

// shared is what the window keeps for a store that other desks share.
// Goroutines read it; the fields below mu are guarded by it.
type shared struct {
	locker  storage.Locker  // nil: the store has no locks
	watcher storage.Watcher // nil: the store reports no changes
	holder  storage.Holder  // this running window
	ctx     context.Context // ends when the window closes
	stop    context.CancelFunc
	once    sync.Once

	// mu puts this desk's Acquire, TakeOver and Release calls in order.
	mu sync.Mutex
	// want is the story whose lock this desk holds, or means to: the
	// story open for editing. A release of any other story may go ahead;
	// a heartbeat that no longer lists want means the lock was lost.
	want string

	live liveBatch
}

// deskHolder completes the configured holder: the person's name (from
// the settings, else the login name) and the desk ID — the one the store
// signs its changes with, if it does (storage.Signer), else a new one.
func deskHolder(h storage.Holder, name string, store storage.Store) storage.Holder {
	if h.Name == "" {
		h.Name = name
	}
	if h.Name == "" {
		if u, err := user.Current(); err == nil {
			h.Name = u.Username
		}
	}
	if signer, ok := store.(storage.Signer); ok && h.Desk == "" {
		h.Desk = signer.Desk()
	}
	if h.Desk == "" {
		h.Desk = storage.NewDeskID()
	}
	return h
}

// startShared looks at what the store offers several desks and starts
// the heartbeat of the locks and the watch for other desks' changes.
func (w *Window) startShared() {
	locker, _ := w.store.(storage.Locker)
	watcher, _ := w.store.(storage.Watcher)
	if locker == nil && watcher == nil {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	w.shared = &shared{locker: locker, watcher: watcher, holder: deskHolder(w.cfg.Desk, w.settings.Name(), w.store), ctx: ctx, stop: stop}
	if locker != nil {
		stopBeat := w.cfg.every(storage.LockHeartbeat, w.heartbeat)
		context.AfterFunc(ctx, stopBeat)
	}
	if watcher != nil {
		w.startWatch()
	}
	w.lib.markLocks()
}

// Desk is who this window is to the other desks: zero when the store is
// one desk's alone.
func (w *Window) Desk() storage.Holder {
	if w.shared == nil {
		return storage.Holder{}
	}
	return w.shared.holder
}

// stopShared ends the heartbeat and the watch and gives the lock back,
// once, when the window closes.
func (w *Window) stopShared() {
	s := w.shared
	if s == nil {
		return
	}
	s.once.Do(func() {
		s.stop()
		if s.locker == nil {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.want == "" {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), releaseTimeout)
		defer cancel()
		_ = s.locker.Release(ctx, s.want, s.holder) // unreleased, it expires
		s.want = ""
	})
}

// locks reports whether the store has article locks.
func (w *Window) locks() bool { return w.shared != nil && w.shared.locker != nil }

// acquire takes the lock on id before the story is opened. It returns
// the other desk's lock when another desk holds it (the story then opens
// read-only). Called on the UI goroutine: opening waits for the lock as
// it waits for the draft.
func (w *Window) acquire(id string) (*storage.Lock, error) {
	if !w.locks() {
		return nil, nil
	}
	s := w.shared
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.locker.Acquire(s.ctx, id, s.holder)
	var held *storage.HeldError
	if errors.As(err, &held) {
		return &held.Lock, nil
	}
	return nil, err
}

// setWant records the story this desk means to hold: the open one, when
// it is editable and stored.
func (w *Window) setWant() {
	if !w.locks() {
		return
	}
	id := ""
	if w.doc != nil && w.heldBy == nil && w.doc.stored.Load() {
		id = w.doc.id
	}
	w.shared.mu.Lock()
	w.shared.want = id
	w.shared.mu.Unlock()
}

// releaseAfter gives up the lock on doc once its writes in flight (the
// checkpoint made on leaving it) are stored, so that the next desk to
// take it finds them — unless this desk has opened it again meanwhile.
// Called on the UI goroutine as doc is left.
func (w *Window) releaseAfter(doc *document) {
	if !w.locks() || doc == nil || !doc.stored.Load() {
		return
	}
	s := w.shared
	s.mu.Lock()
	if s.want == doc.id {
		s.want = ""
	}
	s.mu.Unlock()
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		doc.writes.Wait()
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.want == doc.id {
			return
		}
		_ = s.locker.Release(s.ctx, doc.id, s.holder) // unreleased, it expires
	}()
}

// lockStored takes the lock on a new story once it is stored: before,
// no other desk can see it.
func (w *Window) lockStored(doc *document) {
	if !w.locks() || w.doc != doc || w.heldBy != nil || !doc.stored.Load() {
		return
	}
	s := w.shared
	s.mu.Lock()
	known := s.want == doc.id
	s.mu.Unlock()
	if known {
		return
	}
	w.setWant()
	w.checkLock(doc)
}

// heartbeat renews this desk's locks (every storage.LockHeartbeat, on a
// goroutine of its own) and checks that the open story's is among them.
func (w *Window) heartbeat() {
	s := w.shared
	ids, err := s.locker.Heartbeat(s.ctx, s.holder)
	if err != nil {
		return // the next beat tries again; the lock lasts storage.LockTTL
	}
	s.mu.Lock()
	want := s.want
	s.mu.Unlock()
	if want == "" || slices.Contains(ids, want) {
		return
	}
	w.cfg.do(func() {
		if w.doc != nil && w.doc.id == want && w.heldBy == nil && !w.closing {
			w.checkLock(w.doc)
		}
	})
}

// checkLock asks again for the lock on doc (it renews it when this desk
// still holds it); when another desk has it now, the window turns
// read-only (lockLost).
func (w *Window) checkLock(doc *document) {
	s := w.shared
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		s.mu.Lock()
		if s.want != doc.id {
			s.mu.Unlock()
			return
		}
		_, err := s.locker.Acquire(s.ctx, doc.id, s.holder)
		var held *storage.HeldError
		if errors.As(err, &held) {
			s.want = ""
		}
		s.mu.Unlock()
		w.cfg.do(func() {
			switch {
			case held != nil:
				w.lockLost(doc, held.Lock)
			case err != nil && w.doc == doc && !w.closing:
				w.status.setText("Cannot renew the lock on the story: " + oneLine(err))
			}
		})
	}()
}

// lockLost turns the window read-only on doc, which another desk has
// taken over: the copy typed here and not yet saved is kept first, as a
// revision, then the editor follows the holder's draft.
func (w *Window) lockLost(doc *document, l storage.Lock) {
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
			kept, keepErr = doc.keepAside(w.ctx, w.store, unsaved, m)
		}
		d, err := w.store.Draft(w.ctx, doc.id)
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
				w.showError(fmt.Errorf("%s took the story over, and your unsaved copy could not be kept: %w — copy it out of the editor before you close it", l.Holder.Name, keepErr))
			case kept > 0:
				w.status.setText(fmt.Sprintf("%s took the story over: your unsaved copy is kept as revision %d", l.Holder.Name, kept))
			default:
				w.status.setText(l.Holder.Name + " took the story over: read-only")
			}
			if kept > 0 {
				w.reloadHistory()
			}
		})
	}()
}

// keepAside files a, the copy of a desk that lost the story, as a
// checkpoint revision, then puts the stored draft back as the holder
// left it: their work stays the working copy. It returns the revision,
// or 0 when the stored draft already had a's copy.
func (d *document) keepAside(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (uint64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	cur, err := s.Draft(ctx, d.id)
	if err != nil {
		return 0, err
	}
	if cur.Article.ContentHash() == a.ContentHash() {
		return 0, nil
	}
	m.DraftVersion = cur.Version
	rev, err := s.SaveRevision(ctx, a, m)
	if err != nil {
		return 0, err
	}
	mine, err := s.Draft(ctx, d.id)
	if err != nil {
		return rev.Seq, err
	}
	// ErrStale: the holder has written meanwhile, and theirs is the
	// draft already.
	if _, err := s.SaveDraft(ctx, cur.Article, mine.Version); err != nil && !errors.Is(err, storage.ErrStale) {
		return rev.Seq, err
	}
	return rev.Seq, nil
}

// follow shows d, the holder's draft, in the read-only editor.
func (w *Window) follow(d storage.Draft) {
	w.showArticle(openedDocument(d))
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
	w.meta.setEnabled(editable)
	w.pane.banner.show(l, w.cfg.Location)
	w.lib.updateSpikeButton()
	if v, ok := w.history.(interface{ SetReadOnly(bool) }); ok {
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
	d := dialog.NewConfirm("Take the story over?",
		fmt.Sprintf("%s has been editing this story since %s at another desk.\n\nTake it over? %s's unsaved draft will be kept as a revision, and their window turns read-only.", l.Holder.Name, since, l.Holder.Name),
		func(ok bool) {
			if ok {
				w.claim(doc, true)
			}
		}, w.win)
	d.SetConfirmText("Take over")
	d.SetDismissText("Cancel")
	d.Show()
}

// claim takes the lock on doc — from its holder when takeOver is set —
// and opens the story's draft for editing.
func (w *Window) claim(doc *document, takeOver bool) {
	s := w.shared
	w.status.setText("Taking the story over…")
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		s.mu.Lock()
		var err error
		if takeOver {
			_, err = s.locker.TakeOver(s.ctx, doc.id, s.holder)
		} else {
			_, err = s.locker.Acquire(s.ctx, doc.id, s.holder)
		}
		if err == nil {
			s.want = doc.id
		}
		s.mu.Unlock()
		var d storage.Draft
		if err == nil {
			d, err = w.store.Draft(w.ctx, doc.id)
		}
		w.cfg.do(func() {
			if w.doc == nil || w.doc.id != doc.id || w.closing { // (a followed draft is another *document)
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
				w.status.setText("Not taken: " + oneLine(err))
			case err != nil:
				w.showError(fmt.Errorf("cannot take the story over: %w", err))
			default:
				w.heldBy = nil
				w.showArticle(openedDocument(d))
				w.status.setSaved(d.Saved.In(w.cfg.Location), d.Seq)
			}
		})
	}()
}

// checkHolder reads who holds the open story now, for the banner of a
// read-only window.
func (w *Window) checkHolder(doc *document) {
	s := w.shared
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		l, ok, err := s.locker.LockOf(s.ctx, doc.id)
		w.cfg.do(func() {
			if err != nil || w.doc == nil || w.doc.id != doc.id || w.heldBy == nil || w.closing {
				return
			}
			if !ok {
				l = storage.Lock{ArticleID: doc.id}
			}
			if l.Holder.Desk == s.holder.Desk {
				return // taken by this desk: claim is on its way
			}
			w.setReadOnly(&l)
		})
	}()
}
