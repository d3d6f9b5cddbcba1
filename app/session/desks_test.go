package session

import (
	"context"
	"slices"
	"testing"

	"copydesk/storage"
)

// fakeLocks is a Locker over a map: who holds which story.
type fakeLocks struct {
	storage.Store
	held     map[string]storage.Holder
	released []string
}

func (f *fakeLocks) Acquire(_ context.Context, id string, h storage.Holder) (storage.Lock, error) {
	if o, ok := f.held[id]; ok && o.Desk != h.Desk {
		return storage.Lock{}, &storage.HeldError{Lock: storage.Lock{ArticleID: id, Holder: o}}
	}
	f.held[id] = h
	return storage.Lock{ArticleID: id, Holder: h}, nil
}

func (f *fakeLocks) TakeOver(_ context.Context, id string, h storage.Holder) (storage.Lock, error) {
	f.held[id] = h
	return storage.Lock{ArticleID: id, Holder: h}, nil
}

func (f *fakeLocks) Release(_ context.Context, id string, h storage.Holder) error {
	if f.held[id] == h {
		delete(f.held, id)
		f.released = append(f.released, id)
	}
	return nil
}

func (f *fakeLocks) Heartbeat(_ context.Context, h storage.Holder) ([]string, error) {
	var ids []string
	for id, o := range f.held {
		if o == h {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func (f *fakeLocks) LockOf(_ context.Context, id string) (storage.Lock, bool, error) {
	o, ok := f.held[id]
	return storage.Lock{ArticleID: id, Holder: o}, ok, nil
}

func (f *fakeLocks) Locks(context.Context) ([]storage.Lock, error) {
	var ls []storage.Lock
	for id, o := range f.held {
		ls = append(ls, storage.Lock{ArticleID: id, Holder: o})
	}
	return ls, nil
}

var boris = storage.Holder{Name: "Boris", Desk: "desk/boris/1"}

// The lock bookkeeping: a lost lock is noticed by the heartbeat, a
// recheck then clears the story to hold, a release spares the story
// this desk means to hold again, and Close gives the lock back.
func TestDesksLockProtocol(t *testing.T) {
	f := &fakeLocks{held: map[string]storage.Holder{}}
	s := NewDesks(f, anna, "")
	if !s.Locks() || s.Holder != anna {
		t.Fatalf("desks %+v", s)
	}
	if l, err := s.Acquire("a"); l != nil || err != nil {
		t.Fatalf("acquire a free story: %v %v", l, err)
	}
	s.SetWant("a")
	if lost := s.Heartbeat(); lost != "" {
		t.Errorf("heartbeat lost %q while holding it", lost)
	}
	f.held["a"] = boris // taken over elsewhere
	if lost := s.Heartbeat(); lost != "a" {
		t.Errorf("heartbeat after a take-over: lost %q, want a", lost)
	}
	held, err := s.Recheck("a")
	if held == nil || held.Lock.Holder != boris || err == nil {
		t.Fatalf("recheck: %v %v", held, err)
	}
	if s.Wants("a") {
		t.Error("still means to hold a story another desk has taken")
	}
	if held, err := s.Recheck("a"); held != nil || err != nil {
		t.Errorf("a recheck of a story not wanted asked the store: %v %v", held, err)
	}

	if err := s.Claim("b", false); err != nil || !s.Wants("b") {
		t.Fatalf("claim b: %v, wants %v", err, s.Wants("b"))
	}
	s.Release("b") // opened again meanwhile: kept
	if _, ok := f.held["b"]; !ok {
		t.Error("released the story this desk means to hold")
	}
	if others := s.OthersLocks(ctx); len(others) != 1 || others["a"].Holder != boris {
		t.Errorf("others' locks %v", others)
	}
	s.Close()
	s.Close()
	if !slices.Equal(f.released, []string{"b"}) || s.Context().Err() == nil {
		t.Errorf("close released %v, context %v", f.released, s.Context().Err())
	}
}

// A store of one desk's own shares nothing.
func TestDesksOfAPrivateStore(t *testing.T) {
	s := NewDesks(openStore(t), anna, "")
	if s != nil || s.Locks() {
		t.Errorf("a Badger store got desks: %+v", s)
	}
}
