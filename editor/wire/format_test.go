package wire

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/testfixture"
)

// TestFormatFixture: the fixture imported and written in TASS style is the
// fixture again, byte for byte, plus the newline that ends a text file
// (the fixture's last line has none); and it imports to the same article.
func TestFormatFixture(t *testing.T) {
	data := testfixture.Read(t, testfixture.TASS)
	a, _ := mustParse(t, "fixture", data, opts())
	out := Format(a, editor.StyleTASS)

	want := strings.Split(string(data)+"\n", "\n")
	got := strings.Split(string(out), "\n")
	for i := 0; i < len(want) || i < len(got); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("line %d:\n got %q\nwant %q", i+1, g, w)
		}
	}
	if !bytes.Equal(out, append(data, '\n')) {
		t.Errorf("Format output is not the fixture plus a final newline")
	}
	if n := bytes.Count(out, []byte("\u00a0")); n != bytes.Count(data, []byte("\u00a0")) {
		t.Errorf("%d no-break spaces written, the fixture has %d", n, bytes.Count(data, []byte("\u00a0")))
	}

	b, _ := mustParse(t, "exported", out, opts())
	if d := diffArticles(a, b, editor.StyleTASS); len(d) > 0 {
		t.Errorf("re-import differs in %v", d)
	}
	if a.Dateline != b.Dateline {
		t.Errorf("dateline %+v after the round trip, want %+v", b.Dateline, a.Dateline)
	}
}

// goldenStyles is the house style each testdata story is written back in
// for its golden file: its own.
var goldenStyles = map[string]editor.Style{
	"ap-byline.txt": editor.StyleAP, "quote-correction.txt": editor.StyleAP,
	"reuters.txt": editor.StyleReuters, "crlf.txt": editor.StyleReuters,
}

// TestRoundTripTestdata: every testdata story and the fixture, written in
// every style, imports back to the same article (the dateline as far as
// the style shows it), and writing that again gives the same text.
func TestRoundTripTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	files = append(files, testfixture.Path(t, testfixture.TASS))
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := mustParse(t, name, data, opts())
			for _, style := range editor.Styles {
				out := Format(a, style)
				b, _ := mustParse(t, name+" as "+string(style), out, opts())
				if d := diffArticles(a, b, style); len(d) > 0 {
					t.Errorf("%s: re-import differs in %v\n%s", style, d, out)
				}
				if again := Format(b, style); !bytes.Equal(again, out) {
					t.Errorf("%s: second export differs:\n%s\n---\n%s", style, out, again)
				}
			}
		})
	}
}

// TestFormatGolden keeps each testdata story, written in its own house
// style, as testdata/NAME.golden.
func TestFormatGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			a, _ := mustParse(t, name, readTestdata(t, name), opts())
			style, ok := goldenStyles[name]
			if !ok {
				style = editor.StyleTASS
			}
			golden(t, strings.TrimSuffix(name, ".txt")+".golden", Format(a, style))
		})
	}
}

// richArticle has every field Format writes, markup in the body, and an
// ednote that must not leave the desk.
func richArticle() *editor.Article {
	a := editor.New(importDay)
	a.Section = "Business & Economy"
	a.Headline = "Markets steady after the central bank's decision"
	a.Standfirst = "Investors waited for guidance from the regulator."
	a.Photo = editor.Photo{Caption: "Traders at the Moscow Exchange", Copyright: "© 2019 Reuters"}
	a.Bylines = []editor.Byline{
		{Name: "Anna Ivanova", Role: editor.RoleWriter, Title: "Moscow correspondent"},
		{Name: "Peter Kovalev", Role: editor.RolePhotographer},
		{Name: "John Roe", Role: editor.RoleEditor},
	}
	a.Dateline = editor.Dateline{Place: "MOSCOW", Region: "Russia", Date: "2019-10-16", DateAssumed: true, Source: "Reuters"}
	a.Body = editor.FormatBody([]editor.Block{
		{Kind: editor.Paragraph, Text: "The rouble held *steady* on **Wednesday**, data from [the exchange](https://www.moex.com/) showed."},
		{Kind: editor.Subhead, Text: "What the bank said"},
		{Kind: editor.Quote, Text: "We will keep the key rate\nas long as _needed_."},
		{Kind: editor.Paragraph, Text: "Traders quoted `USD/RUB` at 64\u00a0roubles; see <https://www.cbr.ru/> and write to <desk@example.com>."},
		{Kind: editor.Paragraph, Text: `Volumes were 2 \* 3 times the average &amp; rising.`},
	})
	a.EdNote = "EDNOTE: check the rate with the markets desk"
	a.Correction = "An earlier version gave the wrong closing rate."
	a.Embargo = time.Date(2019, 10, 16, 12, 0, 0, 0, time.UTC)
	return a
}

