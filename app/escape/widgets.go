package escape

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is an entry of a dialog that closes the dialog on Escape: a
// focused entry takes every key, so without it Escape would do nothing
// while the caret is in the entry.
type Entry struct {
	widget.Entry
	canvas fyne.Canvas
}

// NewEntry makes an entry for a dialog shown on c.
func NewEntry(c fyne.Canvas) *Entry {
	e := &Entry{canvas: c}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Escape; every other key edits the text.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if !closeOn(e.canvas, k) {
		e.Entry.TypedKey(k)
	}
}
