package blockedit

import (
	"slices"
	"strings"

	"copydesk/editor"
)

// bodyModel is the plain-text model FuzzEditorModel checks the editor
// against: the blocks as kinds and rune slices, the caret, the entry's text
// selection (an anchor; the caret is its other end) and the whole-block
// selection, with the semantics the package documents (doc.go, keys.go,
// edits.go, selection.go) written out again the simplest way.
//
// Where the caret lands depends on the layout (Up/Down into the next block
// keep the caret's x; PageUp/PageDown move by a screenful), the model is
// told the offset the editor chose (adopt) and checks only what does not
// depend on the layout: the text, the block the caret went to, and that no
// text selection survives the move.
type bodyModel struct {
	blocks []mBlock
	blk    int
	off    int
	anchor int // the entry's selection anchor, -1 for none

	bsel        bool // whole blocks selected
	bAnc, bEnd  int
	armed       bool   // Ctrl+A once: the next Ctrl+A selects every block
	clip        string // the clipboard
	clipChecked bool   // the last step set the clipboard
}

type mBlock struct {
	kind editor.BlockKind
	text []rune
}

func newBodyModel(bs []editor.Block) *bodyModel {
	m := &bodyModel{anchor: -1}
	m.setBlocks(bs)
	if len(m.blocks) == 0 {
		m.blocks = []mBlock{{kind: editor.Paragraph}}
	}
	return m
}

func (m *bodyModel) setBlocks(bs []editor.Block) {
	m.blocks = m.blocks[:0]
	for _, b := range bs {
		m.blocks = append(m.blocks, mBlock{kind: kindIndex(b.Kind), text: []rune(b.Text)})
	}
}

func (m *bodyModel) clone() *bodyModel {
	c := *m
	c.blocks = make([]mBlock, len(m.blocks))
	for i, b := range m.blocks {
		c.blocks[i] = mBlock{b.kind, slices.Clone(b.text)}
	}
	return &c
}

func (m *bodyModel) Blocks() []editor.Block {
	out := make([]editor.Block, len(m.blocks))
	for i, b := range m.blocks {
		out[i] = editor.Block{Kind: b.kind, Text: string(b.text)}
	}
	return out
}

func (m *bodyModel) cur() *mBlock { return &m.blocks[m.blk] }
func (m *bodyModel) last() int    { return len(m.blocks) - 1 }

// focus is FocusBlock: the caret to block i at off (both clamped), no
// selection of either kind.
func (m *bodyModel) focus(i, off int) {
	m.blk = clamp(i, 0, m.last())
	m.off = clamp(off, 0, len(m.blocks[m.blk].text))
	m.anchor = -1
	m.bsel = false
}

func (m *bodyModel) hasSel() bool { return m.anchor >= 0 && m.anchor != m.off }

func (m *bodyModel) selRange() (int, int) { return min(m.anchor, m.off), max(m.anchor, m.off) }

func (m *bodyModel) selectedText() string {
	if !m.hasSel() {
		return ""
	}
	lo, hi := m.selRange()
	return string(m.cur().text[lo:hi])
}

// erase deletes the entry's selected text, leaving the caret where it began.
func (m *bodyModel) erase() {
	if m.hasSel() {
		lo, hi := m.selRange()
		b := m.cur()
		b.text = slices.Delete(b.text, lo, hi)
		m.off = lo
	}
	m.anchor = -1
}

// replace swaps blocks [at, at+n) for nb; a body never has no block.
func (m *bodyModel) replace(at, n int, nb []mBlock) {
	if len(nb) == 0 && n == len(m.blocks) {
		nb = []mBlock{{kind: editor.Paragraph}}
	}
	m.blocks = slices.Replace(m.blocks, at, at+n, nb...)
}

func (m *bodyModel) insert(rs []rune) {
	m.erase()
	b := m.cur()
	b.text = slices.Insert(b.text, m.off, rs...)
	m.off += len(rs)
}

