package badgerstore

import (
	"context"
	"fmt"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/storetest"
)

// TestListPathsAgree: the first page (counts and a short index walk), the
// library in memory and a reopened store give the same rows and totals
// as stories are created, change status and are spiked.
func TestListPathsAgree(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir, Options{})
	var ids []string
	for i := range 30 {
		a := storetest.Article(fmt.Sprintf("Story %d", i), 40, uint64(i))
		if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	for i, id := range ids {
		d, err := s.Draft(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		b := d.Article.Clone()
		b.Status = editor.Statuses[i%len(editor.Statuses)]
		if _, err := s.SaveRevision(ctx, b, storage.Meta{Kind: storage.KindStatus}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(s *Store, when string) {
		t.Helper()
		for _, st := range append([]editor.Status{""}, editor.Statuses...) {
			all, total, err := s.List(ctx, storage.Query{Status: st}) // no limit: the library in memory
			if err != nil || total != len(all) {
				t.Fatalf("%s: List %q: %d of %d, %v", when, st, len(all), total, err)
			}
			for _, off := range []int{0, 3} {
				page, n, err := s.List(ctx, storage.Query{Status: st, Offset: off, Limit: 4}) // counts and the index
				if err != nil || n != total {
					t.Errorf("%s: status %q: first page says %d in all, the whole list %d (%v)", when, st, n, total, err)
				}
				for i, r := range page {
					if r.ID != all[off+i].ID {
						t.Errorf("%s: status %q offset %d row %d differs", when, st, off, i)
					}
				}
			}
		}
	}
	check(s, "open")
	s.Close()
	s = openStore(t, dir, Options{})
	check(s, "reopened")
}
