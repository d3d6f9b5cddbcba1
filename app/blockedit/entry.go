package blockedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// blockEntry is the entry of one block. It is a wrapped multi-line
// widget.Entry whose keys and shortcuts go to the editor first: the editor
// needs Enter, Backspace, the arrows, undo and paste to act across blocks,
// and must pass on the shortcuts it does not use (a plain Entry drops them).
type blockEntry struct {
	widget.Entry
	row    *blockRow
	shift  bool // Entry keeps its own shift state private
	parked bool // the caret is at rest: not blinking (caret.go)
}

var (
	_ fyne.Focusable         = (*blockEntry)(nil)
	_ fyne.Shortcutable      = (*blockEntry)(nil)
	_ desktop.Keyable        = (*blockEntry)(nil)
	_ fyne.Tabbable          = (*blockEntry)(nil)
	_ fyne.SecondaryTappable = (*blockEntry)(nil)
	_ desktop.Mouseable      = (*blockEntry)(nil)
)

func newBlockEntry(r *blockRow) *blockEntry {
	e := &blockEntry{row: r}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.OnChanged = func(text string) {
		if !r.ed.muted {
			r.ed.textEdited(r, text)
		}
	}
	e.ExtendBaseWidget(e)
	return e
}

// Disabled is true while the row shows no block (it is spare or detached):
// such rows stay in the column's objects, out of sight (scope.go), and the
// focus chain skips disabled widgets. The entry itself still draws as
// enabled: Entry asks its own Disabled.
func (e *blockEntry) Disabled() bool { return e.row.id == 0 || e.Entry.Disabled() }

// AcceptsTab is false: copy has no tab characters, so Tab moves the focus on.
func (e *blockEntry) AcceptsTab() bool { return false }

func (e *blockEntry) KeyDown(ev *fyne.KeyEvent) {
	e.row.ed.input(e)
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

func (e *blockEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

func (e *blockEntry) TypedRune(r rune) {
	ed := e.row.ed
	ed.input(e)
	if ed.readOnly {
		return
	}
	ed.sel.selectAllArmed = false
	e.Entry.TypedRune(r)
}

func (e *blockEntry) TypedKey(ev *fyne.KeyEvent) {
	ed := e.row.ed
	ed.input(e)
	// The GLFW driver sends the modifier keys here too: Ctrl pressed again
	// for the second Ctrl+A must leave it armed.
	if !isModifier(ev.Name) {
		ed.sel.selectAllArmed = false
	}
	if ed.entryKey(e, ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *blockEntry) TypedShortcut(s fyne.Shortcut) {
	e.row.ed.input(e)
	if e.row.ed.entryShortcut(e, s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

func (e *blockEntry) FocusGained() {
	e.parked = false
	e.Entry.FocusGained()
	e.row.ed.input(e)
	e.row.ed.entryFocused(e.row)
	e.row.focusChanged(true)
}

func (e *blockEntry) FocusLost() {
	e.row.ed.focusLeft(e)
	if f := e.row.ed.OnFocusLeft; f != nil {
		f(e.SelectedText())
	}
	e.shift = false
	e.Entry.FocusLost()
	e.row.focusChanged(false)
}

// MouseDown wakes a caret at rest before Entry places it: a click in
// the entry that already has the keyboard brings no FocusGained.
func (e *blockEntry) MouseDown(ev *desktop.MouseEvent) {
	e.row.ed.input(e)
	e.Entry.MouseDown(ev)
}

// TappedSecondary shows the editor's own context menu: Entry's menu would
// offer the entry's undo, which knows nothing of splits and merges.
func (e *blockEntry) TappedSecondary(ev *fyne.PointEvent) {
	e.row.ed.contextMenu(e, ev)
}

// offset is the caret's rune offset in the block.
func (e *blockEntry) offset() int { return e.CursorTextOffset() }

// isModifier reports whether k is a modifier key on its own.
func isModifier(k fyne.KeyName) bool {
	switch k {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight, desktop.KeyControlLeft, desktop.KeyControlRight,
		desktop.KeyAltLeft, desktop.KeyAltRight, desktop.KeySuperLeft, desktop.KeySuperRight:
		return true
	}
	return false
}
