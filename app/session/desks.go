package session

import (
	"context"
	"errors"
	"os/user"
	"slices"
	"sync"
	"time"

	"copydesk/storage"
)

// Article locks and live changes, for a store several desks share
// (storage.Locker, storage.Watcher). The window holds the lock on the
// story it has open; Desks keeps which story that is and puts this desk's
// lock calls in order. The embedded Badger store shares nothing: then
// there is no Desks, and every story opens for editing.

// ReleaseTimeout bounds the release of the lock when the window closes:
// a store that does not answer must not keep the window from closing
// (the lock then expires after storage.LockTTL).
const ReleaseTimeout = 5 * time.Second

// Desks is what the window keeps for a store that other desks share.
// Goroutines use it; its lock calls are put in order by mu.
type Desks struct {
	Locker  storage.Locker  // nil: the store has no locks
	Watcher storage.Watcher // nil: the store reports no changes
	Holder  storage.Holder  // this running window
	ctx     context.Context // ends when the window closes
	stop    context.CancelFunc
	once    sync.Once

	// mu puts this desk's Acquire, TakeOver and Release calls in order.
	mu sync.Mutex
	// want is the story whose lock this desk holds, or means to: the
	// story open for editing. A release of any other story may go ahead;
	// a heartbeat that no longer lists want means the lock was lost.
	want string

	// Live gathers other desks' changes between two refreshes.
	Live Batch
}

// NewDesks is what the window keeps for store, or nil when the store is
// one desk's alone (neither locks nor live changes). holder is
// completed as DeskHolder says.
func NewDesks(store storage.Store, holder storage.Holder, name string) *Desks {
	locker, _ := store.(storage.Locker)
	watcher, _ := store.(storage.Watcher)
	if locker == nil && watcher == nil {
		return nil
	}
	ctx, stop := context.WithCancel(context.Background())
	return &Desks{Locker: locker, Watcher: watcher, Holder: DeskHolder(holder, name, store), ctx: ctx, stop: stop}
}

// DeskHolder completes the configured holder: the person's name (from
// the settings, else the login name) and the desk ID — the one the store
// signs its changes with, if it does (storage.Signer), else a new one.
func DeskHolder(h storage.Holder, name string, store storage.Store) storage.Holder {
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

// Context ends when the window closes.
func (s *Desks) Context() context.Context { return s.ctx }

// Locks reports whether the store has article locks (false on nil).
func (s *Desks) Locks() bool { return s != nil && s.Locker != nil }

// Close ends the context (the heartbeat and the watch) and gives the
// lock back, once.
func (s *Desks) Close() {
	s.once.Do(func() {
		s.stop()
		if s.Locker == nil {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.want == "" {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), ReleaseTimeout)
		defer cancel()
		_ = s.Locker.Release(ctx, s.want, s.Holder) // unreleased, it expires
		s.want = ""
	})
}

// Acquire takes the lock on id. It returns the other desk's lock when
// another desk holds it (the story then opens read-only).
func (s *Desks) Acquire(id string) (*storage.Lock, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.Locker.Acquire(s.ctx, id, s.Holder)
	var held *storage.HeldError
	if errors.As(err, &held) {
		return &held.Lock, nil
	}
	return nil, err
}

// SetWant records the story this desk means to hold ("" for none).
func (s *Desks) SetWant(id string) {
	s.mu.Lock()
	s.want = id
	s.mu.Unlock()
}

// Wants reports whether id is the story this desk means to hold.
func (s *Desks) Wants(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.want == id
}

// Leave forgets id as the story to hold, as the window leaves it.
func (s *Desks) Leave(id string) {
	s.mu.Lock()
	if s.want == id {
		s.want = ""
	}
	s.mu.Unlock()
}

// Release gives up the lock on id — unless this desk means to hold it
// again by now.
func (s *Desks) Release(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.want == id {
		return
	}
	_ = s.Locker.Release(s.ctx, id, s.Holder) // unreleased, it expires
}

// Heartbeat renews this desk's locks and returns the story it means to
// hold when that lock is no longer among them ("" when all is well, or
// when the store did not answer: the next beat tries again, and the
// lock lasts storage.LockTTL).
func (s *Desks) Heartbeat() (lost string) {
	ids, err := s.Locker.Heartbeat(s.ctx, s.Holder)
	if err != nil {
		return ""
	}
	s.mu.Lock()
	want := s.want
	s.mu.Unlock()
	if want == "" || slices.Contains(ids, want) {
		return ""
	}
	return want
}

// Recheck asks again for the lock on id (which renews it when this desk
// still holds it), when id is still the story to hold. held is the other
// desk's lock when it has taken the story; this desk then no longer
// means to hold it.
func (s *Desks) Recheck(id string) (held *storage.HeldError, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.want != id {
		return nil, nil
	}
	_, err = s.Locker.Acquire(s.ctx, id, s.Holder)
	if errors.As(err, &held) {
		s.want = ""
	}
	return held, err
}

// Claim takes the lock on id — from its holder when takeOver is set —
// and makes it the story to hold.
func (s *Desks) Claim(id string, takeOver bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	if takeOver {
		_, err = s.Locker.TakeOver(s.ctx, id, s.Holder)
	} else {
		_, err = s.Locker.Acquire(s.ctx, id, s.Holder)
	}
	if err == nil {
		s.want = id
	}
	return err
}

// LockOf is who holds id now (ok false: nobody).
func (s *Desks) LockOf(id string) (storage.Lock, bool, error) {
	return s.Locker.LockOf(s.ctx, id)
}

// Mine reports whether c is a change this desk made.
func (s *Desks) Mine(c storage.Change) bool { return c.Desk != "" && c.Desk == s.Holder.Desk }

// OthersLocks returns the stories other desks hold, by ID; nil when the
// store has no locks or cannot say (the library's marks are a courtesy:
// opening a story still asks for its lock).
func (s *Desks) OthersLocks(ctx context.Context) map[string]storage.Lock {
	if !s.Locks() {
		return nil
	}
	locks, err := s.Locker.Locks(ctx)
	if err != nil {
		return nil
	}
	held := make(map[string]storage.Lock, len(locks))
	for _, lk := range locks {
		if lk.Holder.Desk != s.Holder.Desk {
			held[lk.ArticleID] = lk
		}
	}
	return held
}
