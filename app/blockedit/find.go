package blockedit

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"copydesk/editor"
)

// FindOptions say how Find compares text.
type FindOptions struct {
	MatchCase bool // off: "fsb" finds "FSB"
	WholeWord bool // on: "war" finds "war" and "war-time", not "warm" or "postwar"
}

// Match is one occurrence of a query: block index, rune offsets [Start, End)
// in the block's text, and the text matched (so a stale match is refused).
type Match struct {
	Block      int
	Start, End int
	Text       string
}

type findState struct {
	cur Match
	has bool // cur is the match FindNext/FindPrev showed last
}

// clearCurrent takes the highlight off the current match: an edit moved
// things and the next search starts from the caret.
func (f *findState) clearCurrent(e *Editor) {
	if !f.has {
		return
	}
	f.has = false
	for _, r := range e.view.rows {
		r.setFound(nil)
	}
}

// Find returns every match of query in the body, in order.
func (e *Editor) Find(query string, opts FindOptions) []Match {
	q := []rune(query)
	if len(q) == 0 {
		return nil
	}
	var out []Match
	for i := range e.blocks {
		out = appendMatches(out, i, []rune(e.blocks[i].Text), q, opts)
	}
	return out
}

func appendMatches(out []Match, block int, text, q []rune, opts FindOptions) []Match {
	for s := 0; s+len(q) <= len(text); {
		if matchAt(text, q, s, opts) {
			out = append(out, Match{Block: block, Start: s, End: s + len(q), Text: string(text[s : s+len(q)])})
			s += len(q)
			continue
		}
		s++
	}
	return out
}

func matchAt(text, q []rune, s int, opts FindOptions) bool {
	for j, r := range q {
		t := text[s+j]
		if t != r && (opts.MatchCase || !foldEqual(t, r)) {
			return false
		}
	}
	if opts.WholeWord {
		if s > 0 && isWordRune(text[s-1]) && isWordRune(q[0]) {
			return false
		}
		end := s + len(q)
		if end < len(text) && isWordRune(text[end]) && isWordRune(q[len(q)-1]) {
			return false
		}
	}
	return true
}

// foldEqual compares runes under Unicode simple case folding.
func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

// FindNext shows the next match after the current one (or after the caret),
// wrapping round at the end of the body. It highlights the match and
// scrolls to it without taking the keyboard from a find bar.
func (e *Editor) FindNext(query string, opts FindOptions) (Match, bool) {
	all := e.Find(query, opts)
	if len(all) == 0 {
		e.find.clearCurrent(e)
		return Match{}, false
	}
	b, off := e.searchOrigin(true)
	for _, m := range all {
		if m.Block > b || (m.Block == b && m.Start >= off) {
			e.showMatch(m)
			return m, true
		}
	}
	e.showMatch(all[0])
	return all[0], true
}

// FindFirst shows the first match at or after the start of the current
// match (or the caret), wrapping round: what a find bar shows while the
// query is typed, so that a growing query keeps its match in view. With
// no match it takes the highlight away.
func (e *Editor) FindFirst(query string, opts FindOptions) (Match, bool) {
	all := e.Find(query, opts)
	if len(all) == 0 {
		e.find.clearCurrent(e)
		return Match{}, false
	}
	b, off := e.Caret()
	if e.find.has {
		b, off = e.find.cur.Block, e.find.cur.Start
	}
	for _, m := range all {
		if m.Block > b || (m.Block == b && m.Start >= off) {
			e.showMatch(m)
			return m, true
		}
	}
	e.showMatch(all[0])
	return all[0], true
}

// FindPrev shows the match before the current one (or before the caret).
func (e *Editor) FindPrev(query string, opts FindOptions) (Match, bool) {
	all := e.Find(query, opts)
	if len(all) == 0 {
		e.find.clearCurrent(e)
		return Match{}, false
	}
	b, off := e.searchOrigin(false)
	for j := len(all) - 1; j >= 0; j-- {
		m := all[j]
		if m.Block < b || (m.Block == b && m.End <= off) {
			e.showMatch(m)
			return m, true
		}
	}
	m := all[len(all)-1]
	e.showMatch(m)
	return m, true
}

func (e *Editor) searchOrigin(forward bool) (int, int) {
	if e.find.has {
		if forward {
			return e.find.cur.Block, e.find.cur.End
		}
		return e.find.cur.Block, e.find.cur.Start
	}
	return e.Caret()
}

// showMatch highlights m and scrolls it into view.
func (e *Editor) showMatch(m Match) {
	e.find.clearCurrent(e)
	e.find.cur, e.find.has = m, true
	r := e.view.revealBlock(m.Block)
	r.setFound(&m)
	if e.view.width > 0 {
		pos, _ := r.entryFrame(r.Size())
		border := r.entry.Theme().Size(theme.SizeNameInputBorder)
		y0 := e.view.tops[m.Block] + pos.Y + caretPos(&r.entry.Entry, m.Start, border).Y
		y1 := e.view.tops[m.Block] + pos.Y + caretPos(&r.entry.Entry, m.End, border).Y + e.view.m.lineH[r.kind]
		e.view.reveal(y0-e.view.m.innerPad, y1+e.view.m.innerPad)
	}
}

