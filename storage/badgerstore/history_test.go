package badgerstore

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
	"copydesk/storage"
)

// saveHistory stores compareload.History(7, words, n): an article and
// n-1 further revisions of it, returning every version saved.
func saveHistory(t testing.TB, s *Store, words, n int) []*editor.Article {
	t.Helper()
	ctx := context.Background()
	versions := compareload.History(7, words, n)
	if _, err := s.Create(ctx, versions[0], storage.Meta{Kind: storage.KindImport}); err != nil {
		t.Fatal(err)
	}
	for _, b := range versions[1:] {
		if _, err := s.SaveRevision(ctx, b, storage.Meta{Author: "desk"}); err != nil {
			t.Fatal(err)
		}
	}
	return versions
}

// encodings reads how each revision of id is kept, straight from Badger.
func encodings(t *testing.T, dir, id string) []string {
	t.Helper()
	db, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	err = db.View(func(txn *badger.Txn) error {
		revs, err := storedRevisions(txn, id)
		for _, r := range revs {
			out = append(out, r.encoding)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestHistoryKeptAsDeltas(t *testing.T) {
	for _, keyframes := range []uint64{4, keyframeEvery} {
		t.Run(fmt.Sprint("keyframes=", keyframes), func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			s := openStore(t, dir, Options{})
			s.keyframes = keyframes
			versions := saveHistory(t, s, 600, 40)
			id := versions[0].ID
			check := func(s *Store) {
				for i, want := range versions {
					got, rec, err := s.Revision(ctx, id, uint64(i+1))
					if err != nil {
						t.Fatalf("revision %d: %v", i+1, err)
					}
					if !bytes.Equal(got.Encode(), want.Encode()) || rec.Seq != uint64(i+1) {
						t.Fatalf("revision %d rebuilt differently", i+1)
					}
				}
				if rep, err := s.Verify(ctx, nil); err != nil || !rep.OK() || rep.Revisions != len(versions) {
					t.Fatalf("Verify: %+v %v", rep, err)
				}
			}
			check(s) // before and during compaction
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			encs := encodings(t, dir, id)
			for i, enc := range encs {
				seq := uint64(i + 1)
				want := contentDelta
				if seq%keyframes == 0 || int(seq) == len(encs) {
					want = contentFull
				}
				if enc != want {
					t.Errorf("revision %d is kept %s, want %s", seq, enc, want)
				}
			}
			s = openStore(t, dir, Options{})
			check(s)
			// A label changes the record, not how the content is kept.
			if err := s.SetLabel(ctx, id, 3, "subbed"); err != nil {
				t.Fatal(err)
			}
			check(s)
			s.Close()
			if enc := encodings(t, dir, id)[2]; enc != contentDelta {
				t.Errorf("after SetLabel revision 3 is kept %s", enc)
			}
		})
	}
}

// TestVerifyCatchesDamagedDelta: a flipped byte in a delta is blamed on
// that revision (and the ones rebuilt through it), never on newer ones.
func TestVerifyCatchesDamagedDelta(t *testing.T) {
	dir := t.TempDir()
	id := threeRevisions(t, dir, keyframeEvery)
	if encs := encodings(t, dir, id); encs[1] != contentDelta {
		t.Fatalf("revision 2 is kept %s", encs[1])
	}
	// Turn the first count of the delta into another number.
	rewrite(t, dir, revKey(id, 2), func(v []byte) []byte {
		i := bytes.IndexByte(v, '\n') + 2
		v[i] = '9' - (v[i]-'0')%9
		return v
	})
	s := openStore(t, dir, Options{})
	ctx := context.Background()
	rep, err := s.Verify(ctx, nil)
	if err != nil || rep.OK() {
		t.Fatalf("Verify: %+v %v", rep, err)
	}
	blamed := map[uint64]bool{}
	for _, p := range rep.Problems {
		blamed[p.Seq] = true
	}
	if !blamed[2] || blamed[3] {
		t.Errorf("problems %v: want revision 2 blamed and 3 not", rep.Problems)
	}
	if _, _, err := s.Revision(ctx, id, 2); err == nil {
		t.Error("the damaged revision was handed out")
	}
	if _, _, err := s.Revision(ctx, id, 3); err != nil {
		t.Errorf("revision 3: %v", err)
	}
}

func TestLoadIsCompacted(t *testing.T) {
	ctx := context.Background()
	src := openStore(t, t.TempDir(), Options{})
	versions := saveHistory(t, src, 300, 10)
	var hist storage.History
	if err := src.Dump(ctx, func(h storage.History) error { hist = h; return nil }); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := openStore(t, dir, Options{})
	if err := dst.Load(ctx, hist); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	encs := encodings(t, dir, versions[0].ID)
	if len(encs) != 10 || encs[0] != contentDelta || encs[9] != contentFull {
		t.Errorf("loaded history kept as %v", encs)
	}
}
