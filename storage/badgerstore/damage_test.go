package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/storetest"
)

// threeRevisions makes a store in dir holding one article with three
// revisions, closes it and returns the article's ID. keyframes is how
// often a revision is kept whole: 1 keeps them all whole.
func threeRevisions(t *testing.T, dir string, keyframes uint64) string {
	t.Helper()
	s := openStore(t, dir, Options{})
	s.keyframes = keyframes
	ctx := context.Background()
	a := storetest.Article("Bortnikov speaks in Sochi", 300, 5)
	if _, err := s.Create(ctx, a, storage.Meta{Author: "wire"}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		b := a.Clone()
		b.Body += fmt.Sprintf("\n\nParagraph %d added.", i)
		if _, err := s.SaveRevision(ctx, b, storage.Meta{Author: "desk"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// rewrite changes one stored value behind the store's back.
func rewrite(t *testing.T, dir string, key []byte, change func(v []byte) []byte) {
	t.Helper()
	db, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(key)
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		return txn.Set(key, change(v))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// flipAt flips the bits of mask in the byte at offset off past the first
// occurrence of marker, after the header line when inContent.
func flipAt(t *testing.T, marker string, off int, mask byte, inContent bool) func([]byte) []byte {
	return func(v []byte) []byte {
		start := 0
		if inContent {
			start = bytes.IndexByte(v, '\n') + 1
		}
		i := bytes.Index(v[start:], []byte(marker))
		if i < 0 {
			t.Fatalf("%q is not in the value", marker)
		}
		v[start+i+off] ^= mask
		return v
	}
}

// TestVerifyCatchesFlippedByte damages revision 2 of 3 in one byte and
// expects Verify to blame revision 2, and only it.
func TestVerifyCatchesFlippedByte(t *testing.T) {
	tests := []struct {
		name  string
		flip  func(t *testing.T) func([]byte) []byte
		what  string // in the problem
		reads bool   // Revision(2) still hands out the record's article
	}{
		{"a letter of the body", func(t *testing.T) func([]byte) []byte { return flipAt(t, `"body":"`, 12, 1, true) }, "content hash", false},
		{"the case of a field name", func(t *testing.T) func([]byte) []byte { return flipAt(t, `"headline"`, 1, 0x20, true) }, "content hash", false},
		{"the opening brace", func(t *testing.T) func([]byte) []byte { return flipAt(t, `{`, 0, 1, true) }, "content hash", false},
		{"the author in the record", func(t *testing.T) func([]byte) []byte { return flipAt(t, `"author":"desk"`, 11, 1, false) }, "chain hash", true},
		{"the header's end", func(t *testing.T) func([]byte) []byte { return flipAt(t, "}\n{", 1, 1, false) }, "cannot be read", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			id := threeRevisions(t, dir, 1)
			rewrite(t, dir, revKey(id, 2), tc.flip(t))

			s := openStore(t, dir, Options{})
			rep, err := s.Verify(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() {
				t.Fatal("Verify found nothing wrong")
			}
			found := false
			for _, p := range rep.Problems {
				if p.ArticleID != id || p.Seq != 2 {
					t.Errorf("problem outside revision 2: %s", p)
				}
				found = found || strings.Contains(p.What, tc.what)
			}
			if !found {
				t.Errorf("no problem says %q: %v", tc.what, rep.Problems)
			}
			// The damaged content is never handed out as good.
			_, _, err = s.Revision(context.Background(), id, 2)
			if tc.reads != (err == nil) {
				t.Errorf("Revision(2): %v", err)
			}
			for _, seq := range []uint64{1, 3} {
				if _, _, err := s.Revision(context.Background(), id, seq); err != nil {
					t.Errorf("Revision(%d) next to the damage: %v", seq, err)
				}
			}
		})
	}
}

// TestVerifyCatchesMissingRevision: a gap in the chain is reported at the
// revision after it.
func TestVerifyCatchesMissingRevision(t *testing.T) {
	dir := t.TempDir()
	id := threeRevisions(t, dir, 1)
	db, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error { return txn.Delete(revKey(id, 2)) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t, dir, Options{})
	rep, err := s.Verify(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var whats []string
	for _, p := range rep.Problems {
		if p.Seq != 3 {
			t.Errorf("problem not at revision 3: %s", p)
		}
		whats = append(whats, p.What)
	}
	all := strings.Join(whats, "; ")
	if !strings.Contains(all, "sequence number 3 where 2 was expected") || !strings.Contains(all, "parent hash") {
		t.Errorf("problems %q do not describe the gap", all)
	}
}

func TestSchema(t *testing.T) {
	// A fresh directory is stamped with this package's version.
	dir := t.TempDir()
	openStore(t, dir, Options{}).Close()
	rewrite(t, dir, keySchema, func(v []byte) []byte {
		if string(v) != strconv.Itoa(SchemaVersion) {
			t.Errorf("schema stamped %q, want %d", v, SchemaVersion)
		}
		return v
	})

	tests := []struct {
		name  string
		set   func(txn *badger.Txn) error
		check func(t *testing.T, dir string, err error)
	}{
		{"newer", func(txn *badger.Txn) error { return txn.Set(keySchema, []byte(strconv.Itoa(SchemaVersion+1))) },
			func(t *testing.T, dir string, err error) {
				var se *storage.SchemaError
				if !errors.As(err, &se) || !errors.Is(err, storage.ErrSchema) || se.Found != SchemaVersion+1 || se.Supported != SchemaVersion || se.Path != dir {
					t.Fatalf("error %v, want a SchemaError of %d against %d", err, SchemaVersion+1, SchemaVersion)
				}
				if msg := err.Error(); !strings.Contains(msg, fmt.Sprintf("version %d", SchemaVersion+1)) || !strings.Contains(msg, fmt.Sprintf("version %d", SchemaVersion)) {
					t.Errorf("message %q does not name both versions", msg)
				}
			}},
		{"garbled", func(txn *badger.Txn) error { return txn.Set(keySchema, []byte("one")) },
			func(t *testing.T, dir string, err error) {
				if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), dir) {
					t.Errorf("error %v, want one saying the database is damaged", err)
				}
			}},
		{"another program's data", func(txn *badger.Txn) error { return txn.Set([]byte("users/1"), []byte("x")) },
			func(t *testing.T, dir string, err error) {
				if err == nil || !strings.Contains(err.Error(), "not a Copydesk database") {
					t.Errorf("error %v, want one saying it is not a Copydesk database", err)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := badger.Open(badgerOptions(dir, Options{}))
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(tc.set)
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // the refusal releases the lock: the second is the same refusal
				s, err := Open(dir, Options{})
				if err == nil {
					s.Close()
					t.Fatal("Open succeeded")
				}
				tc.check(t, dir, err)
			}
		})
	}
}

func TestEncryption(t *testing.T) {
	ctx := context.Background()
	key := bytes.Repeat([]byte("k"), 32)
	// A marker in a body longer than the value threshold lands in the
	// value log, which Badger neither compresses nor (without a key) hides.
	marker := "Zqxj-unmistakable-marker-Wvkp"
	article := func() *editor.Article {
		a := storetest.Article("Secret story", 10, 1)
		a.Body = strings.Repeat(marker+" paragraph of words.\n\n", valueThreshold/40)
		return a
	}
	onDisk := func(dir string) bool {
		t.Helper()
		found := false
		walkFiles(t, dir, func(data []byte) { found = found || bytes.Contains(data, []byte(marker)) })
		return found
	}

	plain := t.TempDir()
	s := openStore(t, plain, Options{})
	if _, err := s.Create(ctx, article(), storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !onDisk(plain) {
		t.Fatal("the control: the marker is not on disk even without encryption")
	}

	dir := t.TempDir()
	s = openStore(t, dir, Options{EncryptionKey: key})
	a := article()
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if onDisk(dir) {
		t.Error("the marker is readable on disk in an encrypted database")
	}

	wrong := bytes.Repeat([]byte("w"), 32)
	quiet := slog.New(slog.DiscardHandler) // Badger logs the mismatch as an error too
	if _, err := Open(dir, Options{EncryptionKey: wrong, Logger: quiet}); !errors.Is(err, badger.ErrEncryptionKeyMismatch) {
		t.Errorf("Open with the wrong key: %v", err)
	}
	if s, err := Open(dir, Options{Logger: quiet}); err == nil {
		s.Close()
		t.Error("Open without the key succeeded")
	}
	if _, err := Open(dir, Options{EncryptionKey: []byte("short")}); err == nil || !strings.Contains(err.Error(), "16, 24 or 32") {
		t.Errorf("Open with a 5-byte key: %v", err)
	}
	s = openStore(t, dir, Options{EncryptionKey: key})
	d, err := s.Draft(ctx, a.ID)
	if err != nil || d.Article.Body != a.Body {
		t.Fatalf("Draft after reopening with the key: %v", err)
	}
	if rep, err := s.Verify(ctx, nil); err != nil || !rep.OK() {
		t.Errorf("Verify: %+v, %v", rep, err)
	}
}

// TestVerifyCatchesDamagedPostings: the search postings are derived from
// the stories, and verify checks them. Before, a flipped byte in them made
// a search find 0 of 12 stories while verify said OK. RebuildIndex (verify
// --repair) mends them.
func TestVerifyCatchesDamagedPostings(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		damage func(txn *badger.Txn, ids [][16]byte) error
	}{
		{"a posting lost", func(txn *badger.Txn, ids [][16]byte) error { return txn.Delete(postingKey("bortnikov", ids[3])) }},
		{"a posting's term flipped", func(txn *badger.Txn, ids [][16]byte) error {
			if err := txn.Delete(postingKey("bortnikov", ids[5])); err != nil {
				return err
			}
			return txn.Set(postingKey("bortnikow", ids[5]), nil)
		}},
		{"a posting for no story", func(txn *badger.Txn, _ [][16]byte) error {
			return txn.Set(postingKey("bortnikov", [16]byte{1, 2, 3}), nil)
		}},
		{"every posting of a word lost", func(txn *badger.Txn, ids [][16]byte) error {
			for _, id := range ids {
				if err := txn.Delete(postingKey("bortnikov", id)); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s := openStore(t, dir, Options{})
			var ids [][16]byte
			for i := range 12 {
				a := storetest.Article(fmt.Sprintf("Story %d", i), 200, uint64(i+1))
				a.Body += "\n\nAlexander Bortnikov spoke."
				if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
					t.Fatal(err)
				}
				p, _ := packID(a.ID)
				ids = append(ids, p)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			db, err := badger.Open(badgerOptions(dir, Options{}))
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(txn *badger.Txn) error { return tc.damage(txn, ids) })
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			s = openStore(t, dir, Options{})
			rep, err := s.Verify(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() {
				t.Fatal("Verify found nothing wrong with the postings")
			}
			for _, p := range rep.Problems {
				if !strings.Contains(p.What, "search index") || strings.Contains(p.What, "bortnikov") {
					t.Errorf("problem %q: want one about the search index, naming no word", p)
				}
			}
			if err := s.RebuildIndex(ctx); err != nil {
				t.Fatal(err)
			}
			if rep, err := s.Verify(ctx, nil); err != nil || !rep.OK() {
				t.Errorf("Verify after RebuildIndex: %v %v", err, rep.Problems)
			}
			if got := searchIDs(t, s, "Bortnikov"); len(got) != 12 {
				t.Errorf("search after RebuildIndex finds %d of 12", len(got))
			}
		})
	}
}

// TestFreeSpaceGuard: below the free-space floor the store refuses to
// open for writing, and to write, with a NoSpaceError naming the space;
// it still opens read-only. (The real full disk: cmd/copydesk TestFullDisk.)
func TestFreeSpaceGuard(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir, Options{})
	a := storetest.Article("Before the disk filled", 100, 1)
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	// The disk "fills": the floor is raised past what is free.
	s.minFree.Store(1 << 62)
	_, err := s.Create(ctx, storetest.Article("After", 100, 2), storage.Meta{})
	var nse *NoSpaceError
	if !errors.As(err, &nse) || !errors.Is(err, ErrNoSpace) || !strings.HasPrefix(err.Error(), "no space: ") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("a write on a full disk: %v, want a NoSpaceError", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close on a full disk: %v (the refused write was said already)", err)
	}
	if _, err := Open(dir, Options{MinFreeBytes: 1 << 62}); !errors.Is(err, ErrNoSpace) {
		t.Fatalf("Open for writing on a full disk: %v", err)
	}
	r := openStore(t, dir, Options{ReadOnly: true, MinFreeBytes: 1 << 62})
	if _, err := r.Draft(ctx, a.ID); err != nil {
		t.Errorf("reading on a full disk: %v", err)
	}
}