func TestFormatRichArticle(t *testing.T) {
	a := richArticle()
	for _, style := range editor.Styles {
		t.Run(string(style), func(t *testing.T) {
			out := Format(a, style)
			golden(t, "rich-"+string(style)+".golden", out)
			text := string(out)
			if strings.Contains(text, "EDNOTE") || strings.Contains(text, a.EdNote) {
				t.Error("the ednote was written")
			}
			for _, want := range []string{
				"The rouble held steady on Wednesday, data from the exchange (https://www.moex.com/) showed.",
				"> We will keep the key rate\n> as long as needed.",
				"Traders quoted USD/RUB at 64\u00a0roubles; see https://www.cbr.ru/ and write to desk@example.com.",
				"Volumes were 2 * 3 times the average & rising.",
				"\n\nWhat the bank said\n\n",
				"By Anna Ivanova, Moscow correspondent\nPhotographer: Peter Kovalev\nEditor: John Roe\n",
				"Traders at the Moscow Exchange\nTraders at the Moscow Exchange\n© 2019 Reuters\n",
				a.Dateline.Render(style) + " The rouble",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			if !strings.HasSuffix(text, "\n\nCORRECTION: "+a.Correction+"\n") {
				t.Errorf("output does not end with the correction paragraph:\n%s", text)
			}
			if !strings.HasPrefix(text, "EMBARGOED UNTIL 2019-10-16T12:00:00Z\n\n") {
				t.Errorf("output does not open with the embargo")
			}

			b, _ := mustParse(t, "rich", out, opts())
			if b.Body == a.Body {
				t.Error("markup survived plain text")
			}
			if d := diffArticles(a, b, style); len(d) != 1 || d[0] != "body" {
				t.Errorf("re-import differs in %v, want only the body (its markup gone)", d)
			}
		})
	}
}

// TestFormatKeepsWhatParseReads: layouts that would misread are avoided —
// a headline that looks like a section label, a photo without a caption,
// a dateline the style cannot show, no dateline at all.
func TestFormatKeepsWhatParseReads(t *testing.T) {
	base := func() *editor.Article {
		a := editor.New(importDay)
		a.Headline = "Putin meets Erdogan"
		a.Standfirst = "The leaders discussed Syria"
		a.Body = "First paragraph.\n\nSecond paragraph."
		a.Dateline = editor.Dateline{Place: "SOCHI", Date: "2019-10-22", DateAssumed: true, Source: "TASS"}
		return a
	}
	tests := []struct {
		name string
		edit func(a *editor.Article)
	}{
		{"label-like headline", func(a *editor.Article) {}},
		{"credit without caption", func(a *editor.Article) { a.Photo = editor.Photo{Credit: "Mikhail Metzel/TASS"} }},
		{"copyright without caption", func(a *editor.Article) { a.Photo = editor.Photo{Copyright: "© TASS"} }},
		{"caption without credit", func(a *editor.Article) { a.Photo = editor.Photo{Caption: "Putin and Erdogan"} }},
		{"credit that is no name", func(a *editor.Article) {
			a.Photo = editor.Photo{Caption: "The two leaders", Credit: "courtesy of the press service"}
		}},
		{"no dateline", func(a *editor.Article) { a.Dateline = editor.Dateline{}; a.Section = "World" }},
		{"dateline alone", func(a *editor.Article) { a.Body = "" }},
		{"standfirst that reads as a dateline", func(a *editor.Article) {
			a.Headline = "A longer headline that no desk would take for a section"
			a.Standfirst = "MOSCOW. /TASS/. The standfirst"
		}},
		{"body opens with a subhead", func(a *editor.Article) { a.Body = "First paragraph.\n\n## A subhead\n\nMore." }},
		{"bylines", func(a *editor.Article) {
			a.Headline = "A longer headline that no desk would take for a section"
			a.Bylines = []editor.Byline{{Name: "Anna Ivanova", Role: editor.RoleWriter}, {Name: "Jane Doe", Role: editor.RoleTranslator, Title: "Staff"}}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := base()
			tc.edit(a)
			for _, style := range []editor.Style{editor.StyleTASS, editor.StyleReuters} {
				out := Format(a, style)
				b, _ := mustParse(t, "out", out, opts())
				if d := diffArticles(a, b, style); len(d) > 0 {
					t.Errorf("%s: re-import differs in %v:\n%s", style, d, out)
				}
			}
		})
	}
}

func TestPlainLines(t *testing.T) {
	tests := []struct {
		md   string
		want []string
	}{
		{"*x* and _y_ and **z**", []string{"x and y and z"}},
		{"[TASS](https://tass.com/ \"title\")", []string{"TASS (https://tass.com/)"}},
		{"<https://tass.com/>", []string{"https://tass.com/"}},
		{"`a*b`", []string{"a*b"}},
		{`2 \* 3 \[x\]`, []string{"2 * 3 [x]"}},
		{"&amp; &copy; &#x41;", []string{"& © A"}},
		{"<b>raw</b> stays", []string{"<b>raw</b> stays"}},
		{"line one  \nline two\\\nline three", []string{"line one", "line two", "line three"}},
		{"ISIL\u00a0[formerly the IS]", []string{"ISIL\u00a0[formerly the IS]"}},
		{"![a map](https://x.example/map.png)", []string{"a map (https://x.example/map.png)"}},
		// Only absolute http, https and mailto targets are written; any
		// other link is its text (as in every format).
		{"![a map](map.png)", []string{"a map"}},
		{"[click](javascript:alert(1)) here", []string{"click here"}},
		{"[click](JaVaScRiPt:alert(1))", []string{"click"}},
		{"[vb](vbscript:msgbox) [d](data:text/html,x)", []string{"vb d"}},
		{"[t]( jav&#x09;ascript:alert(1))", []string{"t"}},
	}
	for _, tc := range tests {
		got := plainLines(tc.md)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("plainLines(%q) = %q, want %q", tc.md, got, tc.want)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	a, _ := mustParse(b, "f", testfixture.Read(b, testfixture.TASS), opts())
	for b.Loop() {
		Format(a, editor.StyleTASS)
	}
}
