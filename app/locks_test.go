package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

// deskWindow is one desk's window on the hub.
type deskWindow struct {
	w     *Window
	desk  *fakeDesk
	timer *manualTimer
	beat  func() // the heartbeat, beaten by hand
}

// Two people, two desks.
var (
	anna  = storage.Holder{Name: "Anna Petrova", Desk: "desk-a"}
	boris = storage.Holder{Name: "Boris Orlov", Desk: "desk-b"}
)

// openDesk opens a window for holder on the hub. watch false gives it a
// store with locks but no change feed.
func openDesk(t *testing.T, a fyne.App, hub *fakeHub, holder storage.Holder, watch bool, ext Extensions) *deskWindow {
	t.Helper()
	fd := &fakeDesk{Store: hub.store, hub: hub, desk: holder.Desk}
	var s storage.Store = fd
	if !watch {
		s = locksOnly{Store: fd, Locker: fd}
	}
	d := &deskWindow{desk: fd, timer: &manualTimer{}}
	q := make(chan func(), 1000)
	d.w = NewWindow(a, Config{
		Store: s, Author: holder.Name, Desk: holder, Style: editor.StyleTASS, Version: "test", Extensions: ext,
		Now: func() time.Time { return testNow }, Location: time.UTC, after: d.timer.after,
		do:        func(f func()) { q <- f },
		every:     func(_ time.Duration, f func()) func() { d.beat = f; return func() {} },
		liveDelay: time.Millisecond,
	})
	queues[d.w] = q
	d.w.win.Resize(DefaultWindowSize)
	settle(d.w) // the library's first look at the locks
	t.Cleanup(func() {
		settle(d.w)
		if !d.w.closing {
			d.w.win.Close()
		}
		settle(d.w)
		delete(queues, d.w)
	})
	return d
}

// waitFor runs what reaches w's UI goroutine until cond holds. Changes
// come from the watch's own goroutine, so the test waits for them; the
// limit only keeps a broken build from hanging.
func waitFor(t *testing.T, w *Window, what string, cond func() bool) {
	t.Helper()
	limit := time.After(20 * time.Second)
	for {
		settle(w)
		if cond() {
			return
		}
		select {
		case f := <-uiQueue(w):
			f()
		case <-limit:
			t.Fatalf("never happened: %s", what)
		}
	}
}

// putStory stores the fixture as a new story and lists it on the desks.
func putStory(t *testing.T, hub *fakeHub, headline string, desks ...*deskWindow) string {
	t.Helper()
	a := fixtureArticle(t)
	a.ID = editor.NewID()
	a.Headline = headline
	if _, err := hub.store.Create(context.Background(), a, storage.Meta{Author: "wire", Kind: storage.KindImport, Time: a.Modified}); err != nil {
		t.Fatal(err)
	}
	for _, d := range desks {
		d.w.lib.Reload()
		settle(d.w) // the tags are read off the UI goroutine
	}
	return a.ID
}

func lockOf(t *testing.T, hub *fakeHub, id string) (storage.Lock, bool) {
	t.Helper()
	hub.mu.Lock()
	defer hub.mu.Unlock()
	return hub.lockOf(id)
}

// editable reports whether each editing widget takes input.
func editable(w *Window) map[string]bool {
	return map[string]bool{
		"headline":   !w.pane.headline.Disabled(),
		"standfirst": !w.pane.standfirst.Disabled(),
		"body":       !w.pane.body.ReadOnly(),
		"slug":       !w.meta.Slug.Disabled(),
		"status":     !w.meta.Status.Disabled(),
		"tags":       !w.meta.Tags.Entry.Disabled(),
	}
}

func assertEditable(t *testing.T, who string, w *Window, want bool) {
	t.Helper()
	for name, on := range editable(w) {
		if on != want {
			t.Errorf("%s: %s editable %v, want %v", who, name, on, want)
		}
	}
	if w.pane.banner.content.Visible() == want {
		t.Errorf("%s: banner shown %v with editing %v", who, w.pane.banner.content.Visible(), want)
	}
}

// revisionCopy is the revision labelled label, and its copy.
func revisionCopy(t *testing.T, s storage.Store, id, label string) (storage.Revision, *editor.Article) {
	t.Helper()
	revs, err := s.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range revs {
		if r.Label == label {
			a, _, err := s.Revision(context.Background(), id, r.Seq)
			if err != nil {
				t.Fatal(err)
			}
			return r, a
		}
	}
	t.Fatalf("no revision labelled %q among %d", label, len(revs))
	return storage.Revision{}, nil
}

