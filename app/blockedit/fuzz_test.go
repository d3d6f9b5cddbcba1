package blockedit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

// fuzzOp is one key or shortcut of the body's key map.
type fuzzOp byte

const (
	opType fuzzOp = iota // a rune from fuzzRunes (the next byte picks it)
	opEnter
	opBackspace
	opDelete
	opLeft
	opRight
	opUp
	opDown
	opShiftLeft
	opShiftRight
	opShiftUp
	opShiftDown
	opHome
	opEnd
	opCtrlHome
	opCtrlEnd
	opPageUp
	opPageDown
	opSelectAll
	opUndo
	opRedo
	opPaste // the next byte picks the text from fuzzClips
	opCut
	opCopy
	opCtrl1
	opCtrl2
	opCtrlQ
	opCount
)

var opNames = [...]string{"type", "Enter", "Backspace", "Delete", "Left", "Right", "Up", "Down",
	"Shift+Left", "Shift+Right", "Shift+Up", "Shift+Down", "Home", "End", "Ctrl+Home", "Ctrl+End",
	"PageUp", "PageDown", "Ctrl+A", "Ctrl+Z", "Ctrl+Y", "paste", "Ctrl+X", "Ctrl+C", "Ctrl+1", "Ctrl+2", "Ctrl+Q"}

// fuzzRunes: Latin, Cyrillic, two-, three- and four-byte UTF-8, a space.
var fuzzRunes = []rune{'a', 'Z', ' ', 'Я', 'ж', 'é', '€', '中', '𝄞', '.', '"', '#', '>'}

// fuzzClips: what paste inserts ("" keeps the clipboard as cut or copy
// left it): one line, paragraphs, text that starts or ends with a line
// break, Markdown kinds, a hard-wrapped line.
var fuzzClips = []string{"", "word", "два слова", "first\n\nsecond", "\nafter a break", "before a break\n",
	"## Heading\n\nbody text", "> a quote\n\nplain", "line one\nline two", "\n\n", "x"}

// fuzzBodies: where a run starts (the first byte picks it).
var fuzzBodies = []string{"", "One paragraph.", "First paragraph here.\n\n## A subhead\n\n> A quote, short.\n\nLast one.",
	"Привет, мир.\n\nВторой абзац 𝄞.\n\n## Заголовок"}

// maxBlockRunes keeps every block to a few wrapped lines, so a run stays
// quick and its steps stay readable.
const maxBlockRunes = 300

// maxFuzzSteps bounds one run: long enough for any key to meet any state.
const maxFuzzSteps = 120

// FuzzEditorModel applies random key sequences to the editor (through the
// test driver, as the GLFW driver delivers them to whatever has the
// keyboard) and to bodyModel, and after each step compares the blocks, the
// caret, the selection and the clipboard. Undo and redo are checked by
// their own laws (undo then redo gives back the state, and undoing
// everything at the end gives back the body the run started from) rather
// than modelled: how typing folds into undo steps is a choice of the
// editor's (one step per word), not something a writer could tell apart.
func FuzzEditorModel(f *testing.F) {
	seq := func(ops ...fuzzOp) []byte {
		b := make([]byte, len(ops))
		for i, o := range ops {
			b[i] = byte(o)
		}
		return b
	}
	f.Add(byte(2), seq(opDown, opEnd, opEnter, opType, 3, opType, 4, opBackspace, opBackspace, opBackspace, opUndo, opRedo))
	f.Add(byte(2), seq(opSelectAll, opDown, opUp, opType, 0))                                  // a selection left behind
	f.Add(byte(2), seq(opSelectAll, opSelectAll, opPaste, 0))                                  // an empty clipboard over every block
	f.Add(byte(2), seq(opSelectAll, opSelectAll, opCut, opPaste, 0, opUndo, opUndo))           // every block cut and pasted back
	f.Add(byte(3), seq(opShiftRight, opShiftRight, opPaste, 3, opCtrl2, opShiftDown, opCtrlQ)) // kinds over a block selection
	f.Add(byte(0), seq(opType, 5, opEnter, opEnter, opCtrl2, opBackspace, opDelete, opPageDown, opPageUp, opCtrlEnd, opCtrlHome))
	f.Add(byte(1), seq(opEnd, opShiftLeft, opShiftLeft, opCopy, opHome, opPaste, 0, opRight, opShiftUp, opType, 8))
	f.Fuzz(func(t *testing.T, start byte, ops []byte) {
		runEditorModel(t, fuzzBodies[int(start)%len(fuzzBodies)], ops)
	})
}

