package blockedit

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// blockSelection is a run of whole blocks picked with Shift+Up/Down at a
// block's edge, Shift+click on the handles, or Ctrl+A twice. An entry's own
// selection cannot reach past its block, so copying several paragraphs goes
// through this. While it is active the keyboard is with selectionKeys.
type blockSelection struct {
	active         bool
	anchor, end    int
	keys           *selectionKeys
	selectAllArmed bool // the last key was Ctrl+A inside an entry
}

func (s *blockSelection) bounds() (int, int) {
	return min(s.anchor, s.end), max(s.anchor, s.end)
}

func (s *blockSelection) contains(i int) bool {
	lo, hi := s.bounds()
	return s.active && i >= lo && i <= hi
}

// clear ends the selection and takes the highlight off its rows.
func (s *blockSelection) clear(e *Editor) {
	if !s.active {
		return
	}
	s.active = false
	for _, r := range e.view.rows {
		r.setSelected(false)
	}
}

// selectBlocks selects blocks anchor..end and gives the keyboard to the
// selection.
func (e *Editor) selectBlocks(anchor, end int) {
	n := len(e.blocks)
	anchor, end = clamp(anchor, 0, n-1), clamp(end, 0, n-1)
	e.sel.active, e.sel.anchor, e.sel.end = true, anchor, end
	for _, r := range e.view.rows {
		r.setSelected(e.sel.contains(e.indexOf(r.id)))
	}
	e.view.revealBlock(end)
	for _, r := range e.view.rows {
		r.setSelected(e.sel.contains(e.indexOf(r.id)))
	}
	if c := e.canvas(); c != nil && c.Focused() != fyne.Focusable(e.sel.keys) {
		c.Focus(e.sel.keys)
	}
}

// SelectBlocks selects the whole blocks from..to (indices into Blocks).
func (e *Editor) SelectBlocks(from, to int) { e.selectBlocks(from, to) }

// SelectAll selects every block.
func (e *Editor) SelectAll() { e.selectBlocks(0, len(e.blocks)-1) }

// SelectedBlocks returns the indices of the selected blocks (ok false when
// no whole blocks are selected).
func (e *Editor) SelectedBlocks() (from, to int, ok bool) {
	lo, hi := e.sel.bounds()
	return lo, hi, e.sel.active
}

// SelectedText returns the selection: the Markdown of the selected blocks,
// or else the text selected inside the block with the caret.
func (e *Editor) SelectedText() string {
	if e.sel.active {
		lo, hi := e.sel.bounds()
		return editor.FormatBody(e.Blocks()[lo : hi+1])
	}
	if r := e.view.rows[e.focusID]; r != nil {
		return r.entry.SelectedText()
	}
	return ""
}

// handlePressed is a click on block id's handle.
func (e *Editor) handlePressed(id uint64, extend bool) {
	i := e.indexOf(id)
	if i < 0 {
		return
	}
	switch {
	case extend && e.sel.active:
		e.selectBlocks(e.sel.anchor, i)
	case extend:
		c, _ := e.Caret()
		e.selectBlocks(c, i)
	default:
		e.selectBlocks(i, i)
	}
}

// deleteSelection removes the selected blocks, or, with text, puts it in
// their place as one paragraph (typing over a selection).
func (e *Editor) deleteSelection(text string) {
	lo, hi := e.sel.bounds()
	var nb []editor.Block
	if text != "" {
		nb = []editor.Block{{Kind: editor.Paragraph, Text: text}}
	}
	c, off := e.Caret()
	e.sel.clear(e)
	e.replace(lo, hi-lo+1, nb, caret{c, off}, caret{lo, utf8.RuneCountInString(text)})
	e.FocusBlock(lo, utf8.RuneCountInString(text))
}

// selectionKeys has the keyboard while whole blocks are selected. It lies
// under the column, as big as the editor: the GLFW driver takes the focus
// away on a click unless the focused widget is under the pointer, and a
// click on a handle must keep it. It draws nothing and takes no clicks, and
// it is enabled only during a selection, so that Tab never lands on it.
type selectionKeys struct {
	widget.BaseWidget
	ed    *Editor
	shift bool
}

var (
	_ fyne.Focusable    = (*selectionKeys)(nil)
	_ fyne.Shortcutable = (*selectionKeys)(nil)
	_ desktop.Keyable   = (*selectionKeys)(nil)
	_ fyne.Disableable  = (*selectionKeys)(nil)
)

func newSelectionKeys(e *Editor) *selectionKeys {
	k := &selectionKeys{ed: e}
	k.ExtendBaseWidget(k)
	return k
}

