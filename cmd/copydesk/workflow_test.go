package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeMarkdown writes a small story with the given front matter lines.
func writeMarkdown(t *testing.T, front string, body string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "story.md")
	data := "---\nheadline: FSB chief warns of IS threat\nsection: World\n" + front + "---\n\n" + body + "\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestEmbargoedExportIsRefusedUnlessForced(t *testing.T) {
	d := newDesk(t)
	until := time.Now().Add(48 * time.Hour).Format(time.RFC3339)
	id := strings.TrimSpace(d.ok("import", writeMarkdown(t, "embargo: "+until+"\n", "Copy under embargo.")))

	code, _, errs := d.run("export", id, "--format", "html")
	if code != exitUser || !strings.Contains(errs, "embargoed until") || !strings.Contains(errs, "--break-embargo") {
		t.Fatalf("export before the embargo: exit %d, %q", code, errs)
	}
	// --force replaces an existing file; it does not break an embargo.
	if code, _, errs := d.run("export", id, "--format", "html", "--force"); code != exitUser || !strings.Contains(errs, "embargoed until") {
		t.Fatalf("export --force before the embargo: exit %d, %q", code, errs)
	}
	before := d.ok("history", id)
	out := d.ok("export", id, "--format", "nitf", "--break-embargo")
	if !strings.Contains(out, "date.release") {
		t.Errorf("forced NITF lacks date.release")
	}
	after := d.ok("history", id)
	if strings.Count(after, "\n") != strings.Count(before, "\n")+1 || !strings.Contains(after, "forced export") {
		t.Errorf("the forced export is not on record:\n%s", after)
	}

	dir := t.TempDir()
	code, _, errs = d.run("export", "--all", "--format", "md", "--dir", dir)
	if entries, _ := os.ReadDir(dir); code != 0 || len(entries) != 0 || !strings.Contains(errs, "held back") {
		t.Errorf("export --all exported an embargoed story: exit %d, %d files, %q", code, len(entries), errs)
	}
}

func TestPublishedStoryChangesByCorrection(t *testing.T) {
	d := newDesk(t)
	id := strings.TrimSpace(d.ok("import", writeMarkdown(t, "", "About 7,000 people were hurt.")))
	for _, st := range []string{"in_edit", "ready", "published"} {
		d.ok("status", id, st)
	}
	update := writeMarkdown(t, "", "About 8,000 people were hurt.")
	code, _, errs := d.run("revise", id, update)
	if code != exitUser || !strings.Contains(errs, "--correction") {
		t.Fatalf("revise of a published story without a note: exit %d, %q", code, errs)
	}
	d.ok("revise", id, update, "--correction", "An earlier version gave the number of people hurt as 7,000.")
	hist := d.ok("history", id)
	if !strings.Contains(hist, "correction") {
		t.Errorf("history lacks the correction:\n%s", hist)
	}
	text := d.ok("export", id, "--format", "text")
	if !strings.Contains(text, "CORRECTION") || !strings.Contains(text, "8,000") {
		t.Errorf("text export lacks the correction:\n%s", text)
	}
}

func TestLengthLimitHoldsBackReady(t *testing.T) {
	d := newDesk(t)
	long := strings.Repeat("Bortnikov said the threat remains. ", 400) // well over any body limit
	id := strings.TrimSpace(d.ok("import", writeMarkdown(t, "", long)))
	d.ok("status", id, "in_edit")
	code, _, errs := d.run("status", id, "ready")
	if code != exitUser || !strings.Contains(errs, "--override") {
		t.Fatalf("ready over the limit: exit %d, %q", code, errs)
	}
	d.ok("status", id, "ready", "--override", "breaking news")
	if hist := d.ok("history", id, "--json"); !strings.Contains(hist, "breaking news") {
		t.Errorf("the override is not recorded:\n%s", hist)
	}
}

// TestReviseWithUnchangedCopyMakesNoRevision: filing the copy the story
// already has records nothing, says so and succeeds — also on a published
// story, where an empty revision once passed without a correction note.
func TestReviseWithUnchangedCopyMakesNoRevision(t *testing.T) {
	for _, published := range []bool{false, true} {
		d := newDesk(t)
		file := writeMarkdown(t, "", "About 7,000 people were hurt.")
		id := strings.TrimSpace(d.ok("import", file))
		if published {
			for _, st := range []string{"in_edit", "ready", "published"} {
				d.ok("status", id, st)
			}
		}
		before := d.ok("history", id)
		code, out, errs := d.run("revise", id, file, "--label", "again")
		if code != exitOK || !strings.Contains(out, id+" unchanged: no revision made") || errs != "" {
			t.Errorf("published %v: revise with the same copy: exit %d, stdout %q, stderr %q", published, code, out, errs)
		}
		if after := d.ok("history", id); after != before {
			t.Errorf("published %v: the history changed:\n%s\nwas:\n%s", published, after, before)
		}
	}
}
