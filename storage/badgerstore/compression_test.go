package badgerstore

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4/options"

	"copydesk/editor/compare/compareload"
	"copydesk/storage"
)

// TestDeskWrittenWithZSTDOpens: desks made before tables were compressed
// with Snappy hold ZSTD tables. Such a desk opens, reads every story,
// takes new revisions (in Snappy tables beside the old ones) and verifies.
func TestDeskWrittenWithZSTDOpens(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tableCompression = options.ZSTD
	s, err := Open(dir, Options{})
	if err != nil {
		tableCompression = options.Snappy
		t.Fatal(err)
	}
	versions := compareload.History(7, 2000, 3)
	a := versions[0]
	if _, err := s.Create(ctx, a, storage.Meta{Author: "old", Kind: storage.KindImport}); err != nil {
		t.Fatal(err)
	}
	for _, v := range versions[1:] {
		if _, err := s.SaveRevision(ctx, v, storage.Meta{Author: "old", Kind: storage.KindSave}); err != nil {
			t.Fatal(err)
		}
	}
	err = s.Close() // the memtable goes to a ZSTD table
	tableCompression = options.Snappy
	if err != nil {
		t.Fatal(err)
	}
	if tables, _ := filepath.Glob(filepath.Join(dir, "*.sst")); len(tables) == 0 {
		t.Fatal("the old desk wrote no table")
	}

	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Draft(ctx, a.ID)
	if err != nil || d.Article.ContentHash() != versions[2].ContentHash() {
		t.Fatalf("the draft of the ZSTD desk: %v", err)
	}
	next := *versions[2]
	next.Headline = "Updated: " + next.Headline
	if _, err := s.SaveRevision(ctx, &next, storage.Meta{Author: "new", Kind: storage.KindSave, DraftVersion: d.Version}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Flatten(1); err != nil { // old and new tables compacted together
		t.Fatal(err)
	}
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil || len(revs) != 4 {
		t.Fatalf("revisions: %d, %v", len(revs), err)
	}
	for _, r := range revs {
		if _, _, err := s.Revision(ctx, a.ID, r.Seq); err != nil {
			t.Errorf("revision %d: %v", r.Seq, err)
		}
	}
	if rep, err := s.Verify(ctx, nil); err != nil || !rep.OK() || rep.Revisions != 4 {
		t.Errorf("verify: %v %+v", err, rep)
	}
}
