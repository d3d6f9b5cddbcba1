package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/testfixture"
)

// writeFile writes data to dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportBatchIsDecidedWhole: files the parser accepts but the store
// would refuse (a NITF with a body and no headline, a Markdown export
// whose id is on the desk, the same id twice in the batch) are all named,
// nothing is imported, and the message says so — the good file before
// them is not left behind for a rerun to duplicate.
func TestImportBatchIsDecidedWhole(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	dir := t.TempDir()
	md := d.ok("export", id, "--format", "md")
	again := writeFile(t, dir, "again.md", []byte(md))
	twin := writeFile(t, dir, "twin.md", []byte(strings.Replace(md, id, "01900000-0000-7000-8000-0000000000aa", 1)))
	twin2 := writeFile(t, dir, "twin2.md", []byte(strings.Replace(md, id, "01900000-0000-7000-8000-0000000000aa", 1)))
	nohed := writeFile(t, dir, "nohed.xml", []byte(`<nitf><body><body.content><p>Copy without a headline.</p></body.content></body></nitf>`))
	good := testfixture.Path(t, testfixture.TASS)
	before := d.ok("list", "--json")
	tests := []struct {
		name  string
		files []string
		bad   []string // named on stderr
	}{
		{"no headline", []string{good, nohed}, []string{"nohed.xml", "headline"}},
		{"id on the desk", []string{good, again}, []string{"again.md", "already on the desk"}},
		{"id twice", []string{good, twin, twin2}, []string{"twin2.md", "twin.md"}},
		{"every bad file", []string{good, nohed, again}, []string{"nohed.xml", "again.md", "2 files are bad"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := d.run(append([]string{"import", "--year", "2019"}, tc.files...)...)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q; want 1 and nothing printed", code, out)
			}
			for _, w := range append(tc.bad, "nothing was imported") {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
			if after := d.ok("list", "--json"); after != before {
				t.Errorf("the failed batch changed the library:\n%s", after)
			}
		})
	}
}

// TestImportLongPath: a path of 300 characters imports, its label cut to
// the store's 200 characters.
func TestImportLongPath(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	base := strings.Repeat("d", 150) + "/" + strings.Repeat("f", 300-len(dir)-150-6) + ".txt"
	data, err := os.ReadFile(testfixture.Path(t, testfixture.TASS))
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, dir, base, data)
	if len(p) < 300 {
		t.Fatalf("path is %d characters", len(p))
	}
	id := strings.TrimSpace(d.ok("import", "--year", "2019", p))
	var hist []struct {
		Label string `json:"label"`
	}
	if err := json.Unmarshal([]byte(d.ok("history", id, "--json")), &hist); err != nil || len(hist) != 1 {
		t.Fatalf("history: %v %v", hist, err)
	}
	if n := len([]rune(hist[0].Label)); n > 200 || !strings.HasSuffix(hist[0].Label, "fff.txt") {
		t.Errorf("label %q (%d characters)", hist[0].Label, n)
	}
}

// TestImportEncodingsCLI: Latin-1 declared by XML, UTF-16 with a BOM,
// plain windows-1252 and windows-1251 told from their bytes, and
// --charset forcing one.
func TestImportEncodingsCLI(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		data     []byte
		headline string
		warn     string
	}{
		{"latin1.xml", nil, []byte("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<nitf><body><body.head><hedline><hl1>Debt of \xa338 billion</hl1></hedline></body.head><body.content><p>M\xfcller said.</p></body.content></body></nitf>"), "Debt of £38 billion", "iso-8859-1"},
		{"utf16.json", nil, utf16LE("{\"headline\": \"Grüße aus Köln\", \"body_text\": \"Text.\"}"), "Grüße aus Köln", "UTF-16"},
		{"de.txt", nil, []byte("Stra\xdfe in K\xf6ln gesperrt\n\nDie Stra\xdfe bleibt bis Montag gesperrt, sagte die Polizei.\n"), "Straße in Köln gesperrt", "windows-1252"},
		{"ru.txt", nil, []byte("\xc2 \xcc\xee\xf1\xea\xe2\xe5 \xef\xf0\xee\xf8\xb8\xeb \xf1\xe0\xeb\xfe\xf2\n\n\xcf\xf0\xe0\xe7\xe4\xed\xe8\xea \xef\xf0\xee\xf8\xb8\xeb \xf5\xee\xf0\xee\xf8\xee.\n"), "В Москве прошёл салют", "windows-1251"},
		{"forced.txt", []string{"--charset", "koi8-r"}, []byte("\xf3\xcf\xde\xc9\n\n\xe7\xcf\xd2\xcf\xc4.\n"), "Сочи", "koi8-r"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, tc.name, tc.data)
			code, out, errs := d.run(append(append([]string{"import", "--year", "2019"}, tc.args...), p)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.Contains(errs, tc.warn) {
				t.Errorf("no warning naming %q: %q", tc.warn, errs)
			}
			var a struct {
				Headline string `json:"headline"`
			}
			if err := json.Unmarshal([]byte(d.ok("show", strings.TrimSpace(out), "--json")), &a); err != nil {
				t.Fatal(err)
			}
			if a.Headline != tc.headline {
				t.Errorf("headline %q, want %q", a.Headline, tc.headline)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestImportListMakesAStoryOfEachItem: a ninjs list and an AP media API
// envelope are unwrapped.
func TestImportListMakesAStoryOfEachItem(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	list := writeFile(t, dir, "list.json", []byte(`{"total": 2, "item": [{"headline": "One", "body_text": "First."}, {"headline": "Two", "body_text": "Second."}]}`))
	ap := writeFile(t, dir, "ap.json", []byte(`{"api_version": "2", "data": {"item": {"headline": "Three", "body_text": "Third."}}}`))
	out := d.ok("import", list, ap)
	if n := len(strings.Fields(out)); n != 3 {
		t.Fatalf("imported %d stories, want 3: %q", n, out)
	}
}