// SelectMatch gives the keyboard to m's block with the match selected, as
// the find bar closes on it.
func (e *Editor) SelectMatch(m Match) bool {
	if !e.valid(m) {
		return false
	}
	e.FocusBlock(m.Block, m.Start)
	r := e.view.rows[e.blocks[m.Block].id]
	if r == nil {
		return false
	}
	// Entry has no API to set a selection; shift plus one arrow step makes
	// one from the caret, as a person would.
	en := &r.entry.Entry
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	en.KeyDown(shift)
	if m.End-m.Start > 1 {
		en.CursorRow, en.CursorColumn = rowCol(en, m.End-1)
	}
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	en.KeyUp(shift)
	return true
}

func (e *Editor) valid(m Match) bool {
	if m.Block < 0 || m.Block >= len(e.blocks) || m.Start < 0 || m.End < m.Start {
		return false
	}
	t := []rune(e.blocks[m.Block].Text)
	return m.End <= len(t) && string(t[m.Start:m.End]) == m.Text
}

// Replace puts with in place of m, as one undoable step. It refuses (false)
// a match that no longer fits the text. The next FindNext continues after
// the replacement.
func (e *Editor) Replace(m Match, with string) bool {
	if e.readOnly || !e.valid(m) {
		return false
	}
	t := []rune(e.blocks[m.Block].Text)
	text := string(t[:m.Start]) + with + string(t[m.End:])
	end := m.Start + utf8.RuneCountInString(with)
	e.replace(m.Block, 1, []editor.Block{{Kind: e.blocks[m.Block].Kind, Text: text}},
		caret{m.Block, m.Start}, caret{m.Block, end})
	e.find.cur, e.find.has = Match{Block: m.Block, Start: m.Start, End: end, Text: with}, true
	return true
}

// ReplaceAll replaces every match of query in the body as one undoable
// step and returns how many it replaced.
func (e *Editor) ReplaceAll(query, with string, opts FindOptions) int {
	if e.readOnly {
		return 0
	}
	all := e.Find(query, opts)
	if len(all) == 0 {
		return 0
	}
	first, last := all[0].Block, all[len(all)-1].Block
	nb := make([]editor.Block, 0, last-first+1)
	k := 0
	for i := first; i <= last; i++ {
		t := []rune(e.blocks[i].Text)
		var out []rune
		prev := 0
		for ; k < len(all) && all[k].Block == i; k++ {
			out = append(out, t[prev:all[k].Start]...)
			out = append(out, []rune(with)...)
			prev = all[k].End
		}
		out = append(out, t[prev:]...)
		nb = append(nb, editor.Block{Kind: e.blocks[i].Kind, Text: string(out)})
	}
	c, off := e.Caret()
	e.replace(first, last-first+1, nb, caret{c, off}, caret{c, off})
	return len(all)
}

// setFound draws the highlight of match m on the row (nil: none).
func (r *blockRow) setFound(m *Match) {
	if m == nil {
		if r.foundRange == nil {
			return
		}
		r.foundRange = nil
	} else {
		r.foundRange = &[2]int{m.Start, m.End}
	}
	r.Refresh()
}

// layoutFound lays the highlight rectangles over the matched text, one per
// visual row it spans.
func (r *blockRow) layoutFound(entryPos fyne.Position) {
	if r.foundRange == nil || r.entry.Size().Width == 0 {
		r.found = r.found[:0]
		return
	}
	m := r.ed.view.m
	en := &r.entry.Entry
	border := r.entry.Theme().Size(theme.SizeNameInputBorder)
	lineH := m.lineH[r.kind]
	p1 := caretPos(en, r.foundRange[0], border)
	p2 := caretPos(en, r.foundRange[1], border)
	left, right := m.innerPad, r.entry.Size().Width-m.innerPad
	var rects [][4]float32 // x0, y, x1
	for y := p1.Y; y <= p2.Y+0.5; y += lineH {
		x0, x1 := left, right
		if y == p1.Y {
			x0 = p1.X
		}
		if y+lineH > p2.Y+0.5 {
			x1 = p2.X
		}
		rects = append(rects, [4]float32{x0, y, x1})
	}
	for len(r.found) < len(rects) {
		r.found = append(r.found, canvas.NewRectangle(findColor(r.Theme(), fyne.CurrentApp().Settings().ThemeVariant())))
	}
	r.found = r.found[:len(rects)]
	for j, q := range rects {
		r.found[j].Move(entryPos.AddXY(q[0], q[1]))
		r.found[j].Resize(fyne.NewSize(q[2]-q[0], lineH))
	}
}
