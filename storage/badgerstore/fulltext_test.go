package badgerstore

import (
	"context"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

func TestBodySearch(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir, Options{})
	a := storetest.Article("Budget vote delayed", 50, 1)
	a.Body = "The Duma postponed the vote on Rostov-on-Don funding.\n\nNo date was set."
	b := storetest.Article("Storm hits the coast", 50, 2)
	b.Body = "Winds reached 120 km/h in Sochi."
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, b, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	search := func(text string) []string {
		t.Helper()
		rows, total, err := s.List(ctx, storage.Query{Text: text})
		if err != nil || total != len(rows) {
			t.Fatalf("List %q: %d of %d, %v", text, len(rows), total, err)
		}
		var heads []string
		for _, r := range rows {
			heads = append(heads, r.Headline)
		}
		return heads
	}
	tests := []struct {
		text string
		want int
	}{
		{"duma", 1},              // a body word, queued or indexed
		{"DUMA postponed", 1},    // every word, any case
		{"rostov-on-don", 1},     // a word with hyphens needs each part
		{"sochi 120", 1},         // figures are words
		{"budget postponed", 1},  // one word from the headline, one from the body
		{"duma winds", 0},        // words from two stories
		{"postpone", 0},          // body words match whole
		{"the", 2},               // both bodies
		{"vote delayed", 1},      // headline only, as before
		{"coast 120 km", 1},      // headline and body
		{"km/h", 1},              // split like the body
		{"nothing-like-it", 0},   //
		{"budget storm duma", 0}, //
	}
	run := func(when string) {
		for _, tc := range tests {
			if got := search(tc.text); len(got) != tc.want {
				t.Errorf("%s: search %q found %v, want %d", when, tc.text, got, tc.want)
			}
		}
	}
	run("queued")
	if err := s.indexAll(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countPrefix(t, s, prefixFTQueue); n != 0 {
		t.Errorf("%d articles still queued after indexing", n)
	}
	run("indexed")

	// A change of body moves the article in the index.
	d, err := s.Draft(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Article.Clone()
	c.Body = "The Duma approved the funding."
	if _, err := s.SaveDraft(ctx, c, d.Version); err != nil {
		t.Fatal(err)
	}
	for _, when := range []string{"queued after an edit", "indexed after an edit"} {
		if got := search("postponed"); len(got) != 0 {
			t.Errorf("%s: a word the body lost is still found: %v", when, got)
		}
		if got := search("approved"); len(got) != 1 {
			t.Errorf("%s: a word the body gained is not found: %v", when, got)
		}
		if err := s.indexAll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	// An index in another format is rebuilt at open.
	rewrite(t, dir, keyFullText, func([]byte) []byte { return []byte("terms-0") })
	s = openStore(t, dir, Options{})
	if got := search("approved"); len(got) != 1 {
		t.Errorf("after a rebuild: %v", got)
	}
	if err := s.GC(ctx); err != nil {
		t.Fatalf("GC: %v", err)
	}
	if n := countPrefix(t, s, prefixFTQueue); n != 0 {
		t.Errorf("%d articles still queued after GC", n)
	}
	if got := search("approved"); len(got) != 1 {
		t.Errorf("after GC: %v", got)
	}
}

func countPrefix(t *testing.T, s *Store, prefix []byte) int {
	t.Helper()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		n, err = countKeys(context.Background(), txn, prefix)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGCReadOnly(t *testing.T) {
	dir := t.TempDir()
	openStore(t, dir, Options{}).Close()
	r := openStore(t, dir, Options{ReadOnly: true})
	if err := r.GC(context.Background()); err == nil {
		t.Error("GC on a read-only store succeeded")
	}
}
