package backup_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
	"copydesk/storage/keyfile"
	"copydesk/storage/torture"
)

// TestTamperedBackupsRefused: every edit of a plain backup that leaves
// some hash, the draft hashes or the head as they were is refused before
// anything is stored; the consistent rewrites a plain desk cannot tell
// apart (torture.Tamper.Limit) restore.
func TestTamperedBackupsRefused(t *testing.T) {
	src := openStore(t)
	fill(t, src, 4, 3, 80)
	file, _ := writeBackup(t, src)
	for _, tc := range torture.PlainTampers() {
		t.Run(tc.Name, func(t *testing.T) {
			edited, err := tc.Edit(file)
			if err != nil {
				t.Fatal(err)
			}
			dst := openStore(t)
			_, err = backup.Restore(context.Background(), bytes.NewReader(edited), dst, nil)
			if st, _ := dst.Stats(context.Background()); err != nil && (st.Articles != 0 || st.Revisions != 0) {
				t.Errorf("a refused restore stored %d articles", st.Articles)
			}
			switch {
			case tc.Limit && err != nil:
				t.Logf("refused, though a plain desk need not: %v", err)
			case !tc.Limit && err == nil:
				t.Fatal("the edited backup restored")
			case !tc.Limit && !strings.Contains(err.Error(), "nothing was restored"):
				t.Errorf("%v: want it to say nothing was restored", err)
			}
		})
	}
}

// TestRestoreFormat1: a backup written before format 2 (no head, no draft
// hashes) still restores.
func TestRestoreFormat1(t *testing.T) {
	src := openStore(t)
	fill(t, src, 3, 2, 50)
	file, _ := writeBackup(t, src)
	old, err := backup.Reseal(file, func(h *backup.Header, body []byte) []byte {
		h.Format, h.Head = 1, nil
		return body
	})
	if err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	if _, err := backup.Restore(context.Background(), bytes.NewReader(old), dst, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dump(t, src), dump(t, dst)) {
		t.Error("the format-1 restore differs from the source")
	}
}

func openDir(dir string, key []byte) (storage.Store, error) {
	return badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
}

