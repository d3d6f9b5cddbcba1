package blockedit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// blockRow shows one block: a handle in the gutter (for selecting whole
// blocks), the quote rule, and the block's entry, drawn in the kind theme
// of its theme group (see scope.go). A row keeps its group for life; it
// shows any block of that group's kinds, and waits as a spare when no
// block needs it.
type blockRow struct {
	widget.BaseWidget

	ed       *Editor
	id       uint64 // the block shown; 0 while the row is spare or detached
	kind     editor.BlockKind
	group    int
	scopedIn *kindTheme // the kind theme the entry was scoped with
	spare    bool
	entry    *blockEntry
	handle   *blockHandle
	rule     *canvas.Rectangle // the bar left of a quote
	shade    *canvas.Rectangle // block-selection highlight
	found    []*canvas.Rectangle
	masks    [4]*canvas.Rectangle // hide the focus ring Entry draws in the primary colour
	restMark *canvas.Rectangle    // the steady caret while the entry's is at rest (caret.go)

	foundRange *[2]int // the current find match in this block, rune offsets

	// The misspelled words marked (spellmarks.go): the spans as laid out,
	// the text length they were for, their boxes and their wavy lines.
	spans     []SpellSpan
	spansLen  int
	markRects []markRect
	marks     []*canvas.Raster
	renderer  *rowRenderer

	measuredW float32 // band width at which lines was counted; 0: not yet
	lines     int
	selected  bool
}

// newBlockRow makes an empty row of kind k's theme group. Its entry has no
// theme scope yet: rows are made in batches by view.stock, which scopes
// them all at once.
func newBlockRow(ed *Editor, k editor.BlockKind) *blockRow {
	r := &blockRow{ed: ed, kind: k, group: groupOf(k)}
	r.entry = newBlockEntry(r)
	r.entry.TextStyle = ed.view.m.styles[k]
	r.handle = &blockHandle{row: r}
	r.handle.ExtendBaseWidget(r.handle)
	r.rule = canvas.NewRectangle(color.Transparent)
	r.shade = canvas.NewRectangle(color.Transparent)
	r.restMark = canvas.NewRectangle(color.Transparent)
	r.restMark.Hide()
	for i := range r.masks {
		r.masks[i] = canvas.NewRectangle(color.Transparent)
		r.masks[i].Hide()
	}
	r.ExtendBaseWidget(r)
	return r
}

// SetDeviceIsMobile does nothing: it marks the row as a theme-scope
// boundary. Fyne applies a container.ThemeOverride to everything inside it
// but stops at objects with this method (other overrides); without it, an
// override around the editor would put its own theme, and a new scope, on
// every entry (see scope.go). The row's own parts take the editor's theme.
func (r *blockRow) SetDeviceIsMobile(bool) {}

// reuse makes a spare row of b's theme group show block b.
func (r *blockRow) reuse(b *block) {
	r.spare = false
	r.id = b.id
	restyle := false
	if r.kind != b.Kind {
		r.kind = b.Kind
		r.entry.TextStyle = r.ed.view.m.styles[b.Kind]
		restyle = true
	}
	if ph := r.ed.placeholderFor(b); ph != r.entry.PlaceHolder {
		r.entry.PlaceHolder = ph
		restyle = true
	}
	dropSelection(&r.entry.Entry) // the block it showed before had it
	r.entry.CursorRow, r.entry.CursorColumn = 0, 0
	if !r.setText(b.Text) && restyle {
		r.entry.Refresh()
	}
	r.measuredW, r.lines = 0, 0
	r.foundRange = nil
	r.selected = false
	for _, m := range r.masks {
		m.Hide()
	}
	r.Refresh()
}

// setKind restyles the row for a block kind of the same theme group (a
// paragraph made a quote, say); a block that changes group gets another
// row (Editor.updateBlock).
func (r *blockRow) setKind(k editor.BlockKind) {
	if r.kind == k {
		return
	}
	r.kind = k
	r.measuredW = 0
	r.entry.TextStyle = r.ed.view.m.styles[k]
	r.entry.Refresh()
	r.Refresh()
}

