package review

import (
	"strings"

	"copydesk/editor"
	"copydesk/editor/compare"
)

// Set is a set of change IDs ("C3").
type Set map[string]bool

// ParseIDs reads a comma-separated list of change IDs ("C3,C7" or
// "c3, c7") and checks each against r. An unknown ID is an error naming
// it, so that a typo never accepts a change meant to be rejected.
func (r *Review) ParseIDs(list string) (Set, error) {
	out := Set{}
	for _, part := range strings.Split(list, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		c, ok := r.Find(part)
		if !ok {
			return nil, &editor.FieldError{Field: "--reject", Problem: "names " + strings.TrimSpace(part) + ", which is not a change of this review (it has C1…C" + itoa(len(r.Changes)) + ")",
				Fix: "list the changes first with copydesk review ID A B"}
		}
		out[c.ID] = true
	}
	return out, nil
}

// Apply returns B with the rejected changes reverted to A. With nothing
// rejected it is B exactly; with everything rejected, A exactly (the ID
// and timestamps included). Otherwise the body is rebuilt from the
// comparison (normalised as editor.FormatBody writes it) and the ID and
// timestamps are B's.
func (r *Review) Apply(rejected Set) *editor.Article {
	n := 0
	for _, c := range r.Changes {
		if rejected[c.ID] {
			n++
		}
	}
	switch {
	case n == 0:
		return r.B.Clone()
	case n == len(r.Changes):
		return r.A.Clone()
	}
	return r.apply(rejected)
}

// apply is Apply without the exact shortcuts: every field and body block
// is decided from the cards.
func (r *Review) apply(rejected Set) *editor.Article {
	out := r.B.Clone()
	for _, c := range r.Changes {
		if c.Kind == Field && rejected[c.ID] {
			fields[c.fieldIndex].copy(out, r.A)
		}
	}
	out.Body = editor.FormatBody(r.applyBody(rejected))
	return out
}

func (r *Review) applyBody(rejected Set) []editor.Block {
	accepted := func(idx int) bool { return idx < 0 || !rejected[r.Changes[idx].ID] }
	blocks := make([]editor.Block, 0, len(r.Result.Blocks))
	emit := func(k int) {
		e := r.Result.Blocks[k]
		kind := e.OldBlock
		if accepted(r.restyle[k]) {
			kind = e.Block
		}
		blocks = append(blocks, editor.Block{Kind: kind, Text: r.mix(k, rejected)})
	}
	for k, e := range r.Result.Blocks {
		switch e.Kind {
		case compare.Equal, compare.Changed:
			emit(k)
		case compare.Inserted, compare.Moved:
			if accepted(r.structural[k]) {
				emit(k)
			}
		case compare.Deleted:
			if !accepted(r.structural[k]) {
				emit(k)
			}
		case compare.MovedAway:
			if e.Partner >= 0 && !accepted(r.structural[k]) {
				emit(e.Partner)
			}
		}
	}
	return blocks
}

// mix is entry k's text with its accepted hunks' new words and its
// rejected hunks' old words.
func (r *Review) mix(k int, rejected Set) string {
	chunks := r.Result.Blocks[k].Chunks
	cards := r.words[k]
	var b strings.Builder
	next := 0 // the next word card of the entry
	for i := 0; i < len(chunks); {
		if chunks[i].Op == compare.OpEqual {
			b.WriteString(chunks[i].Text)
			i++
			continue
		}
		keep := compare.OpInsert
		if next < len(cards) && r.Changes[cards[next]].chunkFrom == i {
			c := r.Changes[cards[next]]
			if rejected[c.ID] {
				keep = compare.OpDelete
			}
			next++
		} else if r.Block(k).Kind == compare.Inserted {
			keep = compare.OpInsert
		} else if r.Block(k).Kind == compare.Deleted {
			keep = compare.OpDelete
		}
		for ; i < len(chunks) && chunks[i].Op != compare.OpEqual; i++ {
			if chunks[i].Op == keep {
				b.WriteString(chunks[i].Text)
			}
		}
	}
	return b.String()
}

// Block is the comparison's entry k.
func (r *Review) Block(k int) compare.Entry { return r.Result.Blocks[k] }
