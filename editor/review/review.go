// Package review turns the comparison of two revisions into a list of
// changes a copy editor decides on one by one — accept or reject — and
// applies the decisions: the result is B with the rejected changes
// reverted to A. It builds on editor/compare (paragraph-first, then word
// by word, moved paragraphs, field-by-field metadata) and knows nothing of
// Fyne or the store.
//
// Change IDs (C1, C2, …) follow the order of the list — metadata fields in
// the order the metadata panel shows them, then the body in reading order —
// so the same A and B always give the same IDs: the command line can name
// them in a later call.
package review

import (
	"strconv"
	"strings"

	"copydesk/editor"
	"copydesk/editor/compare"
)

// Kind is what sort of change a card is.
type Kind string

// The kinds of change.
const (
	Words    Kind = "words"    // a run of words changed inside a paragraph
	Inserted Kind = "inserted" // a paragraph only in B
	Deleted  Kind = "deleted"  // a paragraph only in A
	Moved    Kind = "moved"    // a paragraph moved (its edits are separate Words cards)
	Restyled Kind = "restyled" // a paragraph became a subhead or quote, or back
	Field    Kind = "field"    // a metadata field
)

// Change is one card of the review.
type Change struct {
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Field is the metadata field ("headline", "dateline.place", "tags"),
	// or "body" for a body change.
	Field string `json:"field"`
	// Para is the paragraph's number (1-based) in B, or in A for a
	// deleted paragraph; 0 for a field.
	Para int `json:"para,omitempty"`
	// Old and New are the text on the two sides: the words of a hunk, the
	// whole paragraph, or the field's value ("" when unset).
	Old string `json:"old"`
	New string `json:"new"`
	// Numbers and Quotes flag a change to a figure or a quoted passage,
	// as History's numbers-and-quotes list does: check these first.
	Numbers bool `json:"numbers,omitempty"`
	Quotes  bool `json:"quotes,omitempty"`
	// Summary is a one-line description for lists and the record.
	Summary string `json:"summary"`

	entry      int // index in the comparison's Blocks; -1 for a field
	chunkFrom  int // a Words card's chunks, [chunkFrom, chunkTo)
	chunkTo    int
	fieldIndex int // index in fields for a Field card
}

// Review is the list of changes from A to B.
type Review struct {
	A, B    *editor.Article
	Result  *compare.Result
	Changes []Change

	// byEntry holds, for each body entry, the index in Changes of its
	// structural card (inserted, deleted, moved — for a MovedAway entry,
	// its partner's), its restyle card and its word cards; -1 if none.
	structural []int
	restyle    []int
	words      [][]int
}

// New lists the changes from a to b. Nil articles compare as empty.
func New(a, b *editor.Article) *Review {
	if a == nil {
		a = &editor.Article{}
	}
	if b == nil {
		b = &editor.Article{}
	}
	r := &Review{A: a, B: b, Result: compare.Compare(a, b, compare.Options{})}
	r.listFields()
	r.listBody()
	for i := range r.Changes {
		r.Changes[i].ID = "C" + strconv.Itoa(i+1)
	}
	return r
}

// Find returns the change with the given ID (case-insensitive).
func (r *Review) Find(id string) (*Change, bool) {
	id = strings.ToUpper(strings.TrimSpace(id))
	if n, err := strconv.Atoi(strings.TrimPrefix(id, "C")); err == nil && strings.HasPrefix(id, "C") && n >= 1 && n <= len(r.Changes) {
		return &r.Changes[n-1], true
	}
	return nil, false
}

func (r *Review) listFields() {
	for i, f := range fields {
		oldV, newV := f.text(r.A), f.text(r.B)
		if f.equal(r.A, r.B) {
			continue
		}
		c := Change{Kind: Field, Field: f.name, Old: oldV, New: newV, entry: -1, fieldIndex: i}
		if f.prose {
			c.Numbers, c.Quotes = flags(oldV, newV)
		}
		c.Summary = f.label + ": " + quoteShort(oldV) + " → " + quoteShort(newV)
		r.Changes = append(r.Changes, c)
	}
}

func (r *Review) listBody() {
	n := len(r.Result.Blocks)
	r.structural, r.restyle, r.words = filled(n), filled(n), make([][]int, n)
	para := paraNumbers(r.Result)
	for k, e := range r.Result.Blocks {
		add := func(c Change) int {
			c.Field, c.entry, c.Para = "body", k, para[k]
			r.Changes = append(r.Changes, c)
			return len(r.Changes) - 1
		}
		switch e.Kind {
		case compare.Inserted:
			t, _ := r.Result.TextB(k)
			c := Change{Kind: Inserted, New: t}
			c.Numbers, c.Quotes = flags("", t)
			c.Summary = "¶" + strconv.Itoa(para[k]) + " " + e.Block.String() + " inserted: " + quoteShort(t)
			r.structural[k] = add(c)
		case compare.Deleted:
			t, _ := r.Result.TextA(k)
			c := Change{Kind: Deleted, Old: t}
			c.Numbers, c.Quotes = flags(t, "")
			c.Summary = "¶" + strconv.Itoa(para[k]) + " (in A) " + e.Block.String() + " deleted: " + quoteShort(t)
			r.structural[k] = add(c)
		case compare.Moved:
			t, _ := r.Result.TextB(k)
			c := Change{Kind: Moved, New: t}
			if e.Partner >= 0 {
				c.Summary = "¶" + strconv.Itoa(para[k]) + " moved here (was ¶" + strconv.Itoa(para[e.Partner]) + " in A): " + quoteShort(t)
			} else {
				c.Summary = "¶" + strconv.Itoa(para[k]) + " moved here: " + quoteShort(t)
			}
			r.structural[k] = add(c)
			r.addRestyle(k, add)
			r.addWords(k, add)
		case compare.Changed:
			r.addRestyle(k, add)
			r.addWords(k, add)
		}
	}
	for k, e := range r.Result.Blocks {
		if e.Kind == compare.MovedAway && e.Partner >= 0 {
			r.structural[k] = r.structural[e.Partner]
		}
	}
}

