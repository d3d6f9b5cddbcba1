package wire

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/testfixture"
)

// fixtureLines are the fixture's lines, 1-based (index 0 unused).
func fixtureLines(t *testing.T) []string {
	data := testfixture.Read(t, testfixture.TASS)
	return append([]string{""}, strings.Split(string(data), "\n")...)
}

func TestParseFixture(t *testing.T) {
	data := testfixture.Read(t, testfixture.TASS)
	lines := fixtureLines(t)
	a, warns := mustParse(t, "wire-tass-2019-10-16.txt", data, opts())

	if err := a.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	want := map[string][2]string{
		"section":         {a.Section, "All news"},
		"headline":        {a.Headline, lines[3]},
		"standfirst":      {a.Standfirst, lines[5]},
		"photo.caption":   {a.Photo.Caption, "FSB Director Alexander Bortnikov"},
		"photo.credit":    {a.Photo.Credit, "Peter Kovalev/TASS"},
		"photo.copyright": {a.Photo.Copyright, "© Peter Kovalev/TASS"},
		"status":          {string(a.Status), string(editor.StatusDraft)},
		"language":        {a.Language, "en"},
	}
	for field, gw := range want {
		if gw[0] != gw[1] {
			t.Errorf("%s = %q, want %q", field, gw[0], gw[1])
		}
	}
	if wantDL := (editor.Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}); a.Dateline != wantDL {
		t.Errorf("dateline = %+v, want %+v", a.Dateline, wantDL)
	}
	if len(a.Tags) != 0 || len(a.Bylines) != 0 || a.Correction != "" || !a.Embargo.IsZero() {
		t.Errorf("tags %v, bylines %v, correction %q, embargo %v: want none", a.Tags, a.Bylines, a.Correction, a.Embargo)
	}
	if !a.Created.Equal(importDay) || !a.Modified.Equal(importDay) {
		t.Errorf("created %v, modified %v; want the import time %v", a.Created, a.Modified, importDay)
	}
	if len(warns) != 1 || warns[0].Line != 10 || !strings.Contains(warns[0].Message, "assumed 2019") {
		t.Errorf("warnings = %v; want one, on line 10, saying the year 2019 was assumed", warns)
	}

	// The body: the dateline cut from line 10, the four subheads, the
	// twenty paragraphs, each byte for byte as in the copy.
	subheads := map[int]bool{20: true, 34: true, 44: true, 52: true}
	blocks := editor.ParseBody(a.Body)
	if len(blocks) != 24 {
		t.Fatalf("body has %d blocks, want 24 (20 paragraphs, 4 subheads)", len(blocks))
	}
	for k, b := range blocks {
		num := 10 + 2*k
		wantText := lines[num]
		if num == 10 {
			wantText = strings.TrimPrefix(wantText, "SOCHI, October 16. /TASS/. ")
		}
		wantKind := editor.Paragraph
		if subheads[num] {
			wantKind = editor.Subhead
		}
		if b.Kind != wantKind || b.Text != wantText {
			t.Errorf("block %d (line %d) = %s %q,\nwant %s %q", k, num, b.Kind, b.Text, wantKind, wantText)
		}
	}
	bodyCopy := strings.Join(lines[10:], "\n")
	if got, want := strings.Count(a.Body, "\u00a0"), strings.Count(bodyCopy, "\u00a0"); got != want || want != 13 {
		t.Errorf("body has %d no-break spaces, the copy %d (13 expected)", got, want)
	}
	for _, n := range []string{"43,500", "7,000", "5,000", "1,500", "4,000", "79", "116", "36", "2019"} {
		if got, want := strings.Count(a.Body, n), strings.Count(bodyCopy, n); got != want {
			t.Errorf("%s occurs %d times in the body, %d in the copy", n, got, want)
		}
	}
}

