package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/testfixture"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// tassSubheads are the fixture's four subheads. Wire copy marks a subhead
// by nothing but its place, so the test names them (NBSPs included).
var tassSubheads = map[string]bool{
	"Over 43,500 people involved in terrorism listed in the international counterterrorism database":         true,
	"Problem of\u00a0unwillingness of IT companies to cooperate with special services in\u00a0cybersecurity": true,
	"Roughly 7,000 dead, wounded across the globe due to terrorism in 2019":                                  true,
	"Over 5,000 Russians who joined terrorists in hotspots identified":                                       true,
}

// tassDateline is how the fixture's first paragraph opens.
const tassDateline = "SOCHI, October 16. /TASS/. "

// fixtureParts splits the TASS fixture into its blank-line separated
// parts, byte for byte (NBSPs kept): section, headline, the standfirst with
// the photo lines, then the body.
func fixtureParts(t testing.TB) []string {
	t.Helper()
	raw := strings.ReplaceAll(string(testfixture.Read(t, testfixture.TASS)), "\r\n", "\n")
	parts := strings.Split(strings.Trim(raw, "\n"), "\n\n")
	if len(parts) != 27 {
		t.Fatalf("fixture has %d blank-line separated parts, the tests expect 27", len(parts))
	}
	return parts
}

// fixtureBlocks is the fixture's body as blocks: its four subheads and 20
// paragraphs, the dateline still leading the first paragraph.
func fixtureBlocks(t testing.TB) []editor.Block {
	t.Helper()
	var blocks []editor.Block
	subheads := 0
	for _, p := range fixtureParts(t)[3:] {
		kind := editor.Paragraph
		if tassSubheads[p] {
			kind = editor.Subhead
			subheads++
		}
		blocks = append(blocks, editor.Block{Kind: kind, Text: p})
	}
	if subheads != len(tassSubheads) || len(blocks) != 24 {
		t.Fatalf("fixture: found %d of %d subheads in %d blocks", subheads, len(tassSubheads), len(blocks))
	}
	return blocks
}

// fixtureArticle is the fixture as the wire importer should deliver it,
// with every other exportable field filled in too (and an ednote, which no
// export may carry).
func fixtureArticle(t testing.TB) *editor.Article {
	t.Helper()
	parts := fixtureParts(t)
	lead := strings.Split(parts[2], "\n")
	blocks := fixtureBlocks(t)
	if !strings.HasPrefix(blocks[0].Text, tassDateline) {
		t.Fatalf("fixture's first paragraph does not open with %q", tassDateline)
	}
	blocks[0].Text = strings.TrimPrefix(blocks[0].Text, tassDateline)

	created := time.Date(2019, 10, 16, 9, 41, 7, 123_000_000, time.UTC)
	a := editor.New(created)
	a.ID = "0192a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
	a.Slug = "RUSSIA-SECURITY/FSB"
	a.Section = parts[0]
	a.Headline = parts[1]
	a.Standfirst = lead[0]
	a.Body = editor.FormatBody(blocks)
	a.Dateline = editor.Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}
	a.Bylines = []editor.Byline{
		{Name: "Anna Ivanova", Role: editor.RoleWriter, Title: "Sochi correspondent"},
		{Name: "Peter Kovalev", Role: editor.RolePhotographer},
		{Name: "John Smith", Role: editor.RoleTranslator},
	}
	a.Photo = editor.Photo{Caption: lead[2], Credit: "Peter Kovalev/TASS", Copyright: lead[3]}
	a.Tags = []string{"Russia", "FSB", "terrorism", "Sochi"}
	a.Status = editor.StatusReady
	a.Urgency = 3
	a.Language = "en"
	a.Embargo = time.Date(2019, 10, 16, 12, 0, 0, 0, time.FixedZone("", 3*3600))
	a.Correction = "An earlier version gave the number of countries as 76."
	a.EdNote = "EDNOTE-SECRET: check the 43,500 figure with the FSB press office"
	a.Modified = created.Add(95 * time.Minute)
	if err := a.Validate(); err != nil {
		t.Fatalf("fixture article: %v", err)
	}
	return a
}

// hostile is text built to break a Markdown or YAML writer.
const (
	quotesText = `He said "double", 'single', “curly”, ‘curly’, «guillemets», „low“, ‹angle›, and ` + "`backticks`" + ` ''' """`
	markupText = `<script>alert(1)</script> &amp; &lt;b&gt; ]]> <![CDATA[x]]> AT&T & 1 < 2 > 0 {{template}} ${var} %s`
	rtlText    = "قال المتحدث باسم الوزارة إن \u200fالعملية\u200f انتهت — שלום עולם, says Reuters."
	emojiText  = "Flags 🇷🇺🇺🇦, a family 👨‍👩‍👧, skin tones 👩🏽‍💻 and 😀."
	nbspText   = "About 7\u00a0000 people\u00a0— ISIL\u00a0[TASS]\u00a0and\u202fthin\u2009spaces."
)

