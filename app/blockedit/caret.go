package blockedit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry exposes its cursor as a visual (wrapped) row and column, and the
// rune offset of the cursor, but not the row layout itself. The helpers here
// read the layout through that API: setting CursorRow to r with column 0
// and reading CursorTextOffset gives the offset where row r starts, and 0
// for a row past the last. They put the cursor back before returning.

// rowStart returns the rune offset at which visual row r starts, or -1 if
// the entry has no row r.
func rowStart(en *widget.Entry, r int) int {
	if r == 0 {
		return 0
	}
	sr, sc := en.CursorRow, en.CursorColumn
	en.CursorRow, en.CursorColumn = r, 0
	off := en.CursorTextOffset()
	en.CursorRow, en.CursorColumn = sr, sc
	if off <= 0 {
		return -1
	}
	return off
}

// visualRows counts the entry's rows as wrapped at its current width.
func visualRows(en *widget.Entry) int {
	n := 1
	for rowStart(en, n) > 0 {
		n++
	}
	return n
}

// rowCol converts a rune offset into the entry's visual row and column. An
// offset at a wrap point belongs to the row that starts there, as in Entry.
func rowCol(en *widget.Entry, off int) (int, int) {
	row, start := 0, 0
	for r := 1; ; r++ {
		s := rowStart(en, r)
		if s < 0 || s > off {
			break
		}
		row, start = r, s
	}
	return row, off - start
}

// rowLen is the number of runes on visual row r, without a hard line break
// that ends it.
func rowLen(en *widget.Entry, r int, text []rune) int {
	start := rowStart(en, r)
	if start < 0 {
		return 0
	}
	end := rowStart(en, r+1)
	if end < 0 {
		return len(text) - start
	}
	if end > 0 && end <= len(text) && text[end-1] == '\n' {
		end--
	}
	return end - start
}

// caretX is the x position of the cursor at row, col, in entry coordinates.
func caretX(en *widget.Entry, row, col int) float32 {
	sr, sc := en.CursorRow, en.CursorColumn
	en.CursorRow, en.CursorColumn = row, col
	p := en.CursorPosition()
	en.CursorRow, en.CursorColumn = sr, sc
	return p.X
}

// caretPos is the top-left of the cursor at a rune offset, in entry
// coordinates (the entry's text sits one input border below its top).
func caretPos(en *widget.Entry, off int, border float32) fyne.Position {
	row, col := rowCol(en, off)
	sr, sc := en.CursorRow, en.CursorColumn
	en.CursorRow, en.CursorColumn = row, col
	p := en.CursorPosition()
	en.CursorRow, en.CursorColumn = sr, sc
	return p.AddXY(0, border)
}

// colForX finds the column on row whose caret x is nearest to x: moving up
// or down keeps the caret over the same spot, not the same character count.
func colForX(en *widget.Entry, row int, x float32, text []rune) int {
	lo, hi := 0, rowLen(en, row, text)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if caretX(en, row, mid) <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo < rowLen(en, row, text) {
		a, b := caretX(en, row, lo), caretX(en, row, lo+1)
		if x-a > b-x {
			lo++
		}
	}
	return lo
}

// setCaret moves the entry's cursor to a rune offset, with no text
// selected, and redraws it.
func setCaret(en *widget.Entry, off int) {
	dropSelection(en)
	en.CursorRow, en.CursorColumn = rowCol(en, off)
	en.Refresh()
}

// dropSelection ends the entry's text selection. Entry (Fyne 2.8.1) has no
// API for that and keeps its selection when the cursor is moved from
// outside: a selection made earlier in a block came back, stretched from its
// old anchor to wherever the caret was put, the next time the block had the
// keyboard (Ctrl+A, Down, Up: the next letter typed replaced most of the
// paragraph; Find's SelectMatch started its selection at the old anchor),
// and a row reused for another block carried it along. Found by
// FuzzEditorModel. Left without Shift ends a selection, as it would for a
// person; Shift is released first, since with it down Left extends the
// selection instead. It is done even when no text shows as selected: an
// entry whose text was replaced under its selection (SetText truncates
// both ends to the same spot) still counts itself as selecting, and the
// next caret move would open the selection again.
func dropSelection(en *widget.Entry) {
	en.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
}

// The caret stops blinking after CaretRest without input, as desktop
// toolkits do: Entry's blink is an animation that redraws the window
// several times a second for as long as the caret is shown (measured: 14%
// of a core idle on a software renderer). At rest the entry is told it
// lost the focus — Entry's only way to stop its animation, which also
// hides its caret — and the row draws a steady caret of its own in its
// place, until the next key or click in that entry wakes it. The canvas
// keeps the entry focused throughout, so keys still come to it.
//
// CaretRest is that delay; 0 keeps the caret blinking (the test suites set
// it: Fyne's test driver runs fyne.Do at once on the timer's goroutine,
// where the rest would race with the test's own goroutine).
var CaretRest = 10 * time.Second

// caretRest is the editor's side of that.
type caretRest struct {
	// after runs f on the UI goroutine after d and returns a cancel
	// function; nil means restTimer after CaretRest (tests put in their own).
	after  func(d time.Duration, f func()) (cancel func())
	cancel func()
}

func (c *caretRest) schedule(f func()) {
	if c.cancel != nil {
		c.cancel()
	}
	after := c.after
	if after == nil {
		if CaretRest <= 0 {
			return
		}
		after = restTimer
	}
	c.cancel = after(CaretRest, f)
}

// restTimer runs f on the UI goroutine after d.
func restTimer(d time.Duration, f func()) (cancel func()) {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

func (c *caretRest) stop() {
	if c.cancel != nil {
		c.cancel()
		c.cancel = nil
	}
}

// input is called on each key or click that reaches entry e: it wakes a
// caret at rest and starts the wait for rest again.
func (ed *Editor) input(e *blockEntry) {
	if e.parked {
		e.parked = false
		e.Entry.FocusGained() // Entry's own: the caret shows and blinks again
		e.row.Refresh()
	}
	ed.rest.schedule(func() { ed.park(e) })
	ed.spellInput()
}

// park stops e's blink if it still has the keyboard.
func (ed *Editor) park(e *blockEntry) {
	ed.rest.cancel = nil
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if e.parked || c == nil || c.Focused() != e {
		return
	}
	e.parked = true
	e.Entry.FocusLost() // Entry's own, not the editor's: only the blink stops
	e.row.Refresh()
}

// focusLeft is called when e loses the keyboard for real.
func (ed *Editor) focusLeft(e *blockEntry) {
	ed.rest.stop()
	if e.parked {
		e.parked = false
		e.row.Refresh()
	}
}

// layoutRestMark places the steady caret of a row whose entry is at rest.
func (r *blockRow) layoutRestMark(entryPos fyne.Position) {
	if !r.entry.parked || r.entry.Size().Width == 0 {
		r.restMark.Hide()
		return
	}
	en := &r.entry.Entry
	th := r.entry.Theme()
	border := th.Size(theme.SizeNameInputBorder)
	p := caretPos(en, en.CursorTextOffset(), border)
	r.restMark.FillColor = th.Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	r.restMark.Move(entryPos.Add(p).AddXY(-1, 0))
	r.restMark.Resize(fyne.NewSize(border, r.ed.view.m.lineH[r.kind]))
	r.restMark.Show()
}
