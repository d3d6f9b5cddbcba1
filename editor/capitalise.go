package editor

import (
	"unicode"
	"unicode/utf8"
)

// Capitalise capitalises the first letter of s by rune, so that a message
// or name starting with a Cyrillic (or any multi-byte) letter stays valid
// UTF-8: "ошибка" → "Ошибка" (strings.ToUpper(s[:1]) cut the letter in
// half). An empty s, or one that does not start with valid UTF-8, is
// returned as it is.
func Capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	up := unicode.ToTitle(r) // the same as ToUpper but for digraphs: ǆ → ǅ
	if up == r {
		return s
	}
	return string(up) + s[size:]
}