func (k *selectionKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

func (k *selectionKeys) Disabled() bool { return !k.ed.sel.active }
func (k *selectionKeys) Enable()        {}
func (k *selectionKeys) Disable()       {}

func (k *selectionKeys) FocusGained() {}

// SelectedText is the selection the keys act on: the window quotes it in
// a new comment (Ctrl+Alt+M with several paragraphs selected).
func (k *selectionKeys) SelectedText() string { return k.ed.SelectedText() }

// FocusLost ends the selection: the keyboard went elsewhere, and a
// highlight that keys no longer act on would mislead.
func (k *selectionKeys) FocusLost() {
	k.shift = false
	if f := k.ed.OnFocusLeft; f != nil {
		f(k.ed.SelectedText())
	}
	k.ed.sel.clear(k.ed)
}

func (k *selectionKeys) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = true
	}
}

func (k *selectionKeys) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = false
	}
}

func (k *selectionKeys) TypedRune(r rune) {
	e := k.ed
	if !e.sel.active || e.readOnly {
		return
	}
	e.deleteSelection(string(r))
}

func (k *selectionKeys) TypedKey(ev *fyne.KeyEvent) {
	e := k.ed
	if !e.sel.active {
		return
	}
	lo, hi := e.sel.bounds()
	switch ev.Name {
	case fyne.KeyUp:
		if k.shift {
			e.selectBlocks(e.sel.anchor, e.sel.end-1)
			return
		}
		e.FocusBlock(lo, 0)
	case fyne.KeyDown:
		if k.shift {
			e.selectBlocks(e.sel.anchor, e.sel.end+1)
			return
		}
		e.FocusBlock(hi, utf8.RuneCountInString(e.blocks[hi].Text))
	case fyne.KeyLeft, fyne.KeyHome, fyne.KeyPageUp:
		e.FocusBlock(lo, 0)
	case fyne.KeyRight, fyne.KeyEnd, fyne.KeyPageDown:
		e.FocusBlock(hi, utf8.RuneCountInString(e.blocks[hi].Text))
	case fyne.KeyEscape:
		e.FocusBlock(e.sel.end, 0)
	case fyne.KeyBackspace, fyne.KeyDelete:
		if !e.readOnly {
			e.deleteSelection("")
		}
	default:
		if e.OnKey != nil && passedOn(ev.Name) {
			e.OnKey(ev)
		}
	}
}

func (k *selectionKeys) TypedShortcut(s fyne.Shortcut) {
	e := k.ed
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if sc.Clipboard != nil {
			sc.Clipboard.SetContent(e.SelectedText())
		}
		return
	case *fyne.ShortcutCut:
		if sc.Clipboard != nil {
			sc.Clipboard.SetContent(e.SelectedText())
		}
		if !e.readOnly {
			e.deleteSelection("")
		}
		return
	case *fyne.ShortcutPaste:
		// An empty clipboard pastes nothing, as in an entry (it used to
		// delete the selected blocks).
		if e.readOnly || sc.Clipboard == nil || sc.Clipboard.Content() == "" {
			return
		}
		e.pasteOverSelection(sc.Clipboard.Content())
		return
	case *fyne.ShortcutSelectAll:
		e.SelectAll()
		return
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		e.undoFromSelection(s)
		return
	case *desktop.CustomShortcut:
		if sc.Modifier == fyne.KeyModifierShortcutDefault {
			switch sc.KeyName {
			case fyne.Key1:
				e.SetKind(editor.Paragraph)
				return
			case fyne.Key2:
				e.SetKind(editor.Subhead)
				return
			case fyne.KeyQ:
				e.SetKind(editor.Quote)
				return
			}
		}
	}
	if e.OnShortcut != nil {
		e.OnShortcut(s)
	}
}

// undoFromSelection is Ctrl+Z or Ctrl+Y over selected blocks: the
// selection ends and the undo places the caret, which takes the keyboard
// back to an entry. With nothing to undo (redo), or on a read-only body,
// the selection stays: ended without a caret placed, it left the keyboard
// with this widget, now disabled, and every key after went nowhere (found
// by FuzzEditorModel).
func (e *Editor) undoFromSelection(s fyne.Shortcut) {
	_, undo := s.(*fyne.ShortcutUndo)
	if e.readOnly || undo && !e.CanUndo() || !undo && !e.CanRedo() {
		return
	}
	e.sel.clear(e)
	if undo {
		e.Undo()
	} else {
		e.Redo()
	}
}

// pasteOverSelection replaces the selected blocks with pasted text.
func (e *Editor) pasteOverSelection(text string) {
	lo, hi := e.sel.bounds()
	nb := editor.ParseBody(text)
	for j := range nb {
		if nb[j].Kind != editor.Quote {
			nb[j].Text = joinLines(nb[j].Text)
		}
	}
	c, off := e.Caret()
	last := lo + max(len(nb), 1) - 1
	end := 0
	if len(nb) > 0 {
		end = utf8.RuneCountInString(nb[len(nb)-1].Text)
	}
	e.sel.clear(e)
	e.replace(lo, hi-lo+1, nb, caret{c, off}, caret{last, end})
	e.FocusBlock(last, end)
}