// hostileArticle fills every field with text that a careless Markdown,
// YAML, HTML or XML writer gets wrong. Its body is in the normal form
// FormatBody writes, as the desk stores bodies.
func hostileArticle(t testing.TB) *editor.Article {
	t.Helper()
	long := strings.Repeat("A very long line without a break, "+nbspText+" ", 800)
	blocks := []editor.Block{
		{Kind: editor.Paragraph, Text: quotesText},
		{Kind: editor.Paragraph, Text: markupText},
		{Kind: editor.Subhead, Text: `Subhead with "quotes" & <b>tags</b>, ## hashes and 🇷🇺`},
		{Kind: editor.Paragraph, Text: "First line\n---\n===\n...\nlast line after a rule"},
		{Kind: editor.Paragraph, Text: "# not a heading"},
		{Kind: editor.Paragraph, Text: "> not a quote"},
		{Kind: editor.Paragraph, Text: "- not a list\n+ nor this\n* nor this"},
		{Kind: editor.Paragraph, Text: "1. not a list\n2) nor this"},
		{Kind: editor.Subhead, Text: "#hashtag subhead"},
		{Kind: editor.Paragraph, Text: `Back\slash, \\ double, \* escaped star, C:\Program Files\ and a line ending in a backslash\` + "\nthe next line"},
		{Kind: editor.Paragraph, Text: rtlText},
		{Kind: editor.Quote, Text: "A quote with # hash\n- dash\n---\n" + emojiText},
		{Kind: editor.Paragraph, Text: nbspText},
		{Kind: editor.Paragraph, Text: "*emphasis*, **strong**, [a link](https://example.com/?a=1&b=2) and `code`."},
		{Kind: editor.Paragraph, Text: "    four spaces in front\n\ttab in front\n<div>html block</div>\n| a | table |\n```\nfence"},
		{Kind: editor.Paragraph, Text: long},
	}
	a := editor.New(time.Date(2024, 2, 29, 23, 59, 59, 999_000_000, time.UTC))
	a.ID = "0192a1b2-c3d4-7e5f-8a9b-00000000dead"
	a.Slug = `RUSSIA-"SECURITY"/FSB: 'x' # y`
	a.Section = "---"
	a.Headline = `"Quoted" headline: with colon # hash — <script>alert(1)</script> & ]]> --- 🇷🇺 עברית العربية` + "\u2028" + `\`
	a.Standfirst = "- leading dash: and a colon\u00a0with NBSP, " + quotesText + "\n--- a line of dashes\n..."
	a.Body = editor.FormatBody(blocks)
	a.Dateline = editor.Dateline{Place: "- SOCHI: #1", Region: "Россия / روسيا", Date: "2019-10-16", Source: `"TASS"`}
	a.Bylines = []editor.Byline{
		{Name: `O'Brien "Bob" <bob@example.com>`, Role: editor.RoleWriter, Title: "- chief: correspondent #1"},
		{Name: "אבי כהן", Role: editor.RoleEditor, Title: "عربي"},
		{Name: "null", Role: editor.RolePhotographer, Title: "true"},
	}
	a.Photo = editor.Photo{Caption: `C:\photos\bortnikov.jpg & "caption" ]]>`, Credit: "Peter Kovalev/TASS", Copyright: "© 2019 TASS\u00a0"}
	a.Tags = []string{"#hashtag", "- dash", "a: b", "[brackets]", "{braces}", ", comma", "'single'", `"double"`,
		"&amp;", "emoji 🇷🇺", "null", "true", "5", "2019-10-16", "~", "---", "* star", "!tag", "%percent", "@at", "|pipe", ">gt"}
	a.Status = editor.StatusSpiked
	a.SpikedFrom = editor.StatusReady
	a.Urgency = 9
	a.Language = "ar"
	a.Embargo = time.Date(2024, 3, 1, 8, 30, 0, 123_456_789, time.FixedZone("", 5*3600+45*60))
	a.Correction = "line one\r\nline two\n---\n...\n  indented: yes\ntrailing spaces   \n\n\nafter blank lines\t"
	a.EdNote = "EDNOTE-SECRET <script>"
	a.Modified = a.Created.Add(time.Hour)
	if err := a.Validate(); err != nil {
		t.Fatalf("hostile article: %v", err)
	}
	return a
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (run go test -run %s -update after checking the change):\n--- got\n%s", path, t.Name(), got)
	}
}
