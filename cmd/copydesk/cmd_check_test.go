package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/check"
	"copydesk/editor/check/spell"
)

func needEnglish(t *testing.T) {
	t.Helper()
	if _, err := spell.Shared.Dictionary("en"); err != nil {
		t.Skip(err)
	}
}

// TestCheckFixture: Bortnikov is flagged until added to the desk
// dictionary, the quoted ISILs do not fire, and the limits are printed.
func TestCheckFixture(t *testing.T) {
	needEnglish(t)
	d := newDesk(t)
	id := d.importFixture()
	out := d.ok("check", id)
	for _, want := range []string{"limits: headline 87/90 characters", `“Bortnikov”`} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// Both of the fixture's ISILs are in Bortnikov's direct quotes: the
	// term rule leaves a speaker's words alone.
	if strings.Contains(out, `not "ISIL"`) {
		t.Errorf("the ISIL rule fired inside a direct quote:\n%s", out)
	}
	code, out, errs := d.run("check", id, "--add-word", "Bortnikov")
	if code != 0 || !strings.Contains(errs, `added "Bortnikov" to the desk dictionary`) {
		t.Fatalf("--add-word: exit %d, %s", code, errs)
	}
	if strings.Contains(out, "Bortnikov") {
		t.Errorf("Bortnikov still flagged after he was added:\n%s", out)
	}
	// Kept in the store: a later run does not flag him either.
	if out := d.ok("check", id); strings.Contains(out, "Bortnikov") {
		t.Errorf("Bortnikov flagged again in a later run:\n%s", out)
	}
}

func TestCheckJSON(t *testing.T) {
	needEnglish(t)
	d := newDesk(t)
	id := d.importFixture()
	var got checkJSON
	if err := json.Unmarshal([]byte(d.ok("check", id, "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Revision != 1 || got.Rules != "TASS-like" || len(got.Limits) != 3 {
		t.Errorf("header: %+v", got)
	}
	kinds := map[check.Kind]int{}
	for _, f := range got.Findings {
		kinds[f.Kind]++
	}
	if kinds[check.KindSpelling] == 0 || kinds[check.KindStyle] == 0 {
		t.Errorf("findings by kind: %v", kinds)
	}
	// The AP-like set through the global style flag.
	code, out, _ := d.run("--style", "ap", "check", id, "--json")
	if code != 0 || !strings.Contains(out, `"rules": "AP-like"`) {
		t.Errorf("--style ap: exit %d\n%s", code, out)
	}
}

func TestCheckRulesFiles(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	good := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(bad, []byte("name: x\nnumbers:\n  spell_out: 20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("name: Tight desk\nextends: tass\nlimits:\n  sections:\n    All news: {headline_chars: 60}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := d.run("check", id, "--rules", bad)
	if code != exitUser || !strings.Contains(errs, bad+":3: numbers.spell_out: must be a whole number from 0 to 9, not 20") {
		t.Errorf("a bad rules file: exit %d, %s", code, errs)
	}
	if code, _, errs := d.run("check", "--set-rules", bad); code != exitUser || !strings.Contains(errs, "numbers.spell_out") {
		t.Errorf("--set-rules with a bad file: exit %d, %s", code, errs)
	}
	out := d.ok("check", id, "--rules", good)
	if !strings.Contains(out, "headline 87/60 characters — OVER") || !strings.Contains(out, "cannot be set to Ready without an override") {
		t.Errorf("a 60-character limit:\n%s", out)
	}
	_, _, errs = d.run("check", "--set-rules", good)
	if !strings.Contains(errs, "the desk's house style is now Tight desk") {
		t.Errorf("--set-rules: %s", errs)
	}
	if out := d.ok("check", "--print-rules"); !strings.Contains(out, "All news: {headline_chars: 60}") {
		t.Errorf("--print-rules does not print the desk's rules:\n%s", out)
	}
	if out := d.ok("check", id); !strings.Contains(out, "87/60") {
		t.Errorf("the desk's rules were not kept:\n%s", out)
	}
	if out := newDesk(t).ok("--style", "ap", "check", "--print-rules"); !strings.HasPrefix(out, "# AP-like house style") {
		t.Errorf("--print-rules without desk rules:\n%s", out)
	}
	if code, _, _ := d.run("check"); code != exitUsage {
		t.Errorf("check without an ID: exit %d", code)
	}
	if code, _, _ := d.run("check", "--add-word", "two words", id); code != exitUsage {
		t.Errorf("--add-word with two words: exit %d", code)
	}
}

// TestCheckNoDictionary: a language without a dictionary is said once,
// plainly, and the style checks still run.
func TestCheckNoDictionary(t *testing.T) {
	d := newDesk(t)
	md := filepath.Join(t.TempDir(), "story.md")
	src := "---\nlanguage: xx\n---\n# ISIL story\n\nCopy from ISIL.\n"
	if err := os.WriteFile(md, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(d.ok("import", md))
	code, out, errs := d.run("check", id)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Count(errs, "no dictionary for xx installed") != 1 {
		t.Errorf("stderr should say once that xx has no dictionary:\n%s", errs)
	}
	if !strings.Contains(out, `not "ISIL"`) {
		t.Errorf("the style checks did not run:\n%s", out)
	}
}