// fuzzRun is one run: the editor in its window and the model.
type fuzzRun struct {
	t     *testing.T
	ed    *Editor
	w     fyne.Window
	m     *bodyModel
	clip  fyne.Clipboard
	start []editor.Block
	log   []string
}

func runEditorModel(t *testing.T, body string, ops []byte) {
	ed, w := newTestEditor(t, body)
	t.Cleanup(func() { forgetRenderers(t, w.Canvas().Content()) })
	ed.FocusBlock(0, 0)
	r := &fuzzRun{t: t, ed: ed, w: w, m: newBodyModel(ed.Blocks()), clip: fyne.CurrentApp().Clipboard(), start: ed.Blocks()}
	r.clip.SetContent("")
	r.compare("start")
	for i, steps := 0, 0; i < len(ops) && steps < maxFuzzSteps; i, steps = i+1, steps+1 {
		op := fuzzOp(ops[i] % byte(opCount))
		arg := 0
		if op == opType || op == opPaste {
			if i+1 < len(ops) {
				i++
				arg = int(ops[i])
			}
		}
		r.step(op, arg)
	}
	r.undoEverything()
}

// forgetRenderers drops the renderers of every widget under o from Fyne's
// global cache when the run ends. The test driver never cleans that cache,
// and the renderers hold their widgets, so a fuzzing process kept every
// editor of every run (gigabytes after a few minutes) and slowed to a few
// runs a second.
func forgetRenderers(t *testing.T, o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			forgetRenderers(t, c)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			forgetRenderers(t, c)
		}
	}
}

func (r *fuzzRun) fail(format string, args ...any) {
	r.t.Helper()
	r.t.Fatalf("after %s:\n%s\nbody at start: %q", strings.Join(r.log, ", "), fmt.Sprintf(format, args...), r.start)
}

// step applies op to a copy of the model first: a step that would make a
// block longer than maxBlockRunes is skipped on both sides.
func (r *fuzzRun) step(op fuzzOp, arg int) {
	name := opNames[op]
	switch op {
	case opType:
		name = fmt.Sprintf("type %q", fuzzRunes[arg%len(fuzzRunes)])
	case opPaste:
		name = fmt.Sprintf("paste %q", fuzzClips[arg%len(fuzzClips)])
	}
	if op == opPaste {
		if c := fuzzClips[arg%len(fuzzClips)]; c != "" {
			r.clip.SetContent(c)
			r.m.clip = c
		}
	}
	before := r.m.clone()
	next := r.m.clone()
	next.clipChecked = false
	adopt := r.applyModel(next, op, arg)
	for _, b := range next.blocks {
		if len(b.text) > maxBlockRunes {
			return
		}
	}
	r.log = append(r.log, name)
	r.applyEditor(op, arg)
	r.m = next
	if adopt != nil {
		adopt(before)
	}
	r.compare(name)
}

