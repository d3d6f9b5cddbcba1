package storetest

// The behaviour of a store several desks share (storage.Locker and
// storage.Watcher): two handles on one database stand for two desks.

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// SharedOpener returns two stores (two desks) on one new, empty database.
// Their locks should expire within a few seconds without a heartbeat
// (RunShared waits for an expiry, up to a minute). RunShared closes both.
type SharedOpener func(t *testing.T) (a, b storage.Store)

// sharedTest is one behaviour of two desks.
type sharedTest struct {
	name string
	run  func(t *testing.T, a, b storage.Store)
}

var sharedSuite = []sharedTest{
	{"LockHeld", testLockHeld},
	{"LockExpires", testLockExpires},
	{"TakeOverKeepsDraft", testTakeOverKeepsDraft},
	{"TakeOverWithoutChanges", testTakeOverWithoutChanges},
	{"WatchSeesOtherDesk", testWatchSeesOtherDesk},
	{"StaleAcrossDesks", testStaleAcrossDesks},
	{"ConcurrentDesks", testConcurrentDesks},
	{"CommentsAcrossDesks", testCommentsAcrossDesks},
}

// RunShared runs the shared-store suite, each behaviour on a fresh pair
// of desks from open. Stores without storage.Locker or storage.Watcher
// skip what needs them.
func RunShared(t *testing.T, open SharedOpener) {
	for _, st := range sharedSuite {
		t.Run(st.name, func(t *testing.T) {
			a, b := open(t)
			t.Cleanup(func() { _ = a.Close(); _ = b.Close() })
			st.run(t, a, b)
		})
	}
}

var (
	holderA = storage.Holder{Name: "Anna Petrova", Desk: "desk-a/1"}
	holderB = storage.Holder{Name: "Boris Ivanov", Desk: "desk-b/2"}
)

func lockers(t *testing.T, a, b storage.Store) (storage.Locker, storage.Locker) {
	t.Helper()
	la, okA := a.(storage.Locker)
	lb, okB := b.(storage.Locker)
	if !okA || !okB {
		t.Skip("the store has no article locks")
	}
	return la, lb
}

// wantHeld fails unless err is a *storage.HeldError naming holder h.
func wantHeld(t *testing.T, what string, err error, h storage.Holder) *storage.HeldError {
	t.Helper()
	var he *storage.HeldError
	if !errors.As(err, &he) || !errors.Is(err, storage.ErrHeld) {
		t.Fatalf("%s: error %v, want a *storage.HeldError", what, err)
	}
	if he.Lock.Holder != h || he.Lock.Since.IsZero() {
		t.Errorf("%s: held by %+v since %v, want %+v and a time", what, he.Lock.Holder, he.Lock.Since, h)
	}
	return he
}

func testLockHeld(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	la, lb := lockers(t, a, b)
	art := Article("Locked story", 100, 60)
	mustCreate(t, a, art)
	id := art.ID

	l, err := la.Acquire(ctx, id, holderA)
	if err != nil {
		t.Fatal(err)
	}
	if l.Holder != holderA || l.ArticleID != id || l.Since.IsZero() || l.Seen.Before(l.Since) {
		t.Errorf("Acquire gave %+v", l)
	}
	he := wantHeld(t, "Acquire at the other desk", errOf(lb.Acquire(ctx, id, holderB)), holderA)
	if !he.Lock.Since.Equal(l.Since) {
		t.Errorf("HeldError since %v, want %v", he.Lock.Since, l.Since)
	}
	got, ok, err := lb.LockOf(ctx, id)
	if err != nil || !ok || got.Holder != holderA || !got.Since.Equal(l.Since) {
		t.Errorf("LockOf at the other desk = %+v, %v, %v; want A's lock", got, ok, err)
	}
	// Acquiring again renews; since stays.
	again, err := la.Acquire(ctx, id, holderA)
	if err != nil || !again.Since.Equal(l.Since) {
		t.Errorf("second Acquire = %+v, %v; want since %v", again, err, l.Since)
	}
	tests := []struct {
		h    storage.Holder
		want []string
	}{{holderA, []string{id}}, {holderB, nil}}
	for _, tc := range tests {
		ids, err := la.Heartbeat(ctx, tc.h)
		if err != nil || fmt.Sprint(ids) != fmt.Sprint(tc.want) {
			t.Errorf("Heartbeat(%s) = %v, %v; want %v", tc.h.Name, ids, err, tc.want)
		}
	}
	testLockReleased(t, la, lb, id)
}

