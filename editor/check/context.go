package check

import (
	"strings"
	"unicode"

	"copydesk/editor"
)

// Context returns the copy around a finding's place in a: up to n runes
// before and after it, cut back to whole words (with "…" where the text
// goes on), and the text at the place itself — what a list of findings
// quotes so that an editor sees which occurrence is meant without
// counting characters. ok is false when the place is not in a's text
// (a field without copy, or the copy has changed since).
func Context(a *editor.Article, p Place, n int) (before, at, after string, ok bool) {
	text, ok := placeText(a, p)
	if !ok {
		return "", "", "", false
	}
	r := []rune(text)
	if p.Start < 0 || p.End < p.Start || p.End > len(r) {
		return "", "", "", false
	}
	b := max(0, p.Start-n)
	if b > 0 {
		// Start at a word: skip the cut word's tail and the space after it.
		for b < p.Start && !unicode.IsSpace(r[b-1]) {
			b++
		}
	}
	e := min(len(r), p.End+n)
	if e < len(r) {
		for e > p.End && !unicode.IsSpace(r[e]) {
			e--
		}
	}
	before = strings.TrimLeftFunc(string(r[b:p.Start]), unicode.IsSpace)
	after = strings.TrimRightFunc(string(r[p.End:e]), unicode.IsSpace)
	if b > 0 {
		before = "…" + before
	}
	if e < len(r) {
		after += "…"
	}
	return before, string(r[p.Start:p.End]), after, true
}

// placeText is the text a place's offsets count in: a body block's text,
// or a field's.
func placeText(a *editor.Article, p Place) (string, bool) {
	if p.Field == "body" {
		blocks := editor.ParseBody(a.Body)
		if p.Block < 0 || p.Block >= len(blocks) {
			return "", false
		}
		return blocks[p.Block].Text, true
	}
	s, ok := field(a, p.Field)
	if !ok {
		return "", false
	}
	return *s, true
}
