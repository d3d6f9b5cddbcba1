package keyfile_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"copydesk/editor/export/exporttest"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/keyfile"
)

var fastParams = keyfile.Params{Time: 1, MemoryKiB: 64, Threads: 1}

// sentences are the fixture's sentences of 20 bytes or more: headline,
// standfirst, caption and each sentence of the body, markup stripped.
func sentences(t *testing.T) []string {
	a := exporttest.Fixture(t)
	text := strings.Join([]string{a.Headline, a.Standfirst, a.Photo.Caption, a.Body}, "\n")
	text = strings.NewReplacer("## ", "", "> ", "", "*", "", "_", "").Replace(text)
	var out []string
	for _, s := range regexp.MustCompile(`[^.!?\n]+[.!?]?`).FindAllString(text, -1) {
		if s = strings.TrimSpace(s); len(s) >= 20 {
			out = append(out, s)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d sentences in the fixture", len(out))
	}
	return out
}

// leaks lists the sentences found in the raw bytes of any file under dir.
func leaks(t *testing.T, dir string, sentences []string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, s := range sentences {
			if bytes.Contains(data, []byte(s)) {
				found = append(found, filepath.Base(path)+": "+s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// writeFixture stores the fixture with three revisions and an autosave.
func writeFixture(t *testing.T, s storage.Store) string {
	t.Helper()
	ctx := context.Background()
	a := exporttest.Fixture(t)
	if _, err := s.Create(ctx, a, storage.Meta{Author: "Ivan Petrov", Kind: storage.KindImport}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		a.Body += fmt.Sprintf("\n\nUpdate %d.", i)
		if _, err := s.SaveRevision(ctx, a, storage.Meta{}); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := s.Draft(ctx, a.ID)
	a.Body += "\n\nTyping."
	if _, err := s.SaveDraft(ctx, a, d.Version); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// createEncrypted makes an encrypted database the way `copydesk init
// --encrypt` does: Badger creates its files with a fresh key, then the
// header is sealed beside them.
func createEncrypted(t *testing.T, dir string, pass string) []byte {
	t.Helper()
	key := keyfile.NewKey()
	s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := keyfile.Seal(dir, []byte(pass), key, fastParams); err != nil {
		t.Fatal(err)
	}
	return key
}

// TestNoPlaintextOnDisk: after the fixture is written to an encrypted
// database, no file in its directory holds any sentence of it — while the
// store is open (write-ahead memtable, value log) and after it is closed.
// The same writes to a plain database do leave sentences, so the search
// can fail.
func TestNoPlaintextOnDisk(t *testing.T) {
	want := sentences(t)

	plain := filepath.Join(t.TempDir(), "plain")
	s, err := badgerstore.Open(plain, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	writeFixture(t, s)
	if found := leaks(t, plain, want); len(found) == 0 {
		t.Fatal("the search found no sentence in a plain database: it cannot see a leak")
	}
	s.Close()

	dir := filepath.Join(t.TempDir(), "db")
	key := createEncrypted(t, dir, "correct horse")
	s, err = badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
	if err != nil {
		t.Fatal(err)
	}
	id := writeFixture(t, s)
	if found := leaks(t, dir, want); len(found) > 0 {
		t.Errorf("with the store open, %d sentences in plain text, e.g. %s", len(found), found[0])
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if found := leaks(t, dir, want); len(found) > 0 {
		t.Errorf("after close, %d sentences in plain text, e.g. %s", len(found), found[0])
	}
	t.Logf("searched %d sentences", len(want))

	// The passphrase opens it again and the copy is all there.
	key2, err := keyfile.Unlock(dir, []byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	s, err = badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Draft(context.Background(), id)
	if err != nil || !strings.HasSuffix(d.Article.Body, "Typing.") {
		t.Fatalf("draft after reopening: %v", err)
	}
}

func TestChangePassphraseRotatesKey(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	key := createEncrypted(t, dir, "old pass")
	s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
	if err != nil {
		t.Fatal(err)
	}
	id := writeFixture(t, s)

	if err := keyfile.Change(dir, []byte("old pass"), []byte("new pass"), fastParams); err == nil || !strings.Contains(err.Error(), "close it") {
		t.Errorf("Change with the store open: %v, want a refusal", err)
	}
	s.Close()
	if err := keyfile.Change(dir, []byte("wrong"), []byte("new pass"), fastParams); !errors.Is(err, keyfile.ErrWrongPassphrase) {
		t.Errorf("Change with a wrong old passphrase: %v", err)
	}
	if err := keyfile.Change(dir, []byte("old pass"), []byte("new pass"), fastParams); err != nil {
		t.Fatal(err)
	}
	if _, err := keyfile.Unlock(dir, []byte("old pass")); !errors.Is(err, keyfile.ErrWrongPassphrase) {
		t.Errorf("the old passphrase after the change: %v", err)
	}
	newKey, err := keyfile.Unlock(dir, []byte("new pass"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(newKey, key) {
		t.Fatal("the key did not change")
	}
	// The old key no longer opens the database: the registry moved.
	if s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key}); err == nil {
		s.Close()
		t.Fatal("the old key still opens the database")
	} else if !strings.Contains(err.Error(), "encryption key does not match") {
		t.Errorf("old key: %v", err)
	}
	s, err = badgerstore.Open(dir, badgerstore.Options{EncryptionKey: newKey})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Verify(ctx, nil)
	if err != nil || !rep.OK() || rep.Revisions != 3 {
		t.Fatalf("verify after rotation: %+v %v", rep, err)
	}
	if d, err := s.Draft(ctx, id); err != nil || !strings.HasSuffix(d.Article.Body, "Typing.") {
		t.Fatalf("draft after rotation: %v", err)
	}
	// Writing after rotation still works and stays encrypted.
	if _, err := s.SaveRevision(ctx, exporttest.Fixture(t), storage.Meta{}); err != nil {
		t.Fatal(err)
	}
}
