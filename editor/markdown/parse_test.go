package markdown

import (
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

var now = time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC)

// fm wraps front-matter lines and a body into a file: the YAML's first
// line is line 2 of the file.
func fm(yamlLines string, body string) string {
	return "---\n" + yamlLines + "---\n\n" + body
}

// The hand-written Markdown of the fixture (no front matter) must import
// with the fixture's headline, standfirst and body blocks, byte for byte.
func TestParseFixtureMarkdown(t *testing.T) {
	data, err := os.ReadFile("testdata/tass.md")
	if err != nil {
		t.Fatal(err)
	}
	a, warns, err := Parse("tass.md", data, editor.ImportOptions{Now: now, Author: "Desk"})
	if err != nil {
		t.Fatal(err)
	}
	wantWarns := []editor.Warning{{Line: 5, Message: "the dateline gives no year: 2019 assumed (dateline.date 2019-10-16); confirm it"}}
	if !reflect.DeepEqual(warns, wantWarns) {
		t.Errorf("warnings %q, want %q", warns, wantWarns)
	}
	if want := (editor.Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}); a.Dateline != want {
		t.Errorf("dateline %+v, want %+v", a.Dateline, want)
	}
	parts := fixtureParts(t)
	if a.Headline != parts[1] {
		t.Errorf("headline %q, want %q", a.Headline, parts[1])
	}
	if want := strings.Split(parts[2], "\n")[0]; a.Standfirst != want {
		t.Errorf("standfirst %q, want %q", a.Standfirst, want)
	}
	want := fixtureBlocks(t)
	want[0].Text = strings.TrimPrefix(want[0].Text, tassDateline)
	if got := editor.ParseBody(a.Body); !reflect.DeepEqual(got, want) {
		t.Errorf("body blocks differ from the fixture's:\n got %q\nwant %q", got, want)
	}
	if !a.Created.Equal(now) || !a.Modified.Equal(now) || a.Status != editor.StatusDraft || a.Language != "en" || !editor.ValidID(a.ID) {
		t.Errorf("defaults: created %v modified %v status %q language %q id %q", a.Created, a.Modified, a.Status, a.Language, a.ID)
	}
	if !reflect.DeepEqual(a.Bylines, []editor.Byline{{Name: "Desk", Role: editor.RoleWriter}}) {
		t.Errorf("bylines %v, want the --author as writer", a.Bylines)
	}
}

