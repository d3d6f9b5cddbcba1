package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputsProfiles: the built-ins are listed and printed as a file; a
// bad file is refused with its line; a good one is kept and used by check.
func TestOutputsProfiles(t *testing.T) {
	d := newDesk(t)
	out := d.ok("outputs")
	for _, want := range []string{"alert", "headline_chars: 55", "urgent", "story", "web"} {
		if !strings.Contains(out, want) {
			t.Errorf("outputs lacks %q:\n%s", want, out)
		}
	}
	if out := d.ok("outputs", "--print"); !strings.Contains(out, "  - name: alert\n    format: text\n    fields: [headline]\n    limits: {headline_chars: 55}\n") {
		t.Errorf("outputs --print:\n%s", out)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(bad, []byte("profiles:\n  - name: flash\n    format: pdf\n    fields: [headline]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := "profiles:\n  - {name: flash, format: text, fields: [headline], limits: {headline_chars: 20}}\n"
	if err := os.WriteFile(good, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := d.run("outputs", "--set", bad)
	if code != exitUser || !strings.Contains(errs, bad+`:3: profiles[0].format: unknown format "pdf"`) {
		t.Errorf("--set with a bad file: exit %d, %s", code, errs)
	}
	if out := d.ok("outputs"); !strings.Contains(out, "alert") {
		t.Errorf("a refused file changed the profiles:\n%s", out)
	}
	if _, _, errs := d.run("outputs", "--set", good); !strings.Contains(errs, "the desk's output profiles are now flash") {
		t.Errorf("--set: %s", errs)
	}
	if out := d.ok("outputs", "--print"); out != src {
		t.Errorf("--print after --set = %q", out)
	}
	if code, _, _ := d.run("outputs", "extra"); code != exitUsage {
		t.Errorf("outputs with an argument: exit %d", code)
	}
}

// TestCheckOutput: check lists the overruns per profile; --output shows
// one profile's counts; an unknown profile is a usage error. Overruns do
// not change the exit code, as the section's limits do not.
func TestCheckOutput(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture() // an 87-character headline
	out := d.ok("check", id)
	for _, want := range []string{"output alert (text): headline 87/55 characters — OVER", "output urgent (text): headline 87/80 characters — OVER", "output web (html): headline 87/70 characters — OVER"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "output story") {
		t.Errorf("check lists story, which the fixture fits:\n%s", out)
	}
	out = d.ok("check", id, "--output", "story")
	if !strings.Contains(out, "output story (nitf): headline 87/90 characters, standfirst ") || strings.Contains(out, "output alert") {
		t.Errorf("check --output story:\n%s", out)
	}
	code, _, errs := d.run("check", id, "--output", "tweet")
	if code != exitUsage || !strings.Contains(errs, `"tweet" is not one of the desk's profiles: alert, urgent, story, web`) {
		t.Errorf("--output tweet: exit %d, %s", code, errs)
	}
	var got checkJSON
	if err := json.Unmarshal([]byte(d.ok("check", id, "--json", "--output", "alert")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Outputs) != 1 || !got.Outputs[0].Over || got.Outputs[0].Limits[0].Used != 87 {
		t.Errorf("--json --output alert: %+v", got.Outputs)
	}
}