func (r *Review) addRestyle(k int, add func(Change) int) {
	e := r.Result.Blocks[k]
	if e.Block == e.OldBlock {
		return
	}
	r.restyle[k] = add(Change{Kind: Restyled, Old: e.OldBlock.String(), New: e.Block.String()})
	c := &r.Changes[r.restyle[k]]
	c.Summary = "¶" + strconv.Itoa(c.Para) + " " + e.OldBlock.String() + " → " + e.Block.String()
}

// addWords makes one card per hunk: a maximal run of non-equal chunks.
func (r *Review) addWords(k int, add func(Change) int) {
	chunks := r.Result.Blocks[k].Chunks
	for i := 0; i < len(chunks); {
		if chunks[i].Op == compare.OpEqual {
			i++
			continue
		}
		j := i
		var oldT, newT strings.Builder
		for ; j < len(chunks) && chunks[j].Op != compare.OpEqual; j++ {
			if chunks[j].Op == compare.OpDelete {
				oldT.WriteString(chunks[j].Text)
			} else {
				newT.WriteString(chunks[j].Text)
			}
		}
		c := Change{Kind: Words, Old: oldT.String(), New: newT.String(), chunkFrom: i, chunkTo: j}
		c.Numbers, c.Quotes = flags(c.Old, c.New)
		if !c.Quotes {
			c.Quotes = insideChangedQuote(r.Result, k, c.Old, c.New)
		}
		idx := add(c)
		ch := &r.Changes[idx]
		ch.Summary = "¶" + strconv.Itoa(ch.Para) + " " + wordsSummary(ch.Old, ch.New)
		r.words[k] = append(r.words[k], idx)
		i = j
	}
}

func wordsSummary(oldT, newT string) string {
	switch {
	case strings.TrimSpace(oldT) == "":
		return "inserted " + quoteShort(newT)
	case strings.TrimSpace(newT) == "":
		return "deleted " + quoteShort(oldT)
	}
	return quoteShort(oldT) + " → " + quoteShort(newT)
}

// paraNumbers numbers the entries as paragraphs of B (1-based), deleted
// and moved-away entries by their place in A.
func paraNumbers(res *compare.Result) []int {
	out := make([]int, len(res.Blocks))
	for k, e := range res.Blocks {
		if e.B >= 0 {
			out[k] = e.B + 1
		} else {
			out[k] = e.A + 1
		}
	}
	return out
}

func filled(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// flags reports whether the figures or the quoted passages differ between
// old and new (as multisets, in order).
func flags(oldT, newT string) (numbers, quotes bool) {
	return !equalStrings(compare.Numbers(oldT), compare.Numbers(newT)),
		!equalStrings(compare.Quoted(oldT), compare.Quoted(newT))
}

// insideChangedQuote reports whether a hunk's words lie inside a quoted
// passage of its paragraph that differs between A and B: changing words
// within a quote changes the quote even if no quotation mark moved.
func insideChangedQuote(res *compare.Result, k int, oldT, newT string) bool {
	a, _ := res.TextA(k)
	if res.Blocks[k].Kind == compare.Moved {
		a = sideText(res.Blocks[k].Chunks, compare.OpDelete)
	}
	b, _ := res.TextB(k)
	qa, qb := compare.Quoted(a), compare.Quoted(b)
	if equalStrings(qa, qb) {
		return false
	}
	hit := func(qs []string, t string) bool {
		t = strings.TrimSpace(t)
		if t == "" {
			return false
		}
		for _, q := range qs {
			if strings.Contains(q, t) {
				return true
			}
		}
		return false
	}
	return hit(qa, oldT) || hit(qb, newT)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// quoteShort is s in quotation marks, cut to about 60 characters on one line.
func quoteShort(s string) string {
	if s == "" {
		return "(none)"
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return "“" + s + "”"
}

func itoa(n int) string { return strconv.Itoa(n) }

// sideText is one side (A for OpDelete, B for OpInsert) of chunks.
func sideText(chunks []compare.Chunk, op compare.Op) string {
	var b strings.Builder
	for _, c := range chunks {
		if c.Op == compare.OpEqual || c.Op == op {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}
