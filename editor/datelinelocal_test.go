package editor

import (
	"testing"
	"time"
)

// TestRenderIn: the dateline in the story's language (issue 16, class 8),
// and a dateline missing its place or date rendered without stray
// punctuation (class 5). Each rendering reads back to the same fields.
func TestRenderIn(t *testing.T) {
	sochi := Dateline{Place: "Сочи", Date: "2019-10-16", Source: "ТАСС"}
	tests := []struct {
		name  string
		d     Dateline
		style Style
		lang  string
		want  string
	}{
		{"en", Dateline{Place: "Sochi", Date: "2019-10-16", Source: "TASS"}, StyleTASS, "en", "SOCHI, October 16. /TASS/."},
		{"ru", sochi, StyleTASS, "ru", "СОЧИ, 16 октября. /ТАСС/."},
		{"uk", Dateline{Place: "Київ", Date: "2019-10-16", Source: "Укрінформ"}, StyleTASS, "uk", "КИЇВ, 16 жовтня. /Укрінформ/."},
		{"de", Dateline{Place: "Berlin", Date: "2019-10-16", Source: "dpa"}, StyleTASS, "de-DE", "BERLIN, 16. Oktober. /dpa/."},
		{"fr", Dateline{Place: "Paris", Date: "2019-08-16", Source: "AFP"}, StyleTASS, "fr", "PARIS, 16 août. /AFP/."},
		{"es", Dateline{Place: "Madrid", Date: "2019-10-16", Source: "EFE"}, StyleTASS, "es", "MADRID, 16 de octubre. /EFE/."},
		{"it", Dateline{Place: "Roma", Date: "2019-10-16", Source: "ANSA"}, StyleTASS, "it", "ROMA, 16 ottobre. /ANSA/."},
		{"pt", Dateline{Place: "Lisboa", Date: "2019-03-01", Source: "Lusa"}, StyleTASS, "pt-BR", "LISBOA, 1 de março. /Lusa/."},
		{"zh", Dateline{Place: "索契", Date: "2019-10-16", Source: "新华社"}, StyleTASS, "zh", "索契, 10月16日. /新华社/."},
		{"ar", Dateline{Place: "سوتشي", Date: "2019-10-16", Source: "واس"}, StyleTASS, "ar", "سوتشي, 16 أكتوبر. /واس/."},
		{"reuters ru", sochi, StyleReuters, "ru", "СОЧИ, 16 октября (ТАСС) -"},
		{"unknown language is English", sochi, StyleTASS, "xx", "СОЧИ, October 16. /ТАСС/."},
		{"tass no place", Dateline{Source: "The Associated Press"}, StyleTASS, "en", "/The Associated Press/."},
		{"ap no place", Dateline{Source: "The Associated Press"}, StyleAP, "en", "(The Associated Press) —"},
		{"reuters no place", Dateline{Source: "Reuters"}, StyleReuters, "en", "(Reuters) -"},
		{"tass date only", Dateline{Date: "2019-10-16"}, StyleTASS, "en", "October 16."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.d.RenderIn(tc.style, tc.lang)
			if got != tc.want {
				t.Fatalf("RenderIn = %q, want %q", got, tc.want)
			}
			if tc.style == StyleTASS && tc.d.Source != "" {
				back, rest, ok := ParseDateline(got+" Text", 2019)
				if !ok || rest != "Text" || back.Source != tc.d.Source || back.Date != tc.d.Date {
					t.Errorf("%q reads back as %+v, %q, %v", got, back, rest, ok)
				}
			}
		})
	}
}

func TestLocalDate(t *testing.T) {
	day := time.Date(2019, 10, 16, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"en": "16 October 2019", "ru": "16 октября 2019", "uk": "16 жовтня 2019", "de": "16. Oktober 2019",
		"fr": "16 octobre 2019", "es": "16 de octubre de 2019", "it": "16 ottobre 2019", "pt": "16 de outubro de 2019",
		"zh": "2019年10月16日", "ar": "16 أكتوبر 2019", "": "16 October 2019",
	} {
		if got := LocalDate(day, lang); got != want {
			t.Errorf("LocalDate(%q) = %q, want %q", lang, got, want)
		}
	}
}
