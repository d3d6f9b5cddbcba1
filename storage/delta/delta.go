// Package delta keeps older revisions compactly as exact reverse deltas
// between revisions' canonical encodings; every store of history uses it.
package delta

// Reverse deltas between revisions' canonical encodings. A delta is
// go-diff's DiffToDelta of the edit that turns the newer content into the
// older: exact (counts and inserted text, no fuzzy context), so rebuilding
// gives the older bytes back or an error, never something close to them.

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// deltaDiffTimeout bounds the character-level refinement of one changed
// stretch. A timeout makes the delta larger, never wrong.
const deltaDiffTimeout = 200 * time.Millisecond

// paragraphBreak ends a token in the canonical encoding: the body is one
// JSON string in which each line break is the two bytes \n.
const paragraphBreak = `\n`

// Make returns the delta that rebuilds older from newer, checked by
// rebuilding it; ok is false when a delta would not be smaller than older
// itself (then the revision is better kept whole).
func Make(newer, older []byte) (delta []byte, ok bool, err error) {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = deltaDiffTimeout
	diffs := paragraphDiff(dmp, string(newer), string(older))
	d := []byte(dmp.DiffToDelta(diffs))
	if len(d) >= len(older) {
		return nil, false, nil
	}
	back, err := check(newer, d)
	if err == nil && !bytes.Equal(back, older) {
		err = errors.New("go-diff rebuilt other bytes")
	}
	if err == nil {
		if fast, ferr := Apply(newer, d); ferr != nil || !bytes.Equal(fast, older) {
			err = fmt.Errorf("Apply disagrees with go-diff (%v)", ferr)
		}
	}
	if err != nil {
		// go-diff promises exactness; if it ever fails, keep the revision
		// whole rather than store something that does not rebuild.
		return nil, false, fmt.Errorf("the delta does not rebuild the revision exactly (%v)", err)
	}
	return d, true, nil
}

// Apply rebuilds the older content from the newer one and a delta in
// DiffToDelta's format: tab-separated "=n" (keep n characters), "-n" (drop
// n characters) and "+text" (insert text, %-escaped). It reads the format
// the way go-diff's DiffFromDelta does (Make checks every delta it
// stores with DiffFromDelta, and TestApplyDeltaAgreesWithGoDiff holds the
// two together) but copies bytes instead of building a diff of strings,
// several times faster: rebuilding walks up to keyframeEvery deltas.
func Apply(newer, delta []byte) ([]byte, error) {
	out := make([]byte, 0, len(newer)+len(newer)/8)
	pos := 0 // byte offset in newer
	for len(delta) > 0 {
		tok := delta
		if i := bytes.IndexByte(delta, '\t'); i >= 0 {
			tok, delta = delta[:i], delta[i+1:]
		} else {
			delta = nil
		}
		if len(tok) == 0 {
			continue
		}
		switch tok[0] {
		case '+':
			text, err := url.QueryUnescape(strings.ReplaceAll(string(tok[1:]), "+", "%2b"))
			if err != nil {
				return nil, fmt.Errorf("the stored delta does not apply: %w", err)
			}
			if !utf8.ValidString(text) {
				return nil, errors.New("the stored delta does not apply: it inserts invalid UTF-8")
			}
			out = append(out, text...)
		case '=', '-':
			n, err := strconv.Atoi(string(tok[1:]))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("the stored delta does not apply: %q is not a count", tok)
			}
			start := pos
			for ; n > 0; n-- {
				if pos >= len(newer) {
					return nil, errors.New("the stored delta does not apply: it is longer than the text")
				}
				_, size := utf8.DecodeRune(newer[pos:])
				pos += size
			}
			if tok[0] == '=' {
				out = append(out, newer[start:pos]...)
			}
		default:
			return nil, fmt.Errorf("the stored delta does not apply: unknown operation %q", tok[0])
		}
	}
	if pos != len(newer) {
		return nil, errors.New("the stored delta does not apply: it is shorter than the text")
	}
	return out, nil
}

// check rebuilds older through go-diff's own DiffFromDelta.
func check(newer, delta []byte) ([]byte, error) {
	dmp := diffmatchpatch.New()
	diffs, err := dmp.DiffFromDelta(string(newer), string(delta))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, d := range diffs {
		if d.Type != diffmatchpatch.DiffDelete {
			b.WriteString(d.Text)
		}
	}
	return b.Bytes(), nil
}

// paragraphDiff diffs a against b paragraph by paragraph (each paragraph
// mapped to one rune, as go-diff's line mode does with lines), then refines
// each replaced stretch character by character. Character mode on a whole
// 10,000-word story takes tens of milliseconds; this takes a fraction.
func paragraphDiff(dmp *diffmatchpatch.DiffMatchPatch, a, b string) []diffmatchpatch.Diff {
	var tokens []string
	ids := map[string]rune{}
	runes := func(s string) []rune {
		var out []rune
		for len(s) > 0 {
			i := strings.Index(s, paragraphBreak)
			n := len(s)
			if i >= 0 {
				n = i + len(paragraphBreak)
			}
			tok := s[:n]
			s = s[n:]
			id, seen := ids[tok]
			if !seen {
				id = rune(len(tokens))
				ids[tok] = id
				tokens = append(tokens, tok)
			}
			out = append(out, id)
		}
		return out
	}
	ra, rb := runes(a), runes(b)
	if len(tokens) >= 0xD800 {
		// The runes would reach the surrogates, which do not survive
		// go-diff's trip through strings: diff characters instead.
		return dmp.DiffMain(a, b, false)
	}
	coarse := dmp.DiffMainRunes(ra, rb, false)
	text := func(rs string) string {
		var sb strings.Builder
		for _, r := range rs {
			sb.WriteString(tokens[r])
		}
		return sb.String()
	}
	var out []diffmatchpatch.Diff
	var del, ins string
	flush := func() {
		switch {
		case del != "" && ins != "":
			out = append(out, dmp.DiffMain(del, ins, false)...)
		case del != "":
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: del})
		case ins != "":
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: ins})
		}
		del, ins = "", ""
	}
	for _, d := range coarse {
		t := text(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			del += t
		case diffmatchpatch.DiffInsert:
			ins += t
		default:
			flush()
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: t})
		}
	}
	flush()
	return dmp.DiffCleanupMerge(out)
}
