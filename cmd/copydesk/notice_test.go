package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKillWithholdCorrect: each action makes a revision of its kind and
// sends its notice to every target the story went to, as the profile it
// went as; refusals leave the story as it was.
func TestKillWithholdCorrect(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	if code, _, errs := d.run("kill", id, "--reason", "legal", "--note", "Delete it."); code != exitUser || !strings.Contains(errs, "spike it instead") {
		t.Errorf("killing a story never sent: exit %d, %s", code, errs)
	}
	if code, _, _ := d.run("kill", id, "--note", "Delete it."); code != exitUsage {
		t.Errorf("kill without --reason: exit %d", code)
	}
	for _, st := range []string{"in_edit", "ready", "published"} {
		d.ok("status", id, st, "--override", "test")
	}
	hot, web := t.TempDir(), t.TempDir() // an alert (text) and the story (NITF)
	d.ok("send", id, "--output", "alert", "--to", hot)
	d.ok("send", id, "--output", "story", "--to", web)

	out := d.ok("withhold", id, "--reason", "toll unconfirmed", "--note", "Do not use until the toll is confirmed.")
	if !strings.Contains(out, "withheld: revision") {
		t.Errorf("withhold said %q", out)
	}
	notice := newest(t, web)
	if !strings.Contains(notice, `management-status="withheld"`) || !strings.Contains(notice, `info="WITHHELD: Do not use until the toll is confirmed."`) {
		t.Errorf("the withhold notice sent to %s:\n%.300s", web, notice)
	}
	if alert := newest(t, hot); !strings.HasPrefix(alert, "WITHHELD: Do not use") || strings.Contains(alert, "Bortnikov") {
		t.Errorf("the alert target got its notice as an alert:\n%.300s", alert)
	}

	fixed := filepath.Join(t.TempDir(), "fixed.md")
	story := d.ok("export", id, "--format", "md")
	story = strings.Replace(story, "more than 1,500 attacks", "more than 1,600 attacks", 1)
	if err := os.WriteFile(fixed, []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	d.ok("correct", id, fixed, "--reason", "FSB figure", "--note", "An earlier version said 1,500 attacks; the FSB said 1,600.")
	if got := newest(t, web); strings.Contains(got, "WITHHELD") || !strings.Contains(got, `management-status="usable"`) ||
		!strings.Contains(got, `<correction info="An earlier version said 1,500`) || !strings.Contains(got, "1,600 attacks") {
		t.Errorf("the correction sent:\n%s", got)
	}
	if code, _, errs := d.run("correct", id, "--reason", "again", "--note", "An earlier version said 1,500 attacks; the FSB said 1,600."); code != exitUser || !strings.Contains(errs, "last correction") {
		t.Errorf("the same correction note again: exit %d, %s", code, errs)
	}

	d.ok("kill", id, "--reason", "source withdrew", "--note", "The FSB withdrew the figures. Delete from all files.")
	if got := newest(t, hot); !strings.HasPrefix(got, "KILL: The FSB withdrew") {
		t.Errorf("the kill notice sent:\n%.300s", got)
	}
	nitf := d.ok("export", id, "--format", "nitf")
	if !strings.Contains(nitf, `management-status="canceled"`) || !strings.Contains(nitf, `<ed-msg msg-type="kill"`) {
		t.Errorf("the killed story's NITF:\n%.600s", nitf)
	}
	hist := d.ok("history", id)
	hist += d.ok("history", id, "--json")
	for _, want := range []string{"withhold", "correction", "kill", "reason: source withdrew", "kill notice sent"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}
	if code, _, errs := d.run("withhold", id, "--reason", "x", "--note", "y"); code != exitUser || !strings.Contains(errs, "killed") {
		t.Errorf("withholding a killed story: exit %d, %s", code, errs)
	}
}

// newest is the newest file in dir (the sends name them -2, -3 …).
func newest(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		t.Fatalf("%s: %v", dir, err)
	}
	var best os.FileInfo
	for _, e := range entries {
		info, _ := e.Info()
		if best == nil || info.ModTime().After(best.ModTime()) || info.ModTime().Equal(best.ModTime()) && len(info.Name()) > len(best.Name()) {
			best = info
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, best.Name()))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