// applyModel does op to m. For steps whose outcome depends on the layout
// or on the undo history it returns a function that checks the editor's
// outcome against what the model can say and then adopts it.
func (r *fuzzRun) applyModel(m *bodyModel, op fuzzOp, arg int) func(before *bodyModel) {
	if m.bsel {
		return r.applyModelBlocks(m, op, arg)
	}
	armed := m.armed
	m.armed = false
	row, rows, start, length := r.caretRow()
	switch op {
	case opType:
		m.insert([]rune{fuzzRunes[arg%len(fuzzRunes)]})
	case opEnter:
		m.split()
	case opBackspace:
		m.backspace()
	case opDelete:
		m.del()
	case opLeft, opRight:
		m.side(map[fuzzOp]int{opLeft: -1, opRight: 1}[op])
	case opShiftLeft, opShiftRight:
		m.shiftSide(map[fuzzOp]int{opShiftLeft: -1, opShiftRight: 1}[op])
	case opUp:
		switch {
		case row > 0:
			return r.adoptCaret(m.blk, false)
		case m.blk > 0:
			return r.adoptCaret(m.blk-1, false)
		}
		m.focus(0, 0)
	case opDown:
		switch {
		case row < rows-1:
			return r.adoptCaret(m.blk, false)
		case m.blk < m.last():
			return r.adoptCaret(m.blk+1, false)
		}
		m.focus(m.blk, len(m.cur().text))
	case opShiftUp, opShiftDown:
		if op == opShiftUp && row == 0 {
			m.selectBlocks(m.blk, m.blk-1)
			return nil
		}
		if op == opShiftDown && row == rows-1 {
			m.selectBlocks(m.blk, m.blk+1)
			return nil
		}
		return r.adoptCaret(m.blk, true)
	case opHome:
		m.anchor, m.off = -1, start
	case opEnd:
		m.anchor, m.off = -1, start+length
	case opCtrlHome:
		m.focus(0, 0)
	case opCtrlEnd:
		m.focus(m.last(), len(m.blocks[m.last()].text))
	case opPageUp, opPageDown:
		return r.adoptPage(op == opPageDown)
	case opSelectAll:
		m.armed = armed
		m.selectAll()
	case opUndo, opRedo:
		return r.undoLaws(op == opUndo)
	case opPaste:
		m.paste(m.clip)
	case opCut:
		if m.hasSel() {
			m.clip, m.clipChecked = m.selectedText(), true
			m.erase()
		}
	case opCopy:
		if m.hasSel() {
			m.clip, m.clipChecked = m.selectedText(), true
		}
	case opCtrl1, opCtrl2, opCtrlQ:
		m.setKind(map[fuzzOp]editor.BlockKind{opCtrl1: editor.Paragraph, opCtrl2: editor.Subhead, opCtrlQ: editor.Quote}[op])
	}
	return nil
}

// applyModelBlocks is a key while whole blocks are selected (selectionKeys).
func (r *fuzzRun) applyModelBlocks(m *bodyModel, op fuzzOp, arg int) func(before *bodyModel) {
	lo, hi := m.bBounds()
	switch op {
	case opType:
		m.deleteBlocks(string(fuzzRunes[arg%len(fuzzRunes)]))
	case opBackspace, opDelete:
		m.deleteBlocks("")
	case opLeft, opHome, opPageUp, opShiftLeft:
		m.focus(lo, 0)
	case opRight, opEnd, opPageDown, opShiftRight:
		m.focus(hi, len(m.blocks[hi].text))
	case opUp:
		m.focus(lo, 0)
	case opDown:
		m.focus(hi, len(m.blocks[hi].text))
	case opShiftUp:
		m.selectBlocks(m.bAnc, m.bEnd-1)
	case opShiftDown:
		m.selectBlocks(m.bAnc, m.bEnd+1)
	case opSelectAll:
		m.selectBlocks(0, m.last())
	case opUndo, opRedo:
		return r.undoLaws(op == opUndo)
	case opPaste:
		m.pasteOverBlocks(m.clip)
	case opCut:
		m.clip, m.clipChecked = m.selectedBlocksText(), true
		m.deleteBlocks("")
	case opCopy:
		m.clip, m.clipChecked = m.selectedBlocksText(), true
	case opCtrl1, opCtrl2, opCtrlQ:
		m.setKind(map[fuzzOp]editor.BlockKind{opCtrl1: editor.Paragraph, opCtrl2: editor.Subhead, opCtrlQ: editor.Quote}[op])
	}
	// Enter, Ctrl+Home and Ctrl+End do nothing to a block selection.
	return nil
}

