package check

import (
	"regexp"
	"slices"
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

// quoted returns the byte ranges of s inside double quotation marks —
// "…", “…”, „…“ (or „…”) and «…», nested or not — in order: a direct
// quote is the speaker's words, which the desk's term rules do not
// change. A quote left open runs to the end of s (wire copy opens a
// quote again in each paragraph it runs over). Single marks are left
// out: they are mostly apostrophes.
func quoted(s string) [][]int {
	if !strings.ContainsAny(s, "\"“„«") {
		return nil
	}
	var out [][]int
	var stack []rune // the closing mark each open quote waits for
	start := 0
	for i, r := range s {
		var closes bool
		switch {
		case len(stack) > 0 && (r == stack[len(stack)-1] || stack[len(stack)-1] == '“' && r == '”'):
			closes = true
		case r == '"':
			stack = append(stack, '"')
		case r == '“':
			stack = append(stack, '”')
		case r == '„':
			stack = append(stack, '“') // „…“, or „…” (taken as the same)
		case r == '«':
			stack = append(stack, '»')
		default:
			continue
		}
		if closes {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				out = append(out, []int{start, i + utf8.RuneLen(r)})
			}
		} else if len(stack) == 1 {
			start = i
		}
	}
	if len(stack) > 0 {
		out = append(out, []int{start, len(s)})
	}
	return out
}

// mergeRanges joins two ordered lists of byte ranges into one, ordered
// by start (inMask stops at the first range past the one it looks for).
func mergeRanges(a, b [][]int) [][]int {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := append(append(make([][]int, 0, len(a)+len(b)), a...), b...)
	slices.SortFunc(out, func(x, y []int) int { return x[0] - y[0] })
	return out
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
