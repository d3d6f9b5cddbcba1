package blockedit

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"copydesk/app/i18n"
	"copydesk/editor"
)

// entryKey handles the keys that act across blocks. It returns false to let
// the entry handle the key itself.
func (e *Editor) entryKey(en *blockEntry, ev *fyne.KeyEvent) bool {
	i := e.indexOf(en.row.id)
	if i < 0 {
		return true
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyTab:
		return e.editKey(en, ev.Name, i)
	case fyne.KeyUp, fyne.KeyDown:
		return e.verticalKey(en, ev.Name, i)
	case fyne.KeyLeft, fyne.KeyRight:
		return e.sideKey(en, ev.Name, i)
	case fyne.KeyPageUp:
		e.page(en, i, -1)
		return true
	case fyne.KeyPageDown:
		e.page(en, i, 1)
		return true
	default:
		if e.OnKey != nil && passedOn(ev.Name) {
			return e.OnKey(ev)
		}
	}
	return false
}

// editKey handles the keys that split, merge or indent blocks (none on a
// read-only body): Return splits (Shift+Return in a quote breaks the
// line), Backspace at the start merges with the block above, Delete at
// the end with the one below.
func (e *Editor) editKey(en *blockEntry, k fyne.KeyName, i int) bool {
	if e.readOnly {
		return true
	}
	text := e.blocks[i].Text
	switch k {
	case fyne.KeyReturn, fyne.KeyEnter:
		if en.shift && e.blocks[i].Kind == editor.Quote {
			return false // a line break inside the quote
		}
		e.split(en, i)
		return true
	case fyne.KeyBackspace:
		if en.SelectedText() == "" && en.offset() == 0 {
			e.mergeBack(i)
			return true
		}
	case fyne.KeyDelete:
		if en.SelectedText() == "" && en.offset() == utf8.RuneCountInString(text) {
			e.mergeNext(i)
			return true
		}
	}
	return false
}

// verticalKey carries Up from a block's first line and Down from its last
// to the block above or below (with Shift, selects blocks).
func (e *Editor) verticalKey(en *blockEntry, k fyne.KeyName, i int) bool {
	if k == fyne.KeyUp {
		if en.CursorRow == 0 {
			if en.shift {
				e.selectBlocks(i, max(i-1, 0))
				return true
			}
			if i > 0 {
				e.moveVertically(en, i, i-1)
				return true
			}
		}
		return false
	}
	if en.CursorRow >= visualRows(&en.Entry)-1 {
		if en.shift {
			e.selectBlocks(i, min(i+1, len(e.blocks)-1))
			return true
		}
		if i < len(e.blocks)-1 {
			e.moveVertically(en, i, i+1)
			return true
		}
	}
	return false
}

// sideKey carries Left from a block's start to the end of the one above
// and Right from its end to the start of the one below.
func (e *Editor) sideKey(en *blockEntry, k fyne.KeyName, i int) bool {
	if en.shift || en.SelectedText() != "" {
		return false
	}
	if k == fyne.KeyLeft {
		if en.offset() == 0 && i > 0 {
			e.FocusBlock(i-1, utf8.RuneCountInString(e.blocks[i-1].Text))
			return true
		}
		return false
	}
	if en.offset() == utf8.RuneCountInString(e.blocks[i].Text) && i < len(e.blocks)-1 {
		e.FocusBlock(i+1, 0)
		return true
	}
	return false
}

// passedOn reports whether a key is one the editor has no use for and hands
// to OnKey. The driver sends every key to TypedKey, letters and modifiers
// too (their text comes separately, to TypedRune), so this is a list.
func passedOn(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyEscape, fyne.KeyInsert, fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}

// moveVertically carries the caret from block i to block j (one above or
// below) keeping it over the same spot on the page.
func (e *Editor) moveVertically(en *blockEntry, i, j int) {
	m := e.view.m
	x := en.CursorPosition().X + m.indent[e.blocks[i].Kind]
	r := e.view.revealBlock(j)
	text := []rune(e.blocks[j].Text)
	row := 0
	if j < i {
		row = visualRows(&r.entry.Entry) - 1
	}
	col := colForX(&r.entry.Entry, row, x-m.indent[e.blocks[j].Kind], text)
	e.FocusBlock(j, rowStart(&r.entry.Entry, row)+col)
}

// page moves the viewport and the caret by a screenful.
func (e *Editor) page(en *blockEntry, i, dir int) {
	v := &e.view
	if v.width == 0 {
		return
	}
	v.ensureTops()
	pos, _ := en.row.entryFrame(en.row.Size())
	caretY := v.tops[i] + pos.Y + en.CursorPosition().Y
	jump := v.scroll.Size().Height - v.m.lineH[editor.Paragraph]*2
	target := caretY + float32(dir)*jump
	v.scroll.Offset = fyne.NewPos(0, max(0, v.scroll.Offset.Y+float32(dir)*jump))
	v.sync()
	if target < 0 {
		e.FocusBlock(0, 0)
		return
	}
	if target >= v.total-v.m.innerPad*4 {
		last := len(e.blocks) - 1
		e.FocusBlock(last, utf8.RuneCountInString(e.blocks[last].Text))
		return
	}
	j := v.blockAt(target)
	r := v.revealBlock(j)
	jp, _ := r.entryFrame(r.Size())
	row := int((target - v.tops[j] - jp.Y - v.m.innerPad) / v.m.lineH[e.blocks[j].Kind])
	row = clamp(row, 0, visualRows(&r.entry.Entry)-1)
	col := colForX(&r.entry.Entry, row, en.CursorPosition().X, []rune(e.blocks[j].Text))
	e.FocusBlock(j, rowStart(&r.entry.Entry, row)+col)
}

