package editor

import (
	"strings"
	"testing"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name string
		para string
		want Dateline
		rest string
	}{
		{"tass", "SOCHI, October 16. /TASS/. The Islamic State", Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, "The Islamic State"},
		{"tass region", "SOCHI, Russia, October 16. /TASS/. Text", Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, "Text"},
		{"tass abbreviated month", "ST. PETERSBURG, Oct. 3. /TASS/. Text", Dateline{Place: "ST. PETERSBURG", Date: "2019-10-03", DateAssumed: true, Source: "TASS"}, "Text"},
		{"tass sept", "YUZHNO-SAKHALINSK, Sept. 30. /TASS/. Text", Dateline{Place: "YUZHNO-SAKHALINSK", Date: "2019-09-30", DateAssumed: true, Source: "TASS"}, "Text"},
		{"tass with year", "MOSCOW, October 16, 2018. /TASS/. Text", Dateline{Place: "MOSCOW", Date: "2018-10-16", Source: "TASS"}, "Text"},
		{"day first", "LONDON, 16 October. /Interfax/. Text", Dateline{Place: "LONDON", Date: "2019-10-16", DateAssumed: true, Source: "Interfax"}, "Text"},
		{"other agency", "BEIJING, March 1. /Xinhua/. Text", Dateline{Place: "BEIJING", Date: "2019-03-01", DateAssumed: true, Source: "Xinhua"}, "Text"},
		{"tass no date", "SOCHI. /TASS/. Text", Dateline{Place: "SOCHI", Source: "TASS"}, "Text"},
		{"tass russian", "МОСКВА, 16 октября. /ТАСС/. Текст", Dateline{Place: "МОСКВА", Date: "2019-10-16", DateAssumed: true, Source: "ТАСС"}, "Текст"},
		{"tass nbsp", "SOCHI, October\u00a016. /TASS/.\u00a0Text", Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, "Text"},
		{"tass own line", "SOCHI, October 16. /TASS/.\nText on the next line", Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, "Text on the next line"},
		{"tass alone", "SOCHI, October 16. /TASS/.", Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, ""},
		// A dateline of its source alone, as RenderIn writes one without
		// place or date (issue 16, classes 5 and 9).
		{"tass source only", "/TASS/. Text", Dateline{Source: "TASS"}, "Text"},
		{"ap source only", "(The Associated Press) — Text", Dateline{Source: "The Associated Press"}, "Text"},
		// The story's language (issue 16, class 8) and caseless scripts (class 7).
		{"ukrainian", "КИЇВ, 16 жовтня. /Укрінформ/. Текст", Dateline{Place: "КИЇВ", Date: "2019-10-16", DateAssumed: true, Source: "Укрінформ"}, "Текст"},
		{"german", "BERLIN, 16. Oktober. /dpa/. Text", Dateline{Place: "BERLIN", Date: "2019-10-16", DateAssumed: true, Source: "dpa"}, "Text"},
		{"spanish", "MADRID, 16 de octubre. /EFE/. Texto", Dateline{Place: "MADRID", Date: "2019-10-16", DateAssumed: true, Source: "EFE"}, "Texto"},
		{"portuguese", "LISBOA, 1 de março. /Lusa/. Texto", Dateline{Place: "LISBOA", Date: "2019-03-01", DateAssumed: true, Source: "Lusa"}, "Texto"},
		{"french", "PARIS, 16 août. /AFP/. Texte", Dateline{Place: "PARIS", Date: "2019-08-16", DateAssumed: true, Source: "AFP"}, "Texte"},
		{"italian", "ROMA, 16 ottobre. /ANSA/. Testo", Dateline{Place: "ROMA", Date: "2019-10-16", DateAssumed: true, Source: "ANSA"}, "Testo"},
		{"chinese", "索契, 10月16日. /新华社/. 正文", Dateline{Place: "索契", Date: "2019-10-16", DateAssumed: true, Source: "新华社"}, "正文"},
		{"arabic", "سوتشي, 16 أكتوبر. /واس/. نص", Dateline{Place: "سوتشي", Date: "2019-10-16", DateAssumed: true, Source: "واس"}, "نص"},
		{"ap", "NEW YORK (AP) — Stocks fell.", Dateline{Place: "NEW YORK", Source: "AP"}, "Stocks fell."},
		{"ap region", "SOCHI, Russia (AP) — Text", Dateline{Place: "SOCHI", Region: "Russia", Source: "AP"}, "Text"},
		{"ap en dash", "WASHINGTON (AP) – Text", Dateline{Place: "WASHINGTON", Source: "AP"}, "Text"},
		{"ap double hyphen", "WASHINGTON, D.C. (AP) -- Text", Dateline{Place: "WASHINGTON", Region: "D.C.", Source: "AP"}, "Text"},
		{"ap no space after dash", "NEW YORK (AP)—Text", Dateline{Place: "NEW YORK", Source: "AP"}, "Text"},
		{"reuters", "LONDON, Oct 16 (Reuters) - Text", Dateline{Place: "LONDON", Date: "2019-10-16", DateAssumed: true, Source: "Reuters"}, "Text"},
		{"reuters region", "SOCHI, Russia, Oct 16 (Reuters) - Text", Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", DateAssumed: true, Source: "Reuters"}, "Text"},
		{"reuters two-word region", "DOUGLAS, Isle of Man, Jan 2 (Reuters) - Text", Dateline{Place: "DOUGLAS", Region: "Isle of Man", Date: "2019-01-02", DateAssumed: true, Source: "Reuters"}, "Text"},
		{"reuters two-word source", "LONDON, Oct 16 (Reuters Breakingviews) - Text", Dateline{Place: "LONDON", Date: "2019-10-16", DateAssumed: true, Source: "Reuters Breakingviews"}, "Text"},
		{"lower-case acronym", "BERLIN (dpa) - Text", Dateline{Place: "BERLIN", Source: "dpa"}, "Text"},
		{"rest keeps bytes", "SOCHI, October 16. /TASS/. ISIL\u00a0[formerly the IS]  x ", Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}, "ISIL\u00a0[formerly the IS]  x "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, rest, ok := ParseDateline(tc.para, 2019)
			if !ok {
				t.Fatalf("ParseDateline(%q) did not match", tc.para)
			}
			if d != tc.want {
				t.Errorf("dateline = %+v, want %+v", d, tc.want)
			}
			if rest != tc.rest {
				t.Errorf("rest = %q, want %q", rest, tc.rest)
			}
		})
	}
}

