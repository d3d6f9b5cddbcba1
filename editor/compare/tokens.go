package compare

import (
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// comparer holds the state of one Compare call: the go-diff engine, the
// deadline shared by every diff it runs, and the token table that maps
// words (and blocks) to runes.
type comparer struct {
	opt      Options
	dmp      *diffmatchpatch.DiffMatchPatch
	deadline time.Time // zero: no limit
	coarse   bool
	tokens   map[string]int32
}

func newComparer(opt Options) *comparer {
	c := &comparer{opt: opt, dmp: diffmatchpatch.New(), tokens: make(map[string]int32, 2048)}
	if opt.DiffTimeout > 0 {
		c.deadline = time.Now().Add(opt.DiffTimeout)
	}
	return c
}

// timeLeft sets the engine's timeout to what is left of the budget and
// reports false when nothing is.
func (c *comparer) timeLeft() bool {
	if c.deadline.IsZero() {
		c.dmp.DiffTimeout = 0
		return true
	}
	left := time.Until(c.deadline)
	if left <= 0 {
		c.coarse = true
		return false
	}
	c.dmp.DiffTimeout = left
	return true
}

// Token IDs become runes for go-diff. Surrogate code points would not
// survive go-diff's rune → string → rune round trips, so IDs skip them;
// the few IDs beyond the last code point share one rune, and the mapping
// back checks tokens by position, so a shared rune can never make unequal
// text "equal".
const (
	surrogateLo  = 0xD800
	surrogateLen = 0x800
	maxTokenID   = utf8.MaxRune - surrogateLen
)

// tokenLimit is maxTokenID; tests lower it to make shared runes happen.
var tokenLimit int32 = maxTokenID

func idRune(id int32) rune {
	if id >= surrogateLo {
		return rune(id) + surrogateLen
	}
	return rune(id)
}

// tokenized is a text cut into tokens: words, runs of white space, and
// single other characters (punctuation, symbols, an invalid byte). Token i
// is src[off[i]:off[i+1]], so chunks slice the source without copying.
type tokenized struct {
	src   string
	off   []int
	runes []rune
	words []int32 // sorted, unique IDs of the word tokens: the word set
}

func (c *comparer) tokenize(s string) *tokenized {
	n := len(s)/3 + 2 // tokens in English copy: about one per three bytes
	t := &tokenized{src: s, off: make([]int, 0, n), runes: make([]rune, 0, n), words: make([]int32, 0, n/2)}
	for i := 0; i < len(s); {
		t.off = append(t.off, i)
		j, word := tokenEnd(s, i)
		id := intern(c.tokens, s[i:j])
		t.runes = append(t.runes, idRune(id))
		if word {
			t.words = append(t.words, id)
		}
		i = j
	}
	t.off = append(t.off, len(s))
	slices.Sort(t.words)
	t.words = slices.Compact(t.words)
	return t
}

func (t *tokenized) text(from, to int) string { return t.src[t.off[from]:t.off[to]] }

// tokenEnd returns where the token starting at i ends and whether it is a
// word. A word is letters, digits and combining marks, joined across an
// apostrophe or hyphen between letters ("don't", "al-Qaeda") and across a
// comma or point between digits ("43,500", "1.5").
func tokenEnd(s string, i int) (int, bool) {
	if end, word, ok := asciiTokenEnd(s, i); ok {
		return end, word
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case isWordRune(r):
		return wordEnd(s, i+n, r), true
	case unicode.IsSpace(r):
		return spaceEnd(s, i+n), false
	}
	return i + n, false // one character, or one invalid byte
}

// asciiTokenEnd is tokenEnd's fast path: a plain ASCII word followed by a
// space or punctuation that cannot join it to more (most tokens of
// English copy), or one space before ASCII; ok is false for the rest.
func asciiTokenEnd(s string, i int) (end int, word, ok bool) {
	if c := s[i]; asciiWord(c) {
		j := i + 1
		for j < len(s) && asciiWord(s[j]) {
			j++
		}
		if j == len(s) || s[j] < utf8.RuneSelf && s[j] != '\'' && s[j] != '-' && s[j] != ',' && s[j] != '.' {
			return j, true, true
		}
	} else if c == ' ' && (i+1 == len(s) || s[i+1] > ' ' && s[i+1] < utf8.RuneSelf) {
		return i + 1, false, true
	}
	return 0, false, false
}

// wordEnd is where the word whose last rune so far is prev, ending at j,
// ends: word runes, and the joins between them.
func wordEnd(s string, j int, prev rune) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			prev = r
			j += n
			continue
		}
		if j+n < len(s) {
			next, _ := utf8.DecodeRuneInString(s[j+n:])
			if joins(prev, r, next) {
				prev = next
				j += n
				continue
			}
		}
		break
	}
	return j
}

// spaceEnd is where the white space from j ends.
func spaceEnd(s string, j int) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return j
}

func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' || r > utf8.RuneSelf && unicode.IsDigit(r) }

func joins(prev, mid, next rune) bool {
	switch mid {
	case '\'', '’', '-', '‐', '‑':
		return isWordRune(next)
	case ',', '.':
		return isDigit(prev) && isDigit(next)
	}
	return false
}

// dice is the Dice coefficient of two sorted word sets.
func dice(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
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

// diceBound is the highest Dice two sets of these sizes can reach.
func diceBound(n, m int) float64 {
	if n == 0 || m == 0 {
		return 0
	}
	return 2 * float64(min(n, m)) / float64(n+m)
}

// diffTokens is the word-level diff of two tokenized texts: go-diff on
// token runes, semantic cleanup, and back to text by token position.
func (c *comparer) diffTokens(a, b *tokenized) []Chunk {
	if a.src == b.src {
		if a.src == "" {
			return nil
		}
		return []Chunk{{OpEqual, a.src}}
	}
	if !c.timeLeft() {
		return replaceChunks(a.src, b.src)
	}
	diffs := c.dmp.DiffMainRunes(a.runes, b.runes, false)
	diffs = c.dmp.DiffCleanupSemantic(diffs)
	var out []Chunk
	ia, ib := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if a.text(ia, ia+n) == b.text(ib, ib+n) {
				out = appendChunk(out, OpEqual, a.text(ia, ia+n))
			} else { // two overflow tokens shared a rune
				out = appendChunk(out, OpDelete, a.text(ia, ia+n))
				out = appendChunk(out, OpInsert, b.text(ib, ib+n))
			}
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			out = appendChunk(out, OpDelete, a.text(ia, ia+n))
			ia += n
		case diffmatchpatch.DiffInsert:
			out = appendChunk(out, OpInsert, b.text(ib, ib+n))
			ib += n
		}
	}
	return out
}

func replaceChunks(a, b string) []Chunk {
	var out []Chunk
	out = appendChunk(out, OpDelete, a)
	return appendChunk(out, OpInsert, b)
}

func appendChunk(out []Chunk, op Op, text string) []Chunk {
	if text == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Op == op {
		out[n-1].Text += text
		return out
	}
	return append(out, Chunk{op, text})
}
