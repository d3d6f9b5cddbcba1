package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Helpers that read a segment's text: which parts are not copy (link
// addresses, code), where sentences start, and rune positions.

// notCopy matches the parts of inline CommonMark that readers do not read
// as words: link destinations and titles, autolinks, code spans, bare
// addresses and e-mail addresses.
var notCopy = regexp.MustCompile("\\]\\([^)]*\\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\\s]*>|<[^>\\s@]+@[^>\\s]+>|`+[^`]*`+|(?i:https?://|www\\.)[^\\s<>()\"]*|[\\w.+-]+@[\\w-]+\\.[\\w.-]+")

// masked returns the byte ranges of s that are not copy, in order.
func masked(s string) [][]int {
	if !strings.ContainsAny(s, "<`@") && !strings.Contains(s, "](") && !strings.Contains(s, "://") && !strings.Contains(s, "www.") {
		return nil
	}
	return notCopy.FindAllStringIndex(s, -1)
}

// inMask reports whether byte range [start, end) overlaps a masked range.
func inMask(mask [][]int, start, end int) bool {
	for _, m := range mask {
		if m[0] < end && start < m[1] {
			return true
		}
		if m[0] >= end {
			break
		}
	}
	return false
}

// place builds the Place of bytes [start, end) of a segment.
func (s segment) place(start, end int) Place {
	rs := utf8.RuneCountInString(s.text[:start])
	return Place{Field: s.field, Block: s.block, Start: rs, End: rs + utf8.RuneCountInString(s.text[start:end])}
}

// runeBefore and runeAfter return the rune around byte offset i, or 0.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// wholeWord reports whether bytes [start, end) of s stand as a word: no
// letter or digit runs on at either side.
func wholeWord(s string, start, end int) bool {
	return !isWordRune(runeBefore(s, start)) && !isWordRune(runeAfter(s, end))
}

// sentenceStart reports whether byte offset i begins a sentence: only
// white space, opening quotes, brackets and emphasis marks stand between
// it and the start of the text or a full stop, question or exclamation
// mark (closing quotes after the stop allowed).
func sentenceStart(s string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(r) || strings.ContainsRune("\"“‘'«„([*_", r) {
			j -= size
			continue
		}
		if strings.ContainsRune("”’»)", r) {
			j -= size
			continue
		}
		return r == '.' || r == '!' || r == '?' || r == '…'
	}
	return true
}

// capitalise upper-cases the first letter.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
