package fileio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadRegular: a file is read; a FIFO with no writer, /dev/zero (also
// through a symlink), a directory and a file over the limit are refused
// at once with an error saying what the path is.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(file, []byte("copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadRegular(file, 4); err != nil || string(data) != "copy" {
		t.Errorf("a 4-byte file with a limit of 4: %q, %v", data, err)
	}
	tests := []struct {
		path, want string
	}{
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{"/dev/zero", "is a character device, not a regular file"},
		{zero, "is a character device, not a regular file"},
		{dir, "is a directory, not a regular file"},
	}
	for _, tc := range tests {
		done := make(chan error, 1)
		go func() { _, err := ReadRegular(tc.path, 1<<20); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.want) || !IsNotRegular(err) {
				t.Errorf("%s: %v; want %q", tc.path, err, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", tc.path)
		}
	}
	_, err := ReadRegular(file, 3)
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "is 4 bytes, over the limit of 3 bytes") {
		t.Errorf("a 4-byte file with a limit of 3: %v", err)
	}
}
