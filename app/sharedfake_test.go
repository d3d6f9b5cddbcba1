package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// fakeHub is a store several desks share: a real Badger store, with the
// locks (on a clock the test moves) and the change feed a shared store
// adds. Each desk talks to it through its own fakeDesk, which signs the
// changes it makes.
type fakeHub struct {
	store storage.Store
	mu    sync.Mutex
	now   time.Time
	locks map[string]storage.Lock
	subs  map[chan storage.Change]bool
}

func newFakeHub(t *testing.T) *fakeHub {
	t.Helper()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &fakeHub{store: s, now: testNow, locks: map[string]storage.Lock{}, subs: map[chan storage.Change]bool{}}
}

// advance moves the locks' clock on.
func (h *fakeHub) advance(d time.Duration) {
	h.mu.Lock()
	h.now = h.now.Add(d)
	h.mu.Unlock()
}

// broadcast sends c to every watcher. Called with mu held.
func (h *fakeHub) broadcast(c storage.Change) {
	for ch := range h.subs {
		select {
		case ch <- c:
		default: // a watcher this far behind would reconnect: "reload all"
		}
	}
}

func (h *fakeHub) send(c storage.Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.broadcast(c)
}

// lockOf is the live lock on id. Called with mu held.
func (h *fakeHub) lockOf(id string) (storage.Lock, bool) {
	l, ok := h.locks[id]
	if !ok || !l.Live(h.now) {
		return storage.Lock{}, false
	}
	return l, true
}

// keepDraft is the take-over rule of the contract: a stored draft that no
// revision holds is kept as a checkpoint by its previous holder. Called
// with mu held.
func (h *fakeHub) keepDraft(ctx context.Context, id string, prev storage.Lock, by storage.Holder) error {
	d, err := h.store.Draft(ctx, id)
	if err != nil {
		return err
	}
	revs, err := h.store.Revisions(ctx, id)
	if err != nil {
		return err
	}
	if len(revs) > 0 && revs[len(revs)-1].ContentHash == d.Article.ContentHash() {
		return nil
	}
	rev, err := h.store.SaveRevision(ctx, d.Article, storage.Meta{Author: prev.Holder.Name, Kind: storage.KindCheckpoint,
		Label: "kept at take-over by " + by.Name, DraftVersion: d.Version})
	if err != nil {
		return err
	}
	h.broadcast(storage.Change{ArticleID: id, Kind: storage.ChangeRevision, Seq: rev.Seq, Desk: by.Desk})
	return nil
}

// take gives id to h. Called with mu held.
func (h *fakeHub) take(id string, by storage.Holder) storage.Lock {
	l := storage.Lock{ArticleID: id, Holder: by, Since: h.now, Seen: h.now}
	h.locks[id] = l
	h.broadcast(storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: by.Desk})
	return l
}

// fakeDesk is one desk's connection to the hub: Store, Locker, Watcher.
type fakeDesk struct {
	storage.Store
	hub  *fakeHub
	desk string
}

func (d *fakeDesk) Create(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	rev, err := d.Store.Create(ctx, a, m)
	if err == nil {
		d.hub.send(storage.Change{ArticleID: a.ID, Kind: storage.ChangeCreate, Seq: rev.Seq, Desk: d.desk})
	}
	return rev, err
}

func (d *fakeDesk) SaveDraft(ctx context.Context, a *editor.Article, version uint64) (uint64, error) {
	v, err := d.Store.SaveDraft(ctx, a, version)
	if err == nil {
		d.hub.send(storage.Change{ArticleID: a.ID, Kind: storage.ChangeDraft, Version: v, Desk: d.desk})
	}
	return v, err
}

func (d *fakeDesk) SaveRevision(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	rev, err := d.Store.SaveRevision(ctx, a, m)
	if err == nil {
		d.hub.send(storage.Change{ArticleID: a.ID, Kind: storage.ChangeRevision, Seq: rev.Seq, Desk: d.desk})
	}
	return rev, err
}

func (d *fakeDesk) SetLabel(ctx context.Context, id string, seq uint64, label string) error {
	err := d.Store.SetLabel(ctx, id, seq, label)
	if err == nil {
		d.hub.send(storage.Change{ArticleID: id, Kind: storage.ChangeLabel, Seq: seq, Desk: d.desk})
	}
	return err
}

func (d *fakeDesk) Acquire(ctx context.Context, id string, h storage.Holder) (storage.Lock, error) {
	hub := d.hub
	hub.mu.Lock()
	defer hub.mu.Unlock()
	l, ok := hub.locks[id]
	switch {
	case ok && l.Holder.Desk == h.Desk:
		l.Seen = hub.now
		hub.locks[id] = l
		return l, nil
	case ok && l.Live(hub.now):
		return storage.Lock{}, &storage.HeldError{Lock: l}
	case ok: // expired: taken over without asking
		if err := hub.keepDraft(ctx, id, l, h); err != nil {
			return storage.Lock{}, err
		}
	}
	return hub.take(id, h), nil
}

func (d *fakeDesk) TakeOver(ctx context.Context, id string, h storage.Holder) (storage.Lock, error) {
	hub := d.hub
	hub.mu.Lock()
	defer hub.mu.Unlock()
	if l, ok := hub.locks[id]; ok && l.Holder.Desk != h.Desk {
		if err := hub.keepDraft(ctx, id, l, h); err != nil {
			return storage.Lock{}, err
		}
	}
	return hub.take(id, h), nil
}

func (d *fakeDesk) Release(_ context.Context, id string, h storage.Holder) error {
	hub := d.hub
	hub.mu.Lock()
	defer hub.mu.Unlock()
	if l, ok := hub.locks[id]; ok && l.Holder.Desk == h.Desk {
		delete(hub.locks, id)
		hub.broadcast(storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: h.Desk})
	}
	return nil
}

func (d *fakeDesk) Heartbeat(_ context.Context, h storage.Holder) ([]string, error) {
	hub := d.hub
	hub.mu.Lock()
	defer hub.mu.Unlock()
	var ids []string
	for id, l := range hub.locks {
		if l.Holder.Desk == h.Desk && l.Live(hub.now) {
			l.Seen = hub.now
			hub.locks[id] = l
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func (d *fakeDesk) LockOf(_ context.Context, id string) (storage.Lock, bool, error) {
	d.hub.mu.Lock()
	defer d.hub.mu.Unlock()
	l, ok := d.hub.lockOf(id)
	return l, ok, nil
}

func (d *fakeDesk) Locks(context.Context) ([]storage.Lock, error) {
	d.hub.mu.Lock()
	defer d.hub.mu.Unlock()
	var locks []storage.Lock
	for id := range d.hub.locks {
		if l, ok := d.hub.lockOf(id); ok {
			locks = append(locks, l)
		}
	}
	return locks, nil
}

func (d *fakeDesk) Watch(ctx context.Context) (<-chan storage.Change, error) {
	hub := d.hub
	ch := make(chan storage.Change, 1000)
	hub.mu.Lock()
	hub.subs[ch] = true
	hub.mu.Unlock()
	context.AfterFunc(ctx, func() {
		hub.mu.Lock()
		defer hub.mu.Unlock()
		delete(hub.subs, ch)
		close(ch)
	})
	return ch, nil
}

// locksOnly is a shared store without the change feed: what the window
// learns, it learns from the heartbeat.
type locksOnly struct {
	storage.Store
	storage.Locker
}