// TestSalvage: a backup with one altered article is refused whole, and
// restored with Salvage it gives every other article and names the one
// left out by ID and headline.
func TestSalvage(t *testing.T) {
	src := openStore(t)
	fill(t, src, 5, 2, 60)
	file, _ := writeBackup(t, src)
	var revisionEdit torture.Tamper
	for _, tc := range torture.PlainTampers() {
		if tc.Name == "revision body edited" {
			revisionEdit = tc
		}
	}
	edited, err := revisionEdit.Edit(file)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.cdb")
	if err := os.WriteFile(path, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "whole")
	_, err = backup.RestoreInto(context.Background(), path, dir, backup.DirOptions{Open: openDir})
	var refused *backup.RefusedError
	if !errors.As(err, &refused) || len(refused.Check.Bad) != 1 {
		t.Fatalf("restore of a backup with one altered article: %v, want a RefusedError naming one", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("the refused restore made its target")
	}
	dir = filepath.Join(t.TempDir(), "salvaged")
	sum, err := backup.RestoreInto(context.Background(), path, dir, backup.DirOptions{Open: openDir, Salvage: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Restored != 4 || len(sum.Skipped) != 1 || sum.Skipped[0].Headline == "" || sum.Skipped[0].ID != refused.Check.Bad[0].ID {
		t.Errorf("salvage: %d restored, skipped %+v", sum.Restored, sum.Skipped)
	}
	if err := backup.CheckComplete(dir); err != nil {
		t.Errorf("a finished salvage left the desk marked: %v", err)
	}
}

// failingStore fails its Load after ok articles: a restore cut short.
type failingStore struct {
	storage.Store
	ok int
}

func (f *failingStore) Load(ctx context.Context, h storage.History) error {
	if f.ok == 0 {
		return errors.New("injected failure")
	}
	f.ok--
	return f.Store.Load(ctx, h)
}

// TestRestoreCutShort: a restore that fails half-way into a folder that
// was there before keeps the folder and what it held, and marks the desk
// incomplete; into a folder it made, it removes only that.
func TestRestoreCutShort(t *testing.T) {
	src := openStore(t)
	fill(t, src, 6, 1, 40)
	file, _ := writeBackup(t, src)
	path := filepath.Join(t.TempDir(), "b.cdb")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	cut := func(dir string, key []byte) (storage.Store, error) {
		s, err := openDir(dir, key)
		return &failingStore{Store: s, ok: 3}, err
	}
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt") // not a desk file: Open refuses the folder
	existing := filepath.Join(t.TempDir(), "existing")
	if err := os.Mkdir(existing, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.RestoreInto(context.Background(), path, existing, backup.DirOptions{Open: cut}); err == nil {
		t.Fatal("the cut restore succeeded")
	}
	var inc *backup.IncompleteError
	if err := backup.CheckComplete(existing); !errors.As(err, &inc) || !strings.Contains(err.Error(), "b.cdb") {
		t.Errorf("after a cut restore into an existing folder: %v, want it marked incomplete", err)
	}
	if err := os.WriteFile(keep, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.RestoreInto(context.Background(), path, dir, backup.DirOptions{Open: openDir}); err == nil {
		t.Fatal("a restore into a folder of other files succeeded")
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Errorf("a failed restore touched a file that was there: %q %v", b, err)
	}
	made := filepath.Join(t.TempDir(), "made")
	if _, err := backup.RestoreInto(context.Background(), path, made, backup.DirOptions{Open: cut}); err == nil {
		t.Fatal("the cut restore succeeded")
	}
	if _, err := os.Stat(made); !os.IsNotExist(err) {
		t.Error("a failed restore left the folder it made")
	}
}

// TestRestoreIntoNonEmptyLeavesNoMark: a desk with articles refuses the
// restore and is left exactly as it was, without an incomplete mark.
func TestRestoreIntoNonEmptyLeavesNoMark(t *testing.T) {
	src := openStore(t)
	fill(t, src, 2, 1, 40)
	file, _ := writeBackup(t, src)
	path := filepath.Join(t.TempDir(), "b.cdb")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "desk")
	s, err := openDir(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s, 1, 1, 30)
	s.Close()
	if _, err := backup.RestoreInto(context.Background(), path, dir, backup.DirOptions{Open: openDir}); !errors.Is(err, backup.ErrNotEmpty) {
		t.Fatalf("restore into a desk with articles: %v", err)
	}
	if err := backup.CheckComplete(dir); err != nil {
		t.Errorf("the refused restore marked the desk: %v", err)
	}
}

// TestEncryptedBackup: a backup of an encrypted desk holds none of its
// text, opens only with the passphrase, and restores into a desk with the
// same key and head.
func TestEncryptedBackup(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "enc")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	pass := []byte("desk secret")
	key := keyfile.NewKey()
	if err := keyfile.Seal(dir, pass, key, keyfile.Params{Time: 1, MemoryKiB: 64, Threads: 1}); err != nil {
		t.Fatal(err)
	}
	src, err := openDir(dir, key)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	fill(t, src, 3, 2, 200)
	file, sum := writeBackup(t, src)
	if sum.Sealed == nil || sum.Head == nil || !sum.Head.Keyed {
		t.Fatalf("the backup of an encrypted desk: sealed %v, head %+v", sum.Sealed != nil, sum.Head)
	}
	for _, word := range []string{"Story number", "Update 1", "Still typing", "Bortnikov"} {
		if bytes.Contains(file, []byte(word)) {
			t.Errorf("the encrypted backup holds %q in plain text", word)
		}
	}
	if _, err := backup.Open(bytes.NewReader(file), "b", nil); !errors.Is(err, backup.ErrNeedPassphrase) {
		t.Errorf("open without a passphrase: %v", err)
	}
	if _, err := backup.Open(bytes.NewReader(file), "b", []byte("wrong")); err == nil || !strings.Contains(err.Error(), "wrong passphrase") {
		t.Errorf("open with a wrong passphrase: %v", err)
	}
	path := filepath.Join(t.TempDir(), "b.cdb")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "restored")
	if _, err := backup.RestoreInto(ctx, path, target, backup.DirOptions{Passphrase: pass, Open: openDir}); err != nil {
		t.Fatal(err)
	}
	got, err := keyfile.Unlock(target, pass)
	if err != nil || !bytes.Equal(got, key) {
		t.Fatalf("the restored desk's key: %v", err)
	}
	dst, err := openDir(target, got)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	a, errA := backup.DeskHead(ctx, src)
	b, errB := backup.DeskHead(ctx, dst)
	if errA != nil || errB != nil || a != b || a.Hash != sum.Head.Hash {
		t.Errorf("heads: source %+v, restored %+v, backup %+v (%v %v)", a, b, sum.Head, errA, errB)
	}
}

// TestFailedRestoreKeepsTheirKey: a restore that fails in a folder that
// already had a key header (an encrypted desk being made) leaves it.
func TestFailedRestoreKeepsTheirKey(t *testing.T) {
	src := openStore(t)
	fill(t, src, 2, 1, 40)
	file, _ := writeBackup(t, src)
	path := filepath.Join(t.TempDir(), "b.cdb")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "theirs")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	key := keyfile.NewKey()
	if err := keyfile.Seal(dir, []byte("theirs"), key, keyfile.Params{Time: 1, MemoryKiB: 64, Threads: 1}); err != nil {
		t.Fatal(err)
	}
	_, err := backup.RestoreInto(context.Background(), path, dir, backup.DirOptions{
		DirKey: func(string) ([]byte, error) { return key, nil },
		Open:   func(string, []byte) (storage.Store, error) { return nil, errors.New("injected failure") },
	})
	if err == nil {
		t.Fatal("the restore succeeded")
	}
	if ok, _ := keyfile.Exists(dir); !ok {
		t.Error("a failed restore removed the key header the folder had")
	}
}