// testLockReleased: with A holding id's lock, a release by B changes
// nothing, A's release frees it for B, and A is then refused.
func testLockReleased(t *testing.T, la, lb storage.Locker, id string) {
	ctx := context.Background()
	// A release by a desk that does not hold it changes nothing.
	if err := lb.Release(ctx, id, holderB); err != nil {
		t.Errorf("Release by a non-holder: %v", err)
	}
	if _, ok, _ := lb.LockOf(ctx, id); !ok {
		t.Error("a release by a non-holder freed the lock")
	}
	if locks, err := lb.Locks(ctx); err != nil || len(locks) != 1 || locks[0].ArticleID != id || locks[0].Holder != holderA {
		t.Errorf("Locks at the other desk = %+v, %v; want A's lock on %s", locks, err, id)
	}
	if err := la.Release(ctx, id, holderA); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := lb.LockOf(ctx, id); err != nil || ok {
		t.Errorf("LockOf after Release = %+v, %v, %v; want none", got, ok, err)
	}
	if locks, err := lb.Locks(ctx); err != nil || len(locks) != 0 {
		t.Errorf("Locks after Release = %+v, %v; want none", locks, err)
	}
	if l, err := lb.Acquire(ctx, id, holderB); err != nil || l.Holder != holderB {
		t.Errorf("Acquire after Release = %+v, %v", l, err)
	}
	wantHeld(t, "Acquire by the first desk now", errOf(la.Acquire(ctx, id, holderA)), holderB)
	if ids, _ := la.Heartbeat(ctx, holderA); len(ids) != 0 {
		t.Errorf("Heartbeat of a desk that released: %v", ids)
	}
}

func errOf(_ storage.Lock, err error) error { return err }

