package editor

import "testing"

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "article", "0 articles"},
		{1, "article", "1 article"},
		{2, "revision", "2 revisions"},
		{1, "story", "1 story"},
		{3, "story", "3 stories"},
		{2, "day", "2 days"},
		{2, "match", "2 matches"},
		{2, "box", "2 boxes"},
		{2, "class", "2 classes"},
		{-1, "word", "-1 words"},
		{1000, "setting", "1000 settings"},
	} {
		if got := Plural(tc.n, tc.noun); got != tc.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}
