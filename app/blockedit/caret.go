package blockedit

import (
	"fyne.io/fyne/v2"
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

// setCaret moves the entry's cursor to a rune offset and redraws it.
func setCaret(en *widget.Entry, off int) {
	en.CursorRow, en.CursorColumn = rowCol(en, off)
	en.Refresh()
}
