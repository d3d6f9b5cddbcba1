package formats

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestWriteFileAtomicFollowsNoPlantedLink: another user of a shared folder
// plants symlinks at the temporary names an export used to pick
// ("PATH.tmpPID") and at the target itself; the export must overwrite
// neither victim, and the target must end up a regular file with the data.
func TestWriteFileAtomicFollowsNoPlantedLink(t *testing.T) {
	for name, plant := range map[string]func(path, victim string) error{
		"old temporary name": func(path, victim string) error {
			return os.Symlink(victim, path+".tmp"+strconv.Itoa(os.Getpid()))
		},
		"target": func(path, victim string) error { return os.Symlink(victim, path) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(t.TempDir(), "victim")
			if err := os.WriteFile(victim, []byte("precious"), 0o600); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "story.md")
			if err := plant(path, victim); err != nil {
				t.Fatal(err)
			}
			if err := WriteFileAtomic(path, []byte("exported")); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(victim); string(got) != "precious" {
				t.Errorf("the victim was overwritten: %q", got)
			}
			st, err := os.Lstat(path)
			if err != nil || !st.Mode().IsRegular() {
				t.Fatalf("target: %v, %v; want a regular file", st, err)
			}
			if got, _ := os.ReadFile(path); string(got) != "exported" {
				t.Errorf("target holds %q", got)
			}
		})
	}
}

// TestWriteFileAtomicLeavesNothingOnFailure: a failed write leaves the old
// file as it was and no temporary file behind.
func TestWriteFileAtomicLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	if err := os.Mkdir(path, 0o755); err != nil { // rename over a directory fails
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("x")); err == nil {
		t.Fatal("renaming over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d entries in the folder, want only the directory (no temporary leftovers)", len(entries))
	}
}
