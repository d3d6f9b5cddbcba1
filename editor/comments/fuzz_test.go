package comments

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReanchor: carrying any range of any text to any other text never
// panics, gives a range inside the new text on rune boundaries, keeps the
// range when the text is unchanged, and finds a quote again when words
// are only added around it.
func FuzzReanchor(f *testing.F) {
	f.Add("voted 12 to 3 to close", "voted 12 to 4 to close", 6, 13)
	f.Add("a b c", "", 0, 5)
	f.Add("«Мы обжалуем», — сказал он.", "«Мы будем обжаловать», — сказал он.", 2, 20)
	f.Fuzz(func(t *testing.T, old, new string, start, end int) {
		if !utf8.ValidString(old) || !utf8.ValidString(new) || len(old) == 0 {
			t.Skip()
		}
		start, end = clamp(start, len(old)), clamp(end, len(old))
		if start > end {
			start, end = end, start
		}
		// Anchors are made from quotes found in the text: whole runes.
		for start > 0 && start < len(old) && !utf8.RuneStart(old[start]) {
			start--
		}
		for end < len(old) && !utf8.RuneStart(old[end]) {
			end++
		}
		s, e, ok := mapRange(old, new, start, end)
		if ok && (s < 0 || e > len(new) || s > e || !utf8.ValidString(new[s:e])) {
			t.Fatalf("mapRange gave [%d,%d) in %d bytes", s, e, len(new))
		}
		if s, e, ok := mapRange(old, old, start, end); !ok || s != start || e != end {
			t.Fatalf("unchanged text moved the range: [%d,%d) → [%d,%d) %v", start, end, s, e, ok)
		}
		quote := strings.TrimSpace(old[start:end])
		if quote == "" || !utf8.ValidString(quote) || strings.ContainsAny(quote, "\n\r") {
			return
		}
		// Words added before and after: the quote is found whole.
		grown := "Some new words. " + old + " And more."
		i := strings.Index(old, quote)
		s, e, ok = mapRange(old, grown, i, i+len(quote))
		if !ok || grown[s:e] != quote {
			t.Fatalf("quote %q after adding words: %q ok=%v", quote, grown[s:e], ok)
		}
	})
}

func clamp(n, max int) int {
	if n < 0 {
		n = -n
	}
	if max == 0 {
		return 0
	}
	return n % (max + 1)
}