// applyEditor sends op to whatever has the keyboard.
func (r *fuzzRun) applyEditor(op fuzzOp, arg int) {
	t, w := r.t, r.w
	keys := map[fuzzOp]fyne.KeyName{opEnter: fyne.KeyReturn, opBackspace: fyne.KeyBackspace, opDelete: fyne.KeyDelete,
		opLeft: fyne.KeyLeft, opRight: fyne.KeyRight, opUp: fyne.KeyUp, opDown: fyne.KeyDown,
		opShiftLeft: fyne.KeyLeft, opShiftRight: fyne.KeyRight, opShiftUp: fyne.KeyUp, opShiftDown: fyne.KeyDown,
		opHome: fyne.KeyHome, opEnd: fyne.KeyEnd, opPageUp: fyne.KeyPageUp, opPageDown: fyne.KeyPageDown}
	shortcuts := map[fuzzOp]fyne.Shortcut{opCtrlHome: ctrl(fyne.KeyHome), opCtrlEnd: ctrl(fyne.KeyEnd),
		opSelectAll: &fyne.ShortcutSelectAll{}, opUndo: &fyne.ShortcutUndo{}, opRedo: &fyne.ShortcutRedo{},
		opPaste: &fyne.ShortcutPaste{Clipboard: r.clip}, opCut: &fyne.ShortcutCut{Clipboard: r.clip},
		opCopy: &fyne.ShortcutCopy{Clipboard: r.clip}, opCtrl1: ctrl(fyne.Key1), opCtrl2: ctrl(fyne.Key2), opCtrlQ: ctrl(fyne.KeyQ)}
	switch {
	case op == opType:
		typeText(t, w, string(fuzzRunes[arg%len(fuzzRunes)]))
	case keys[op] != "":
		press(t, w, keys[op], op >= opShiftLeft && op <= opShiftDown)
	default:
		shortcut(t, w, shortcuts[op])
	}
}

// caretRow is the caret's visual row in its entry, the entry's rows, and
// the start and length of the caret's row.
func (r *fuzzRun) caretRow() (row, rows, start, length int) {
	i, _ := r.ed.Caret()
	rw := r.ed.view.rows[r.ed.blocks[i].id]
	if rw == nil || r.ed.sel.active {
		return 0, 1, 0, 0
	}
	en := &rw.entry.Entry
	row = en.CursorRow
	return row, visualRows(en), rowStart(en, row), rowLen(en, row, []rune(en.Text))
}

// adoptCaret takes the editor's caret after a move whose offset depends on
// the layout, once it is in block want; with keepSel the entry's selection
// is extended (Shift), else it is gone.
func (r *fuzzRun) adoptCaret(want int, keepSel bool) func(*bodyModel) {
	return func(before *bodyModel) {
		i, off := r.ed.Caret()
		if i != want {
			r.fail("caret in block %d, want %d", i, want)
		}
		r.m.blk, r.m.off = i, off
		if !keepSel {
			r.m.anchor = -1
			return
		}
		if r.m.anchor < 0 {
			r.m.anchor = before.off
		}
		if r.m.anchor == off {
			r.m.anchor = -1
		}
	}
}

// adoptPage takes the caret after PageUp/PageDown: it moved by a screenful,
// so only its direction can be checked.
func (r *fuzzRun) adoptPage(down bool) func(*bodyModel) {
	return func(before *bodyModel) {
		i, off := r.ed.Caret()
		if down && (i < before.blk || i == before.blk && off < before.off) ||
			!down && (i > before.blk || i == before.blk && off > before.off) {
			r.fail("page down %v moved the caret from %d:%d to %d:%d", down, before.blk, before.off, i, off)
		}
		r.m.focus(i, off)
	}
}