// setText puts text into the entry without reporting it back as an edit.
// It reports whether the text changed (and the entry was refreshed).
func (r *blockRow) setText(text string) bool {
	if r.entry.Text == text {
		return false
	}
	r.ed.muted = true
	r.entry.SetText(text)
	r.ed.muted = false
	r.measuredW = 0
	if r.ed.spell.checker != nil {
		r.refreshMarks() // they are for the old text
	}
	return true
}

func (r *blockRow) setSelected(on bool) {
	if r.selected == on {
		return
	}
	r.selected = on
	r.Refresh()
}

func (r *blockRow) focusChanged(focused bool) {
	for _, m := range r.masks {
		if focused {
			m.Show()
		} else {
			m.Hide()
		}
	}
	canvas.Refresh(r)
}

func (r *blockRow) CreateRenderer() fyne.WidgetRenderer {
	rr := &rowRenderer{row: r}
	r.renderer = rr
	rr.Refresh()
	return rr
}

type rowRenderer struct {
	row     *blockRow
	objects []fyne.CanvasObject
}

func (rr *rowRenderer) Destroy() {}

// entryFrame is where the row puts its entry: right of the gutter (and the
// quote indent), below the kind's top margin.
func (r *blockRow) entryFrame(size fyne.Size) (fyne.Position, fyne.Size) {
	m := r.ed.view.m
	x := m.gutter + m.indent[r.kind]
	y := m.topMargin[r.kind]
	return fyne.NewPos(x, y), fyne.NewSize(size.Width-x, size.Height-y)
}

func (rr *rowRenderer) Layout(size fyne.Size) {
	r := rr.row
	m := r.ed.view.m
	pos, esz := r.entryFrame(size)
	r.entry.Move(pos)
	r.entry.Resize(esz)
	r.handle.Move(fyne.NewPos(0, pos.Y))
	r.handle.Resize(fyne.NewSize(m.gutter, esz.Height))
	r.shade.Move(fyne.NewPos(m.gutter/2, pos.Y))
	r.shade.Resize(fyne.NewSize(size.Width-m.gutter/2, esz.Height))
	if r.kind == editor.Quote {
		w := m.innerPad / 2
		r.rule.Move(fyne.NewPos(m.gutter+m.indent[editor.Quote]/2-w, pos.Y+m.innerPad/2))
		r.rule.Resize(fyne.NewSize(w, esz.Height-m.innerPad))
	}
	// Entry strokes its focus ring along its edges (half the stroke falls
	// outside them); the masks paint over that band in the page colour, well
	// clear of the text, which starts an inner padding in.
	const out, in = 3, 3
	x0, y0 := pos.X-out, pos.Y-out
	w, h := esz.Width+2*out, esz.Height+2*out
	r.masks[0].Move(fyne.NewPos(x0, y0))
	r.masks[0].Resize(fyne.NewSize(w, out+in))
	r.masks[1].Move(fyne.NewPos(x0, y0+h-out-in))
	r.masks[1].Resize(fyne.NewSize(w, out+in))
	r.masks[2].Move(fyne.NewPos(x0, y0))
	r.masks[2].Resize(fyne.NewSize(out+in, h))
	r.masks[3].Move(fyne.NewPos(x0+w-out-in, y0))
	r.masks[3].Resize(fyne.NewSize(out+in, h))
	r.layoutFound(pos)
	r.layoutRestMark(pos)
	if n := len(r.marks); r.layoutMarksChanged(pos, n) {
		rr.build()
	}
}

func (rr *rowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(rr.row.ed.view.m.gutter*2, rr.row.ed.view.m.lineH[rr.row.kind])
}

