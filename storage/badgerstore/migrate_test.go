package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
	"copydesk/storage"
)

// writeV1 writes a schema-1 database the way Copydesk 1 laid it out: every
// revision whole, no full-text index, no pending marks. It returns each
// article's versions.
func writeV1(t *testing.T, dir string, articles, revisions int) [][]*editor.Article {
	t.Helper()
	db, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var all [][]*editor.Article
	err = db.Update(func(txn *badger.Txn) error {
		if err := txn.Set(keySchema, []byte("1")); err != nil {
			return err
		}
		for n := range articles {
			versions := compareload.History(uint64(100+n), 400, revisions)
			var prev *storage.Revision
			var a *editor.Article
			for i := range revisions {
				a = versions[i]
				content := a.Encode()
				rec := storage.NewRevision(a.ID, prev, content, a.Words(), storage.Meta{Author: "v1"}, a.Created.Add(time.Duration(i)*time.Minute))
				if err := txn.Set(revKey(a.ID, rec.Seq), encodeRevision(rec, content)); err != nil {
					return err
				}
				prev = &rec
			}
			h := draftHeader{Version: uint64(revisions), Saved: prev.Time, Seq: prev.Seq}
			sum := summarize(a, a.Words(), h)
			if err := txn.Set(draftKey(a.ID), encodeDraft(h, a.Encode())); err != nil {
				return err
			}
			if err := txn.Set(summaryKey(a.ID), encodeSummary(sum)); err != nil {
				return err
			}
			for _, e := range indexEntries(sum) {
				if err := txn.Set(e.key, e.value); err != nil {
					return err
				}
			}
			all = append(all, versions)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestMigrateFromV1(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	all := writeV1(t, dir, 3, 12)

	var calls []string
	opts := Options{BeforeMigrate: func(d string, from, to int) error {
		calls = append(calls, d+" "+strconv.Itoa(from)+"→"+strconv.Itoa(to))
		// The database is closed: a backup can open it.
		r, err := Open(d, Options{ReadOnly: true})
		if err != nil {
			return err
		}
		return r.Close()
	}}
	s := openStore(t, dir, opts)
	if len(calls) != 1 || calls[0] != dir+" 1→2" {
		t.Errorf("BeforeMigrate calls: %q", calls)
	}
	check := func(s *Store) {
		t.Helper()
		for _, versions := range all {
			for i, want := range versions {
				got, _, err := s.Revision(ctx, want.ID, uint64(i+1))
				if err != nil || !bytes.Equal(got.Encode(), want.Encode()) {
					t.Fatalf("revision %d of %s after migration: %v", i+1, want.ID, err)
				}
			}
		}
		rep, err := s.Verify(ctx, nil)
		if err != nil || !rep.OK() || rep.Articles != 3 || rep.Revisions != 36 {
			t.Fatalf("Verify after migration: %+v %v", rep, err)
		}
		// The body is searchable: a word only the last paragraph has.
		last := editor.ParseBody(all[1][11].Body)
		word := splitTerms(last[len(last)-1].Text)[0]
		rows, _, err := s.List(ctx, storage.Query{Text: word + " " + all[1][11].Headline[:4]})
		if err != nil || len(rows) == 0 {
			t.Fatalf("search for %q after migration: %v %v", word, rows, err)
		}
	}
	check(s)
	if st, err := s.Stats(ctx); err != nil || st.Schema != SchemaVersion {
		t.Errorf("Stats: %+v %v", st, err)
	}
	s.Close()
	encs := encodings(t, dir, all[0][0].ID)
	for i, enc := range encs[:len(encs)-1] {
		if enc != contentDelta {
			t.Errorf("after migration revision %d is kept %s", i+1, enc)
		}
	}
	rewrite(t, dir, keySchema, func(v []byte) []byte {
		if string(v) != strconv.Itoa(SchemaVersion) {
			t.Errorf("schema after migration: %q", v)
		}
		return v
	})
	// Opening again migrates nothing.
	s = openStore(t, dir, opts)
	if len(calls) != 1 {
		t.Errorf("BeforeMigrate called again: %q", calls)
	}
	check(s)
}

func TestBeforeMigrateRefusal(t *testing.T) {
	dir := t.TempDir()
	writeV1(t, dir, 1, 3)
	refusal := errors.New("the backup disk is full")
	_, err := Open(dir, Options{BeforeMigrate: func(string, int, int) error { return refusal }})
	if !errors.Is(err, refusal) {
		t.Fatalf("Open: %v, want the callback's error", err)
	}
	rewrite(t, dir, keySchema, func(v []byte) []byte {
		if string(v) != "1" {
			t.Errorf("schema after a refused migration: %q", v)
		}
		return v
	})
	// Read-only, a version-1 database reads as it is.
	r := openStore(t, dir, Options{ReadOnly: true})
	if rows, _, err := r.List(context.Background(), storage.Query{}); err != nil || len(rows) != 1 {
		t.Errorf("read-only List of a version-1 database: %v %v", rows, err)
	}
	if st, err := r.Stats(context.Background()); err != nil || st.Schema != 1 {
		t.Errorf("Stats of a version-1 database opened read-only: %+v %v", st, err)
	}
}