func TestParseDatelineRejects(t *testing.T) {
	for _, para := range []string{
		"However, groups active there continue controlling their international branches",
		`"Now major terrorist forces in Syria and Iraq have been defeated," Bortnikov said.`,
		"In 2019, about 7,000 people were killed or wounded.",
		"According to him, currently, the database includes data.",
		"FSB Director Alexander Bortnikov Peter Kovalev/TASS",
		"NATO, the alliance, said on Monday. It also said",
		"UN (the United Nations) - said",
		"US (Reuters Reuters Reuters Reuters) - text",
		"A. /TASS/. one letter is no place",
		"Sochi, October 16. /TASS/. lower-case place",
		"SOCHI, October 16. TASS reports",
		"SOCHI, February 30. /TASS/. no such day",
		"SOCHI, February 29. /TASS/. not in 2019",
		"SOCHI, Octember 16. /TASS/. no such month",
		"",
		"SOCHI",
	} {
		if d, rest, ok := ParseDateline(para, 2019); ok {
			t.Errorf("ParseDateline(%q) = %+v, %q; want no dateline", para, d, rest)
		}
	}
}

func TestParseDatelineLeapDay(t *testing.T) {
	d, _, ok := ParseDateline("SOCHI, February 29. /TASS/. Text", 2020)
	if !ok || d.Date != "2020-02-29" {
		t.Errorf("29 February 2020 = %+v, %v", d, ok)
	}
}

func TestParseDatelineWithoutYear(t *testing.T) {
	d, rest, ok := ParseDateline("SOCHI, October 16. /TASS/. Text", 0)
	if !ok || d.Date != "" || d.DateAssumed || d.Place != "SOCHI" || rest != "Text" {
		t.Errorf("year 0: %+v %q %v; want the dateline without a date", d, rest, ok)
	}
}

// TestParseDatelineRendered: what Render writes in each house style,
// ParseDateline reads back — every field the style shows.
func TestParseDatelineRendered(t *testing.T) {
	datelines := []Dateline{
		{Place: "SOCHI", Date: "2019-10-16", Source: "TASS"},
		{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", Source: "TASS"},
		{Place: "NEW YORK", Date: "2019-09-05", Source: "AP"},
		{Place: "LONDON", Region: "United Kingdom", Date: "2019-01-31", Source: "Reuters"},
		{Place: "ST. PETERSBURG", Date: "2019-06-06", Source: "Interfax"},
		{Place: "МОСКВА", Date: "2019-12-01", Source: "ТАСС"},
		{Place: "SOCHI", Source: "TASS"},
		{Place: "sochi", Region: "Krasnodar Region", Date: "2019-05-09", Source: "TASS"},
	}
	for _, style := range Styles {
		for _, d := range datelines {
			text := d.Render(style) + " The story."
			got, rest, ok := ParseDateline(text, 2019)
			if !ok {
				t.Errorf("%s: ParseDateline(%q) did not match", style, text)
				continue
			}
			want := Dateline{Place: strings.ToUpper(d.Place), Source: d.Source}
			if style != StyleTASS {
				want.Region = d.Region
			}
			if style != StyleAP && d.Date != "" {
				want.Date, want.DateAssumed = d.Date, true
			}
			if got != want || rest != "The story." {
				t.Errorf("%s: ParseDateline(%q) = %+v, %q; want %+v", style, text, got, rest, want)
			}
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"SOCHI, October 16. /TASS/. Text", "NEW YORK (AP) — Text", "SOCHI, Russia, Oct 16 (Reuters) - Text", "However, text"} {
		f.Add(s, 2019)
	}
	f.Fuzz(func(t *testing.T, para string, year int) {
		d, rest, ok := ParseDateline(para, year)
		if !ok {
			return
		}
		if !strings.HasSuffix(para, rest) {
			t.Fatalf("rest %q is not the end of %q", rest, para)
		}
		if d.Date != "" {
			if _, valid := d.Day(); !valid {
				t.Fatalf("date %q is not a date", d.Date)
			}
		}
		if d.Place == "" || d.Source == "" {
			t.Fatalf("dateline without place or source: %+v", d)
		}
	})
}

func BenchmarkParseDateline(b *testing.B) {
	para := "SOCHI, Russia, October 16. /TASS/. " + strings.Repeat("word ", 200)
	for b.Loop() {
		ParseDateline(para, 2019)
	}
}