// split is Enter (edits.go, split).
func (m *bodyModel) split() {
	m.erase()
	i, b := m.blk, *m.cur()
	if len(b.text) == 0 && b.kind != editor.Paragraph {
		m.replace(i, 1, []mBlock{{kind: editor.Paragraph}})
		m.focus(i, 0)
		return
	}
	left := slices.Clone(b.text[:m.off])
	right := []rune(strings.TrimLeft(string(b.text[m.off:]), " \t"))
	lk, rk := b.kind, b.kind
	if len(right) == 0 {
		rk = editor.Paragraph
	}
	if len(left) == 0 && len(right) > 0 {
		lk = editor.Paragraph
	}
	m.replace(i, 1, []mBlock{{lk, left}, {rk, right}})
	m.focus(i+1, 0)
}

// backspace: the entry deletes the selection or the rune before the caret;
// at a block's start the block joins the one above (edits.go, mergeBack).
func (m *bodyModel) backspace() {
	switch {
	case m.hasSel():
		m.erase()
	case m.off > 0:
		b := m.cur()
		b.text = slices.Delete(b.text, m.off-1, m.off)
		m.off--
		m.anchor = -1
	case m.blk == 0:
		if m.cur().kind != editor.Paragraph {
			m.cur().kind = editor.Paragraph
			m.focus(0, 0)
		}
		m.anchor = -1
	default:
		i, cur, prev := m.blk, m.blocks[m.blk], m.blocks[m.blk-1]
		if len(prev.text) == 0 {
			m.replace(i-1, 2, []mBlock{cur})
			m.focus(i-1, 0)
			return
		}
		n := len(prev.text)
		m.replace(i-1, 2, []mBlock{{prev.kind, append(slices.Clone(prev.text), cur.text...)}})
		m.focus(i-1, n)
	}
}

// del: the selection or the rune after the caret; at a block's end the next
// block joins it (mergeNext: an empty block takes the next one's kind).
func (m *bodyModel) del() {
	switch {
	case m.hasSel():
		m.erase()
	case m.off < len(m.cur().text):
		b := m.cur()
		b.text = slices.Delete(b.text, m.off, m.off+1)
		m.anchor = -1
	case m.blk < m.last():
		i, cur, next := m.blk, m.blocks[m.blk], m.blocks[m.blk+1]
		if len(cur.text) == 0 {
			m.replace(i, 2, []mBlock{next})
			m.focus(i, 0)
			return
		}
		n := len(cur.text)
		m.replace(i, 2, []mBlock{{cur.kind, append(slices.Clone(cur.text), next.text...)}})
		m.focus(i, n)
	default:
		m.anchor = -1
	}
}

// side is Left/Right: with a selection the caret goes to its start (end);
// at a block's edge to the next block.
func (m *bodyModel) side(dir int) {
	if m.hasSel() {
		lo, hi := m.selRange()
		m.off = lo
		if dir > 0 {
			m.off = hi
		}
		m.anchor = -1
		return
	}
	m.anchor = -1
	switch {
	case dir < 0 && m.off == 0 && m.blk > 0:
		m.focus(m.blk-1, len(m.blocks[m.blk-1].text))
	case dir > 0 && m.off == len(m.cur().text) && m.blk < m.last():
		m.focus(m.blk+1, 0)
	default:
		m.off = clamp(m.off+dir, 0, len(m.cur().text))
	}
}

// shiftSide extends the entry's selection by a rune (never past the block).
func (m *bodyModel) shiftSide(dir int) {
	if m.anchor < 0 {
		m.anchor = m.off
	}
	m.off = clamp(m.off+dir, 0, len(m.cur().text))
	if m.off == m.anchor {
		m.anchor = -1
	}
}

// selectBlocks is Editor.selectBlocks.
func (m *bodyModel) selectBlocks(a, e int) {
	m.bsel, m.bAnc, m.bEnd = true, clamp(a, 0, m.last()), clamp(e, 0, m.last())
}

func (m *bodyModel) bBounds() (int, int) { return min(m.bAnc, m.bEnd), max(m.bAnc, m.bEnd) }