// undoLaws checks an undo (redo) by its laws: with nothing to take back the
// body stays; else redo (undo) right after gives back the body before it,
// and undo (redo) again the body after it. The model then takes the
// editor's body and caret.
func (r *fuzzRun) undoLaws(undo bool) func(*bodyModel) {
	ed := r.ed
	can, pre := ed.CanUndo(), ed.Blocks()
	back, again := ed.Redo, ed.Undo
	if !undo {
		can = ed.CanRedo()
		back, again = ed.Undo, ed.Redo
	}
	return func(*bodyModel) {
		post := ed.Blocks()
		if !can && !slices.Equal(post, pre) {
			r.fail("nothing to undo/redo, yet the body went from %q to %q", pre, post)
		}
		if !can {
			return // the model stays as it was: nothing happened
		}
		back()
		if got := ed.Blocks(); !slices.Equal(got, pre) {
			r.fail("undo/redo and back: %q, want %q", got, pre)
		}
		again()
		if got := ed.Blocks(); !slices.Equal(got, post) {
			r.fail("undo/redo, back and again: %q, want %q", got, post)
		}
		r.m.setBlocks(post)
		r.m.blk, r.m.off = ed.Caret()
		r.m.anchor, r.m.bsel, r.m.armed = -1, false, false
	}
}

// undoEverything ends a run: undoing every step gives back the body it
// started with, and redoing as many the body it ended with (steps undone
// during the run and not redone stay undone).
func (r *fuzzRun) undoEverything() {
	ed, end := r.ed, r.ed.Blocks()
	n := 0
	for ; ed.CanUndo(); n++ {
		if n > maxUndo {
			r.fail("more than %d undo steps", maxUndo)
		}
		ed.Undo()
	}
	r.log = append(r.log, "undo everything")
	if got := ed.Blocks(); !slices.Equal(got, r.start) {
		r.fail("%q, want the body the run started with", got)
	}
	for range n {
		ed.Redo()
	}
	r.log = append(r.log, fmt.Sprintf("redo %d", n))
	if got := ed.Blocks(); !slices.Equal(got, end) {
		r.fail("%q, want the body the run ended with %q", got, end)
	}
}

// compare checks the editor against the model after the step called name.
func (r *fuzzRun) compare(name string) {
	r.t.Helper()
	ed, m := r.ed, r.m
	if got, want := ed.Blocks(), m.Blocks(); !slices.Equal(got, want) {
		r.fail("blocks %q, model %q", got, want)
	}
	if m.clipChecked {
		if got := r.clip.Content(); got != m.clip {
			r.fail("clipboard %q, model %q", got, m.clip)
		}
	}
	f := r.w.Canvas().Focused()
	if m.bsel {
		lo, hi, ok := ed.SelectedBlocks()
		mlo, mhi := m.bBounds()
		if !ok || lo != mlo || hi != mhi {
			r.fail("block selection %d..%d (%v), model %d..%d", lo, hi, ok, mlo, mhi)
		}
		if _, isKeys := f.(*selectionKeys); !isKeys {
			r.fail("a block selection, but %T has the keyboard", f)
		}
		return
	}
	if _, _, ok := ed.SelectedBlocks(); ok {
		r.fail("blocks selected, the model has none")
	}
	en, isEntry := f.(*blockEntry)
	if !isEntry {
		r.fail("%T has the keyboard, want block %d's entry", f, m.blk)
	}
	if en.row.id != ed.blocks[m.blk].id {
		r.fail("the entry of block %d has the keyboard, want block %d", ed.indexOf(en.row.id), m.blk)
	}
	if i, off := ed.Caret(); i != m.blk || off != m.off {
		r.fail("caret %d:%d, model %d:%d", i, off, m.blk, m.off)
	}
	if got, want := en.SelectedText(), m.selectedText(); got != want {
		r.fail("selected text %q, model %q", got, want)
	}
}
