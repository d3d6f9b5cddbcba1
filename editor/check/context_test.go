package check_test

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/check"
)

func TestContext(t *testing.T) {
	a := &editor.Article{
		Headline: "Bortnikov speaks",
		Body:     "First.\n\nRussian Federal Security Service (FSB) Director Alexander Bortnikov said on Wednesday in Sochi.",
	}
	tests := []struct {
		name              string
		place             check.Place
		n                 int
		before, at, after string
		ok                bool
	}{
		{"mid-paragraph, cut at words", check.Place{Field: "body", Block: 1, Start: 58, End: 67}, 20,
			"…Director Alexander ", "Bortnikov", " said on Wednesday…", true},
		{"at the start of a field", check.Place{Field: "headline", Block: -1, Start: 0, End: 9}, 20,
			"", "Bortnikov", " speaks", true},
		{"a block that is not there", check.Place{Field: "body", Block: 5, Start: 0, End: 1}, 20, "", "", "", false},
		{"offsets past the text", check.Place{Field: "headline", Block: -1, Start: 10, End: 99}, 20, "", "", "", false},
		{"a field without copy", check.Place{Field: "dateline.date", Block: -1}, 20, "", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, at, af, ok := check.Context(a, tc.place, tc.n)
			if b != tc.before || at != tc.at || af != tc.after || ok != tc.ok {
				t.Errorf("Context = %q %q %q %v, want %q %q %q %v", b, at, af, ok, tc.before, tc.at, tc.after, tc.ok)
			}
		})
	}
}
