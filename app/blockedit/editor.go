package blockedit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
)

// Editor edits a story body as blocks. Create it with New; it is a
// fyne.Widget to put in a window. All methods must be called on the Fyne UI
// goroutine (use fyne.Do from other goroutines).
type Editor struct {
	widget.BaseWidget

	// OnChanged is called after every edit of the body (typing, a split, an
	// undo …), not after SetBody. The window debounces autosave on it.
	OnChanged func()

	// OnShortcut gets the shortcuts the editor does not use itself (Ctrl+S,
	// Ctrl+F …) while the editor has the keyboard. A focused entry swallows
	// shortcuts it does not know, and Canvas().AddShortcut never sees them,
	// so the window must hand them on from here. Return true if handled.
	OnShortcut func(fyne.Shortcut) bool

	// OnKey gets the keys the editor does not use (Escape, F1–F12 …) while
	// it has the keyboard. Return true if handled.
	OnKey func(*fyne.KeyEvent) bool

	// OnFocusLeft gets the text selected when the keyboard leaves the
	// editor (or moves within it): a menu opened with the mouse takes the
	// keyboard, and a selection over several blocks ends with it, so the
	// window keeps the words for Article › Comments….
	OnFocusLeft func(selected string)

	blocks   []block
	nextID   uint64
	words    int // totals over blocks, kept up to date edit by edit
	chars    int
	nonEmpty int

	readOnly    bool
	placeholder string
	muted       bool // set while the editor itself changes an entry's text

	undo undoStack
	sel  blockSelection
	find findState

	focusID uint64     // the block whose entry has (or last had) the keyboard
	rest    caretRest  // the caret stops blinking after a while without input
	spell   spellState // misspellings marked in the text (spellmarks.go)

	view view
}

// block is one body block with what the editor keeps about it.
type block struct {
	editor.Block
	id       uint64
	words    int
	chars    int
	height   float32 // slot height in the column: margin plus entry
	measured bool    // height measured from a laid-out entry, not estimated
}

// New returns an empty editor.
func New() *Editor {
	e := &Editor{placeholder: i18n.T("Body copy")}
	e.ExtendBaseWidget(e)
	e.sel.keys = newSelectionKeys(e)
	e.view.init(e)
	e.resetBlocks(nil)
	return e
}

// SetBody replaces the body with the CommonMark text md. It clears undo
// history and the selection, and does not call OnChanged.
func (e *Editor) SetBody(md string) {
	e.resetBlocks(editor.ParseBody(md))
	e.undo.clear()
	e.sel.clear(e)
	e.find = findState{}
	hadFocus := e.hasFocus()
	e.view.reset()
	if hadFocus {
		e.FocusBlock(0, 0)
	}
}

// Body returns the body as CommonMark (see editor.FormatBody).
func (e *Editor) Body() string {
	return editor.FormatBody(e.Blocks())
}

// Blocks returns a copy of the blocks as edited, including an empty block
// where the writer has just pressed Enter; Body drops those.
func (e *Editor) Blocks() []editor.Block {
	out := make([]editor.Block, len(e.blocks))
	for i, b := range e.blocks {
		out[i] = b.Block
	}
	return out
}

// Words is the body's word count, as editor.Article.Counts counts it. It is
// kept block by block, so asking for it on every keystroke costs nothing.
func (e *Editor) Words() int { return e.words }

// Chars is the body's character count as readers see it (editor.Article
// Counts: blocks separated by a blank line, block markers not counted).
func (e *Editor) Chars() int {
	if e.nonEmpty == 0 {
		return e.chars
	}
	return e.chars + 2*(e.nonEmpty-1)
}

// Counts are the figures for the status bar: words, characters and
// reading time, without recounting the body.
func (e *Editor) Counts() editor.Counts {
	return editor.Counts{Words: e.words, Chars: e.Chars(), ReadingTime: editor.ReadingTime(e.words)}
}

// SetReadOnly stops or allows editing. Read-only copy can still be
// selected, copied, searched and scrolled.
func (e *Editor) SetReadOnly(ro bool) {
	e.readOnly = ro
	e.view.refreshRows()
}

// ReadOnly reports whether editing is refused.
func (e *Editor) ReadOnly() bool { return e.readOnly }

// SetPlaceHolder sets the hint shown in an empty body.
func (e *Editor) SetPlaceHolder(text string) {
	e.placeholder = text
	e.view.refreshRows()
}

// CreateRenderer is part of fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(e.Theme().Color(theme.ColorNameBackground, fyne.CurrentApp().Settings().ThemeVariant()))
	return &editorRenderer{ed: e, bg: bg, objects: []fyne.CanvasObject{bg, e.sel.keys, e.view.scroll}}
}

