package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"copydesk/editor/formats"
)

func TestExportEveryFormat(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	for _, f := range formats.ExportFormats {
		out := d.ok("export", id, "--format", string(f))
		if !strings.Contains(out, "Bortnikov") {
			t.Errorf("export --format %s lacks the copy:\n%.300s", f, out)
		}
		file := filepath.Join(t.TempDir(), "story"+f.Extension())
		d.ok("export", id, "--format", string(f), "-o", file)
		data, err := os.ReadFile(file)
		// The two runs may straddle a second: the export time (NITF
		// date.issue, a draft's publication time) is the one thing that
		// may differ between them.
		if err != nil || maskExportTime(string(data)) != maskExportTime(out) {
			t.Errorf("export -o %s differs from standard output (%v)", f, err)
		}
	}
}

// exportTime matches the export time in every form the writers print it:
// RFC 3339, NITF's norm and the HTML <time> element with its text.
var exportTime = regexp.MustCompile(`<time datetime="[^"]*">[^<]*</time>|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|\d{8}T\d{6}Z`)

func maskExportTime(s string) string { return exportTime.ReplaceAllString(s, "TIME") }

func TestExportAll(t *testing.T) {
	d := newDesk(t)
	d.importFixture()
	d.importFixture()
	spiked := d.importFixture()
	d.ok("status", spiked, "spiked")
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errs := d.run("export", "--all", "--format", "nitf", "--dir", dir)
	if code != 0 {
		t.Fatalf("export --all: exit %d: %s", code, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{"is-terrorists-defeated-in-syria-and-iraq-still-running-2.xml", "is-terrorists-defeated-in-syria-and-iraq-still-running.xml"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v, want %v (spiked left out, same slug numbered)", names, want)
	}
	if strings.Count(out, "\n") != 2 || !strings.Contains(errs, "[2/2]") {
		t.Errorf("stdout %q / progress %q", out, errs)
	}
	code, _, _ = d.run("export", "--all", "--status", "spiked", "--format", "md", "--dir", dir)
	if _, err := os.Stat(filepath.Join(dir, "is-terrorists-defeated-in-syria-and-iraq-still-running.md")); code != 0 || err != nil {
		t.Errorf("export --all --status spiked: exit %d, %v", code, err)
	}
}

func TestExportUsageErrors(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	for _, args := range [][]string{
		{"export", id},
		{"export", id, "--format", "pdf"},
		{"export", "--all", "--format", "html"},
		{"export", "--all", "--format", "html", "--dir", t.TempDir(), "--rev", "1"},
		{"export", id, "--format", "html", "--dir", t.TempDir()},
		{"export", "--all", "--status", "gone", "--format", "html", "--dir", t.TempDir()},
	} {
		if code, _, errs := d.run(args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
}

func TestStatusMovesThroughTheWorkflow(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	steps := []struct {
		to   string
		code int
	}{
		{"ready", exitUser}, // draft → ready skips in edit
		{"in_edit", exitOK},
		{"ready", exitOK},
		{"published", exitOK},
		{"draft", exitUser}, // published copy changes by correction only
		{"spiked", exitOK},
		{"ready", exitUser}, // spiked: unspike first
		{"unspike", exitOK},
		{"sideways", exitUsage},
	}
	for _, st := range steps {
		if code, _, errs := d.run("status", id, st.to); code != st.code {
			t.Errorf("status %s: exit %d, want %d (%s)", st.to, code, st.code, errs)
		}
	}
	var show struct{ Status string }
	if err := json.Unmarshal([]byte(d.ok("show", id, "--json")), &show); err != nil || show.Status != "published" {
		t.Errorf("after unspike: status %q, %v; want published", show.Status, err)
	}
	hist := d.ok("history", id)
	if strings.Count(hist, "status") < 5 {
		t.Errorf("history lacks the status revisions:\n%s", hist)
	}
}

// TestOutputFileIsReplacedOnlyWithForce: backup, export -o and diff -o
// treat an existing file alike: refused (exit 1, the file untouched, the
// message naming --force), replaced with --force.
func TestOutputFileIsReplacedOnlyWithForce(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	for _, tc := range []struct {
		name string
		args func(file string) []string
	}{
		{"backup", func(file string) []string { return []string{"backup", file} }},
		{"export -o", func(file string) []string { return []string{"export", id, "--format", "text", "-o", file} }},
		{"diff -o", func(file string) []string { return []string{"diff", id, "1", "draft", "-o", file} }},
		{"export --all", func(file string) []string {
			return []string{"export", "--all", "--format", "text", "--dir", filepath.Dir(file)}
		}},
	} {
		file := filepath.Join(t.TempDir(), "existing")
		if tc.name == "export --all" { // the name the story's slug gives
			file = filepath.Join(filepath.Dir(file), "is-terrorists-defeated-in-syria-and-iraq-still-running.txt")
		}
		if err := os.WriteFile(file, []byte("last week's work\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errs := d.run(tc.args(file)...)
		if data, _ := os.ReadFile(file); code != exitUser || !strings.Contains(errs, file+" exists") || !strings.Contains(errs, "--force") ||
			string(data) != "last week's work\n" {
			t.Errorf("%s over an existing file: exit %d, %q, the file now %.40q", tc.name, code, errs, data)
		}
		d.ok(append(tc.args(file), "--force")...)
		if data, _ := os.ReadFile(file); string(data) == "last week's work\n" {
			t.Errorf("%s --force left the file as it was", tc.name)
		}
	}
}
