package delta

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"copydesk/editor/compare/compareload"
	"copydesk/editor/testfixture"
)

func TestDeltaRoundTrip(t *testing.T) {
	story := string(compareload.Article(1, 1500).Encode())
	edited := string(compareload.Edit(compareload.Article(1, 1500), 2, 12).Encode())
	tests := []struct{ name, newer, older string }{
		{"an edited story", edited, story},
		{"the reverse", story, edited},
		{"same", story, story},
		{"plus, percent, tab, NBSP", `{"body":"a+b 100% \t x\u00a0y\nz"}`, `{"body":"a b 50%+ \t\t x y\nz\n"}`},
		{"non-Latin and astral", "Сочи, 16 октября 🙂 paragraph\\nnext", "Сочи 🙂🙂, 17 октября paragraph\\n"},
		{"to empty", "something", ""},
		{"from empty", "", "something longer than a delta"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			delta, ok, err := Make([]byte(tc.newer), []byte(tc.older))
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				if len(tc.older) > 100 {
					t.Errorf("no delta for %d bytes", len(tc.older))
				}
				return
			}
			got, err := Apply([]byte(tc.newer), delta)
			if err != nil || string(got) != tc.older {
				t.Errorf("rebuilt %q, %v; want %q", got, err, tc.older)
			}
		})
	}
	if _, err := Apply([]byte("short"), []byte("=99")); err == nil {
		t.Error("a delta longer than its text applied")
	}
}

// FuzzDelta: any two texts give a delta that rebuilds the older exactly,
// through Apply and go-diff's DiffFromDelta alike, or no delta.
func FuzzDelta(f *testing.F) {
	story := testfixture.Read(f, testfixture.TASS)
	f.Add(story, append([]byte("Edited. "), story...))
	f.Add([]byte(`{"body":"a+b 100%\tc"}`), []byte(`{"body":"a b 50%+ c"}`))
	f.Fuzz(func(t *testing.T, newer, older []byte) {
		if !utf8.Valid(newer) || !utf8.Valid(older) {
			return // canonical encodings are valid UTF-8
		}
		delta, ok, err := Make(newer, older)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return
		}
		for name, apply := range map[string]func([]byte, []byte) ([]byte, error){"Apply": Apply, "DiffFromDelta": check} {
			if got, err := apply(newer, delta); err != nil || !bytes.Equal(got, older) {
				t.Errorf("%s rebuilt %q, %v; want %q", name, got, err, older)
			}
		}
	})
}
