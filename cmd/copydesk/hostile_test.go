package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"copydesk/editor/testfixture"
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

// TestControlCharactersInFileNames: a file name with a newline and an ESC
// imports (the revision label shows the name escaped; it was refused as a
// "meta.label" the user never set) and is never echoed raw.
func TestControlCharactersInFileNames(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "wire\n\x1b[31mred.txt")
	story, err := os.ReadFile(testfixture.Path(t, testfixture.TASS))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, story, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := d.run("import", "--year", "2019", name)
	if code != exitOK {
		t.Fatalf("import: exit %d, %q", code, errs)
	}
	id := strings.TrimSpace(out)
	history := d.ok("history", id)
	if !strings.Contains(history, `wire\n\x1b[31mred.txt`) {
		t.Errorf("history does not show the name escaped:\n%s", history)
	}
	bad := filepath.Join(dir, "bad\n\x1b[2Jname.txt")
	if err := os.WriteFile(bad, []byte{0}, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(dir, "missing\x1b.txt")} {
		code, _, errs := d.run("import", path)
		if code != exitUser || strings.ContainsAny(strings.TrimSuffix(errs, "\n"), "\n\x1b") || !strings.Contains(errs, `\x1b`) {
			t.Errorf("%q: exit %d, stderr %q; want 1 and the name escaped", path, code, errs)
		}
	}
}

// TestReviseKeepsTheStorysYear: revising a 2019 story from wire copy whose
// dateline has no year keeps 2019 (it moved the story to this year);
// --year still decides when given.
func TestReviseKeepsTheStorysYear(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture() // --year 2019
	file := writeUpdate(t, "43,500 persons", "45,300 persons")
	d.ok("revise", id, file)
	var a struct {
		Dateline struct{ Date string } `json:"dateline"`
	}
	if err := json.Unmarshal([]byte(d.ok("show", id, "--json")), &a); err != nil {
		t.Fatal(err)
	}
	if a.Dateline.Date != "2019-10-16" {
		t.Errorf("dateline %q after revise without --year, want 2019-10-16", a.Dateline.Date)
	}
	d.ok("revise", id, file, "--year", "2020")
	if err := json.Unmarshal([]byte(d.ok("show", id, "--json")), &a); err != nil {
		t.Fatal(err)
	}
	if a.Dateline.Date != "2020-10-16" {
		t.Errorf("dateline %q after revise --year 2020", a.Dateline.Date)
	}
}

// TestPanicIsNotAUsageError: a crash inside a command (a bug, a fault on
// a mapped file when the disk is full) exits 1 with one line, not 2 (a
// usage error) with a goroutine dump.
func TestPanicIsNotAUsageError(t *testing.T) {
	var errb strings.Builder
	code := guarded(&errb, func() int { panic("unexpected fault address 0x7f00") })
	if code != exitUser || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "unexpected fault address") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	// The stack goes to a file the message names, for the report.
	if i, j := strings.Index(errb.String(), "report it with "), strings.Index(errb.String(), " and the command"); i > 0 && j > i {
		trace := errb.String()[i+len("report it with ") : j]
		data, err := os.ReadFile(trace)
		if err != nil || !strings.Contains(string(data), "TestPanicIsNotAUsageError") {
			t.Errorf("crash report %s: %v, %.200q", trace, err, data)
		}
		os.Remove(trace)
	} else {
		t.Errorf("the message names no crash report: %q", errb.String())
	}
	errb.Reset()
	if code := guarded(&errb, func() int { return exitUsage }); code != exitUsage {
		t.Errorf("a usage error became %d", code)
	}
}

// TestSlugAndLanguageAreChecked: a path-like slug and a language that is
// markup, from Markdown and from ninjs (whose importer leaves checking to
// the store), are refused on import and revise, naming the field.
func TestSlugAndLanguageAreChecked(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	ninjs := filepath.Join(t.TempDir(), "story.json")
	if err := os.WriteFile(ninjs, []byte(`{"uri":"urn:x","type":"text","headline":"H","body_text":"Copy.","slugline":"../../etc/passwd"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, want string }{
		{writeMarkdown(t, "slug: ../../etc/passwd\n", "Copy."), `slug: "../../etc/passwd" has an empty, "." or ".." part`},
		{writeMarkdown(t, "language: 'en\" onmouseover=\"x'\n", "Copy."), `language: "en\" onmouseover=\"x" is not a BCP 47 language tag`},
		{ninjs, `slug: "../../etc/passwd"`},
	} {
		for _, args := range [][]string{{"import", c.file}, {"revise", id, c.file}} {
			code, _, errs := d.run(args...)
			if code != exitUser || !strings.Contains(errs, c.want) {
				t.Errorf("%s %s: exit %d, %q; want %q", args[0], filepath.Base(c.file), code, errs, c.want)
			}
		}
	}
}