// resetBlocks replaces all blocks without undo, keeping at least one (empty)
// block to type into.
func (e *Editor) resetBlocks(bs []editor.Block) {
	if len(bs) == 0 {
		bs = []editor.Block{{Kind: editor.Paragraph}}
	}
	e.blocks = e.blocks[:0]
	e.words, e.chars, e.nonEmpty = 0, 0, 0
	for _, b := range bs {
		e.blocks = append(e.blocks, e.newBlock(b))
	}
	for i := range e.blocks {
		e.count(&e.blocks[i], 1)
	}
	e.focusID = e.blocks[0].id
}

func (e *Editor) newBlock(b editor.Block) block {
	e.nextID++
	b.Kind = kindIndex(b.Kind)
	nb := block{Block: b, id: e.nextID}
	nb.words, nb.chars = blockCounts(b)
	return nb
}

// count adds (sign 1) or removes (sign -1) a block's share of the totals.
func (e *Editor) count(b *block, sign int) {
	e.words += sign * b.words
	e.chars += sign * b.chars
	if b.chars > 0 {
		e.nonEmpty += sign
	}
}

// setText changes a block's text in the model and the counts; the caller
// keeps the entry in step.
func (e *Editor) setText(i int, text string) {
	b := &e.blocks[i]
	e.count(b, -1)
	b.Text = text
	b.words, b.chars = blockCounts(b.Block)
	e.count(b, 1)
}

// blockCounts counts a block as editor.Article.Counts would count it inside
// a body: after the CommonMark round trip, which drops escapes and, in a
// subhead, runs of white space.
func blockCounts(b editor.Block) (words, chars int) {
	if strings.TrimSpace(b.Text) == "" {
		return 0, 0
	}
	for _, nb := range editor.ParseBody(editor.FormatBody([]editor.Block{b})) {
		words += editor.CountWords(nb.Text)
		chars += editor.CountChars(nb.Text)
	}
	return words, chars
}

// indexOf returns the index of the block with the given id, or -1.
func (e *Editor) indexOf(id uint64) int {
	for i := range e.blocks {
		if e.blocks[i].id == id {
			return i
		}
	}
	return -1
}

func (e *Editor) changed() {
	e.find.clearCurrent(e)
	if e.OnChanged != nil {
		e.OnChanged()
	}
}

// canvas returns the canvas the editor is shown on, or nil.
func (e *Editor) canvas() fyne.Canvas {
	app := fyne.CurrentApp()
	if app == nil || len(app.Driver().AllWindows()) == 0 {
		return nil // the test driver cannot look up a canvas without a window
	}
	return app.Driver().CanvasForObject(e)
}

// hasFocus reports whether one of the editor's entries or its selection
// handler has the keyboard.
func (e *Editor) hasFocus() bool {
	c := e.canvas()
	if c == nil {
		return false
	}
	switch f := c.Focused().(type) {
	case *blockEntry:
		return f.row.ed == e
	case *selectionKeys:
		return f.ed == e
	}
	return false
}

type editorRenderer struct {
	ed      *Editor
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *editorRenderer) Destroy() {}

func (r *editorRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.ed.view.scroll.Resize(size)
	r.ed.sel.keys.Resize(size)
	r.ed.view.sync()
}

func (r *editorRenderer) MinSize() fyne.Size {
	return fyne.NewSize(240, 120)
}

func (r *editorRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *editorRenderer) Refresh() {
	r.bg.FillColor = r.ed.Theme().Color(theme.ColorNameBackground, fyne.CurrentApp().Settings().ThemeVariant())
	r.bg.Refresh()
	r.ed.view.themeChanged()
}

// placeholderFor is the hint for block b: only an empty body shows one.
func (e *Editor) placeholderFor(b *block) string {
	if len(e.blocks) == 1 {
		return e.placeholder
	}
	return ""
}

// TextLeft is where the text of a plain paragraph starts, from the
// editor's left edge, when the editor is width wide: right of the band's
// gutter and the entry's inner padding and border. The band has a bounded
// measure and is centred in wide editors, so this moves with the width;
// the window lines the dateline above the body up with it. It follows
// view.setWidth, which places the band.
func (e *Editor) TextLeft(width float32) float32 {
	m := e.view.m
	if m == nil {
		m = newMetrics(e.Theme())
	}
	pad := m.innerPad * 2
	band := max(min(width-2*pad, m.gutter*2+m.measure), m.gutter*3)
	left := max((width-band)/2, 0)
	border := e.Theme().Size(theme.SizeNameInputBorder)
	return left + m.gutter + m.indent[editor.Paragraph] + m.innerPad + border
}
