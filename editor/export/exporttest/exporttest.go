// Package exporttest builds the articles the export and import tests share:
// the TASS fixture as the desk would hold it, and an article full of
// hostile text. It is for tests only.
package exporttest

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export/inline"
	"copydesk/editor/testfixture"
	"copydesk/editor/wire"
)

// FixtureID is the fixed ID of the fixture article, so goldens are stable.
const FixtureID = "016dd3a2-7c40-7000-8000-000000000001"

// Fixture returns the TASS wire story as the desk holds it: read by the
// wire importer (editor/wire.Parse), checked field by field against a split
// by hand (see handSplit) so that a change in either is caught here, with
// the desk's own metadata (ID, slug, tags, urgency, times, status, an
// ednote) set as an editor would, and the dateline's year confirmed.
func Fixture(t testing.TB) *editor.Article {
	t.Helper()
	data := testfixture.Read(t, testfixture.TASS)
	a, _, err := wire.Parse("wire-tass-2019-10-16.txt", data, editor.ImportOptions{Year: 2019, Now: time.Date(2019, 10, 16, 9, 12, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("the wire importer cannot read the fixture: %v", err)
	}
	want := handSplit(t, data)
	for _, c := range []struct {
		field     string
		got, want any
	}{
		{"section", a.Section, want.Section},
		{"headline", a.Headline, want.Headline},
		{"standfirst", a.Standfirst, want.Standfirst},
		{"photo", a.Photo, want.Photo},
		{"dateline place, region, source", [3]string{a.Dateline.Place, a.Dateline.Region, a.Dateline.Source}, [3]string{want.Dateline.Place, want.Dateline.Region, want.Dateline.Source}},
		{"dateline date", a.Dateline.Date, want.Dateline.Date},
		{"body", a.Body, want.Body},
	} {
		if c.got != c.want {
			t.Fatalf("fixture: the wire importer and the split by hand disagree on the %s:\nwire %q\nhand %q", c.field, c.got, c.want)
		}
	}
	created := time.Date(2019, 10, 16, 9, 12, 0, 0, time.UTC)
	a.ID = FixtureID
	a.Slug = "RUSSIA-SECURITY/FSB"
	a.Dateline.DateAssumed = false // an editor has confirmed 2019
	a.Tags = []string{"FSB", "Terrorism", "Alexander Bortnikov"}
	a.Status = editor.StatusPublished
	a.SpikedFrom = ""
	a.Urgency = 3
	a.EdNote = EdNoteMarker + ": check the 43,500 figure with the FSB press office"
	a.Language = "en"
	a.Created, a.Modified = created, created.Add(47*time.Minute)
	return a
}

// handSplit reads the fixture by line numbers: section line 1, headline
// line 3, standfirst line 5, photo lines 6–8 (line 6 is caption and credit
// run together, as the agency's image alt text; line 7 the caption, line 8
// the copyright, whose holder is the credit), then the body from the
// dateline paragraph on with the dateline cut. Lines without terminal
// punctuation are subheads. NBSPs stay byte for byte.
func handSplit(t testing.TB, data []byte) *editor.Article {
	lines := strings.Split(string(data), "\n")
	if len(lines) < 12 {
		t.Fatalf("fixture has %d lines, want the TASS story", len(lines))
	}
	const datelineText = "SOCHI, October 16. /TASS/. "
	if !strings.HasPrefix(lines[9], datelineText) {
		t.Fatalf("fixture line 10 does not start with the dateline %q: %q", datelineText, lines[9])
	}
	var blocks []string
	for i, l := range lines[9:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if i == 0 {
			l = strings.TrimPrefix(l, datelineText)
		}
		if isSubhead(l) {
			blocks = append(blocks, "## "+l)
		} else {
			blocks = append(blocks, l)
		}
	}
	return &editor.Article{
		Section:    lines[0],
		Headline:   lines[2],
		Standfirst: lines[4],
		Body:       strings.Join(blocks, "\n\n"),
		Dateline:   editor.Dateline{Place: "SOCHI", Date: "2019-10-16", Source: "TASS"},
		Photo:      editor.Photo{Caption: lines[6], Credit: strings.TrimPrefix(lines[7], "© "), Copyright: lines[7]},
	}
}

// isSubhead: a line of the fixture without terminal punctuation is a
// subhead ("Over 43,500 people involved in terrorism listed …").
func isSubhead(l string) bool {
	l = strings.TrimRight(l, " \u00a0")
	if l == "" {
		return false
	}
	switch l[len(l)-1] {
	case '.', '"', '?', '!', ':', ';', ')':
		return false
	}
	return !strings.HasSuffix(l, "”") && !strings.HasSuffix(l, "»")
}

// Options are the export options the goldens are written with.
func Options() (style editor.Style, revision uint64, now time.Time) {
	return editor.StyleTASS, 4, time.Date(2019, 10, 16, 10, 5, 0, 0, time.UTC)
}

// Payloads are hostile strings: markup that would run or break out of a
// document if a writer passed it through, plus text that trips naive
// escaping (entities, CDATA ends, JSON and template breakouts, line and
// paragraph separators, bidi overrides).
var Payloads = []string{
	`<script>alert(1)</script>`,
	`</script><script>alert(2)</script>`,
	`<!-- open comment`,
	`--> close comment`,
	`<img src=x onerror=alert(3)>`,
	`<svg onload=alert(4)>`,
	`javascript:alert(5)`,
	`"><a href="javascript:alert(6)">x</a>`,
	`' onmouseover='alert(7)`,
	`]]> CDATA end`,
	`<![CDATA[ inside ]]>`,
	`&amp; &lt; &#x3C; &#60; &nbsp; &bogus;`,
	`& < > " ' plain`,
	`<style>body{display:none}</style>`,
	`<iframe src="data:text/html,<script>alert(8)</script>">`,
	`{{constructor.constructor('alert(9)')()}}`,
	"line\u2028separator\u2029paragraph",
	`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;`,
	`</title><script>alert(10)</script>`,
	`<math><mi xlink:href="javascript:alert(11)">x</mi></math>`,
	`<object data="javascript:alert(12)"></object>`,
	`"},"x":"\"}]} json breakout`,
	`<base href="http://evil.example/">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(13)">`,
	"\u202egnp.exe RLO and العربية עברית",
	"emoji 🔥👩‍👩‍👧 🇷🇺 and NBSP\u00a0here",
	"“curly” ‘single’ «guillemets» „low“ `tick`",
	`\*not emphasis\* _under_ [brackets] *star`,
}

// EdNoteMarker is in every hostile ednote: no export may contain it.
const EdNoteMarker = "EDNOTE-MARKER"

// Hostile returns an article with every text field full of Payloads and a
// body of paragraphs, subheads and quotes made of them, with emphasis,
// strong, code and safe links among them. The body is in the desk's
// canonical form (each block written by inline.Markdown, the blocks by
// editor.FormatBody), so an exact round trip gives it back byte for byte.
//
// Names, titles and places hold no ", " or "; " (ninjs's by and located
// are natural language split on those; see the formats table), and the
// language is short enough for editor.Validate, which the article passes.
func Hostile() *editor.Article {
	line := strings.Join(Payloads, " ")
	var blocks []editor.Block
	kinds := []editor.BlockKind{editor.Paragraph, editor.Paragraph, editor.Subhead, editor.Paragraph, editor.Quote}
	for i, p := range Payloads {
		nodes := []inline.Node{
			{Kind: inline.Text, Text: p + " "},
			{Kind: inline.Emphasis, Kids: []inline.Node{{Kind: inline.Text, Text: Payloads[(i+1)%len(Payloads)]}}},
			{Kind: inline.Text, Text: " and "},
			{Kind: inline.Strong, Kids: []inline.Node{{Kind: inline.Text, Text: "strong " + Payloads[(i+2)%len(Payloads)]}}},
			{Kind: inline.Text, Text: " with "},
			{Kind: inline.Code, Text: Payloads[(i+3)%len(Payloads)]},
			{Kind: inline.Text, Text: " see "},
			{Kind: inline.Link, Href: "https://example.com/a?b=1&c=%3Cd%3E#" + string(rune('a'+i%26)), Title: Payloads[(i+4)%len(Payloads)], Kids: []inline.Node{{Kind: inline.Text, Text: "the link"}}},
			{Kind: inline.Text, Text: "."},
		}
		md, _ := inline.Markdown(nodes)
		blocks = append(blocks, editor.Block{Kind: kinds[i%len(kinds)], Text: md})
	}
	unsplit := strings.NewReplacer(", ", " ", "; ", " ", ",", "", ";", "")
	names := make([]string, 0, len(Payloads))
	for _, p := range Payloads {
		names = append(names, unsplit.Replace(p))
	}
	created := time.Date(2024, 2, 29, 23, 59, 58, 0, time.UTC)
	a := &editor.Article{
		ID:         "0190f0e2-0000-7000-8000-00000000bad1",
		Slug:       HostileSlug,
		Section:    line,
		Headline:   line,
		Standfirst: line,
		Body:       editor.FormatBody(blocks),
		Dateline: editor.Dateline{
			Place:  strings.Join(names[:12], " "),
			Region: strings.Join(names[12:], " "),
			Date:   "2024-02-29",
			Source: line,
		},
		Photo:      editor.Photo{Caption: line, Credit: line, Copyright: "© " + line},
		Status:     editor.StatusReady,
		Urgency:    1,
		EdNote:     EdNoteMarker + " " + line,
		Language:   "sr-Latn-RS",
		Embargo:    time.Date(2024, 3, 1, 6, 0, 0, 0, time.UTC),
		Correction: line + "\n" + line,
		Created:    created,
		Modified:   created.Add(time.Hour),
	}
	roles := editor.Roles
	for i, n := range names {
		a.Bylines = append(a.Bylines, editor.Byline{Name: n, Role: roles[i%len(roles)], Title: unsplit.Replace(Payloads[(i+5)%len(Payloads)])})
	}
	for _, p := range Payloads {
		if len([]rune(p)) <= editor.MaxTagChars {
			a.Tags = append(a.Tags, p)
		}
	}
	// The desk keeps tags normalised (editor.NormalizeTags folds white
	// space, NBSP and U+2028 included): so does this article.
	a.Tags = editor.NormalizeTags(a.Tags)
	return a
}

// HostileSlug is the most awkward slug the desk accepts (editor.Validate
// refuses <, >, \, backquotes, braces, |, ^, $ and "."/".." parts): the
// punctuation that YAML, XML, file names and CommonMark give a meaning to.
const HostileSlug = `WORLD/IS: "q" 'x' #1 & [y] (z) *a* _b_ ?!;=%~@+, ..a`

// HostileMarkup is body copy that an exporter must show as text or drop
// safely but that does not survive a round trip as written: raw HTML
// blocks, links to javascript: and data: URLs, an image.
const HostileMarkup = `<div onclick="alert(14)">raw <b>block</b></div>

[click me](javascript:alert(15)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=) [vb](VBScript:msgbox) [spaced]( jav&#x09;ascript:alert(17))

![an image](http://example.com/x.png "title") <http://example.com/auto> <mail@example.com>

<!-- a comment that must stay visible --> and ]]> and <![CDATA[x]]>

## <script>alert(18)</script> in a subhead

> <iframe src=javascript:alert(19)></iframe> in a quote`