func TestHeldStoryOpensReadOnly(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	a := openDesk(t, app, hub, anna, true, Extensions{})
	b := openDesk(t, app, hub, boris, true, Extensions{})
	story := putStory(t, hub, "Held story", a, b)
	other := putStory(t, hub, "Other story", a, b)

	if err := a.w.Open(story); err != nil {
		t.Fatal(err)
	}
	assertEditable(t, "the holder", a.w, true)
	if l, ok := lockOf(t, hub, story); !ok || l.Holder != anna {
		t.Fatalf("opening did not lock: %+v %v", l, ok)
	}
	if err := b.w.Open(story); err != nil {
		t.Fatal(err)
	}
	assertEditable(t, "the other desk", b.w, false)
	if got, want := b.w.pane.banner.text.Text, "Being edited by Anna Petrova since 12:04 — read-only"; got != want {
		t.Errorf("banner %q, want %q", got, want)
	}
	if findButton(b.w.win.Canvas(), "Take over…") == nil {
		t.Error("no Take over… button")
	}
	// Nothing the reader does writes.
	b.w.edited()
	b.w.SaveRevision("")
	b.w.changeStatus(editor.StatusReady)
	settle(b.w)
	if b.timer.pending != nil || len(hub.revs(t, story)) != 1 {
		t.Errorf("a read-only desk wrote: autosave %v, %d revisions", b.timer.pending != nil, len(hub.revs(t, story)))
	}
	if !strings.HasPrefix(b.w.status.state.Text, "Read-only: Anna Petrova") {
		t.Errorf("status %q", b.w.status.state.Text)
	}
	// The reader leaving gives up nothing of the holder's.
	if err := b.w.Open(other); err != nil {
		t.Fatal(err)
	}
	settle(b.w)
	assertEditable(t, "the other desk on another story", b.w, true)
	if l, ok := lockOf(t, hub, story); !ok || l.Holder != anna {
		t.Errorf("the reader's leaving released the holder's lock: %+v %v", l, ok)
	}
	// The holder leaving releases it, once the checkpoint is stored.
	test.Type(a.w.pane.headline, " (edited)")
	a.w.NewArticle()
	settle(a.w)
	if _, ok := lockOf(t, hub, story); ok {
		t.Error("leaving the story kept its lock")
	}
	if revs := hub.revs(t, story); revs[len(revs)-1].Kind != storage.KindCheckpoint {
		t.Errorf("leaving made no checkpoint: %+v", revs[len(revs)-1])
	}
	// Closing releases.
	b.w.requestClose()
	if _, ok := lockOf(t, hub, other); ok {
		t.Error("closing the window kept its lock")
	}
}

func (h *fakeHub) revs(t *testing.T, id string) []storage.Revision {
	t.Helper()
	revs, err := h.store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return revs
}

func TestTakeOverKeepsBothDesksCopies(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	a := openDesk(t, app, hub, anna, true, Extensions{})
	b := openDesk(t, app, hub, boris, true, Extensions{})
	story := putStory(t, hub, "Contested story", a, b)
	if err := a.w.Open(story); err != nil {
		t.Fatal(err)
	}
	// Anna's draft: autosaved, in no revision; then more, not saved yet.
	// (The test driver finds the canvas of the last window only, so Anna,
	// the first, types in the standfirst, an Entry of her own.)
	test.Type(a.w.pane.standfirst, "DRAFTED ")
	a.timer.fire(t, a.w)
	test.Type(a.w.pane.standfirst, "UNSAVED ")

	if err := b.w.Open(story); err != nil {
		t.Fatal(err)
	}
	c := b.w.win.Canvas()
	test.Tap(findButton(c, "Take over…"))
	if q := overlayText(c); !strings.Contains(q, "Anna Petrova") || !strings.Contains(q, "kept as a revision") {
		t.Fatalf("the confirmation does not name the holder and what is kept:\n%s", q)
	}
	test.Tap(findButton(c, "Take over"))
	settle(b.w)
	assertEditable(t, "after take-over", b.w, true)
	if l, ok := lockOf(t, hub, story); !ok || l.Holder != boris {
		t.Fatalf("lock after take-over: %+v %v", l, ok)
	}
	if sf := b.w.pane.standfirst.Text; !strings.Contains(sf, "DRAFTED ") || strings.Contains(sf, "UNSAVED") {
		t.Errorf("the new holder does not edit the stored draft: %q", sf)
	}
	kept, kc := revisionCopy(t, hub.store, story, "kept at take-over by Boris Orlov")
	if kept.Author != "Anna Petrova" || !strings.Contains(kc.Standfirst, "DRAFTED ") {
		t.Errorf("Anna's draft kept as %+v, standfirst %q", kept, kc.Standfirst)
	}

	// Anna's window learns it from the change feed.
	waitFor(t, a.w, "Anna's window turns read-only", a.w.readOnly)
	settle(a.w)
	assertEditable(t, "the desk taken over", a.w, false)
	if got := a.w.pane.banner.text.Text; !strings.Contains(got, "Being edited by Boris Orlov") {
		t.Errorf("banner %q", got)
	}
	if _, kc = revisionCopy(t, hub.store, story, keptAfterTakeOver); !strings.Contains(kc.Standfirst, "UNSAVED") {
		t.Errorf("Anna's unsaved copy kept as %q", kc.Standfirst)
	}
	if d := draftOf(t, hub, story); strings.Contains(d.Article.Standfirst, "UNSAVED") {
		t.Error("Anna's kept copy took the holder's draft")
	}
	if sf := a.w.pane.standfirst.Text; strings.Contains(sf, "UNSAVED") || !strings.Contains(sf, "DRAFTED ") {
		t.Errorf("Anna's window does not show the holder's draft: %q", sf)
	}
	if !strings.Contains(a.w.status.state.Text, "kept as revision") {
		t.Errorf("Anna is not told where her copy went: %q", a.w.status.state.Text)
	}
	// Boris writes on: Anna's copy kept aside is no conflict for him.
	b.w.pane.body.FocusBlock(0, 0)
	typeRunes(b.w, "BORIS ")
	b.timer.fire(t, b.w)
	if q := overlayText(c); strings.Contains(q, "changed elsewhere") {
		t.Errorf("Boris was told of a conflict: %s", q)
	}
	if d := draftOf(t, hub, story); !strings.HasPrefix(d.Article.Body, "BORIS ") || strings.Contains(d.Article.Standfirst, "UNSAVED") {
		t.Errorf("Boris's autosave: %.30q, %q", d.Article.Body, d.Article.Standfirst)
	}
	// Anna's window follows Boris's draft.
	waitFor(t, a.w, "Anna's window follows Boris", func() bool {
		return strings.HasPrefix(a.w.pane.body.Body(), "BORIS ")
	})
}

