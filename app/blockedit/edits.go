package blockedit

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"copydesk/editor"
)

// replace swaps blocks [at, at+n) for nb as one undoable step and puts the
// caret at after.
func (e *Editor) replace(at, n int, nb []editor.Block, before, after caret) {
	if len(nb) == 0 && n == len(e.blocks) {
		nb = []editor.Block{{Kind: editor.Paragraph}} // a body always has a block to type in
	}
	old := make([]editor.Block, n)
	for j := range old {
		old[j] = e.blocks[at+j].Block
	}
	e.undo.push(&step{at: at, old: old, new: append([]editor.Block(nil), nb...), before: before, after: after})
	e.splice(at, n, nb)
	e.placeCaret(after)
	e.changed()
}

// splice swaps blocks [at, at+n) for nb without touching the undo history.
// The leading blocks keep their identity (and so their rows and, for the
// focused one, the keyboard); only what changed in them is redrawn.
func (e *Editor) splice(at, n int, nb []editor.Block) {
	e.sel.clear(e)
	keep := min(n, len(nb))
	for j := 0; j < keep; j++ {
		e.updateBlock(at+j, nb[j])
	}
	switch {
	case n > keep:
		gone := e.blocks[at+keep : at+n]
		for j := range gone {
			e.count(&gone[j], -1)
			if r := e.view.rows[gone[j].id]; r != nil {
				delete(e.view.rows, gone[j].id)
				e.view.release(r)
			}
		}
		e.blocks = append(e.blocks[:at+keep], e.blocks[at+n:]...)
	case len(nb) > keep:
		add := make([]block, 0, len(nb)-keep)
		for _, b := range nb[keep:] {
			nbk := e.newBlock(b)
			e.count(&nbk, 1)
			if e.view.m != nil && e.view.width > 0 {
				nbk.height = e.view.estimate(&nbk)
			}
			add = append(add, nbk)
		}
		tail := append(add, e.blocks[at+n:]...)
		e.blocks = append(e.blocks[:at+keep], tail...)
	}
	e.view.topsDirty = true
	e.view.refreshPlaceholders()
	e.view.sync()
}

// updateBlock gives block i new text and kind, keeping its identity.
func (e *Editor) updateBlock(i int, nb editor.Block) {
	b := &e.blocks[i]
	nb.Kind = kindIndex(nb.Kind)
	if b.Block == nb {
		return
	}
	kindChanged := b.Kind != nb.Kind
	e.count(b, -1)
	b.Block = nb
	b.words, b.chars = blockCounts(nb)
	e.count(b, 1)
	b.measured = false
	if e.view.m != nil && e.view.width > 0 {
		b.height = e.view.estimate(b)
	}
	r := e.view.rows[b.id]
	if r != nil && kindChanged && r.group != groupOf(nb.Kind) {
		// Its entry is scoped to the other group's theme: the block gets a
		// row of its new group with the next sync (and the keyboard with
		// the caret the edit places).
		delete(e.view.rows, b.id)
		e.view.release(r)
		r = nil
	}
	if r != nil {
		if kindChanged {
			r.setKind(nb.Kind)
		}
		r.setText(nb.Text)
		r.measuredW = 0
	}
}

// placeCaret puts the caret at c. The editor takes the keyboard only if it
// had it: an undo from a menu or a replace from the find bar leaves the
// focus where it is.
func (e *Editor) placeCaret(c caret) {
	if len(e.blocks) == 0 {
		return
	}
	c.block = clamp(c.block, 0, len(e.blocks)-1)
	if e.hasFocus() {
		e.FocusBlock(c.block, c.off)
		return
	}
	e.focusID = e.blocks[c.block].id
	if r := e.view.rows[e.focusID]; r != nil {
		setCaret(&r.entry.Entry, clamp(c.off, 0, utf8.RuneCountInString(e.blocks[c.block].Text)))
	}
}

// FocusBlock gives the keyboard to block i with the caret at rune offset
// off (both clamped to the body), scrolling it into view.
func (e *Editor) FocusBlock(i, off int) {
	if len(e.blocks) == 0 {
		return
	}
	i = clamp(i, 0, len(e.blocks)-1)
	off = clamp(off, 0, utf8.RuneCountInString(e.blocks[i].Text))
	e.sel.clear(e)
	e.focusID = e.blocks[i].id
	r := e.view.revealBlock(i)
	if c := e.canvas(); c != nil && c.Focused() != fyne.Focusable(r.entry) {
		c.Focus(r.entry)
	}
	setCaret(&r.entry.Entry, off)
	e.revealCaret(r)
}

