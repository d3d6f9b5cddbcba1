package comments

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/editor"
)

// minBlockSimilarity is the share of words (Dice) a body block must keep
// with the block a comment was anchored in to be taken for the same
// paragraph once its text has changed and it stands elsewhere.
const minBlockSimilarity = 0.3

// inPlaceSimilarity is the share of words above which the block at the
// anchor's old place is taken for its paragraph without looking further.
const inPlaceSimilarity = 0.5

// Reanchor carries every comment's anchor to the article's current text
// (see Comment.Reanchor). The body is split once for all of them.
func Reanchor(cs []*Comment, a *editor.Article) {
	var body *bodyIndex
	for _, c := range cs {
		if c.Anchor.Field == Body && body == nil {
			body = newBodyIndex(a.Body)
		}
		c.reanchor(a, body)
	}
}

// Reanchor carries the anchor to the article's current text: the same
// words, found through a word-level comparison of the anchor's context
// and the text now. When none of the quoted words is left the comment is
// orphaned and keeps its last quote; when they come back (a restore) it
// is anchored again.
func (c *Comment) Reanchor(a *editor.Article) { Reanchor([]*Comment{c}, a) }

func (c *Comment) reanchor(a *editor.Article, body *bodyIndex) {
	an := c.Anchor
	var text string
	block := 0
	switch an.Field {
	case Body:
		k, ok := body.locate(an.Block, an.Context)
		if !ok {
			c.Orphaned = true
			return
		}
		text, block = body.blocks[k].Text, k
	default:
		t, ok := FieldText(a, an.Field)
		if !ok {
			c.Orphaned = true
			return
		}
		text = t
	}
	start, end, ok := mapRange(an.Context, text, an.Start, an.End)
	if !ok {
		c.Orphaned = true
		return
	}
	c.Anchor = Anchor{Field: an.Field, Block: block, Start: start, End: end, Context: text}
	c.Quote = text[start:end]
	c.Orphaned = false
}

// bodyIndex is the current body split into blocks, with what locate needs.
type bodyIndex struct {
	blocks []editor.Block
	byText map[string][]int
	words  [][]string // per block, built on first use
}

func newBodyIndex(body string) *bodyIndex {
	bi := &bodyIndex{blocks: editor.ParseBody(body), byText: map[string][]int{}}
	for k, b := range bi.blocks {
		bi.byText[b.Text] = append(bi.byText[b.Text], k)
	}
	bi.words = make([][]string, len(bi.blocks))
	return bi
}

// locate finds the block that was block k with text old: the same text
// at k, else the same text nearest k (it moved), else the most similar
// block (it was edited, and perhaps moved).
func (bi *bodyIndex) locate(k int, old string) (int, bool) {
	if k < len(bi.blocks) && bi.blocks[k].Text == old {
		return k, true
	}
	if at := bi.byText[old]; len(at) > 0 {
		best := at[0]
		for _, i := range at {
			if abs(i-k) < abs(best-k) {
				best = i
			}
		}
		return best, true
	}
	ow := wordSet(old)
	// Edited in place, the usual case: the block at k (or one paragraph
	// off, after one was inserted or deleted above) keeps most of its
	// words, and no scan of the whole body is needed.
	near, nearSim := -1, inPlaceSimilarity
	for _, i := range [3]int{k, k - 1, k + 1} {
		if i >= 0 && i < len(bi.blocks) {
			if sim := dice(ow, bi.wordsOf(i)); sim >= nearSim && (near < 0 || sim > nearSim) {
				near, nearSim = i, sim
			}
		}
	}
	if near >= 0 {
		return near, true
	}
	best, bestSim := -1, minBlockSimilarity
	for i := range bi.blocks {
		sim := dice(ow, bi.wordsOf(i))
		if sim > bestSim || sim == bestSim && best >= 0 && abs(i-k) < abs(best-k) {
			best, bestSim = i, sim
		}
	}
	return best, best >= 0
}

func (bi *bodyIndex) wordsOf(i int) []string {
	if bi.words[i] == nil {
		bi.words[i] = wordSet(bi.blocks[i].Text)
	}
	return bi.words[i]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// wordSet is the text's words, lower-cased, sorted, duplicates kept.
func wordSet(s string) []string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWord(r) })
	if ws == nil {
		ws = []string{}
	}
	sortStrings(ws)
	return ws
}

// dice is the Dice coefficient of two sorted word multisets.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokens splits s into words (runs of letters and digits), runs of white
// space and single other characters, returning each token's start; the
// last entry is len(s).
func tokens(s string) []int {
	var at []int
	kind := func(r rune) int {
		switch {
		case isWord(r):
			return 1
		case unicode.IsSpace(r):
			return 2
		}
		return 3
	}
	prev := 0
	for i, r := range s {
		k := kind(r)
		if k == 3 || k != prev {
			at = append(at, i)
		}
		prev = k
	}
	return append(at, len(s))
}

