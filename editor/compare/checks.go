package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// checks lists the changed numbers and quoted passages: the headline's and
// standfirst's first, then the body's in reading order.
//
// Numbers are compared block by block as multisets: a figure that is in
// the old block and not the new one was removed, and the removed and added
// figures of one block are paired in reading order ("43,500 → 45,300").
// Quoted passages are compared the same way, except that a passage which
// is still quoted somewhere on the other side is not reported: it moved,
// it did not change.
func (c *comparer) checks(r *Result, blocksA, blocksB []editor.Block, a, b *editor.Article) (nums, quotes []ValueChange) {
	field := func(name, old, new string) {
		if old == new {
			return
		}
		nums = appendPaired(nums, name, -1, numbers(old), numbers(new), nil, nil)
		quotes = appendPaired(quotes, name, -1, quoted(old), quoted(new), nil, nil)
	}
	field("headline", a.Headline, b.Headline)
	field("standfirst", a.Standfirst, b.Standfirst)

	var qs *quoteIndex // built when the first quote changes
	for k, e := range r.Blocks {
		var old, new string
		switch e.Kind {
		case Changed, Moved:
			old, new = blocksA[e.A].Text, blocksB[e.B].Text
			if old == new {
				continue
			}
		case Inserted:
			new = blocksB[e.B].Text
		case Deleted:
			old = blocksA[e.A].Text
		default:
			continue
		}
		nums = appendPaired(nums, "body", k, numbers(old), numbers(new), nil, nil)
		qa, qb := quoted(old), quoted(new)
		if len(qa)+len(qb) == 0 {
			continue
		}
		if qs == nil {
			qs = quoteSets(r, blocksA, blocksB)
		}
		quotes = appendPaired(quotes, "body", k, qa, qb, qs.inB, qs.inA)
	}
	return nums, quotes
}

// quoteIndex holds every quoted passage of each side.
type quoteIndex struct{ a, b map[string]bool }

func (q *quoteIndex) inA(s string) bool { return q.a[s] }
func (q *quoteIndex) inB(s string) bool { return q.b[s] }

// quoteSets reads the quotes of both bodies, blocks the two sides share
// only once.
func quoteSets(r *Result, blocksA, blocksB []editor.Block) *quoteIndex {
	q := &quoteIndex{a: make(map[string]bool), b: make(map[string]bool)}
	add := func(text string, sets ...map[string]bool) {
		for _, p := range quoted(text) {
			for _, set := range sets {
				set[p] = true
			}
		}
	}
	for _, e := range r.Blocks {
		switch {
		case e.A >= 0 && e.B >= 0 && blocksA[e.A].Text == blocksB[e.B].Text:
			add(blocksA[e.A].Text, q.a, q.b)
		case e.Kind == MovedAway:
			// read with its Moved partner
		default:
			if e.A >= 0 {
				add(blocksA[e.A].Text, q.a)
			}
			if e.B >= 0 {
				add(blocksB[e.B].Text, q.b)
			}
		}
	}
	return q
}

// appendPaired appends the values only in old (dropping those for which
// stillOld holds: they are still there on the other side) and only in new
// (dropping those for which stillNew holds), pairing them in order.
func appendPaired(out []ValueChange, field string, entry int, old, new []string, stillOld, stillNew func(string) bool) []ValueChange {
	removed, added := minus(old, new), minus(new, old)
	removed = dropIf(removed, stillOld)
	added = dropIf(added, stillNew)
	for k := range max(len(removed), len(added)) {
		v := ValueChange{Field: field, Entry: entry}
		if k < len(removed) {
			v.Old = removed[k]
		}
		if k < len(added) {
			v.New = added[k]
		}
		out = append(out, v)
	}
	return out
}

// minus returns the items of a not matched by an equal item of b, as
// multisets, in a's order.
func minus(a, b []string) []string {
	if len(a) == 0 {
		return nil
	}
	left := make(map[string]int, len(b))
	for _, s := range b {
		left[s]++
	}
	var out []string
	for _, s := range a {
		if left[s] > 0 {
			left[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

func dropIf(items []string, drop func(string) bool) []string {
	if drop == nil {
		return items
	}
	out := items[:0]
	for _, s := range items {
		if !drop(s) {
			out = append(out, s)
		}
	}
	return out
}

// numbers returns the figures in text in order: digits with thousands
// separators or a decimal point or comma ("43,500", "1.5"), and a percent
// sign when one follows ("50%"). Digits glued to letters ("G20", "5G",
// "16th") are part of a name or an ordinal, not a figure.
func numbers(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) {
			i += n
			continue
		}
		start := i
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isDigit(r) {
				j += n
				continue
			}
			if (r == ',' || r == '.') && j+n < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[j+n:]); isDigit(next) {
					j += n
					continue
				}
			}
			break
		}
		end := j
		if end < len(text) && text[end] == '%' {
			end++
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		next, _ := utf8.DecodeRuneInString(text[j:])
		if !(start > 0 && isWordRune(prev)) && !(j < len(text) && unicode.IsLetter(next)) {
			out = append(out, text[start:end])
		}
		i = j
	}
	return out
}

// closers returns the marks that close a passage opened by r, or "" when r
// opens none. The curly single quote counts (British copy quotes with it), but its closing
// mark is also the apostrophe, so ’ closes only when no letter follows
// ("‘It’s over’" is one passage). Straight single quotes are apostrophes
// far more often than quotes and are not read as quotes.
func closers(r rune) string {
	switch r {
	case '"':
		return `"`
	case '“':
		return `”`
	case '„':
		return `“”`
	case '«':
		return `»`
	case '‘':
		return `’`
	}
	return ""
}

// mayQuote reports whether text has a byte that can start a quotation
// mark: '"', or the lead byte of «, “, „ or ‘. Most paragraphs have none,
// and a byte scan is far cheaper than decoding runes.
func mayQuote(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '"' || c == 0xC2 || c == 0xE2 {
			return true
		}
	}
	return false
}

// quoted returns the passages inside quotation marks in text, in order,
// trimmed. A passage not closed by the end of the block runs to its end,
// as a quote continued in the next paragraph does.
func quoted(text string) []string {
	if !mayQuote(text) {
		return nil
	}
	var out []string
	add := func(s string) {
		// The comma before a closing mark belongs to the sentence
		// around the quote ("…militants," he said), not to the quote.
		if s = strings.TrimRight(strings.TrimSpace(s), ", "); s != "" {
			out = append(out, s)
		}
	}
	open, start := "", 0
	for i := 0; i < len(text); {
		c := text[i]
		if c != '"' && c != 0xC2 && c != 0xE2 { // no quotation mark starts here
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		end := i + n
		switch {
		case open == "":
			if cl := closers(r); cl != "" {
				open, start = cl, end
			}
		case strings.ContainsRune(open, r):
			if next, _ := utf8.DecodeRuneInString(text[end:]); r == '’' && end < len(text) && isWordRune(next) {
				break // an apostrophe
			}
			add(text[start:i])
			open = ""
		}
		i = end
	}
	if open != "" {
		add(text[start:])
	}
	return out
}