// FocusCaret gives the keyboard back to the editor where the caret was
// (after the find bar closes, say).
func (e *Editor) FocusCaret() {
	e.FocusBlock(e.Caret())
}

// Caret returns the block that has (or last had) the caret and the caret's
// rune offset in it.
func (e *Editor) Caret() (block, offset int) {
	i := e.indexOf(e.focusID)
	if i < 0 {
		return 0, 0
	}
	if r := e.view.rows[e.focusID]; r != nil {
		return i, r.entry.offset()
	}
	return i, 0
}

// revealCaret scrolls the caret's line into view.
func (e *Editor) revealCaret(r *blockRow) {
	i := e.indexOf(r.id)
	if i < 0 || e.view.width == 0 {
		return
	}
	e.view.ensureTops()
	pos, _ := r.entryFrame(r.Size())
	y := e.view.tops[i] + pos.Y + r.entry.CursorPosition().Y
	e.view.reveal(y-e.view.m.innerPad, y+e.view.m.lineH[r.kind]+e.view.m.innerPad*2)
}

// textEdited records a change typed into block r's entry.
func (e *Editor) textEdited(r *blockRow, text string) {
	i := e.indexOf(r.id)
	if i < 0 || e.blocks[i].Text == text {
		return
	}
	e.undo.recordTyping(i, e.blocks[i].Kind, e.blocks[i].Text, text)
	e.setText(i, text)
	e.view.remeasure(i)
	e.revealCaret(r)
	e.changed()
	e.spellTyped(r)
}

// Undo takes back the last edit: a word typed, a split, a merge, a paste, a
// replace-all.
func (e *Editor) Undo() {
	if e.readOnly {
		return
	}
	s := e.undo.undo()
	if s == nil {
		return
	}
	e.splice(s.at, len(s.new), s.old)
	e.placeCaret(s.before)
	e.changed()
}

// Redo does again what Undo took back.
func (e *Editor) Redo() {
	if e.readOnly {
		return
	}
	s := e.undo.redo()
	if s == nil {
		return
	}
	e.splice(s.at, len(s.old), s.new)
	e.placeCaret(s.after)
	e.changed()
}

// CanUndo and CanRedo tell the window whether to enable its menu items.
func (e *Editor) CanUndo() bool { return e.undo.n > 0 }

// CanRedo reports whether there is an undone edit to redo.
func (e *Editor) CanRedo() bool { return e.undo.n < len(e.undo.steps) }

// split breaks block i at the caret: what a writer expects of Enter.
// Enter at the end starts a paragraph (not another subhead or quote); Enter
// at the start pushes the block down under an empty paragraph; Enter in an
// empty subhead or quote turns it into a paragraph.
func (e *Editor) split(en *blockEntry, i int) {
	before := e.eraseSelection(en, i)
	b := e.blocks[i]
	off := en.offset()
	text := []rune(b.Text)
	if len(text) == 0 && b.Kind != editor.Paragraph {
		e.replaceFolded(before, i, 1, []editor.Block{{Kind: editor.Paragraph}}, caret{i, 0}, caret{i, 0})
		return
	}
	// The new block starts at its first word: a space left over from where
	// the caret was would only show as an indent.
	left, right := string(text[:off]), strings.TrimLeft(string(text[off:]), " \t")
	lk, rk := b.Kind, b.Kind
	if right == "" {
		rk = editor.Paragraph
	}
	if left == "" && right != "" {
		lk = editor.Paragraph
	}
	e.replaceFolded(before, i, 1, []editor.Block{{Kind: lk, Text: left}, {Kind: rk, Text: right}},
		caret{i, off}, caret{i + 1, 0})
}

// mergeBack is Backspace at the start of block i: the block joins the one
// above (which keeps its kind). An empty block above is simply removed; at
// the top of the body a subhead or quote becomes a paragraph.
func (e *Editor) mergeBack(i int) {
	cur := e.blocks[i].Block
	if i == 0 {
		if cur.Kind != editor.Paragraph {
			e.replace(0, 1, []editor.Block{{Kind: editor.Paragraph, Text: cur.Text}}, caret{0, 0}, caret{0, 0})
		}
		return
	}
	prev := e.blocks[i-1].Block
	if prev.Text == "" {
		e.replace(i-1, 2, []editor.Block{cur}, caret{i, 0}, caret{i - 1, 0})
		return
	}
	n := utf8.RuneCountInString(prev.Text)
	e.replace(i-1, 2, []editor.Block{{Kind: prev.Kind, Text: prev.Text + cur.Text}}, caret{i, 0}, caret{i - 1, n})
}

