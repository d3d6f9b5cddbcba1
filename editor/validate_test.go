package editor

import (
	"strings"
	"testing"
	"unicode"
)

// TestHasControlBytesMatchesIsControl: the byte scan that lets most text
// skip the rune-by-rune check finds every control character the check
// refuses, whatever surrounds it.
func TestHasControlBytesMatchesIsControl(t *testing.T) {
	for r := rune(0); r <= 0x1FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not encodable in UTF-8
		}
		s := "Copy " + string(r) + " desk"
		want := unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r'
		if got := hasControlBytes(s); got != want {
			t.Fatalf("U+%04X: hasControlBytes %v, IsControl says %v", r, got, want)
		}
	}
	for _, s := range []string{"", "\u00A0NBSP", "end\xC2", "Москва\x7F", "ä\u0085"} {
		want := strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' })
		if got := hasControlBytes(s); got != want {
			t.Errorf("%q: hasControlBytes %v, want %v", s, got, want)
		}
	}
}
