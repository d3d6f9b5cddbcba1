package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"copydesk/storage/badgerstore"
	"copydesk/storage/record"
)

// TestSendHotFolder: send drops the profile's rendering into the folder
// (whole, no temporary left) and records the exact bytes in the story's
// history; a send to a folder that is not there fails, and is recorded.
func TestSendHotFolder(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	hot := t.TempDir()
	code, out, errs := d.run("send", id, "--output", "alert", "--to", hot)
	if code != exitOK {
		t.Fatalf("send: exit %d, %s", code, errs)
	}
	path := strings.TrimSpace(out)
	got, err := os.ReadFile(path)
	if err != nil || filepath.Dir(path) != hot {
		t.Fatalf("the sent file %q: %v", path, err)
	}
	if entries, _ := os.ReadDir(hot); len(entries) != 1 {
		t.Errorf("the hot folder holds %d files, want 1", len(entries))
	}
	if !strings.Contains(string(got), "IS terrorists defeated") || strings.Contains(string(got), "Bortnikov") {
		t.Errorf("an alert carries the headline only:\n%s", got)
	}
	seq := seqFrom(t, errs)

	missing := filepath.Join(hot, "gone")
	code, _, errs = d.run("send", id, "--output", "story", "--to", missing)
	if code != exitUser || !strings.Contains(errs, "the failure is recorded as revision") {
		t.Errorf("send to a missing folder: exit %d, %s", code, errs)
	}
	if code, _, _ := d.run("send", id, "--output", "tweet", "--to", hot); code != exitUsage {
		t.Errorf("an unknown profile: exit %d", code)
	}
	if code, _, _ := d.run("send", id, "--to", hot); code != exitUsage {
		t.Errorf("no --output: exit %d", code)
	}
	hist := d.ok("history", id)
	if !strings.Contains(hist, "sent") || !strings.Contains(hist, "send failed") {
		t.Errorf("history lacks the transmissions:\n%s", hist)
	}

	if out := d.ok("sent", id, strconv.FormatUint(seq, 10)); out != string(got) {
		t.Errorf("sent ID %d printed %q, want the bytes sent", seq, out)
	}
	if code, _, errs := d.run("sent", id, "1"); code != exitUser || !strings.Contains(errs, "records no transmission") {
		t.Errorf("sent on the import revision: exit %d, %s", code, errs)
	}
	s, err := badgerstore.Open(d.db, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr, err := record.LoadTransmission(context.Background(), s, id, seq)
	if err != nil {
		t.Fatal(err)
	}
	if string(tr.Bytes) != string(got) || tr.File != path || tr.Profile != "alert" || tr.Author != "tester" {
		t.Errorf("recorded %+v, want the %d bytes that landed in %s", tr, len(got), path)
	}
}

// seqFrom reads "recorded as revision N" from send's stderr.
func seqFrom(t *testing.T, errs string) uint64 {
	t.Helper()
	_, after, ok := strings.Cut(errs, "recorded as revision ")
	n, err := strconv.ParseUint(strings.TrimSpace(after), 10, 64)
	if !ok || err != nil {
		t.Fatalf("send said %q", errs)
	}
	return n
}
