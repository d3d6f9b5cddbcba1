package app

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/app/library"
	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// TestStartupReadsAhead: the window Run makes shows the first page read
// while it was being made, reads the tags only once it is up (off the UI
// goroutine), and then opens the newest story.
func TestStartupReadsAhead(t *testing.T) {
	dir := t.TempDir()
	s, err := badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := fixtureArticle(t)
	a.Tags = []string{"Terrorism", "Syria"}
	if _, err := s.Create(context.Background(), a, storage.Meta{Author: "wire", Kind: storage.KindImport, Time: a.Modified}); err != nil {
		t.Fatal(err)
	}
	first := readListing(s, firstQuery)
	if first.err != nil || len(first.rows) != 1 {
		t.Fatalf("first page: %d rows, %v", len(first.rows), first.err)
	}
	first.rows[0].Headline = "Read while the window was made"
	s.Close()

	app := test.NewTempApp(t)
	h := newHarnessOn(t, app, dir, Extensions{}, func(c *Config) {
		c.tagsAfterFirstFrame = true
		c.firstPage = first
	})
	w := h.w
	if got := w.lib.Rows[0].Headline; got != "Read while the window was made" {
		t.Fatalf("the library shows %q, not the page read ahead", got)
	}
	if w.cfg.firstPage != nil {
		t.Fatal("the page read ahead is kept after use: a later reload would show it again")
	}
	if got := w.lib.Tag.Options; !slices.Equal(got, []string{library.AllTags}) {
		t.Fatalf("tags before the first frame: %q, want none read yet", got)
	}
	if w.doc != nil {
		t.Fatal("a story is open before the first frame")
	}

	w.openNewestAfterFirstFrame(app)
	app.Lifecycle().(interface{ OnStarted() func() }).OnStarted()()
	select {
	case f := <-uiQueue(w):
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("the tags were never handed to the UI goroutine")
	}
	if got := w.lib.Tag.Options; !slices.Equal(got, []string{library.AllTags, "Syria", "Terrorism"}) && !slices.Equal(got, []string{library.AllTags, "Terrorism", "Syria"}) {
		t.Fatalf("tags after the first frame: %q", got)
	}
	if w.doc == nil || w.doc.Base.ID != a.ID {
		t.Fatal("the newest story was not opened after the first frame")
	}

	// A query that is not the first page's is read from the store.
	w.lib.Search.SetText("Islamic")
	settle(w)
	if got := w.lib.Rows; len(got) != 1 || got[0].Headline == "Read while the window was made" {
		t.Fatalf("a search shows %+v", got)
	}
}

// countingStore counts the library reads that reach the store.
type countingStore struct {
	storage.Store
	lists atomic.Int32
}

func (c *countingStore) List(ctx context.Context, q storage.Query) ([]storage.Summary, int, error) {
	c.lists.Add(1)
	return c.Store.List(ctx, q)
}

// TestSearchRunsOffTheUIGoroutine: typing in the search box does not wait
// for the store, and keys typed while a search runs make one more search
// with the whole text, not one a key.
func TestSearchRunsOffTheUIGoroutine(t *testing.T) {
	var counted *countingStore
	h := newHarnessOn(t, test.NewTempApp(t), t.TempDir(), Extensions{}, func(c *Config) {
		counted = &countingStore{Store: c.Store}
		c.Store = counted
	})
	w := h.w
	for _, headline := range []string{"Storm hits Sochi", "Budget vote delayed", "Storm warning lifted"} {
		a := fixtureArticle(t)
		a.ID, a.Headline = editor.NewID(), headline
		h.put(t, a)
	}
	before := counted.lists.Load()
	w.lib.Search.SetText("st")
	if len(w.lib.Rows) != 3 {
		t.Fatalf("the rows changed before the search came back: %d", len(w.lib.Rows))
	}
	w.lib.Search.SetText("sto")
	w.lib.Search.SetText("storm")
	settle(w)
	if got := counted.lists.Load() - before; got != 2 {
		t.Errorf("three keys made %d searches, want 2 (the first, then one with the whole text)", got)
	}
	if len(w.lib.Rows) != 2 || w.lib.Count.Text != "2 stories" {
		t.Errorf("after typing \"storm\": %d rows, %q", len(w.lib.Rows), w.lib.Count.Text)
	}

	// A reload made at once (an import) overtakes a search still running.
	w.lib.Search.SetText("budget")
	w.lib.Search.SetText("")
	w.lib.Reload()
	settle(w)
	if len(w.lib.Rows) != 3 {
		t.Errorf("after clearing the search: %d rows", len(w.lib.Rows))
	}
}
