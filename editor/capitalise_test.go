package editor

import (
	"testing"
	"unicode/utf8"
)

func TestCapitalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ошибка", "Ошибка"},
		{"error", "Error"},
		{"Error", "Error"},
		{"ёлка", "Ёлка"},
		{"über", "Über"},
		{"1 story", "1 story"},
		{"", ""},
		{"\xffbad", "\xffbad"},
		{"ǆ", "ǅ"}, // a digraph takes its title case, not its upper case Ǆ
	}
	for _, tc := range tests {
		got := Capitalise(tc.in)
		if got != tc.want {
			t.Errorf("Capitalise(%q) = %q; want %q", tc.in, got, tc.want)
		}
		if utf8.ValidString(tc.in) && !utf8.ValidString(got) {
			t.Errorf("Capitalise(%q) = %q is not valid UTF-8", tc.in, got)
		}
	}
}