func TestParseFixtureYear(t *testing.T) {
	data := testfixture.Read(t, testfixture.TASS)
	tests := []struct {
		name string
		opt  editor.ImportOptions
		want string
	}{
		{"--year wins", editor.ImportOptions{Year: 2018, Now: importDay}, "2018-10-16"},
		{"import date", editor.ImportOptions{Now: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)}, "2021-10-16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, warns := mustParse(t, "f", data, tc.opt)
			if a.Dateline.Date != tc.want || !a.Dateline.DateAssumed {
				t.Errorf("dateline %+v, want date %s assumed", a.Dateline, tc.want)
			}
			if len(warns) != 1 || !strings.Contains(warns[0].Message, tc.want[:4]) {
				t.Errorf("warnings %v do not name the year %s", warns, tc.want[:4])
			}
		})
	}
	if _, _, err := Parse("f", data, editor.ImportOptions{Year: 20190}); err == nil {
		t.Error("year 20190 accepted")
	}
}

// TestParseBOMAndCRLF: the same copy with a byte-order mark and CRLF line
// ends is the same article.
func TestParseBOMAndCRLF(t *testing.T) {
	data := testfixture.Read(t, testfixture.TASS)
	want, _ := mustParse(t, "lf", data, opts())
	crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	got, _ := mustParse(t, "crlf", crlf, opts())
	if d := diffArticles(want, got, editor.StyleReuters); len(d) > 0 {
		t.Errorf("BOM + CRLF changed %v", d)
	}
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		file       string
		section    string
		headline   string
		standfirst string
		photo      editor.Photo
		dateline   editor.Dateline
		bylines    []editor.Byline
		subheads   int
		quotes     int
		correction string
		language   string
		warnings   int
	}{
		{file: "ap-byline.txt", headline: "Russia says Islamic State still runs branches abroad",
			dateline: editor.Dateline{Place: "SOCHI", Region: "Russia", Source: "AP"},
			bylines: []editor.Byline{
				{Name: "Vladimir Isachenkov", Role: editor.RoleWriter, Title: "Associated Press"},
				{Name: "Jim Heintz", Role: editor.RoleWriter, Title: "Associated Press"}},
			language: "en"},
		{file: "reuters.txt", section: "World News", headline: "Russia's FSB says 5,000 citizens joined militants abroad",
			standfirst: "Bortnikov urged intelligence services to share data in real time",
			photo:      editor.Photo{Caption: "Alexander Bortnikov in Sochi", Credit: "Reuters/Maxim Shemetov"},
			dateline:   editor.Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", DateAssumed: true, Source: "Reuters"},
			language:   "en", warnings: 1},
		{file: "no-photo.txt", section: "Russian Politics & Diplomacy", headline: "Kremlin comments on talks in Sochi",
			standfirst: "The Kremlin spokesman declined to give details of the agenda.",
			dateline:   editor.Dateline{Place: "MOSCOW", Date: "2019-10-16", DateAssumed: true, Source: "TASS"},
			subheads:   1, language: "en", warnings: 1},
		{file: "no-section.txt", headline: "IS terrorists defeated in Syria and Iraq still running global offshoots, says FSB chief",
			standfirst: "A serious threat is the so-called autonomous jihad, the security chief stated",
			photo:      editor.Photo{Caption: "FSB Director Alexander Bortnikov", Credit: "Peter Kovalev/TASS", Copyright: "© Peter Kovalev/TASS"},
			dateline:   editor.Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"},
			subheads:   1, language: "en", warnings: 1},
		{file: "compact.txt", headline: "FSB chief warns of lone wolf attacks",
			standfirst: "Lone wolf terrorists carry out attacks themselves, the security chief stated",
			photo:      editor.Photo{Caption: "Caption of the photo", Credit: "Sergei Bobylev/TASS"},
			dateline:   editor.Dateline{Place: "LONDON", Date: "2019-10-16", Source: "Interfax"},
			language:   "en"},
		{file: "no-dateline.txt", headline: "FSB director speaks at Sochi security meeting", language: "en", warnings: 1},
		{file: "russian.txt", section: "Все новости", headline: "Директор ФСБ заявил о сохранении угрозы терроризма",
			dateline: editor.Dateline{Place: "СОЧИ", Date: "2019-10-16", DateAssumed: true, Source: "ТАСС"},
			language: "ru", warnings: 1},
		{file: "quote-correction.txt", headline: "Bortnikov: terrorists use wireless networks",
			dateline: editor.Dateline{Place: "NEW YORK", Source: "AP"},
			subheads: 1, quotes: 1, correction: "An earlier version misspelled Bortnikov's name.", language: "en"},
		{file: "crlf.txt", headline: "Headline over CRLF",
			dateline: editor.Dateline{Place: "LONDON", Date: "2019-10-16", DateAssumed: true, Source: "Reuters"},
			language: "en", warnings: 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a, warns := mustParse(t, tc.file, readTestdata(t, tc.file), opts())
			if err := a.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			got := []any{a.Section, a.Headline, a.Standfirst, a.Photo, a.Dateline, a.Correction, a.Language}
			want := []any{tc.section, tc.headline, tc.standfirst, tc.photo, tc.dateline, tc.correction, tc.language}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("field %d = %q, want %q", i, got[i], want[i])
				}
			}
			if len(a.Bylines) != len(tc.bylines) {
				t.Errorf("bylines = %+v, want %+v", a.Bylines, tc.bylines)
			} else {
				for i := range a.Bylines {
					if a.Bylines[i] != tc.bylines[i] {
						t.Errorf("byline %d = %+v, want %+v", i, a.Bylines[i], tc.bylines[i])
					}
				}
			}
			kinds := map[editor.BlockKind]int{}
			for _, b := range editor.ParseBody(a.Body) {
				kinds[b.Kind]++
			}
			if kinds[editor.Subhead] != tc.subheads || kinds[editor.Quote] != tc.quotes {
				t.Errorf("%d subheads and %d quotes, want %d and %d\nbody:\n%s", kinds[editor.Subhead], kinds[editor.Quote], tc.subheads, tc.quotes, a.Body)
			}
			if len(warns) != tc.warnings {
				t.Errorf("warnings = %v, want %d", warns, tc.warnings)
			}
		})
	}
}

