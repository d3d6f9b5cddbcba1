package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

// deskWithTables makes a closed desk of a dozen stories whose data is in
// at least one table (.sst), and returns its table files.
func deskWithTables(t *testing.T, dir string, key []byte) []string {
	t.Helper()
	s := openStore(t, dir, Options{EncryptionKey: key})
	for i := range 12 {
		a := storetest.Article(fmt.Sprintf("Bortnikov speaks, part %d", i), 400, uint64(i+1))
		if _, err := s.Create(context.Background(), a, storage.Meta{Author: "wire"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) == 0 {
		t.Fatal("the desk has no table file")
	}
	return tables
}

// fileBytes is every file of dir with its bytes.
func fileBytes(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestDamagedFiles: a desk whose files are missing or damaged is refused
// at Open with an error naming the file, read-write and read-only alike,
// and the refusal changes no byte of any file. Before, a missing MANIFEST
// opened as a new, empty desk and deleted every table; a half-truncated
// table and an encrypted desk without KEYREGISTRY panicked.
func TestDamagedFiles(t *testing.T) {
	key := bytes.Repeat([]byte("k"), 32)
	tests := []struct {
		name   string
		key    []byte
		damage func(t *testing.T, dir string, tables []string)
		file   string // the name the error must hold; "sst" for the table
	}{
		{"MANIFEST deleted", nil, func(t *testing.T, dir string, _ []string) { remove(t, dir, "MANIFEST") }, "MANIFEST"},
		{"MANIFEST deleted, encrypted", key, func(t *testing.T, dir string, _ []string) { remove(t, dir, "MANIFEST") }, "MANIFEST"},
		{"MANIFEST cut to its first bytes", nil, func(t *testing.T, dir string, _ []string) { truncate(t, filepath.Join(dir, "MANIFEST"), 5) }, "MANIFEST"},
		{"a table cut in half", nil, func(t *testing.T, _ string, tables []string) { half(t, tables[0]) }, "sst"},
		{"a table cut in half, encrypted", key, func(t *testing.T, _ string, tables []string) { half(t, tables[0]) }, "sst"},
		{"a table deleted", nil, func(t *testing.T, _ string, tables []string) { os.Remove(tables[0]) }, "sst"},
		{"a table's index flipped", nil, func(t *testing.T, _ string, tables []string) { flipFromEnd(t, tables[0], 40) }, "sst"},
		{"a table emptied", nil, func(t *testing.T, _ string, tables []string) { truncate(t, tables[0], 0) }, "sst"},
		{"KEYREGISTRY deleted, encrypted", key, func(t *testing.T, dir string, _ []string) { remove(t, dir, "KEYREGISTRY") }, "KEYREGISTRY"},
		{"KEYREGISTRY flipped, encrypted", key, func(t *testing.T, dir string, _ []string) { flipFromEnd(t, filepath.Join(dir, "KEYREGISTRY"), 20) }, "KEYREGISTRY"},
	}
	quiet := slog.New(slog.DiscardHandler)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tables := deskWithTables(t, dir, tc.key)
			tc.damage(t, dir, tables)
			before := fileBytes(t, dir)
			for _, ro := range []bool{false, true} {
				s, err := Open(dir, Options{EncryptionKey: tc.key, ReadOnly: ro, Logger: quiet})
				if err == nil {
					s.Close()
					t.Fatalf("Open (read-only %v) succeeded on the damaged desk", ro)
				}
				msg := err.Error()
				want := tc.file
				if want == "sst" {
					want = filepath.Base(tables[0])
				}
				if !strings.Contains(msg, want) || !errors.Is(err, ErrDamaged) || !strings.Contains(msg, "restore") {
					t.Errorf("Open (read-only %v): %v\nwant ErrDamaged naming %s and saying restore", ro, err, want)
				}
			}
			after := fileBytes(t, dir)
			if !slices.Equal(slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after))) {
				t.Errorf("files before %v, after %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
			}
			for name, b := range before {
				if !bytes.Equal(b, after[name]) {
					t.Errorf("%s changed", name)
				}
			}
		})
	}
}

// TestFlippedBlockIsVerified: a byte flipped inside a table's data (not
// its index) opens — Badger reads blocks lazily — but verify reports it,
// and the library does not silently shrink.
func TestFlippedBlockIsVerified(t *testing.T) {
	dir := t.TempDir()
	tables := deskWithTables(t, dir, nil)
	flipAtOffset(t, tables[0], 100)
	r := openStore(t, dir, Options{ReadOnly: true, Logger: slog.New(slog.DiscardHandler)})
	// Badger's iterators stop quietly at the bad block: the library must
	// not pass for shorter than it is.
	for _, q := range []storage.Query{{}, {Text: "Bortnikov"}} {
		if rows, _, err := r.List(context.Background(), q); err == nil && len(rows) != 12 {
			t.Errorf("List %+v gives %d of 12 stories and no error", q, len(rows))
		}
	}
	rep, err := r.Verify(context.Background(), nil)
	if err == nil && rep.OK() {
		t.Fatal("Verify found nothing wrong with a flipped table block")
	}
}

func remove(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

func truncate(t *testing.T, path string, size int64) {
	t.Helper()
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

func half(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	truncate(t, path, st.Size()/2)
}

func flipFromEnd(t *testing.T, path string, back int) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	flipAtOffset(t, path, st.Size()-int64(back))
}

func flipAtOffset(t *testing.T, path string, off int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[off] ^= 0x55
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkPreflight: the checks of a desk's files before every open, on
// a desk of 10,000 stories.
func BenchmarkPreflight(b *testing.B) {
	dir := b.TempDir()
	s := openStore(b, dir, Options{})
	s.noSync = true
	for i := range 10000 {
		a := storetest.Article(fmt.Sprintf("Story number %d from the wire", i), 200, uint64(i))
		if _, err := s.Create(context.Background(), a, storage.Meta{}); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	for b.Loop() {
		if err := preflight(dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(tables)), "tables")
}

// TestReadWithoutLockFile: a desk whose copydesk.lock was deleted (or not
// copied) still opens read-only, and a reader does not create the file.
func TestReadWithoutLockFile(t *testing.T) {
	dir := t.TempDir()
	deskWithTables(t, dir, nil)
	remove(t, dir, lockFileName)
	r, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open read-only without the lock file: %v", err)
	}
	if rows, _, err := r.List(context.Background(), storage.Query{}); err != nil || len(rows) != 12 {
		t.Errorf("List: %d rows, %v", len(rows), err)
	}
	if _, err := os.Stat(filepath.Join(dir, lockFileName)); !os.IsNotExist(err) {
		t.Errorf("the reader created %s: %v", lockFileName, err)
	}
	if _, err := Open(dir, Options{}); !errors.Is(err, storage.ErrLocked) {
		t.Errorf("a writer beside the reader: %v, want ErrLocked", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
}
