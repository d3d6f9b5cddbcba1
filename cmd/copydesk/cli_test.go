package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/testfixture"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// desk runs copydesk commands in-process against one temporary database.
type desk struct {
	t   *testing.T
	db  string
	env map[string]string
}

func newDesk(t *testing.T) *desk {
	t.Helper()
	return &desk{t: t, db: filepath.Join(t.TempDir(), "db"), env: map[string]string{"USER": "tester", "HOME": t.TempDir()}}
}

// run returns the exit code, stdout and stderr of one command.
func (d *desk) run(args ...string) (int, string, string) {
	d.t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", d.db}, args...)
	code := run(context.Background(), full, stdio{in: strings.NewReader(""), out: &out, err: &errb}, func(k string) string { return d.env[k] })
	return code, out.String(), errb.String()
}

// ok runs a command that must succeed and returns its stdout.
func (d *desk) ok(args ...string) string {
	d.t.Helper()
	code, out, errs := d.run(args...)
	if code != 0 {
		d.t.Fatalf("copydesk %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func (d *desk) importFixture() string {
	d.t.Helper()
	out := d.ok("import", "--year", "2019", "--author", "Ivan Petrov", testfixture.Path(d.t, testfixture.TASS))
	id := strings.TrimSpace(out)
	if len(id) != 36 {
		d.t.Fatalf("import printed %q, want one ID", out)
	}
	return id
}

func TestImportShowJSON(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	var got struct {
		ID, Slug, Section, Headline, Standfirst, Body string
		Dateline                                      struct{ Place, Date, Source string }
		Bylines                                       []struct{ Name, Role string }
		Photo                                         struct{ Caption, Credit, Copyright string }
		Tags                                          []string
		Status                                        string
		Words                                         int
	}
	out := d.ok("show", id, "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{`"id"`, `"slug"`, `"section"`, `"headline"`, `"standfirst"`, `"body"`, `"dateline"`, `"bylines"`, `"photo"`, `"tags"`, `"status"`, `"words"`} {
		if !strings.Contains(out, key+":") {
			t.Errorf("show --json lacks %s", key)
		}
	}
	if got.ID != id || got.Section != "All news" || got.Status != "draft" {
		t.Errorf("id/section/status: %q %q %q", got.ID, got.Section, got.Status)
	}
	if got.Dateline.Place != "SOCHI" || got.Dateline.Date != "2019-10-16" || got.Dateline.Source != "TASS" {
		t.Errorf("dateline = %+v", got.Dateline)
	}
	if got.Photo.Caption != "FSB Director Alexander Bortnikov" || got.Photo.Credit != "Peter Kovalev/TASS" || got.Photo.Copyright == "" {
		t.Errorf("photo = %+v", got.Photo)
	}
	if !strings.HasPrefix(got.Headline, "IS terrorists defeated") || !strings.HasPrefix(got.Standfirst, "A serious threat") {
		t.Errorf("headline/standfirst = %q / %q", got.Headline, got.Standfirst)
	}
	if strings.Count(got.Body, "\n## ") != 4 || strings.Count(got.Body, "\u00a0") != 13 {
		t.Errorf("body: %d subheads, %d NBSPs", strings.Count(got.Body, "\n## "), strings.Count(got.Body, "\u00a0"))
	}
	if got.Words < 700 || got.Words > 900 {
		t.Errorf("words = %d", got.Words)
	}
}

func TestReviseHistoryVerify(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	fixture := testfixture.Read(t, testfixture.TASS)
	updated := bytes.Replace(fixture, []byte("43,500 persons"), []byte("45,300 persons"), 1)
	file := filepath.Join(t.TempDir(), "update.txt")
	if err := os.WriteFile(file, updated, 0o600); err != nil {
		t.Fatal(err)
	}
	if out := d.ok("revise", id, file, "--label", "agency update", "--author", "Desk Editor"); !strings.Contains(out, "revision 2") {
		t.Errorf("revise printed %q", out)
	}
	hist := d.ok("history", id)
	if !strings.Contains(hist, "agency update") || !strings.Contains(hist, "Desk Editor") || !strings.Contains(hist, "import") {
		t.Errorf("history:\n%s", hist)
	}
	var revs []storage.Revision
	if err := json.Unmarshal([]byte(d.ok("history", id, "--json")), &revs); err != nil || len(revs) != 2 {
		t.Fatalf("history --json: %v, %d revisions", err, len(revs))
	}
	if revs[1].ParentHash != revs[0].Hash || revs[1].Seq != 2 {
		t.Errorf("chain: %+v", revs)
	}
	if out := d.ok("export", id, "--rev", "1", "--format", "text"); !strings.Contains(out, "43,500 persons") {
		t.Error("revision 1 lost the original number")
	}
	if out := d.ok("export", id, "--format", "text"); !strings.Contains(out, "45,300 persons") {
		t.Error("the draft lacks the revised number")
	}
	if out := d.ok("verify"); !strings.HasPrefix(out, "OK: 1 article, 2 revisions") {
		t.Errorf("verify printed %q", out)
	}
}

func TestExportTextKeepsTheCopy(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	out := filepath.Join(t.TempDir(), "out.txt")
	d.ok("export", id, "--format", "text", "-o", out)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	fixture := string(testfixture.Read(t, testfixture.TASS))
	// Every paragraph of the copy comes back byte for byte (NBSPs included).
	for _, para := range strings.Split(fixture, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.Contains(para, "©") {
			continue
		}
		if !strings.Contains(string(got), para) {
			t.Errorf("export lacks the paragraph %q", para)
		}
	}
}

func TestListFilters(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	if out := d.ok("list"); !strings.Contains(out, id) || !strings.Contains(out, "IS terrorists") {
		t.Errorf("list:\n%s", out)
	}
	if out := d.ok("list", "--status", "published"); strings.Contains(out, id) {
		t.Error("--status published lists a draft")
	}
	if out := d.ok("list", "--search", "fsb CHIEF"); !strings.Contains(out, id) {
		t.Error("--search misses the headline")
	}
	var rows []storage.Summary
	if err := json.Unmarshal([]byte(d.ok("list", "--json")), &rows); err != nil || len(rows) != 1 || rows[0].ID != id {
		t.Errorf("list --json: %v %+v", err, rows)
	}
}

func TestErrorsAndExitCodes(t *testing.T) {
	d := newDesk(t)
	d.ok("init")
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"list", "--colour"}, 2, "colour"},
		{"import without file", []string{"import"}, 2, "missing FILE"},
		{"bad year", []string{"import", "--year", "19", "x.txt"}, 2, "four-digit"},
		{"missing file", []string{"import", filepath.Join(dir, "nope.txt")}, 1, "nope.txt"},
		{"empty file", []string{"import", write("empty.txt", nil)}, 1, "empty"},
		{"binary file", []string{"import", write("photo.txt", []byte("JFIF\x00\x01\x02"))}, 1, "binary"},
		{"8-bit file of no known code page", []string{"import", write("8bit.txt", []byte("Headline\n\nText \x81\xcf\xf0 x \xe8"))}, 1, "--charset"},
		{"big file", []string{"import", write("big.txt", bytes.Repeat([]byte("word "), 2<<20))}, 1, "limit"},
		{"show bad id", []string{"show", "42"}, 1, "not an article ID"},
		{"show unknown id", []string{"show", "01900000-0000-7000-8000-000000000000"}, 1, "not found"},
		{"export no format", []string{"export", "01900000-0000-7000-8000-000000000000"}, 2, "--format"},
		{"export bad format", []string{"export", "01900000-0000-7000-8000-000000000000", "--format", "pdf"}, 2, "unknown format"},
		{"bad status", []string{"list", "--status", "killed"}, 2, "unknown status"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := d.run(tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.want)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("error is not one line: %q", errs)
			}
		})
	}
	// A failed import in a batch writes nothing.
	code, _, _ := d.run("import", testfixture.Path(t, testfixture.TASS), filepath.Join(dir, "empty.txt"))
	if code != 1 {
		t.Fatalf("batch with a bad file: exit %d", code)
	}
	if code, out, _ := d.run("list", "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("a failed batch left articles behind: %s", out)
	}
}