// mapRange carries the byte range [start, end) of old to new: a word
// diff pairs the tokens the two texts share; the range runs from the
// first to the last of its tokens still there, widened over text that
// replaced its first or last words. ok is false when no word of the range
// is left.
func mapRange(old, new string, start, end int) (int, int, bool) {
	if old == new {
		if start < 0 || end > len(new) || start > end {
			return 0, 0, false
		}
		return start, end, true
	}
	ta, tb := tokens(old), tokens(new)
	mapped := mapTokens(old, new, ta, tb)
	first, last := rangeTokens(ta, start, end)
	if first < 0 {
		return 0, 0, false
	}
	sf, sl := -1, -1 // surviving words of the range
	for i := first; i <= last; i++ {
		if mapped[i] >= 0 && isWordToken(old, ta, i) {
			if sf < 0 {
				sf = i
			}
			sl = i
		}
	}
	if sf < 0 {
		return 0, 0, false
	}
	// A surviving first or last token is the same text on both sides, so
	// a range that starts or ends inside it keeps its place in it.
	ns := tb[mapped[sf]] + max(0, start-ta[sf])
	if sf != first { // the first words were replaced: start after the equal text before them
		ns = skipSpace(new, equalBefore(mapped, tb, first))
	}
	ne := tb[mapped[sl]+1] - max(0, ta[sl+1]-end)
	if sl != last { // the last words were replaced: run to the equal text after them
		ne = len(strings.TrimRightFunc(new[:equalAfter(mapped, tb, last, len(new))], unicode.IsSpace))
	}
	if ne < ns {
		ne = ns
	}
	return ns, ne, true
}

// mapTokens pairs the tokens of old (at ta) with those of new (at tb)
// through a word diff: mapped[i] is the new token old token i became, -1
// when deleted.
func mapTokens(old, new string, ta, tb []int) []int {
	table := map[string]rune{}
	ra, rb := tokenRunes(old, ta, table), tokenRunes(new, tb, table)
	dmp := diffmatchpatch.New()
	// A bound, so that a pathological paragraph cannot stall the window;
	// past it the diff is coarser but still pairs only equal tokens.
	dmp.DiffTimeout = 100 * time.Millisecond
	diffs := dmp.DiffMainRunes(ra, rb, false)
	mapped := make([]int, len(ra))
	ia, ib := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for j := range n {
				mapped[ia+j] = ib + j
			}
			ia, ib = ia+n, ib+n
		case diffmatchpatch.DiffDelete:
			for j := range n {
				mapped[ia+j] = -1
			}
			ia += n
		case diffmatchpatch.DiffInsert:
			ib += n
		}
	}
	return mapped
}

// tokenRunes maps each token of s (at at) to one rune, the same rune for
// the same token across calls sharing table.
func tokenRunes(s string, at []int, table map[string]rune) []rune {
	out := make([]rune, len(at)-1)
	for i := range out {
		t := s[at[i]:at[i+1]]
		if strings.TrimSpace(t) == "" {
			t = " " // any run of white space matches any other: spacing is not wording
		}
		r, ok := table[t]
		if !ok {
			r = rune(0xE000 + len(table)) // private use: never a surrogate
			if r > utf8.MaxRune {
				r = utf8.MaxRune
			}
			table[t] = r
		}
		out[i] = r
	}
	return out
}

// rangeTokens is the first and last token (at ta) overlapping [start,
// end); -1, -1 when none does.
func rangeTokens(ta []int, start, end int) (first, last int) {
	first, last = -1, -1
	for i := 0; i+1 < len(ta); i++ {
		if ta[i+1] > start && ta[i] < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

func isWordToken(s string, at []int, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[at[i]:])
	return !unicode.IsSpace(r)
}

// equalBefore is where the new text resumes after the last token before
// old token first that is still there (the start of new when none is).
func equalBefore(mapped, tb []int, first int) int {
	for i := first - 1; i >= 0; i-- {
		if mapped[i] >= 0 {
			return tb[mapped[i]+1]
		}
	}
	return tb[0]
}

// equalAfter is where the first token after old token last that is still
// there starts in the new text (its end, n, when none is).
func equalAfter(mapped, tb []int, last, n int) int {
	for i := last + 1; i < len(mapped); i++ {
		if mapped[i] >= 0 {
			return tb[mapped[i]]
		}
	}
	return n
}

func skipSpace(s string, i int) int {
	return len(s) - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
}

func sortStrings(s []string) { slices.Sort(s) }
