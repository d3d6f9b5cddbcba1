package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

type writer struct {
	name string // golden file suffix
	fn   func(*editor.Article, export.Options) ([]byte, error)
}

var writers = []writer{
	{"html", export.HTML},
	{"nitf.xml", export.NITF},
	{"ninjs.json", export.Ninjs},
}

func goldenOptions() export.Options {
	style, rev, now := exporttest.Options()
	return export.Options{Style: style, Revision: rev, Now: now}
}

func TestGoldens(t *testing.T) {
	a := exporttest.Fixture(t)
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			got, err := w.fn(a, goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "tass."+w.name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update after checking the change):\n%s", w.name, path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + gl + "\n want " + wl
		}
	}
	return "(same lines)"
}

// The fixture's copy must come out whole in every format: every body
// paragraph, byte for byte with its no-break spaces.
func TestFixtureCopyIsCarried(t *testing.T) {
	a := exporttest.Fixture(t)
	nbspPara := ""
	for _, b := range editor.ParseBody(a.Body) {
		if strings.Contains(b.Text, "\u00a0") {
			nbspPara = b.Text
			break
		}
	}
	if nbspPara == "" {
		t.Fatal("fixture body has no paragraph with a no-break space")
	}
	for _, w := range writers {
		out, err := w.fn(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if strings.Contains(w.name, "json") {
			var v any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
		}
		for _, want := range []string{a.Headline, "SOCHI", "Peter Kovalev/TASS", "Roughly 7,000 dead, wounded across the globe due to terrorism in 2019"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", w.name, want)
			}
		}
		if !strings.Contains(s, "ISIL\u00a0[formerly the IS]") {
			t.Errorf("%s lost the no-break space in \"ISIL\\u00a0[formerly the IS]\"", w.name)
		}
		if strings.Contains(s, exporttest.EdNoteMarker) {
			t.Errorf("%s carries the ednote", w.name)
		}
	}
}

// No export may carry the ednote, of the fixture or of hostile copy.
func TestEdNoteNeverLeaves(t *testing.T) {
	for _, a := range []*editor.Article{exporttest.Fixture(t), exporttest.Hostile()} {
		for _, w := range writers {
			out, err := w.fn(a, goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(out, []byte(exporttest.EdNoteMarker)) {
				t.Errorf("%s of %s carries the ednote", w.name, a.ID)
			}
		}
	}
}

func TestRefusesCharactersNoDocumentCarries(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*editor.Article)
		field string
	}{
		{"NUL in body", func(a *editor.Article) { a.Body += "\x00" }, "body"},
		{"escape in headline", func(a *editor.Article) { a.Headline = "Bad\x1bheadline" }, "headline"},
		{"C1 control in caption", func(a *editor.Article) { a.Photo.Caption = "x\u0085y" }, "photo.caption"},
		{"noncharacter in tag", func(a *editor.Article) { a.Tags = []string{"ok", "bad\uFFFE"} }, "tags[1]"},
		{"invalid UTF-8 in byline", func(a *editor.Article) { a.Bylines = []editor.Byline{{Name: "A\xffB", Role: editor.RoleWriter}} }, "bylines[0].name"},
		{"malformed dateline date", func(a *editor.Article) { a.Dateline.Date = "16/10/2019" }, "dateline.date"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := exporttest.Fixture(t)
			tc.edit(a)
			for _, w := range writers {
				_, err := w.fn(a, goldenOptions())
				v, ok := editor.AsValidation(err)
				if !ok {
					t.Fatalf("%s: err = %v, want a *editor.ValidationError", w.name, err)
				}
				if v.Field(tc.field) == nil {
					t.Errorf("%s: %v does not name %s", w.name, err, tc.field)
				}
			}
		})
	}
	// An ednote is never written, so its characters are not checked.
	a := exporttest.Fixture(t)
	a.EdNote = "\x01"
	for _, w := range writers {
		if _, err := w.fn(a, goldenOptions()); err != nil {
			t.Errorf("%s refused an article over its ednote: %v", w.name, err)
		}
	}
}

