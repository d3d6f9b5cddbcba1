package export_test

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export"
)

// TestExportsSpeakTheStorysLanguage: the dateline is rendered in the
// story's language in HTML and ninjs (issue 16, class 8), right-to-left
// copy is marked dir="rtl" (class 7), and a dateline with no place has no
// stray punctuation (class 5).
func TestExportsSpeakTheStorysLanguage(t *testing.T) {
	story := func(lang string, d editor.Dateline) *editor.Article {
		a := editor.New(importNow())
		a.Headline, a.Body, a.Language, a.Dateline = "H", "Text.", lang, d
		return a
	}
	tests := []struct {
		name   string
		a      *editor.Article
		style  editor.Style
		want   []string
		absent []string
	}{
		{"russian", story("ru", editor.Dateline{Place: "Сочи", Date: "2019-10-16", Source: "ТАСС"}), editor.StyleTASS,
			[]string{"СОЧИ, 16 октября. /ТАСС/."}, []string{"October"}},
		{"chinese", story("zh", editor.Dateline{Place: "索契", Date: "2019-10-16", Source: "新华社"}), editor.StyleTASS,
			[]string{"索契, 10月16日. /新华社/."}, []string{"October"}},
		{"arabic rtl", story("ar", editor.Dateline{Place: "سوتشي", Date: "2019-10-16", Source: "تاس"}), editor.StyleTASS,
			[]string{`<html lang="ar" dir="rtl">`, "16 أكتوبر"}, nil},
		{"english ltr", story("en", editor.Dateline{Place: "Sochi", Source: "TASS"}), editor.StyleTASS,
			[]string{`<html lang="en">`}, []string{`dir="rtl"`}},
		{"no place ap", story("en", editor.Dateline{Source: "The Associated Press"}), editor.StyleAP,
			[]string{"(The Associated Press) —"}, []string{" (The Associated Press)", ". /"}},
		{"no place tass", story("en", editor.Dateline{Source: "The Associated Press"}), editor.StyleTASS,
			[]string{"/The Associated Press/."}, []string{". /The"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range []writer{{"html", export.HTML}, {"ninjs", export.Ninjs}} {
				if w.name == "ninjs" && strings.HasPrefix(tc.want[0], "<html") {
					continue
				}
				out, err := w.fn(tc.a, export.Options{Style: tc.style, Now: importNow()})
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range tc.want {
					if !strings.Contains(string(out), s) {
						t.Errorf("%s lacks %q", w.name, s)
					}
				}
				for _, s := range tc.absent {
					if strings.Contains(string(out), s) {
						t.Errorf("%s has %q", w.name, s)
					}
				}
			}
		})
	}
}

func importNow() time.Time { return time.Date(2019, 10, 17, 8, 0, 0, 0, time.UTC) }