func TestParseQuoteAndMarkup(t *testing.T) {
	a, _ := mustParse(t, "q", readTestdata(t, "quote-correction.txt"), opts())
	blocks := editor.ParseBody(a.Body)
	want := []editor.Block{
		{Kind: editor.Paragraph, Text: `The head of Russia's FSB warned of \*new\* networks and [secret] channels.`},
		{Kind: editor.Quote, Text: "With its global coverage, the Internet is becoming the main platform\nfor promoting the ideology of terrorism."},
		{Kind: editor.Subhead, Text: "Messengers remain the main tool"},
		{Kind: editor.Paragraph, Text: `He spoke at 2 * 3 sessions & answered questions on \<encryption>, see \[the text](tass.com) \&amp; snake_case.`},
	}
	if len(blocks) != len(want) {
		t.Fatalf("blocks = %+v", blocks)
	}
	for i := range want {
		if blocks[i] != want[i] {
			t.Errorf("block %d = %+v,\nwant %+v", i, blocks[i], want[i])
		}
	}
}

func TestParseAuthor(t *testing.T) {
	opt := opts()
	opt.Author = "  Desk Writer "
	a, _ := mustParse(t, "fixture", testfixture.Read(t, testfixture.TASS), opt)
	if want := []editor.Byline{{Name: "Desk Writer", Role: editor.RoleWriter}}; len(a.Bylines) != 1 || a.Bylines[0] != want[0] {
		t.Errorf("bylines = %+v, want %+v", a.Bylines, want)
	}
	a, _ = mustParse(t, "ap", readTestdata(t, "ap-byline.txt"), opt)
	for _, b := range a.Bylines {
		if b.Name == "Desk Writer" {
			t.Errorf("--author added to copy with a byline: %+v", a.Bylines)
		}
	}
}

