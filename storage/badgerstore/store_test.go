package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

// openStore opens dir and closes it when the test ends.
func openStore(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storage.Store {
		return openStore(t, t.TempDir(), Options{})
	})
}

// fill puts a little of everything in a store.
func fill(t *testing.T, s storage.Store) {
	t.Helper()
	ctx := context.Background()
	for i, h := range []string{"Bortnikov speaks in Sochi", "Budget vote delayed", "Storm hits the coast"} {
		a := storetest.Article(h, 300, uint64(i))
		a.Tags = []string{"Russia", h[:5]}
		if _, err := s.Create(ctx, a, storage.Meta{Kind: storage.KindImport}); err != nil {
			t.Fatal(err)
		}
		b := a.Clone()
		b.Body += "\n\nA late paragraph."
		rev, err := s.SaveRevision(ctx, b, storage.Meta{Author: "sub", Label: "subbed"})
		if err != nil {
			t.Fatal(err)
		}
		c := b.Clone()
		c.Headline = ""
		if _, err := s.SaveDraft(ctx, c, rev.Seq); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetSetting(ctx, "dictionary", []byte("Bortnikov\n")); err != nil {
		t.Fatal(err)
	}
}

// snapshot is everything a store shows, for comparing two opens.
func snapshot(t *testing.T, s storage.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	err := s.Dump(ctx, func(h storage.History) error {
		b.Write(h.Draft.Article.Encode())
		b.WriteString(h.Draft.Saved.String())
		for _, r := range h.Revisions {
			b.WriteString(r.Revision.Hash + r.Revision.Label)
			b.Write(r.Article.Encode())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, n, err := s.List(ctx, storage.Query{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		b.WriteString(r.ID + r.Headline + r.Modified.String())
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.Setting(ctx, "dictionary")
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString(strings.Repeat("|", n) + string(v))
	for _, tc := range tags {
		b.WriteString(tc.Tag + strings.Repeat("+", tc.Count))
	}
	return b.String()
}

func TestReopenKeepsEverything(t *testing.T) {
	for _, opts := range []Options{{}, {SyncEveryWrite: true}} {
		dir := t.TempDir()
		s := openStore(t, dir, opts)
		fill(t, s)
		want := snapshot(t, s)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = openStore(t, dir, opts)
		if got := snapshot(t, s); got != want {
			t.Errorf("SyncEveryWrite=%v: the store changed across a reopen", opts.SyncEveryWrite)
		}
		rep, err := s.Verify(context.Background(), nil)
		if err != nil || !rep.OK() || rep.Articles != 3 || rep.Revisions != 6 {
			t.Errorf("Verify after reopen: %+v, %v", rep, err)
		}
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir, Options{})
	fill(t, s)
	want := snapshot(t, s)
	s.Close()

	r1 := openStore(t, dir, Options{ReadOnly: true})
	r2 := openStore(t, dir, Options{ReadOnly: true}) // readers share
	for _, r := range []*Store{r1, r2} {
		if got := snapshot(t, r); got != want {
			t.Error("a read-only store shows something else")
		}
	}
	rows, _, err := r1.List(ctx, storage.Query{})
	if err != nil || len(rows) == 0 {
		t.Fatalf("List: %v, %v", rows, err)
	}
	d, err := r1.Draft(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	writes := map[string]error{
		"SaveDraft":  func() error { _, err := r1.SaveDraft(ctx, d.Article, d.Version); return err }(),
		"SetSetting": r1.SetSetting(ctx, "x", []byte("y")),
		"SetLabel":   r1.SetLabel(ctx, d.Article.ID, 1, "x"),
		"Create":     func() error { _, err := r1.Create(ctx, storetest.Article("New", 10, 9), storage.Meta{}); return err }(),
	}
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on a read-only store: %v, want ErrReadOnly", name, err)
		}
	}
	// A writer must wait for the readers.
	_, err = Open(dir, Options{})
	if !errors.Is(err, storage.ErrLocked) {
		t.Errorf("Open for writing beside readers: %v, want ErrLocked", err)
	}

	if _, err := Open(filepath.Join(dir, "missing"), Options{ReadOnly: true}); err == nil {
		t.Error("read-only Open of a missing directory succeeded")
	}
}

// TestLogger checks that Badger's messages reach slog: all of them with a
// Logger, only warnings and errors without one.
func TestLogger(t *testing.T) {
	var rec recorder
	s := openStore(t, t.TempDir(), Options{Logger: slog.New(&rec)})
	s.Close()
	if rec.count(slog.LevelInfo) == 0 {
		t.Error("no Badger message reached the given logger")
	}

	var quiet recorder
	old := slog.Default()
	slog.SetDefault(slog.New(&quiet))
	defer slog.SetDefault(old)
	s = openStore(t, t.TempDir(), Options{})
	s.Close()
	if n := quiet.count(slog.LevelDebug) - quiet.count(slog.LevelWarn); n != 0 {
		t.Errorf("%d messages below warning reached slog.Default", n)
	}
}

type recorder struct {
	mu   sync.Mutex
	recs []slog.Record
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *recorder) WithGroup(string) slog.Handler            { return r }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.recs = append(r.recs, rec)
	return nil
}

// count is how many records at level min or above came from Badger.
func (r *recorder) count(min slog.Level) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, rec := range r.recs {
		badger := false
		rec.Attrs(func(a slog.Attr) bool {
			badger = badger || (a.Key == "component" && a.Value.String() == "badger")
			return true
		})
		if badger && rec.Level >= min {
			n++
		}
	}
	return n
}

func TestStatsMeasuresDisk(t *testing.T) {
	s := openStore(t, t.TempDir(), Options{})
	fill(t, s)
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Location != s.Dir() || st.Bytes <= 0 || st.Schema != SchemaVersion {
		t.Errorf("Stats: %+v", st)
	}
	// Bytes counts what the files occupy, not their apparent size: the
	// open value log is a sparse file of 2 × valueLogFileSize.
	var apparent, allocated int64
	filepath.WalkDir(s.Dir(), func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				apparent += info.Size()
				allocated += diskBytes(info)
			}
		}
		return nil
	})
	if allocated >= apparent {
		t.Skipf("this file system does not keep sparse files (%d bytes allocated for %d)", allocated, apparent)
	}
	if st.Bytes >= apparent {
		t.Errorf("Stats.Bytes %d is not below the apparent size %d of the sparse value log", st.Bytes, apparent)
	}
}