func TestHelpAtEveryLevel(t *testing.T) {
	d := newDesk(t)
	code, out, _ := d.run("--help")
	if code != 0 || !strings.Contains(out, "import") || !strings.Contains(out, "--db") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	for _, c := range commands {
		code, out, _ := d.run(c.name, "--help")
		if code != 0 || !strings.Contains(out, "usage: copydesk") || !strings.Contains(out, c.name) {
			t.Errorf("%s --help: exit %d\n%s", c.name, code, out)
		}
	}
}

// Usage goes to exactly one place: asked for (--help, -h) to stdout with
// exit 0 and nothing on stderr; after a mistake to stderr with exit 2.
func TestUsagePrintedOnce(t *testing.T) {
	for _, c := range []struct {
		args             []string
		code             int
		wantOut, wantErr bool
		wantErrSubstring string
	}{
		{[]string{"--help"}, 0, true, false, ""},
		{[]string{"-h"}, 0, true, false, ""},
		{[]string{"--bogus"}, 2, false, true, "-bogus"},
		{[]string{"list", "--help"}, 0, true, false, ""},
		{[]string{"list", "--bogus"}, 2, false, true, "bogus"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), c.args, stdio{in: strings.NewReader(""), out: &out, err: &errb}, func(string) string { return "" })
			if code != c.code {
				t.Errorf("exit %d, want %d", code, c.code)
			}
			if got := strings.Contains(out.String(), "usage: copydesk"); got != c.wantOut {
				t.Errorf("usage on stdout = %v, want %v:\n%s", got, c.wantOut, out.String())
			}
			if got := strings.Contains(errb.String(), "usage: copydesk"); got != c.wantErr {
				t.Errorf("usage on stderr = %v, want %v:\n%s", got, c.wantErr, errb.String())
			}
			if n := strings.Count(out.String()+errb.String(), "usage: copydesk"); n > 1 && c.code == 0 {
				t.Errorf("usage printed %d times", n)
			}
			if !strings.Contains(errb.String(), c.wantErrSubstring) {
				t.Errorf("stderr does not name %q: %s", c.wantErrSubstring, errb.String())
			}
		})
	}
}

