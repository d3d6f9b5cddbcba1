package compare

import (
	"strings"

	"copydesk/editor"
)

// TextA is the entry's text in A: its equal and deleted chunks. A Moved
// entry has no A text at its new place (its old text belongs to its
// MovedAway partner); a MovedAway entry's text is its partner's A side.
func (r *Result) TextA(k int) (string, bool) {
	e := &r.Blocks[k]
	switch e.Kind {
	case Inserted, Moved:
		return "", false
	case MovedAway:
		if e.Partner < 0 {
			return "", false
		}
		e = &r.Blocks[e.Partner]
	}
	return side(e.Chunks, OpDelete), true
}

// TextB is the entry's text in B: its equal and inserted chunks. Deleted
// and MovedAway entries have none.
func (r *Result) TextB(k int) (string, bool) {
	e := &r.Blocks[k]
	if e.Kind == Deleted || e.Kind == MovedAway {
		return "", false
	}
	return side(e.Chunks, OpInsert), true
}

func side(chunks []Chunk, op Op) string {
	var b strings.Builder
	for _, c := range chunks {
		if c.Op == OpEqual || c.Op == op {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// BlocksA rebuilds A's body blocks from the entries alone.
func (r *Result) BlocksA() []editor.Block {
	var out []editor.Block
	for k, e := range r.Blocks {
		if t, ok := r.TextA(k); ok {
			out = append(out, editor.Block{Kind: e.OldBlock, Text: t})
		}
	}
	return out
}

// BlocksB rebuilds B's body blocks from the entries alone.
func (r *Result) BlocksB() []editor.Block {
	var out []editor.Block
	for k, e := range r.Blocks {
		if t, ok := r.TextB(k); ok {
			out = append(out, editor.Block{Kind: e.Block, Text: t})
		}
	}
	return out
}

// RebuildA is A's body, normalised as editor.FormatBody writes it, rebuilt
// from the comparison: the proof that no text is lost.
func (r *Result) RebuildA() string { return editor.FormatBody(r.BlocksA()) }

// RebuildB is B's body, normalised, rebuilt from the comparison.
func (r *Result) RebuildB() string { return editor.FormatBody(r.BlocksB()) }

// RebuildOld and RebuildNew rebuild a prose field's two values from its chunks.
func (f *FieldChange) RebuildOld() string { return side(f.Chunks, OpDelete) }

// RebuildNew is the new value rebuilt from the chunks.
func (f *FieldChange) RebuildNew() string { return side(f.Chunks, OpInsert) }

func stats(r *Result) Stats {
	var s Stats
	for _, e := range r.Blocks {
		switch e.Kind {
		case Inserted:
			s.ParagraphsInserted++
		case Deleted:
			s.ParagraphsDeleted++
		case Changed:
			s.ParagraphsChanged++
		case Moved:
			s.ParagraphsMoved++
			if len(e.Chunks) > 1 || len(e.Chunks) == 1 && e.Chunks[0].Op != OpEqual {
				s.ParagraphsMovedAndEdited++
			}
		default:
			continue
		}
		for _, c := range e.Chunks {
			switch c.Op {
			case OpInsert:
				s.WordsAdded += editor.CountWords(c.Text)
			case OpDelete:
				s.WordsRemoved += editor.CountWords(c.Text)
			}
		}
	}
	return s
}
