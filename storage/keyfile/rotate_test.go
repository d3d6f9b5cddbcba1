package keyfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/storage/badgerstore"
)

func encryptedDB(t *testing.T) (string, []byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "db")
	key := NewKey()
	s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := Seal(dir, []byte("old"), key, fastParams); err != nil {
		t.Fatal(err)
	}
	return dir, key
}

// TestInterruptedChange stops a passphrase change after each of its
// first two steps, as a crash would, and checks that Unlock settles it
// with the right passphrase and explains the wrong one.
func TestInterruptedChange(t *testing.T) {
	for _, c := range []struct {
		name      string
		rewrapped bool
		good, bad string
		badMsg    string
	}{
		{"after the next header", false, "old", "new", "before the database was re-keyed: give the old passphrase"},
		{"after the re-key", true, "new", "old", "after the database was re-keyed: give the new passphrase"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, oldKey := encryptedDB(t)
			newKey, err := prepareChange(dir, oldKey, []byte("new"), fastParams)
			if err != nil {
				t.Fatal(err)
			}
			if c.rewrapped {
				if err := rewrapRegistry(dir, oldKey, newKey); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := Unlock(dir, []byte(c.bad)); err == nil || !strings.Contains(err.Error(), c.badMsg) {
				t.Errorf("Unlock(%s): %v, want %q", c.bad, err, c.badMsg)
			}
			key, err := Unlock(dir, []byte(c.good))
			if err != nil {
				t.Fatal(err)
			}
			want := oldKey
			if c.rewrapped {
				want = newKey
			}
			if !bytes.Equal(key, want) {
				t.Error("Unlock returned the wrong key")
			}
			if _, err := os.Stat(filepath.Join(dir, pendingName)); !os.IsNotExist(err) {
				t.Errorf("the pending header is still there: %v", err)
			}
			if _, err := Unlock(dir, []byte(c.good)); err != nil {
				t.Errorf("second Unlock: %v", err)
			}
			s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
		})
	}
}