// testLockExpires: a desk that stops beating loses its lock, and what it
// had autosaved but not saved is kept as its revision.
func testLockExpires(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	la, lb := lockers(t, a, b)
	art := Article("Abandoned story", 120, 61)
	mustCreate(t, a, art)
	if _, err := la.Acquire(ctx, art.ID, holderA); err != nil {
		t.Fatal(err)
	}
	unsaved := edited(art, 1)
	if _, err := a.SaveDraft(ctx, unsaved, 1); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	var l storage.Lock
	for {
		var err error
		l, err = lb.Acquire(ctx, art.ID, holderB)
		if err == nil {
			break
		}
		wantHeld(t, "Acquire before the lock expired", err, holderA)
		if time.Now().After(deadline) {
			t.Fatal("the lock of a desk without heartbeat did not expire within a minute")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if l.Holder != holderB {
		t.Errorf("expired lock taken as %+v", l)
	}
	if ids, err := la.Heartbeat(ctx, holderA); err != nil || len(ids) != 0 {
		t.Errorf("Heartbeat of the desk that lost it = %v, %v; want none", ids, err)
	}
	checkKept(t, b, unsaved, holderA, holderB, 2)
}

// checkKept checks that revision seq keeps want as a checkpoint by prev,
// labelled for next, and that the chain verifies.
func checkKept(t *testing.T, s storage.Store, want *editor.Article, prev, next storage.Holder, seq uint64) {
	t.Helper()
	revs := mustRevisions(t, s, want.ID)
	if uint64(len(revs)) != seq {
		t.Fatalf("%d revisions, want %d", len(revs), seq)
	}
	r := revs[seq-1]
	if r.Kind != storage.KindCheckpoint || r.Author != prev.Name || r.Label != "kept at take-over by "+next.Name {
		t.Errorf("kept revision: %+v", r)
	}
	got, _, err := s.Revision(context.Background(), want.ID, seq)
	if err != nil {
		t.Fatal(err)
	}
	sameArticle(t, "kept revision", got, want)
	d := mustDraft(t, s, want.ID)
	if d.Seq != seq {
		t.Errorf("draft follows revision %d, want %d", d.Seq, seq)
	}
	sameArticle(t, "draft after take-over", d.Article, want)
	mustVerify(t, s)
}

func testTakeOverKeepsDraft(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	la, lb := lockers(t, a, b)
	art := Article("Contested story", 150, 62)
	mustCreate(t, a, art)
	mustSave(t, a, edited(art, 1), storage.Meta{Author: holderA.Name})
	if _, err := la.Acquire(ctx, art.ID, holderA); err != nil {
		t.Fatal(err)
	}
	unsaved := edited(edited(art, 1), 2)
	unsaved.Headline = "" // a draft being typed: kept even so
	if _, err := a.SaveDraft(ctx, unsaved, 2); err != nil {
		t.Fatal(err)
	}
	l, err := lb.TakeOver(ctx, art.ID, holderB)
	if err != nil {
		t.Fatal(err)
	}
	if l.Holder != holderB {
		t.Errorf("TakeOver gave %+v", l)
	}
	checkKept(t, b, unsaved, holderA, holderB, 3)
	wantHeld(t, "Acquire by the desk that was taken over", errOf(la.Acquire(ctx, art.ID, holderA)), holderB)
	if ids, _ := la.Heartbeat(ctx, holderA); len(ids) != 0 {
		t.Errorf("Heartbeat after take-over: %v", ids)
	}
	// Its stale autosave is refused, not written over the kept copy.
	_, err = a.SaveDraft(ctx, edited(unsaved, 3), 3)
	wantErr(t, "autosave of the desk taken over", err, storage.ErrStale)
}

func testTakeOverWithoutChanges(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	la, lb := lockers(t, a, b)
	art := Article("Quiet story", 80, 63)
	mustCreate(t, a, art)
	// Nobody holds it: a take-over is an acquire.
	if l, err := lb.TakeOver(ctx, art.ID, holderB); err != nil || l.Holder != holderB {
		t.Fatalf("TakeOver of a free story = %+v, %v", l, err)
	}
	if _, err := la.TakeOver(ctx, art.ID, holderA); err != nil {
		t.Fatal(err)
	}
	if n := len(mustRevisions(t, a, art.ID)); n != 1 {
		t.Errorf("a take-over of a draft equal to its revision made revisions: %d", n)
	}
	if got, ok, err := lb.LockOf(ctx, art.ID); err != nil || !ok || got.Holder != holderA {
		t.Errorf("LockOf = %+v, %v, %v; want A", got, ok, err)
	}
}

func testWatchSeesOtherDesk(t *testing.T, a, b storage.Store) {
	wb, ok := b.(storage.Watcher)
	if !ok {
		t.Skip("the store reports no changes")
	}
	la, _ := a.(storage.Locker)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := wb.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	art := Article("Watched story", 90, 64)
	expect := func(what string, match func(c storage.Change) bool) {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case c, open := <-ch:
				if !open {
					t.Fatalf("%s: the watch ended", what)
				}
				if c.ArticleID == art.ID && match(c) {
					return
				}
			case <-timeout:
				t.Fatalf("%s: no change seen by the other desk within 10 s", what)
			}
		}
	}
	mustCreate(t, a, art)
	expect("Create", func(c storage.Change) bool { return c.Kind == storage.ChangeCreate })
	v, err := a.SaveDraft(ctx, edited(art, 1), 1)
	if err != nil {
		t.Fatal(err)
	}
	expect("SaveDraft", func(c storage.Change) bool { return c.Kind == storage.ChangeDraft && c.Version == v })
	rev := mustSave(t, a, edited(art, 2), storage.Meta{})
	expect("SaveRevision", func(c storage.Change) bool { return c.Kind == storage.ChangeRevision && c.Seq == rev.Seq })
	if err := a.SetLabel(ctx, art.ID, rev.Seq, "legal ok"); err != nil {
		t.Fatal(err)
	}
	expect("SetLabel", func(c storage.Change) bool { return c.Kind == storage.ChangeLabel && c.Seq == rev.Seq })
	if err := a.SetSetting(ctx, storage.CommentSettingPrefix+art.ID+"/c1", []byte(`{"id":"c1"}`)); err != nil {
		t.Fatal(err)
	}
	expect("a comment (SetSetting)", func(c storage.Change) bool { return c.Kind == storage.ChangeComment })
	if la != nil {
		if _, err := la.Acquire(ctx, art.ID, holderA); err != nil {
			t.Fatal(err)
		}
		expect("Acquire", func(c storage.Change) bool { return c.Kind == storage.ChangeLock && c.Desk == holderA.Desk })
		if err := la.Release(ctx, art.ID, holderA); err != nil {
			t.Fatal(err)
		}
		expect("Release", func(c storage.Change) bool { return c.Kind == storage.ChangeLock })
	}
	cancel()
	for range ch { // the channel closes once the watch's context ends
	}
}