// mergeNext is Delete at the end of block i: the next block joins it.
func (e *Editor) mergeNext(i int) {
	if i >= len(e.blocks)-1 {
		return
	}
	cur, next := e.blocks[i].Block, e.blocks[i+1].Block
	if cur.Text == "" {
		e.replace(i, 2, []editor.Block{next}, caret{i, 0}, caret{i, 0})
		return
	}
	n := utf8.RuneCountInString(cur.Text)
	e.replace(i, 2, []editor.Block{{Kind: cur.Kind, Text: cur.Text + next.Text}}, caret{i, n}, caret{i, n})
}

// SetKind sets the kind of the selected blocks, or of the block with the
// caret (Ctrl+1 paragraph, Ctrl+2 subhead, Ctrl+Q quote). Setting a subhead
// or quote to its own kind turns it back into a paragraph.
func (e *Editor) SetKind(k editor.BlockKind) {
	if e.readOnly {
		return
	}
	k = kindIndex(k)
	lo, hi := e.sel.bounds()
	blockSel := e.sel.active
	if !blockSel {
		lo, _ = e.Caret()
		hi = lo
	}
	if k != editor.Paragraph && !blockSel && e.blocks[lo].Kind == k {
		k = editor.Paragraph
	}
	nb := make([]editor.Block, 0, hi-lo+1)
	for j := lo; j <= hi; j++ {
		nb = append(nb, editor.Block{Kind: k, Text: e.blocks[j].Text})
	}
	i, off := e.Caret()
	e.replace(lo, hi-lo+1, nb, caret{i, off}, caret{i, off})
	if blockSel {
		e.selectBlocks(lo, hi)
	}
}

// eraseSelection deletes the entry's selected text, if any, and returns
// block i as it was before, so that the edit that needed the erase can fold
// it into its own undo step.
func (e *Editor) eraseSelection(en *blockEntry, i int) editor.Block {
	before := e.blocks[i].Block
	if en.SelectedText() == "" {
		return before
	}
	depth := e.undo.n
	en.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.undo.n > depth {
		e.undo.pop()
	}
	return before
}

// replaceFolded is replace for an edit of block i whose text selection was
// erased first: the undo step restores the block as it was before the erase.
func (e *Editor) replaceFolded(before editor.Block, i, n int, nb []editor.Block, bc, ac caret) {
	e.replace(i, n, nb, bc, ac)
	e.undo.steps[e.undo.n-1].old[0] = before
}

// paste inserts clipboard text at the caret of block i. Text with line
// breaks is read as CommonMark, so paragraphs (blank-line separated) become
// blocks and Markdown copied from the editor comes back as it was; lines
// hard-wrapped inside a paragraph or subhead are joined with spaces, as in
// wire copy. It reports false for one-line text, which the entry pastes.
func (e *Editor) paste(en *blockEntry, i int, text string) bool {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.Contains(text, "\n") {
		return false
	}
	parsed := editor.ParseBody(text)
	if len(parsed) == 0 {
		return true
	}
	before := e.eraseSelection(en, i)
	for j := range parsed {
		if parsed[j].Kind != editor.Quote {
			parsed[j].Text = joinLines(parsed[j].Text)
		}
	}
	cur := e.blocks[i].Block
	off := en.offset()
	runes := []rune(cur.Text)
	left, right := string(runes[:off]), string(runes[off:])
	// Text that starts (ends) with a line break starts (ends) a paragraph:
	// the copy before (after) the caret then stays a block of its own
	// instead of joining the first (last) pasted block.
	trimmed := strings.Trim(text, " \t")
	var out []editor.Block
	if left != "" && strings.HasPrefix(trimmed, "\n") {
		out = append(out, editor.Block{Kind: cur.Kind, Text: left})
		left = ""
	}
	first := len(out)
	out = append(out, parsed...)
	if left != "" {
		out[first] = editor.Block{Kind: cur.Kind, Text: left + out[first].Text}
	}
	last := len(out) - 1
	end := utf8.RuneCountInString(out[last].Text)
	if right != "" && strings.HasSuffix(trimmed, "\n") {
		out = append(out, editor.Block{Kind: cur.Kind, Text: right})
	} else {
		out[last].Text += right
	}
	e.replaceFolded(before, i, 1, out, caret{i, off}, caret{i + last, end})
	return true
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// joinLines joins the lines of hard-wrapped copy with spaces.
func joinLines(s string) string { return strings.ReplaceAll(s, "\n", " ") }