var scriptRe = regexp.MustCompile(`(?s)<script type="application/ld\+json">\n(.*?)\n</script>`)

// The JSON-LD must parse, say what the article says, and no field may
// break out of the script element.
func TestJSONLD(t *testing.T) {
	for _, a := range []*editor.Article{exporttest.Fixture(t), exporttest.Hostile()} {
		out, err := export.HTML(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if n := strings.Count(strings.ToLower(s), "</script"); n != 1 {
			t.Errorf("%s: %d </script in the page, want 1 (the JSON-LD's own end tag)", a.ID, n)
		}
		m := scriptRe.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("%s: no JSON-LD script", a.ID)
		}
		for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
			if strings.Contains(m[1], bad) {
				t.Errorf("%s: JSON-LD holds a raw %q", a.ID, bad)
			}
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v", a.ID, err)
		}
		want := map[string]any{
			"@type":          "NewsArticle",
			"headline":       a.Headline,
			"description":    a.Standfirst,
			"articleSection": a.Section,
			"dateline":       a.Dateline.Render(goldenOptions().Style),
			"version":        "4",
		}
		for k, v := range want {
			if ld[k] != v {
				t.Errorf("%s: JSON-LD %s = %q, want %q", a.ID, k, ld[k], v)
			}
		}
		img, _ := ld["image"].(map[string]any)
		if img["caption"] != a.Photo.Caption || img["creditText"] != a.Photo.Credit {
			t.Errorf("%s: JSON-LD image = %v", a.ID, img)
		}
		kw, _ := ld["keywords"].([]any)
		if len(kw) != len(a.Tags) {
			t.Errorf("%s: JSON-LD keywords %v, want %d tags", a.ID, kw, len(a.Tags))
		}
	}
}

// Raw HTML in the copy is shown as the reporter typed it: escaped, never
// passed through and never dropped; unsafe links keep their text only.
func TestRawHTMLIsText(t *testing.T) {
	a := exporttest.Fixture(t)
	a.Body = exporttest.HostileMarkup
	out, err := export.HTML(a, goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	body := s[strings.Index(s, `<div class="body">`):]
	for _, want := range []string{
		`&lt;div onclick="alert(14)"&gt;raw &lt;b&gt;block&lt;/b&gt;&lt;/div&gt;`,
		`&lt;!-- a comment that must stay visible --&gt;`,
		`<h2 dir="auto">&lt;script&gt;alert(18)&lt;/script&gt; in a subhead</h2>`,
		`click me`,
		`<a href="http://example.com/x.png" title="title">an image</a>`,
		`<a href="http://example.com/auto">http://example.com/auto</a>`,
		`<a href="mailto:mail@example.com">mail@example.com</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s", want)
		}
	}
	for _, bad := range []string{"raw HTML omitted", "<div onclick", "<iframe", `href="javascript:`, `href="data:`, `href="VBScript:`, "<b>"} {
		if strings.Contains(body, bad) {
			t.Errorf("body holds %q", bad)
		}
	}
	for _, w := range writers[1:] {
		out, err := w.fn(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{`href="javascript`, `href="data`, `href="VBScript`, `"href": "javascript`} {
			if bytes.Contains(bytes.ToLower(out), []byte(strings.ToLower(bad))) {
				t.Errorf("%s holds %s", w.name, bad)
			}
		}
	}
}

func TestSafeHrefErrorsAreNotFatal(t *testing.T) {
	// Writers never fail on copy a reporter can type.
	a := exporttest.Hostile()
	a.Body += "\n\n" + exporttest.HostileMarkup
	for _, w := range writers {
		if _, err := w.fn(a, goldenOptions()); err != nil {
			var v *editor.ValidationError
			if errors.As(err, &v) {
				t.Errorf("%s refused hostile copy: %v", w.name, err)
			} else {
				t.Errorf("%s: %v", w.name, err)
			}
		}
	}
	if err := exporttest.Hostile().Validate(); err != nil {
		t.Errorf("the hostile article should be one the desk accepts: %v", err)
	}
}
