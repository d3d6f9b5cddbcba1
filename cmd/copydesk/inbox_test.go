package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInboxOnce: `inbox DIR --once` imports what is there, says what
// became of each file, and exits 1 when a file was rejected; run again,
// it finds nothing new.
func TestInboxOnce(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ifo.txt", "\x01dpa0421 4 wi 0187 \r\n\x02Ifo steigt =\r\n  M\xfcnchen (dpa) - Die Stimmung stieg.\r\n\x03")
	code, out, errs := d.run("inbox", dir, "--once")
	if code != exitOK || !strings.Contains(out, "ifo.txt: new ") || !strings.Contains(errs, "ifo.txt: warning: the file is not UTF-8") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	write("bad.xml", "<nitf>")
	write("ifo-again.txt", "\x01dpa0421 4 wi 0187 \r\n\x02Ifo steigt =\r\n  M\xfcnchen (dpa) - Die Stimmung stieg.\r\n\x03")
	code, out, errs = d.run("inbox", dir, "--once")
	if code != exitUser || !strings.Contains(out, "bad.xml: rejected") || !strings.Contains(out, "ifo-again.txt: already imported") || !strings.Contains(errs, "1 of 2 files rejected") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "rejected", "bad.xml.why.txt")); err != nil {
		t.Error(err)
	}
	code, out, _ = d.run("list")
	if code != exitOK || strings.Count(out, "Ifo steigt") != 1 {
		t.Errorf("list: %q", out)
	}
}
