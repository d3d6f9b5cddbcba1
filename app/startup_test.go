package app

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

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
	if got := w.lib.rows[0].Headline; got != "Read while the window was made" {
		t.Fatalf("the library shows %q, not the page read ahead", got)
	}
	if w.cfg.firstPage != nil {
		t.Fatal("the page read ahead is kept after use: a later reload would show it again")
	}
	if got := w.lib.tag.Options; !slices.Equal(got, []string{allTags}) {
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
	if got := w.lib.tag.Options; !slices.Equal(got, []string{allTags, "Syria", "Terrorism"}) && !slices.Equal(got, []string{allTags, "Terrorism", "Syria"}) {
		t.Fatalf("tags after the first frame: %q", got)
	}
	if w.doc == nil || w.doc.base.ID != a.ID {
		t.Fatal("the newest story was not opened after the first frame")
	}

	// A query that is not the first page's is read from the store.
	w.lib.search.SetText("Islamic")
	settle(w)
	if got := w.lib.rows; len(got) != 1 || got[0].Headline == "Read while the window was made" {
		t.Fatalf("a search shows %+v", got)
	}
}
