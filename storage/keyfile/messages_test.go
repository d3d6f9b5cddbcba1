package keyfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/storage/badgerstore"
)

// TestExistsSaysWhatIsWrong: an encrypted database whose key header is
// gone is named as such (opening it without a key said the key "does not
// match"); a plain database and a new folder are not encrypted.
func TestExistsSaysWhatIsWrong(t *testing.T) {
	enc, _ := encryptedDB(t)
	if err := os.Remove(filepath.Join(enc, FileName)); err != nil {
		t.Fatal(err)
	}
	ok, err := Exists(enc)
	var mk *MissingKeyError
	if ok || !errors.As(err, &mk) || !strings.Contains(err.Error(), "is encrypted but its key file copydesk.key is missing") {
		t.Errorf("an encrypted desk without its key file: %v, %v", ok, err)
	}
	plain := filepath.Join(t.TempDir(), "plain")
	s, err := badgerstore.Open(plain, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, dir := range []string{plain, filepath.Join(t.TempDir(), "new")} {
		if ok, err := Exists(dir); ok || err != nil {
			t.Errorf("%s: %v, %v; want a plain desk", dir, ok, err)
		}
	}
}

// TestPermissionMessage: a folder the user may not read is explained —
// whose it is and what to do — not left as "stat copydesk.key:
// permission denied". (As root no folder is closed, so the error is made
// here; the real chmod runs for other users.)
func TestPermissionMessage(t *testing.T) {
	dir := t.TempDir()
	err := permissionError(dir, &fs.PathError{Op: "stat", Path: filepath.Join(dir, FileName), Err: fs.ErrPermission})
	for _, want := range []string{"cannot read the database folder " + dir, "permission denied", "it belongs to", "--db DIR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Error("the error does not wrap fs.ErrPermission")
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder: the chmod half runs as another user")
	}
	closed := filepath.Join(t.TempDir(), "closed")
	if err := os.Mkdir(closed, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(closed, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(closed, 0o700)
	if _, err := Exists(closed); err == nil || !strings.Contains(err.Error(), "cannot read the database folder") {
		t.Errorf("a closed folder: %v", err)
	}
}

// TestSealFollowsNoPlantedLink: the header is written through a new
// temporary file; a symlink planted at the old predictable name
// ("copydesk.key.tmp") is not followed.
func TestSealFollowsNoPlantedLink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, FileName+".tmp")); err != nil {
		t.Fatal(err)
	}
	if err := Seal(dir, []byte("pass"), NewKey(), fastParams); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "precious" {
		t.Errorf("the victim was overwritten: %.40q", got)
	}
	if st, err := os.Lstat(filepath.Join(dir, FileName)); err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != 0o600 {
		t.Errorf("the header: %v, %v; want a regular file, mode 0600", st, err)
	}
}