func testStaleAcrossDesks(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	art := Article("Two desks, one story", 100, 65)
	mustCreate(t, a, art)
	da, db := mustDraft(t, a, art.ID), mustDraft(t, b, art.ID)
	mine := edited(da.Article, 1)
	v, err := a.SaveDraft(ctx, mine, da.Version)
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.SaveDraft(ctx, edited(db.Article, 2), db.Version)
	wantErr(t, "autosave from the other desk's old copy", err, storage.ErrStale)
	_, err = b.SaveRevision(ctx, edited(db.Article, 3), storage.Meta{DraftVersion: db.Version})
	wantErr(t, "save from the other desk's old copy", err, storage.ErrStale)
	d := mustDraft(t, b, art.ID)
	if d.Version != v {
		t.Errorf("draft version %d, want %d", d.Version, v)
	}
	sameArticle(t, "draft after stale saves", d.Article, mine)
	if n := len(mustRevisions(t, b, art.ID)); n != 1 {
		t.Errorf("%d revisions after a stale save, want 1", n)
	}
}

// testConcurrentDesks: writers on both desks save revisions of one story,
// each from the draft version it read, retrying when stale. Every
// acknowledged revision must be there, in one unbroken chain.
func testConcurrentDesks(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	art := Article("Story everyone edits", 200, 66)
	mustCreate(t, a, art)
	const writers, each = 8, 5
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		acked = map[uint64]storage.Revision{}
		errs  []error
	)
	for w := range writers {
		s := a
		if w%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; {
				d, err := s.Draft(ctx, art.ID)
				if err == nil {
					var rev storage.Revision
					rev, err = s.SaveRevision(ctx, edited(d.Article, w*100+i), storage.Meta{
						Author: fmt.Sprintf("writer %d", w), DraftVersion: d.Version})
					if err == nil {
						mu.Lock()
						if _, dup := acked[rev.Seq]; dup {
							errs = append(errs, fmt.Errorf("sequence number %d acknowledged twice", rev.Seq))
						}
						acked[rev.Seq] = rev
						mu.Unlock()
						i++
						continue
					}
				}
				if !errors.Is(err, storage.ErrStale) {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	revs := mustRevisions(t, b, art.ID)
	if len(revs) != 1+writers*each || len(acked) != writers*each {
		t.Fatalf("%d revisions stored, %d acknowledged; want %d and %d", len(revs), len(acked), 1+writers*each, writers*each)
	}
	for _, r := range revs[1:] {
		want, ok := acked[r.Seq]
		if !ok {
			t.Errorf("revision %d was stored but never acknowledged", r.Seq)
			continue
		}
		sameRevision(t, fmt.Sprintf("revision %d", r.Seq), r, want)
	}
	mustVerify(t, a)
	mustVerify(t, b)
}