// headerRuleCases are copy that exercises one header or body rule each;
// FuzzParse takes them as seeds too.
var headerRuleCases = []struct {
	name   string
	copy   string
	want   editor.Article
	warned bool
}{
	{name: "caption above copyright",
		copy: "Headline\n\nStandfirst.\nThe caption\n© 2019 Reuters\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Standfirst: "Standfirst.", Photo: editor.Photo{Caption: "The caption", Copyright: "© 2019 Reuters"}}},
	{name: "parenthesised AP credit",
		copy: "A headline that is no section label\n\nThe caption\n(AP Photo/Evan Vucci)\n\nWASHINGTON (AP) — Text.",
		want: editor.Article{Headline: "A headline that is no section label", Photo: editor.Photo{Caption: "The caption", Credit: "AP Photo/Evan Vucci"}}},
	{name: "credit in its own block is no caption's",
		copy: "Headline\n\nStandfirst.\n\nPhoto: Reuters\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Standfirst: "Standfirst.", Photo: editor.Photo{Credit: "Reuters"}}},
	{name: "a sentence starting with By is no byline",
		copy: "Headline\n\nBy the end of the year, more will come.\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Standfirst: "By the end of the year, more will come."}},
	{name: "Copyright opening a sentence is no notice",
		copy: "Headline\n\nCopyright law is changing.\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Standfirst: "Copyright law is changing."}},
	{name: "credits with roles",
		copy: "Headline\n\nBy Anna Ivanova, Moscow correspondent\nPhotographer: Peter Kovalev\nEditor: John Roe\nTranslator: Jane Doe\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Bylines: []editor.Byline{
			{Name: "Anna Ivanova", Role: editor.RoleWriter, Title: "Moscow correspondent"},
			{Name: "Peter Kovalev", Role: editor.RolePhotographer},
			{Name: "John Roe", Role: editor.RoleEditor},
			{Name: "Jane Doe", Role: editor.RoleTranslator}}}},
	{name: "a sentence above the dateline is no section",
		copy: "Short headline\n\nStandfirst ends in a stop.\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Short headline", Standfirst: "Standfirst ends in a stop."}},
	{name: "second photo dropped with a warning",
		copy: "A headline that is no section label\n\nCaption one\n© One\nCaption two\n© Two\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "A headline that is no section label", Standfirst: "Caption two", Photo: editor.Photo{Caption: "Caption one", Copyright: "© One"}}, warned: true},
	{name: "dateline alone, text in the next block",
		copy: "Headline\n\nSOCHI, October 16. /TASS/.\n\nShort first line\n\nMore text.",
		want: editor.Article{Headline: "Headline", Body: "Short first line\n\nMore text."}},
	{name: "last short line is no subhead",
		copy: "Headline\n\nLONDON (Reuters) - Text.\n\nReporting by Maria Tsvetkova",
		want: editor.Article{Headline: "Headline", Body: "Text.\n\nReporting by Maria Tsvetkova"}},
	{name: "embargo",
		copy: "EMBARGOED UNTIL 2019-10-16T12:00:00+03:00\n\nHeadline\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Embargo: time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)}},
	{name: "embargo on the headline's block",
		copy: "EMBARGOED UNTIL 2019-10-16T09:00:00Z\nHeadline\n\nLONDON (Reuters) - Text.",
		want: editor.Article{Headline: "Headline", Embargo: time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)}},
	{name: "dateline after many byline blocks",
		copy: "Headline\n\nBy Anna Ivanova\n\nBy Jane Doe\n\nBy John Roe\n\nBy Ann Lee\n\nBy Bo Li\n\nBy Al Wu\n\nBy Ed Fox\n\nSOCHI, October 16. /TASS/. Text.",
		want: editor.Article{Headline: "Headline", Body: "Text.", Bylines: []editor.Byline{
			{Name: "Anna Ivanova", Role: editor.RoleWriter}, {Name: "Jane Doe", Role: editor.RoleWriter}, {Name: "John Roe", Role: editor.RoleWriter},
			{Name: "Ann Lee", Role: editor.RoleWriter}, {Name: "Bo Li", Role: editor.RoleWriter}, {Name: "Al Wu", Role: editor.RoleWriter},
			{Name: "Ed Fox", Role: editor.RoleWriter}}}},
	{name: "wrapped standfirst that reads as a byline",
		copy: "A headline that is no section label\n\nBY\nANNA IVANOVA\n\nSOCHI, October 16. /TASS/. Text.",
		want: editor.Article{Headline: "A headline that is no section label", Bylines: []editor.Byline{{Name: "ANNA IVANOVA", Role: editor.RoleWriter}}}},
}

func TestParseHeaderRules(t *testing.T) {
	for _, tc := range headerRuleCases {
		t.Run(tc.name, func(t *testing.T) {
			a, warns := mustParse(t, "copy", []byte(tc.copy), opts())
			w := tc.want
			if a.Headline != w.Headline || a.Standfirst != w.Standfirst || a.Photo != w.Photo || !a.Embargo.Equal(w.Embargo) {
				t.Errorf("got headline %q standfirst %q photo %+v embargo %v\nwant headline %q standfirst %q photo %+v embargo %v",
					a.Headline, a.Standfirst, a.Photo, a.Embargo, w.Headline, w.Standfirst, w.Photo, w.Embargo)
			}
			if w.Body != "" && a.Body != w.Body {
				t.Errorf("body = %q, want %q", a.Body, w.Body)
			}
			if len(a.Bylines) != len(w.Bylines) {
				t.Errorf("bylines = %+v, want %+v", a.Bylines, w.Bylines)
			}
			for i := range w.Bylines {
				if i < len(a.Bylines) && a.Bylines[i] != w.Bylines[i] {
					t.Errorf("byline %d = %+v, want %+v", i, a.Bylines[i], w.Bylines[i])
				}
			}
			dropped := false
			for _, x := range warns {
				dropped = dropped || strings.Contains(x.Message, "dropped")
			}
			if dropped != tc.warned {
				t.Errorf("warnings %v; want a dropped-photo warning: %v", warns, tc.warned)
			}
		})
	}
}

// TestParseDropWarningsBounded: a thousand extra photo lines give a few
// warnings and a note, each line quoted short; the year warning stays.
func TestParseDropWarningsBounded(t *testing.T) {
	copyText := "A headline that is no section label\n\n" + strings.Repeat("© "+strings.Repeat("x", 500)+"\n", 1000) + "\nSOCHI, October 16. /TASS/. Text."
	_, warns := mustParse(t, "many", []byte(copyText), opts())
	if len(warns) != maxDropWarnings+2 {
		t.Fatalf("%d warnings, want %d dropped lines, the note and the year", len(warns), maxDropWarnings)
	}
	for _, w := range warns {
		if len(w.Message) > 300 {
			t.Errorf("warning of %d bytes quotes the whole line", len(w.Message))
		}
	}
	if !strings.Contains(warns[len(warns)-1].Message, "assumed 2019") {
		t.Errorf("last warning %q is not the year's", warns[len(warns)-1])
	}
}

func TestParseBadInput(t *testing.T) {
	bigBody := []byte("Headline\n\nLONDON (Reuters) - " + strings.Repeat(strings.Repeat("word ", 100)+"\n\n", 14000))
	tests := []struct {
		name    string
		data    []byte
		problem string
		line    int
		offset  int
	}{
		{"not UTF-8", []byte("Headline\n\nSOCHI, October 16. /TASS/. Caf\xe9 society"), "not UTF-8", 3, 40},
		{"empty", nil, "empty", 0, -1},
		{"binary", []byte("PK\x03\x04\x00\x00zip"), "binary", 1, 4},
		{"control character", []byte("Headline\n\nText \x1b[0m here"), "U+001B", 3, 15},
		{"control character after CR line ends", []byte("Headline\r\rText\r\nMore \x01"), "U+0001", 4, 21},
		{"white space only", []byte(" \n\t\n\u00a0\n"), "no headline", 0, -1},
		{"dateline paragraph only", []byte("SOCHI, October 16. /TASS/. The story without a headline."), "no headline", 1, -1},
		{"embargo only", []byte("EMBARGOED UNTIL 2019-10-16T12:00:00Z\n"), "no headline", 1, -1},
		{"10 MB", bytes.Repeat([]byte("0123456789"), 1<<20), "over the import limit", 0, -1},
		{"headline too long", []byte(strings.Repeat("long ", 400) + "\n\nText."), "headline", 1, -1},
		{"body too big", bigBody, "over the limit", 3, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, _, err := Parse("story.txt", tc.data, opts())
			if err == nil {
				t.Fatalf("no error; article %q", a.Headline)
			}
			var ie *editor.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an *editor.InputError", err, err)
			}
			if ie.File != "story.txt" || !strings.Contains(ie.Problem, tc.problem) || ie.Line != tc.line || ie.Offset != tc.offset {
				t.Errorf("error %+v; want file story.txt, problem with %q, line %d, offset %d", ie, tc.problem, tc.line, tc.offset)
			}
			if !strings.Contains(err.Error(), "story.txt") {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
}

// TestParseLargeCopy: a story of several megabytes under the limits
// imports (speed is BenchmarkParseLarge's business).
func TestParseLargeCopy(t *testing.T) {
	para := "Over 43,500 people were listed, the FSB director reported on Wednesday in Sochi.\n\n"
	data := []byte("Headline\n\nSOCHI, October 16. /TASS/. " + strings.Repeat(para, 40000))
	a, _ := mustParse(t, "large", data, opts())
	if got := strings.Count(a.Body, "43,500"); got != 40000 {
		t.Errorf("body has %d paragraphs' numbers, want 40000", got)
	}
}

func BenchmarkParse(b *testing.B) {
	data := testfixture.Read(b, testfixture.TASS)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Parse("f", data, opts()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseLarge(b *testing.B) {
	para := "Over 43,500 people were listed, the FSB director reported on Wednesday in Sochi.\n\n"
	data := []byte("Headline\n\nSOCHI, October 16. /TASS/. " + strings.Repeat(para, 40000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Parse("f", data, opts()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseDatelineReach: the dateline is found past as many header
// paragraphs as a web page's copy has (section, headline, standfirst, and
// the photo's caption, credit and copyright each a paragraph), and past
// any number of byline paragraphs; a sixth paragraph of other copy ends
// the search, and the copy has no dateline.
func TestParseDatelineReach(t *testing.T) {
	const head = "Military & Defense\n\nRussian paratroopers hold drills near Pskov\n\n" +
		"The exercise involved some 2,000 servicemen, the defence ministry said\n\n" +
		"Russian servicemen Sergei Bobylev/TASS\n\nRussian servicemen\n\n© Sergei Bobylev/TASS\n\n"
	const dateline = "MOSCOW, March 3. /TASS/. Russian paratroopers have held drills near Pskov.\n\nSome 2,000 servicemen took part.\n"
	tests := []struct {
		name, copy string
		found      bool
	}{
		{"web page layout", head + dateline, true},
		{"many byline paragraphs", "Drills near Pskov\n\nBy Anna Ivanova\n\nBy Peter Kovalev\n\nBy John Roe\n\nBy Ivan Petrov\n\nBy Olga Sidorova\n\nBy Oleg Popov\n\n" + dateline, true},
		{"a sixth paragraph of copy", head + "One more paragraph of copy.\n\n" + dateline, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := mustParse(t, "reach.txt", []byte(tc.copy), opts())
			want := editor.Dateline{}
			if tc.found {
				want = editor.Dateline{Place: "MOSCOW", Date: "2019-03-03", DateAssumed: true, Source: "TASS"}
			}
			if a.Dateline != want {
				t.Errorf("dateline %+v, want %+v", a.Dateline, want)
			}
			if tc.found && !strings.HasPrefix(a.Body, "Russian paratroopers have held drills") {
				t.Errorf("the body starts %q", a.Body[:min(len(a.Body), 60)])
			}
		})
	}
}