func draftOf(t *testing.T, hub *fakeHub, id string) storage.Draft {
	t.Helper()
	d, err := hub.store.Draft(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A desk that missed its heartbeats loses its lock to the next desk that
// asks; it learns so at its next heartbeat (no change feed here).
func TestHeartbeatLostLockTurnsReadOnly(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	a := openDesk(t, app, hub, anna, false, Extensions{})
	b := openDesk(t, app, hub, boris, false, Extensions{})
	story := putStory(t, hub, "Story of a sleeping laptop", a, b)
	if err := a.w.Open(story); err != nil {
		t.Fatal(err)
	}
	test.Type(a.w.pane.standfirst, "UNSAVED ")

	a.beat()
	settle(a.w)
	if a.w.readOnly() {
		t.Fatal("a live lock was lost at the heartbeat")
	}
	hub.advance(storage.LockTTL + time.Second)
	if err := b.w.Open(story); err != nil {
		t.Fatal(err)
	}
	assertEditable(t, "the desk that found the lock expired", b.w, true)
	a.beat()
	settle(a.w)
	assertEditable(t, "the desk that lost its lock", a.w, false)
	if got := a.w.pane.banner.text.Text; !strings.Contains(got, "Boris Orlov") {
		t.Errorf("banner %q", got)
	}
	if _, kc := revisionCopy(t, hub.store, story, keptAfterTakeOver); !strings.Contains(kc.Standfirst, "UNSAVED ") {
		t.Errorf("the unsaved copy kept as %q", kc.Standfirst)
	}
	// Read-only: closing neither writes nor releases Boris's lock.
	n := len(hub.revs(t, story))
	a.w.requestClose()
	if len(hub.revs(t, story)) != n {
		t.Error("closing a read-only story made a revision")
	}
	if l, ok := lockOf(t, hub, story); !ok || l.Holder != boris {
		t.Errorf("lock after the reader closed: %+v %v", l, ok)
	}
}

// A story nobody holds any more opens for editing from the banner.
func TestReleasedLockOffersEdit(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	a := openDesk(t, app, hub, anna, true, Extensions{})
	b := openDesk(t, app, hub, boris, true, Extensions{})
	story := putStory(t, hub, "Story set down", a, b)
	if err := a.w.Open(story); err != nil {
		t.Fatal(err)
	}
	if err := b.w.Open(story); err != nil {
		t.Fatal(err)
	}
	a.w.NewArticle()
	settle(a.w)
	waitFor(t, b.w, "the banner says nobody edits it", func() bool {
		return findButton(b.w.win.Canvas(), "Edit") != nil
	})
	test.Tap(findButton(b.w.win.Canvas(), "Edit"))
	settle(b.w)
	assertEditable(t, "after Edit", b.w, true)
	if l, ok := lockOf(t, hub, story); !ok || l.Holder != boris {
		t.Errorf("lock after Edit: %+v %v", l, ok)
	}
}

// The embedded store shares nothing: no desk, no locks.
func TestBadgerIsNotShared(t *testing.T) {
	hs := newHarness(t)
	if hs.w.shared != nil || hs.w.Desk() != (storage.Holder{}) {
		t.Error("a Badger store was treated as shared")
	}
}