func TestLockedDatabase(t *testing.T) {
	d := newDesk(t)
	d.importFixture()
	s, err := badgerstore.Open(d.db, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, _, errs := d.run("list")
	if code != 1 || !strings.Contains(errs, "already open") || !strings.Contains(errs, "pid") {
		t.Errorf("second open: exit %d, %q", code, errs)
	}
}

func TestDefaultDatabaseFromEnvironment(t *testing.T) {
	d := newDesk(t)
	d.env["COPYDESK_DB"] = filepath.Join(t.TempDir(), "envdb")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"import", "--year", "2019", testfixture.Path(t, testfixture.TASS)}, stdio{out: &out, err: &errb}, func(k string) string { return d.env[k] })
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(d.env["COPYDESK_DB"], "copydesk.lock")); err != nil {
		t.Errorf("COPYDESK_DB was not used: %v", err)
	}
	if got := defaultDBDir(func(k string) string { return map[string]string{"HOME": "/home/x"}[k] }); got != "/home/x/.local/share/copydesk" {
		t.Errorf("default dir = %s", got)
	}
}

// TestImportOfAMissingFile: the message names the file and says what to
// do, not Go's "stat FILE: no such file or directory"; nothing is created.
func TestImportOfAMissingFile(t *testing.T) {
	d := newDesk(t)
	missing := filepath.Join(t.TempDir(), "wire-today.txt")
	for _, args := range [][]string{{"import", missing}, {"diff", "--files", missing, missing}} {
		code, out, errs := d.run(args...)
		if code != exitUser || out != "" || !strings.Contains(errs, missing+": no such file") ||
			!strings.Contains(errs, "check the name") || strings.Contains(errs, "stat ") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", args[0], code, out, errs)
		}
	}
}