// entryShortcut handles the shortcuts that act on the body as a whole and
// hands on those the editor does not use. It returns false to let the entry
// handle the shortcut itself (copy, cut, word moves …).
func (e *Editor) entryShortcut(en *blockEntry, s fyne.Shortcut) bool {
	armed := e.sel.selectAllArmed
	e.sel.selectAllArmed = false
	i := e.indexOf(en.row.id)
	if i < 0 {
		return true
	}
	switch sc := s.(type) {
	case *fyne.ShortcutUndo:
		e.Undo()
		return true
	case *fyne.ShortcutRedo:
		e.Redo()
		return true
	case *fyne.ShortcutPaste:
		if e.readOnly || sc.Clipboard == nil {
			return true
		}
		if sc.Clipboard.Content() == "" {
			// Nothing to paste, so nothing changes, as in other editors.
			// Entry (Fyne 2.8.1) would erase a selection from what it
			// draws but not from its Text, and report no change: the body
			// kept what the window no longer showed (FuzzEditorModel).
			return true
		}
		if e.paste(en, i, sc.Clipboard.Content()) {
			return true
		}
		e.undo.seal()
		en.Entry.TypedShortcut(s)
		e.undo.seal()
		return true
	case *fyne.ShortcutCut:
		if e.readOnly {
			en.Entry.TypedShortcut(&fyne.ShortcutCopy{Clipboard: sc.Clipboard})
			return true
		}
		e.undo.seal()
		en.Entry.TypedShortcut(s)
		e.undo.seal()
		return true
	case *fyne.ShortcutCopy:
		return false
	case *fyne.ShortcutSelectAll:
		if armed {
			e.SelectAll()
			return true
		}
		e.sel.selectAllArmed = true
		return false
	case *desktop.CustomShortcut:
		if e.customShortcut(en, i, sc) {
			return true
		}
	}
	if e.OnShortcut != nil && e.OnShortcut(s) {
		return true
	}
	return false
}

func (e *Editor) customShortcut(en *blockEntry, i int, sc *desktop.CustomShortcut) bool {
	mod := fyne.KeyModifierShortcutDefault
	switch sc.Modifier {
	case mod:
		switch sc.KeyName {
		case fyne.Key1:
			e.SetKind(editor.Paragraph)
			return true
		case fyne.Key2:
			e.SetKind(editor.Subhead)
			return true
		case fyne.KeyQ:
			e.SetKind(editor.Quote)
			return true
		case fyne.KeyPeriod:
			return e.SpellMenuAtCaret()
		case fyne.KeyHome:
			e.FocusBlock(0, 0)
			return true
		case fyne.KeyEnd:
			last := len(e.blocks) - 1
			e.FocusBlock(last, utf8.RuneCountInString(e.blocks[last].Text))
			return true
		case fyne.KeyBackspace, fyne.KeyDelete:
			return e.readOnly // the entry deletes the word
		}
	case mod | fyne.KeyModifierShift:
		if sc.KeyName == fyne.KeyZ {
			e.Redo()
			return true
		}
	}
	return false
}

// ApplyShortcut does what the shortcut would do if typed in the editor: on
// the selected blocks, or else in the block with the caret. A window whose
// Edit menu carries Ctrl+C, Ctrl+V … gets those keys before any widget (the
// menu is checked first), so its menu items call this.
func (e *Editor) ApplyShortcut(s fyne.Shortcut) {
	if e.sel.active {
		e.sel.keys.TypedShortcut(s)
		return
	}
	i, off := e.Caret()
	r := e.view.rows[e.blocks[i].id]
	if r == nil {
		e.FocusBlock(i, off)
		r = e.view.rows[e.blocks[i].id]
	}
	r.entry.TypedShortcut(s)
}

// entryFocused notes which block has the keyboard.
func (e *Editor) entryFocused(r *blockRow) {
	e.focusID = r.id
	if e.sel.active {
		e.sel.clear(e)
	}
}

// contextMenu is the right-click menu of a block: the entry's menu with the
// editor's undo instead of the entry's own.
func (e *Editor) contextMenu(en *blockEntry, ev *fyne.PointEvent) {
	c := e.canvas()
	if c == nil {
		return
	}
	if c.Focused() != fyne.Focusable(en) {
		c.Focus(en)
	}
	cb := fyne.CurrentApp().Clipboard()
	do := func(s fyne.Shortcut) func() { return func() { en.TypedShortcut(s) } }
	items := e.spellMenuItems(en, ev)
	if !e.readOnly {
		undo := fyne.NewMenuItem(i18n.T("Undo"), e.Undo)
		undo.Disabled = !e.CanUndo()
		redo := fyne.NewMenuItem(i18n.T("Redo"), e.Redo)
		redo.Disabled = !e.CanRedo()
		items = append(items, undo, redo, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(i18n.T("Cut"), do(&fyne.ShortcutCut{Clipboard: cb})))
	}
	items = append(items, fyne.NewMenuItem(i18n.T("Copy"), do(&fyne.ShortcutCopy{Clipboard: cb})))
	if !e.readOnly {
		items = append(items, fyne.NewMenuItem(i18n.T("Paste"), do(&fyne.ShortcutPaste{Clipboard: cb})))
	}
	items = append(items, fyne.NewMenuItem(i18n.T("Select all"), do(&fyne.ShortcutSelectAll{})))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(en).Add(ev.Position)
	e.showMenu(items, c, pos)
}
