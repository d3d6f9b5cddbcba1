package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNonFilesAreRefused: import, revise and the passphrase variables
// refuse a named pipe and a device before reading a byte — /dev/zero was
// read until memory ran out, a pipe with no writer blocked forever — with
// exit status 1 and a message that says what the path is.
func TestNonFilesAreRefused(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	fifo := filepath.Join(t.TempDir(), "story.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		for _, args := range [][]string{{"import", path}, {"revise", id, path}, {"check", "--set-rules", path}} {
			code, _, errs := d.run(args...)
			if code != exitUser || !strings.Contains(errs, path) || !strings.Contains(errs, "not a file") {
				t.Errorf("%v: exit %d, %q; want 1 and the path named as no file", args, code, errs)
			}
		}
	}
	enc := newDesk(t)
	for _, path := range []string{"/dev/zero", fifo} {
		enc.env["COPYDESK_PASSPHRASE_FILE"] = path
		code, _, errs := enc.run("init", "--encrypt")
		if code != exitUser || !strings.Contains(errs, "not a regular file") || !strings.Contains(errs, "COPYDESK_PASSPHRASE_FILE") {
			t.Errorf("passphrase file %s: exit %d, %q", path, code, errs)
		}
	}
	enc.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, strings.Repeat("long ", 1000))
	if code, _, errs := enc.run("init", "--encrypt"); code != exitUser || !strings.Contains(errs, "over the limit of 4096 bytes") {
		t.Errorf("a 5,000-byte passphrase file: exit %d, %q", code, errs)
	}
}