func (rr *rowRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *rowRenderer) Refresh() {
	r := rr.row
	th := r.ed.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	page := th.Color(theme.ColorNameBackground, v)
	for _, m := range r.masks {
		m.FillColor = page
	}
	r.shade.FillColor = color.Transparent
	if r.selected {
		r.shade.FillColor = th.Color(theme.ColorNameSelection, v)
	}
	r.rule.FillColor = th.Color(theme.ColorNameDisabled, v)
	r.rule.Hidden = r.kind != editor.Quote
	pos, _ := r.entryFrame(r.Size())
	r.layoutFound(pos)
	for _, f := range r.found {
		f.FillColor = findColor(th, v)
	}
	rr.build()
	rr.Layout(r.Size()) // lays the marks out, and lists the objects again if their number changed
	canvas.Refresh(r)
}

// build lists the row's objects, bottom to top.
func (rr *rowRenderer) build() {
	r := rr.row
	objs := rr.objects[:0]
	objs = append(objs, r.shade)
	for _, f := range r.found {
		objs = append(objs, f)
	}
	objs = append(objs, r.rule, r.entry)
	for _, m := range r.marks {
		objs = append(objs, m)
	}
	objs = append(objs, r.restMark, r.masks[0], r.masks[1], r.masks[2], r.masks[3], r.handle)
	rr.objects = objs
}

// blockHandle is the gutter left of a block. A click selects the whole
// block, Shift+click extends the selection to it: the way to pick several
// paragraphs, since an entry's own selection ends at its edge.
type blockHandle struct {
	widget.BaseWidget
	row     *blockRow
	hovered bool
}

var (
	_ desktop.Mouseable = (*blockHandle)(nil)
	_ desktop.Hoverable = (*blockHandle)(nil)
	_ fyne.Tappable     = (*blockHandle)(nil)
)

func (h *blockHandle) CreateRenderer() fyne.WidgetRenderer {
	mark := canvas.NewRectangle(color.Transparent)
	mark.CornerRadius = 2
	return &handleRenderer{h: h, mark: mark}
}

// MouseDown selects on press, with the modifiers of the press: Tapped does
// not carry them.
func (h *blockHandle) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	h.row.ed.handlePressed(h.row.id, ev.Modifier&fyne.KeyModifierShift != 0)
}

func (h *blockHandle) MouseUp(*desktop.MouseEvent) {}

// Tapped makes the handle a tap target; the work is done in MouseDown (or
// here on a touch screen, where there is no MouseDown).
func (h *blockHandle) Tapped(*fyne.PointEvent) {
	if fyne.CurrentDevice().IsMobile() {
		h.row.ed.handlePressed(h.row.id, false)
	}
}

func (h *blockHandle) MouseIn(*desktop.MouseEvent)    { h.hovered = true; h.Refresh() }
func (h *blockHandle) MouseMoved(*desktop.MouseEvent) {}
func (h *blockHandle) MouseOut()                      { h.hovered = false; h.Refresh() }

type handleRenderer struct {
	h    *blockHandle
	mark *canvas.Rectangle
}

func (r *handleRenderer) Destroy() {}

func (r *handleRenderer) Layout(size fyne.Size) {
	w := float32(4)
	m := r.h.row.ed.view.m
	r.mark.Move(fyne.NewPos(size.Width/2-w/2, m.innerPad/2))
	r.mark.Resize(fyne.NewSize(w, size.Height-m.innerPad))
}

func (r *handleRenderer) MinSize() fyne.Size { return fyne.NewSize(8, 8) }

func (r *handleRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.mark} }

func (r *handleRenderer) Refresh() {
	r.mark.FillColor = color.Transparent
	if r.h.hovered {
		// The editor's theme, not the handle's own: the row is a scope
		// boundary (blockRow.SetDeviceIsMobile).
		r.mark.FillColor = r.h.row.ed.Theme().Color(theme.ColorNameHover, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.mark.Refresh()
}

// findColor is the marker-pen highlight of the current find match.
func findColor(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	r, g, b, _ := th.Color(theme.ColorNameWarning, v).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x66}
}