func TestParseWithoutFrontMatter(t *testing.T) {
	tests := []struct {
		name, in             string
		headline, standfirst string
		body                 string
	}{
		{"atx", "# Head\n\nBody.\n", "Head", "", "Body."},
		{"atx closing hashes", "  # Head #1 ##\n\nBody.", "Head #1", "", "Body."},
		{"setext", "\n\nHead line\n=====\n\nBody.", "Head line", "", "Body."},
		{"escapes and entities", `# Q\&A: 5 \* 3 &amp; AT&T &#233;&#x1F600; &nosuch;` + "\n\nBody.", "Q&A: 5 * 3 & AT&T é😀 &nosuch;", "", "Body."},
		{"star standfirst", "# H\n\n*The dek.*\n\nBody.", "H", "The dek.", "Body."},
		{"underscore standfirst over lines", "# H\n_The dek\nruns on._\n\n## Sub\n\nBody.", "H", "The dek runs on.", "## Sub\n\nBody."},
		{"two emphases are no standfirst", "# H\n\n*one* and *two*\n\nBody.", "H", "", "*one* and *two*\n\nBody."},
		{"strong is no standfirst", "# H\n\n**Bold.**\n\nBody.", "H", "", "**Bold.**\n\nBody."},
		{"escaped closing marker", "# H\n\n*dek\\*\n\nBody.", "H", "", "*dek\\*\n\nBody."},
		{"plain first paragraph stays", "# H\n\nIn Sochi, on October 16, TASS said.", "H", "", "In Sochi, on October 16, TASS said."},
		{"bom and crlf", "\ufeff# H\r\n\r\n*S*\r\n\r\nOne\r\ntwo\r\n\r\n> q\r\n", "H", "S", "One\ntwo\n\n> q"},
		{"headline only", "# H", "H", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Parse("in.md", []byte(tt.in), editor.ImportOptions{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			// Bodies compare as blocks: how FormatBody escapes is its own business.
			if a.Headline != tt.headline || a.Standfirst != tt.standfirst || !reflect.DeepEqual(editor.ParseBody(a.Body), editor.ParseBody(tt.body)) {
				t.Errorf("got headline %q standfirst %q body %q\nwant %q %q %q", a.Headline, a.Standfirst, a.Body, tt.headline, tt.standfirst, tt.body)
			}
		})
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name string
		in   string
		year int
		want editor.Dateline
		body string
	}{
		{"tass, year from now", "# H\n\nSOCHI, October 16. /TASS/. Text.", 0,
			editor.Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, "Text."},
		{"tass, year given", "# H\n\nSOCHI, October 16. /TASS/. Text.", 2018,
			editor.Dateline{Place: "SOCHI", Date: "2018-10-16", DateAssumed: true, Source: "TASS"}, "Text."},
		{"ap", "# H\n\nNEW YORK (AP) — Text\non two lines.\n\nMore.", 0,
			editor.Dateline{Place: "NEW YORK", Source: "AP"}, "Text\non two lines.\n\nMore."},
		{"not first block", "# H\n\n## Sub\n\nSOCHI, October 16. /TASS/. Text.", 0,
			editor.Dateline{}, "## Sub\n\nSOCHI, October 16. /TASS/. Text."},
		{"front matter says what the dateline is", fm("headline: H\n", "SOCHI, October 16. /TASS/. Text."), 0,
			editor.Dateline{}, "SOCHI, October 16. /TASS/. Text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Parse("d.md", []byte(tt.in), editor.ImportOptions{Now: now, Year: tt.year})
			if err != nil {
				t.Fatal(err)
			}
			if a.Dateline != tt.want || a.Body != tt.body {
				t.Errorf("dateline %+v body %q\nwant %+v %q", a.Dateline, a.Body, tt.want, tt.body)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(*editor.Article) bool
	}{
		{"dots close", "---\nheadline: H\n...\nBody.", func(a *editor.Article) bool { return a.Headline == "H" && a.Body == "Body." }},
		{"empty front matter", "---\n---\n# H\n", func(a *editor.Article) bool { return a.Headline == "H" }},
		{"comments only", "---\n# a comment\n---\n# H\n", func(a *editor.Article) bool { return a.Headline == "H" }},
		{"headline from body, standfirst kept", fm("standfirst: S\n", "# H\n\n*not the dek*\n"),
			func(a *editor.Article) bool {
				return a.Headline == "H" && a.Standfirst == "S" && a.Body == "*not the dek*"
			}},
		{"front matter headline keeps body heading", fm("headline: H\n", "## Also\n\nText"),
			func(a *editor.Article) bool { return a.Headline == "H" && a.Body == "## Also\n\nText" }},
		{"unquoted values", fm("headline: 2019\ndateline: {date: 2019-10-16, date_assumed: yes}\ncreated: 2019-10-16T09:00:00+03:00\n", ""),
			func(a *editor.Article) bool {
				return a.Headline == "2019" && a.Dateline.Date == "2019-10-16" && a.Dateline.DateAssumed &&
					a.Created.Equal(time.Date(2019, 10, 16, 6, 0, 0, 0, time.UTC)) && a.Modified.Equal(now)
			}},
		{"status spelled loosely", fm("headline: H\nstatus: In edit\n", ""), func(a *editor.Article) bool { return a.Status == editor.StatusInEdit }},
		{"null values are empty", fm("headline: H\nslug:\nstatus: ~\ntags: null\nurgency:\n", ""),
			func(a *editor.Article) bool {
				return a.Slug == "" && a.Status == editor.StatusDraft && a.Tags == nil && a.Urgency == 0
			}},
		{"tags normalised", fm("headline: H\ntags: [' Russia ', russia, 'two   words', '']\n", ""),
			func(a *editor.Article) bool { return reflect.DeepEqual(a.Tags, []string{"Russia", "two words"}) }},
		{"byline forms", fm("headline: H\nbylines:\n  - Jane Doe\n  - {name: Bob, role: ' Photographer '}\n  - name: Ann\n", ""),
			func(a *editor.Article) bool {
				return reflect.DeepEqual(a.Bylines, []editor.Byline{{Name: "Jane Doe", Role: "writer"}, {Name: "Bob", Role: "photographer"}, {Name: "Ann", Role: "writer"}})
			}},
		{"aliases", fm("headline: &h H\nslug: *h\ntags: [*h]\n", ""), func(a *editor.Article) bool { return a.Slug == "H" && a.Tags[0] == "H" }},
		{"ednote taken in", fm("headline: H\nednote: call me\n", ""), func(a *editor.Article) bool { return a.EdNote == "call me" }},
		{"created only, later than now", fm("headline: H\ncreated: 2020-01-01T00:00:00Z\n", ""),
			func(a *editor.Article) bool { return a.Modified.Equal(a.Created) && a.Created.Year() == 2020 }},
		{"modified only, earlier than now", fm("headline: H\nmodified: 2018-01-01T00:00:00Z\n", ""),
			func(a *editor.Article) bool { return a.Created.Equal(a.Modified) && a.Modified.Year() == 2018 }},
		{"id kept", fm("headline: H\nid: 0192a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n", ""),
			func(a *editor.Article) bool { return a.ID == "0192a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, warns, err := Parse("in.md", []byte(tt.in), editor.ImportOptions{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if !tt.check(a) {
				t.Errorf("unexpected article: %+v", a)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int      // 0: the error names no line
		says []string // the message must contain each
	}{
		{"empty", "", 0, []string{"bad.md", "empty"}},
		{"not utf-8", "# H\n\nCaf\xe9", 3, []string{"bad.md:3", "not UTF-8", "offset 8"}},
		{"binary", "# H\x00", 1, []string{"binary"}},
		{"unclosed front matter", "---\nheadline: H\n\nBody", 1, []string{"never closed"}},
		{"bad yaml", fm("headline: H\nslug: a: b\n", ""), 3, []string{"bad.md:3", "not valid YAML"}},
		{"not a mapping", fm("- a\n- b\n", ""), 2, []string{"key: value"}},
		{"tags is a number", fm("headline: H\ntags: 5\n", ""), 3, []string{"bad.md:3", "tags must be a list", `"5"`}},
		{"tags is a word", fm("headline: H\n\ntags: Russia\n", ""), 4, []string{"tags must be a list"}},
		{"tag is a list", fm("headline: H\ntags:\n  - a\n  - [b]\n", ""), 5, []string{"tags[1]"}},
		{"headline is a list", fm("headline: [a, b]\n", ""), 2, []string{"headline must be text"}},
		{"urgency is a word", fm("headline: H\nurgency: high\n", ""), 3, []string{"urgency must be a whole number"}},
		{"date_assumed is a word", fm("headline: H\ndateline:\n  date_assumed: maybe\n", ""), 4, []string{"dateline.date_assumed must be true or false"}},
		{"dateline is a string", fm("headline: H\ndateline: SOCHI, October 16\n", ""), 3, []string{"dateline must be a group"}},
		{"bad day", fm("headline: H\ndateline:\n  date: 16 October\n", ""), 4, []string{"dateline.date", "not a day", "YYYY-MM-DD"}},
		{"bad created", fm("headline: H\ncreated: yesterday\n", ""), 3, []string{"created", "not a time", "RFC 3339"}},
		{"date-only embargo", fm("headline: H\nembargo: 2019-10-16\n", ""), 3, []string{"embargo", "not a time"}},
		{"bad status", fm("headline: H\nstatus: killed\n", ""), 3, []string{"status", "killed", "draft, in_edit"}},
		{"bylines is a name", fm("headline: H\nbylines: Jane\n", ""), 3, []string{"bylines must be a list"}},
		{"byline is a list", fm("headline: H\nbylines:\n  - [Jane]\n", ""), 4, []string{"bylines[0]"}},
		{"duplicate key", fm("headline: H\nslug: a\nslug: b\n", ""), 4, []string{`"slug" appears twice (lines 3 and 4)`}},
		{"duplicate nested key", fm("headline: H\nphoto:\n  credit: a\n  credit: b\n", ""), 5, []string{`"photo.credit" appears twice`}},
		{"no headline", "Just a paragraph.\n\n## Sub\n", 1, []string{"no headline", "# Headline"}},
		{"no headline after front matter", fm("slug: s\n", "\n\n## Sub\n"), 7, []string{"no headline", "headline: …"}},
		{"empty heading", "#\n\nText", 1, []string{"no headline"}},
		{"blank file", "\n \n\t\n", 0, []string{"no headline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Parse("bad.md", []byte(tt.in), editor.ImportOptions{Now: now})
			if err == nil {
				t.Fatalf("no error; article %+v", a)
			}
			var ie *editor.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an *editor.InputError", err, err)
			}
			if ie.File != "bad.md" || ie.Line != tt.line {
				t.Errorf("error names %s line %d, want bad.md line %d: %v", ie.File, ie.Line, tt.line, err)
			}
			for _, s := range tt.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
		})
	}
}

// Validation problems come back as the editor's ValidationError, wrapped
// with the file and the line of the offending key.
func TestParseValidationErrors(t *testing.T) {
	tests := []struct {
		name, in, field string
		line            int
	}{
		{"bad role", fm("headline: H\nbylines:\n  - name: A\n  - name: B\n    role: chief\n", ""), "bylines[1].role", 6},
		{"empty byline name", fm("headline: H\nbylines:\n  - role: writer\n", ""), "bylines[0].name", 4},
		{"urgency out of range", fm("headline: H\nurgency: 12\n", ""), "urgency", 3},
		{"bad id", fm("id: 42\nheadline: H\n", ""), "id", 2},
		{"modified before created", fm("headline: H\ncreated: 2019-10-16T10:00:00Z\nmodified: 2019-10-16T09:00:00Z\n", ""), "modified", 4},
		{"headline with a control character", fm("headline: \"H\\x01\"\n", ""), "headline", 2},
		{"too many tags", fm("headline: H\ntags: ["+strings.Repeat("t,", 0)+tagList(201)+"]\n", ""), "tags", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("bad.md", []byte(tt.in), editor.ImportOptions{Now: now})
			v, ok := editor.AsValidation(err)
			if !ok {
				t.Fatalf("error %v is not a validation error", err)
			}
			if v.Field(tt.field) == nil {
				t.Errorf("validation error %v does not name %s", v, tt.field)
			}
			prefix := "bad.md:" + strconv.Itoa(tt.line) + ": "
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
		})
	}
}

func tagList(n int) string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "t" + strconv.Itoa(i)
	}
	return strings.Join(tags, ", ")
}

func TestParseWarnings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []editor.Warning
	}{
		{"unknown keys", fm("title: T\nheadline: H\nHeadline: X\nwords: 5\nphoto:\n  country: RU\n", ""), []editor.Warning{
			{Line: 2, Message: `unknown key "title" dropped: did you mean headline?`},
			{Line: 4, Message: `unknown key "Headline" dropped: did you mean headline?`},
			{Line: 5, Message: `unknown key "words" dropped (known here: bylines, correction, created, dateline, ednote, embargo, headline, id, kill, language, modified, photo, section, slug, spiked_from, standfirst, status, tags, urgency, withhold)`},
			{Line: 7, Message: `unknown key "photo.country" dropped: did you mean dateline.region?`},
		}},
		{"unknown byline key", fm("headline: H\nbylines:\n  - name: A\n    email: a@b\n", ""), []editor.Warning{
			{Line: 5, Message: `unknown key "bylines[0].email" dropped (known here: name, role, title)`},
		}},
		{"structure kept as text", "# H\n\n- one\n- two\n\n### Small\n\n```\ncode\n```\n\n---\n\n> > nested\n> # in quote\n\n<div>x</div>\n\n| a |\n\n    indented\n\nSetext\n===\n", []editor.Warning{
			{Line: 3, Message: "a list item kept as paragraph text (lists are not part of a news body)"},
			{Line: 4, Message: "a list item kept as paragraph text (lists are not part of a news body)"},
			{Line: 6, Message: "a level-3 heading became a ## subhead"},
			{Line: 8, Message: "a code fence kept as text (code is not part of a news body)"},
			{Line: 10, Message: "a code fence kept as text (code is not part of a news body)"},
			{Line: 12, Message: "a horizontal rule (or heading underline) kept as text"},
			{Line: 14, Message: "a quote inside a quote kept as text of the outer quote"},
			{Line: 15, Message: "a heading inside a quote kept as text"},
			{Line: 17, Message: "raw HTML kept as text (it is never passed through)"},
			{Line: 19, Message: "a table row kept as text"},
			{Line: 21, Message: "indented code kept as paragraph text (code is not part of a news body)"},
			{Line: 24, Message: "a \"===\" heading underline kept as text"},
		}},
		{"level-1 heading under a front matter headline", fm("headline: H\n", "# Big\n"), []editor.Warning{
			{Line: 5, Message: "a level-1 heading became a ## subhead"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, warns, err := Parse("w.md", []byte(tt.in), editor.ImportOptions{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(warns, tt.want) {
				t.Errorf("warnings:\n got %q\nwant %q", warns, tt.want)
			}
		})
	}
}

// A long Markdown file draws a bounded number of structure warnings.
func TestParseWarningsBounded(t *testing.T) {
	in := "# H\n\n" + strings.Repeat("- item\n", 500)
	a, warns, err := Parse("list.md", []byte(in), editor.ImportOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != maxStructureWarnings+1 || !strings.Contains(warns[len(warns)-1].Message, "450 more lines") {
		t.Errorf("%d warnings, last %v", len(warns), warns[len(warns)-1])
	}
	if n := strings.Count(a.Body, `\- item`); n != 500 {
		t.Errorf("body keeps %d of 500 list lines as text", n)
	}
}

// Errors give the byte offset, in the file as it is on disk, of the start
// of the line they name, whatever the line ends and a byte-order mark.
func TestParseErrorOffsets(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, off int
	}{
		{"lf", "---\nheadline: H\ntags: 5\n---\n", 3, 16},
		{"bom and crlf", "\ufeff---\r\nheadline: H\r\ntags: 5\r\n---\r\n", 3, 3 + 5 + 13},
		{"cr only", "---\rheadline: H\rtags: 5\r---\r", 3, 16},
		{"first line with bom", "\ufeff---\nheadline: H\n", 1, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("o.md", []byte(tt.in), editor.ImportOptions{Now: now})
			var ie *editor.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
			if ie.Line != tt.line || ie.Offset != tt.off {
				t.Errorf("line %d offset %d, want line %d offset %d (%v)", ie.Line, ie.Offset, tt.line, tt.off, err)
			}
			if ie.Offset >= 0 && ie.Line > 1 && !strings.HasPrefix(tt.in[ie.Offset:], "tags") {
				t.Errorf("offset %d points at %q", ie.Offset, tt.in[ie.Offset:])
			}
		})
	}
}

// The hand-written edge-case files under testdata/ (also fuzz seeds).
func TestParseTestdataFiles(t *testing.T) {
	read := func(name string) *editor.Article {
		t.Helper()
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		a, warns, err := Parse(name, data, editor.ImportOptions{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range warns {
			got = append(got, w.String())
		}
		golden(t, strings.TrimSuffix(name, ".md")+".warnings.golden", []byte(strings.Join(got, "\n")+"\n"))
		return a
	}

	a := read("front-matter-edge.md")
	wantTimes := a.Created.Equal(time.Date(2019, 10, 16, 9, 0, 0, 500_000_000, time.UTC)) && a.Modified.Equal(now)
	if a.Headline != `Q&A: what next — «quotes», 'single', "double"` || a.Slug != a.Headline || a.Section != "" ||
		a.Urgency != 3 || a.Photo.Caption != "A folded caption" || a.Correction != "Line one\n---\nLine three\n" ||
		a.Status != editor.StatusInEdit || a.Language != "en-GB" || !wantTimes ||
		!reflect.DeepEqual(a.Tags, []string{"Russia", "two words", "#tag"}) || len(a.Bylines) != 3 ||
		a.Dateline != (editor.Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}) ||
		a.Body != "## A level-1 heading under a front matter headline\n\nBody paragraph with \\*escapes\\* and &amp; entities." {
		t.Errorf("front-matter-edge.md: %+v", a)
	}

	a = read("setext-crlf.md")
	if a.Headline != "Setext headline & more" || a.Standfirst != "A dek over two lines." ||
		a.Dateline != (editor.Dateline{Place: "NEW YORK", Source: "AP"}) ||
		!strings.HasPrefix(a.Body, "First paragraph\nwith a soft break.\n\n## A level-3 heading") {
		t.Errorf("setext-crlf.md: %+v", a)
	}

	data, err := os.ReadFile("testdata/no-headline.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Parse("no-headline.md", data, editor.ImportOptions{Now: now}); err == nil || !strings.Contains(err.Error(), "no-headline.md:1: the file has no headline") {
		t.Errorf("no-headline.md: %v", err)
	}
}