func base() time.Time { return time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC) }

func TestIndexKeysRoundTrip(t *testing.T) {
	id := "0190f3c2-7a4e-7b8c-9d0e-1f2a3b4c5d6e"
	k := revKey(id, 1<<40+7)
	gotID, seq, ok := revKeyParts(k)
	if !ok || gotID != id || seq != 1<<40+7 {
		t.Errorf("revKeyParts(%q) = %q %d %v", k, gotID, seq, ok)
	}
	if _, _, ok := revKeyParts([]byte("v1/rev/short")); ok {
		t.Error("a short key parsed as a revision key")
	}
	tk := tagIndexKey("black sea", base(), id)
	if tag, ok := tagKeyOf(tk); !ok || tag != "black sea" {
		t.Errorf("tagKeyOf = %q %v", tag, ok)
	}
	if got, ok := indexID(tk); !ok || got != id {
		t.Errorf("indexID = %q %v", got, ok)
	}
	// Newer sorts first.
	older, newer := modKey(base(), id), modKey(base().Add(1), id)
	if bytes.Compare(newer, older) >= 0 {
		t.Error("a newer modification does not sort before an older one")
	}
}

// walkFiles calls fn with the contents of every file under dir.
func walkFiles(t *testing.T, dir string, fn func([]byte)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestForeignDirectoryRefused: a directory of other files is not turned
// into a database; an empty one and an existing database are opened.
func TestForeignDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "notes.txt") || !strings.Contains(err.Error(), dir) {
		t.Errorf("Open of a directory of other files: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Open left %d files in a directory it refused", len(entries))
	}

	db := t.TempDir()
	openStore(t, db, Options{}).Close()
	// A stray file beside an existing database does not lock the desk out.
	if err := os.WriteFile(filepath.Join(db, "README"), []byte("backup notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	openStore(t, db, Options{}).Close()
}
