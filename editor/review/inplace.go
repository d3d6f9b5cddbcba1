package review

import (
	"strings"

	"copydesk/editor/compare"
)

// InPlace is card i's change as it stands in its paragraph: the hunk's
// chunks marked (deleted and inserted), with up to context words of the
// paragraph on each side as it now reads (the paragraph's other hunks
// shown as B has them, unmarked) and "…" where it was cut. An inserted or
// deleted paragraph is one marked chunk, cut after 4×context words; a
// field is its old value deleted and its new one inserted; a restyle has
// no words to show (nil).
func (r *Review) InPlace(i, context int) []compare.Chunk {
	if i < 0 || i >= len(r.Changes) {
		return nil
	}
	c := r.Changes[i]
	switch c.Kind {
	case Words:
		return r.wordsInPlace(c, context)
	case Inserted:
		return []compare.Chunk{{Op: compare.OpInsert, Text: firstWords(c.New, 4*context)}}
	case Deleted:
		return []compare.Chunk{{Op: compare.OpDelete, Text: firstWords(c.Old, 4*context)}}
	case Moved:
		return []compare.Chunk{{Op: compare.OpEqual, Text: firstWords(c.New, 4*context)}}
	case Field:
		var out []compare.Chunk
		if c.Old != "" {
			out = append(out, compare.Chunk{Op: compare.OpDelete, Text: c.Old})
		}
		if c.New != "" {
			if len(out) > 0 {
				out = append(out, compare.Chunk{Op: compare.OpEqual, Text: " "})
			}
			out = append(out, compare.Chunk{Op: compare.OpInsert, Text: c.New})
		}
		return out
	}
	return nil
}

func (r *Review) wordsInPlace(c Change, context int) []compare.Chunk {
	chunks := r.Result.Blocks[c.entry].Chunks
	var before, after strings.Builder
	for _, ch := range chunks[:c.chunkFrom] {
		if ch.Op != compare.OpDelete {
			before.WriteString(ch.Text)
		}
	}
	for _, ch := range chunks[c.chunkTo:] {
		if ch.Op != compare.OpDelete {
			after.WriteString(ch.Text)
		}
	}
	var out []compare.Chunk
	if t := lastWords(before.String(), context); t != "" {
		out = append(out, compare.Chunk{Op: compare.OpEqual, Text: t})
	}
	out = append(out, chunks[c.chunkFrom:c.chunkTo]...)
	if t := firstWords(after.String(), context); t != "" {
		out = append(out, compare.Chunk{Op: compare.OpEqual, Text: t})
	}
	return out
}

// lastWords keeps the last n words of s, with the space before the hunk,
// and "… " when it cut.
func lastWords(s string, n int) string {
	trimmed := strings.TrimRight(s, " ")
	words := strings.Fields(trimmed)
	if len(words) <= n {
		return s
	}
	return "… " + strings.Join(words[len(words)-n:], " ") + s[len(trimmed):]
}

// firstWords keeps the first n words of s, with the space after the hunk,
// and " …" when it cut.
func firstWords(s string, n int) string {
	trimmed := strings.TrimLeft(s, " ")
	words := strings.Fields(trimmed)
	if len(words) <= n {
		return s
	}
	return s[:len(s)-len(trimmed)] + strings.Join(words[:n], " ") + " …"
}