// selectAll is Ctrl+A in an entry: the block's text the first time, every
// block the second.
func (m *bodyModel) selectAll() {
	if m.armed {
		m.armed = false
		m.selectBlocks(0, m.last())
		return
	}
	m.armed = true
	if n := len(m.cur().text); n > 0 {
		m.anchor, m.off = 0, n
	}
}

// setKind is Ctrl+1/2/Q: on the selected blocks, or the caret's block,
// where the kind it already has turns a subhead or quote back into a
// paragraph. The caret stays; the entry's text selection does not survive
// (the caret is placed again: Editor.placeCaret).
func (m *bodyModel) setKind(k editor.BlockKind) {
	if m.bsel {
		lo, hi := m.bBounds()
		for j := lo; j <= hi; j++ {
			m.blocks[j].kind = k
		}
		m.selectBlocks(lo, hi)
		return
	}
	if k != editor.Paragraph && m.cur().kind == k {
		k = editor.Paragraph
	}
	m.cur().kind = k
	m.anchor = -1
}

// parsePasted is how the editor reads pasted text with line breaks:
// CommonMark blocks, hard-wrapped lines joined except in quotes.
func parsePasted(text string) []mBlock {
	var out []mBlock
	for _, b := range editor.ParseBody(text) {
		if b.Kind != editor.Quote {
			b.Text = strings.ReplaceAll(b.Text, "\n", " ")
		}
		out = append(out, mBlock{kindIndex(b.Kind), []rune(b.Text)})
	}
	return out
}

// paste in an entry: one line goes in at the caret; text with line breaks
// becomes blocks, the copy left and right of the caret joining the first
// and last of them unless the text starts (ends) with a line break.
func (m *bodyModel) paste(text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if text == "" {
		return // an empty clipboard pastes nothing
	}
	if !strings.Contains(text, "\n") {
		m.insert([]rune(text))
		return
	}
	parsed := parsePasted(text)
	if len(parsed) == 0 {
		return
	}
	m.erase()
	i, cur := m.blk, *m.cur()
	left, right := slices.Clone(cur.text[:m.off]), slices.Clone(cur.text[m.off:])
	trimmed := strings.Trim(text, " \t")
	var out []mBlock
	if len(left) > 0 && strings.HasPrefix(trimmed, "\n") {
		out = append(out, mBlock{cur.kind, left})
		left = nil
	}
	first := len(out)
	out = append(out, parsed...)
	if len(left) > 0 {
		out[first] = mBlock{cur.kind, append(left, out[first].text...)}
	}
	last := len(out) - 1
	end := len(out[last].text)
	if len(right) > 0 && strings.HasSuffix(trimmed, "\n") {
		out = append(out, mBlock{cur.kind, right})
	} else {
		out[last].text = append(out[last].text, right...)
	}
	m.replace(i, 1, out)
	m.focus(i+last, end)
}

func (m *bodyModel) selectedBlocksText() string {
	lo, hi := m.bBounds()
	return editor.FormatBody(m.Blocks()[lo : hi+1])
}

// deleteBlocks replaces the selected blocks with a paragraph of text (none
// for "") and puts the caret at its end.
func (m *bodyModel) deleteBlocks(text string) {
	lo, hi := m.bBounds()
	var nb []mBlock
	if text != "" {
		nb = []mBlock{{editor.Paragraph, []rune(text)}}
	}
	m.replace(lo, hi-lo+1, nb)
	m.focus(lo, len([]rune(text)))
}

// pasteOverBlocks replaces the selected blocks with the pasted blocks.
func (m *bodyModel) pasteOverBlocks(text string) {
	if text == "" {
		return // an empty clipboard pastes nothing
	}
	lo, hi := m.bBounds()
	nb := parsePasted(text)
	last, end := lo+max(len(nb), 1)-1, 0
	if len(nb) > 0 {
		end = len(nb[len(nb)-1].text)
	}
	m.replace(lo, hi-lo+1, nb)
	m.focus(last, end)
}
