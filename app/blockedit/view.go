package blockedit

import (
	"image/color"
	"math"

	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// overscan is how far above and below the viewport blocks get a live entry,
// so that arrowing or scrolling a little never meets an empty slot.
const overscan = 400

// view is the virtual column of blocks: every block has a slot height
// (estimated, or measured once it has had an entry), and only the blocks
// near the viewport have a row.
type view struct {
	_ noCopy

	ed     *Editor
	scroll *container.Scroll
	column *blockColumn
	wheel  *wheelForwarder
	rows   map[uint64]*blockRow
	m      *metrics

	width float32 // column width the heights are for
	left  float32 // x of the band (gutter and text) in the column
	band  float32 // width of the band

	tops      []float32 // y of each block's slot
	total     float32
	topsDirty bool

	theme   fyne.Theme // the theme and variant the rows were drawn in
	variant fyne.ThemeVariant

	lo, hi  int // the blocks that have rows because they are near the viewport
	objects []fyne.CanvasObject
	syncing bool

	pool // rows no block needs at the moment, and how they are made (scope.go)
}

// noCopy makes go vet's copylocks check reject a copy of the view. A copy
// shares the spare rows' arrays with the original but not their lengths: a
// sync on the copy takes a row and leaves a nil slot the original still
// counts, and the next sync dereferenced it (PageDown crashed the window).
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

func (v *view) init(e *Editor) {
	v.ed = e
	v.rows = map[uint64]*blockRow{}
	v.column = &blockColumn{v: v}
	v.column.ExtendBaseWidget(v.column)
	v.wheel = &wheelForwarder{v: v}
	v.wheel.ExtendBaseWidget(v.wheel)
	v.scroll = container.NewVScroll(v.column)
	v.scroll.OnScrolled = func(fyne.Position) { v.sync() }
	v.lo, v.hi = 0, -1
}

// reset forgets all rows and heights: the blocks were replaced.
func (v *view) reset() {
	v.dropRows(func(*blockRow) bool { return true })
	v.width = 0
	v.scroll.Offset = fyne.Position{}
	v.sync()
}

// themeChanged redraws the rows in a new theme or variant, and re-measures
// everything if the theme changed. A refresh from a parent container with
// the same theme costs nothing.
func (v *view) themeChanged() {
	th, variant := v.ed.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	if v.m == nil || (th == v.theme && variant == v.variant) {
		v.theme, v.variant = th, variant
		return
	}
	sameTheme := th == v.theme
	v.theme, v.variant = th, variant
	if sameTheme { // a light/dark switch: colours only
		v.eachRow(func(r *blockRow) {
			r.entry.Refresh()
			r.Refresh()
		})
		return
	}
	v.m = newMetrics(th)
	v.rescope()
	v.width = 0
	v.sync()
}

// refreshPlaceholders shows the hint only while the body is one block.
func (v *view) refreshPlaceholders() {
	for _, r := range v.rows {
		i := v.ed.indexOf(r.id)
		if i < 0 {
			continue
		}
		if ph := v.ed.placeholderFor(&v.ed.blocks[i]); ph != r.entry.PlaceHolder {
			r.entry.SetPlaceHolder(ph)
		}
	}
}

func (v *view) refreshRows() {
	for _, r := range v.rows {
		i := v.ed.indexOf(r.id)
		if i >= 0 {
			r.entry.PlaceHolder = v.ed.placeholderFor(&v.ed.blocks[i])
		}
		r.entry.Refresh()
	}
}

func (v *view) dropRows(drop func(*blockRow) bool) {
	for id, r := range v.rows {
		if drop(r) {
			delete(v.rows, id)
			v.release(r)
		}
	}
}

// sync brings the column in line with the blocks and the viewport: it
// measures new widths, gives rows to the blocks near the viewport (and takes
// them from the others), and lays them out. It keeps the block at the top of
// the viewport where it is when heights above it change.
func (v *view) sync() {
	size := v.scroll.Size()
	if v.syncing || size.Width <= 0 || size.Height <= 0 {
		return
	}
	v.syncing = true
	defer func() { v.syncing = false }()
	if v.m == nil {
		v.theme, v.variant = v.ed.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
		v.m = newMetrics(v.theme)
	}
	if size.Width != v.width {
		v.setWidth(size.Width)
	}
	v.ensureTops()
	anchor, into := v.anchor()
	for pass := 0; pass < 4; pass++ {
		off := v.clampOffset(v.tops[anchor] + into)
		lo, hi := v.rangeFor(off-overscan, off+size.Height+overscan)
		v.stockFor(lo, hi)
		changed := false
		for i := lo; i <= hi; i++ {
			if v.realize(i) {
				changed = true
			}
		}
		v.lo, v.hi = lo, hi
		if !changed {
			break
		}
		v.ensureTops()
	}
	focus := v.ed.focusID
	v.dropRows(func(r *blockRow) bool {
		if r.id == focus {
			return false
		}
		i := v.ed.indexOf(r.id)
		return i < v.lo || i > v.hi
	})
	v.spareDetached()
	v.place(v.clampOffset(v.tops[anchor] + into))
}

// clampOffset is the scroll offset nearest y that the column can show: the
// rows are given to the blocks around where the viewport will really be,
// not around an offset past the end (a Page Down on the last screen).
func (v *view) clampOffset(y float32) float32 {
	return max(0, min(y, v.total-v.scroll.Size().Height))
}

// place lays the rows out and scrolls to offset y.
func (v *view) place(y float32) {
	v.ensureTops()
	v.objects = v.objects[:0]
	for i := v.lo; i <= v.hi && i < len(v.ed.blocks); i++ {
		if r := v.rows[v.ed.blocks[i].id]; r != nil {
			v.objects = append(v.objects, r)
		}
	}
	if r := v.rows[v.ed.focusID]; r != nil {
		if i := v.ed.indexOf(r.id); i >= 0 && (i < v.lo || i > v.hi) {
			v.objects = append(v.objects, r)
		}
	}
	v.objects = v.appendIdle(v.objects)
	v.objects = append(v.objects, v.wheel)
	v.layoutRows()
	v.scroll.Offset = fyne.NewPos(0, v.clampOffset(y))
	v.scroll.Refresh()
	canvas.Refresh(v.column)
}

func (v *view) layoutRows() {
	for _, o := range v.objects {
		r, ok := o.(*blockRow)
		if !ok || r.id == 0 { // not a block's: spare or detached
			continue
		}
		i := v.ed.indexOf(r.id)
		if i < 0 {
			continue
		}
		r.Move(fyne.NewPos(v.left, v.tops[i]))
		r.Resize(fyne.NewSize(v.band, v.ed.blocks[i].height))
	}
	v.wheel.Move(fyne.Position{})
	v.wheel.Resize(fyne.NewSize(v.width, v.total))
}

// setWidth recomputes the band for a new column width and re-estimates
// every height; rows are re-measured as they are realized.
func (v *view) setWidth(w float32) {
	v.width = w
	pad := v.m.innerPad * 2
	v.band = w - 2*pad
	if max := v.m.gutter*2 + v.m.measure; v.band > max {
		v.band = max
	}
	if v.band < v.m.gutter*3 {
		v.band = v.m.gutter * 3
	}
	v.left = (w - v.band) / 2
	if v.left < 0 {
		v.left = 0
	}
	for i := range v.ed.blocks {
		b := &v.ed.blocks[i]
		b.measured = false
		b.height = v.estimate(b)
	}
	for _, r := range v.rows {
		r.measuredW = 0
	}
	v.topsDirty = true
}

// entryWidth is the width of a block's entry in the band.
func (v *view) entryWidth(k editor.BlockKind) float32 {
	return v.band - v.m.gutter*2 - v.m.indent[k]
}

// slot is the height of a block of the given kind with n lines: the
// entry's padding above and below and its rows packed at line height,
// rounded up to whole pixels so that neighbouring rows neither overlap nor
// leave a seam.
func (v *view) slot(k editor.BlockKind, n int) float32 {
	if n < 1 {
		n = 1
	}
	return float32(math.Ceil(float64(v.m.topMargin[k] + float32(n)*v.m.lineH[k] + 2*v.m.innerPad)))
}

// estimate guesses a block's height from its length without laying it out.
func (v *view) estimate(b *block) float32 {
	k := b.Kind
	textW := (v.entryWidth(k) - 2*v.m.innerPad) * 0.94 // word wrap leaves ragged ends
	perLine := int(textW / v.m.avgChar[k])
	if perLine < 1 {
		perLine = 1
	}
	lines := 0
	for _, ln := range strings.Split(b.Text, "\n") {
		n := utf8.RuneCountInString(ln)
		lines += max(1, (n+perLine-1)/perLine)
	}
	return v.slot(k, lines)
}

// realize gives block i a row laid out at the band width and records its
// measured height. It reports whether the height changed.
func (v *view) realize(i int) bool {
	b := &v.ed.blocks[i]
	r := v.rows[b.id]
	if r == nil {
		r = v.newRow(b)
		r.setSelected(v.ed.sel.contains(i))
		v.rows[b.id] = r
	}
	if r.measuredW == v.band && b.measured {
		return false
	}
	return v.measure(i, r)
}

// measure lays row r out at the band width, counts its entry's lines and
// sets block i's height from them.
func (v *view) measure(i int, r *blockRow) bool {
	b := &v.ed.blocks[i]
	r.Resize(fyne.NewSize(v.band, b.height))
	r.lines = visualRows(&r.entry.Entry)
	r.measuredW = v.band
	h := v.slot(b.Kind, r.lines)
	changed := h != b.height
	b.height = h
	b.measured = true
	if changed {
		r.Resize(fyne.NewSize(v.band, h))
		v.topsDirty = true
	}
	return changed
}

// remeasure is called after the text of a block with a row changed: it
// counts the lines again and moves the blocks below if the height changed.
func (v *view) remeasure(i int) {
	r := v.rows[v.ed.blocks[i].id]
	if r == nil || v.width == 0 {
		return
	}
	if r.measuredW != v.band {
		v.measure(i, r)
	} else if n := visualRows(&r.entry.Entry); n != r.lines {
		r.lines = n
		b := &v.ed.blocks[i]
		b.height = v.slot(b.Kind, n)
		r.Resize(fyne.NewSize(v.band, b.height))
		v.topsDirty = true
	}
	if v.topsDirty {
		v.sync()
	}
}

func (v *view) ensureTops() {
	if !v.topsDirty && len(v.tops) == len(v.ed.blocks) {
		return
	}
	if cap(v.tops) < len(v.ed.blocks) {
		v.tops = make([]float32, len(v.ed.blocks))
	}
	v.tops = v.tops[:len(v.ed.blocks)]
	y := float32(0)
	for i := range v.ed.blocks {
		v.tops[i] = y
		y += v.ed.blocks[i].height
	}
	v.total = y + v.m.innerPad*4 // room to click below the last block
	v.topsDirty = false
}

// blockAt returns the index of the block whose slot holds y.
func (v *view) blockAt(y float32) int {
	i := sort.Search(len(v.tops), func(i int) bool { return v.tops[i] > y }) - 1
	if i < 0 {
		return 0
	}
	return i
}

// anchor is the block at the top of the viewport and how far into it the
// viewport starts.
func (v *view) anchor() (int, float32) {
	y := v.scroll.Offset.Y
	i := v.blockAt(y)
	return i, y - v.tops[i]
}

func (v *view) rangeFor(y0, y1 float32) (int, int) {
	return v.blockAt(y0), v.blockAt(y1)
}

// reveal scrolls as little as needed to show y0..y1 of the column.
func (v *view) reveal(y0, y1 float32) {
	off := v.scroll.Offset.Y
	h := v.scroll.Size().Height
	switch {
	case y0 < off:
		off = y0
	case y1 > off+h:
		off = y1 - h
		if y0 < off {
			off = y0
		}
	default:
		return
	}
	if off < 0 {
		off = 0
	}
	v.scroll.Offset = fyne.NewPos(0, off)
	v.sync()
}

// revealBlock makes block i visible and returns its row.
func (v *view) revealBlock(i int) *blockRow {
	if v.width == 0 {
		v.sync()
	}
	if v.width == 0 {
		return v.rowOffscreen(i)
	}
	v.ensureTops()
	y0 := v.tops[i]
	y1 := y0 + v.ed.blocks[i].height
	if h := v.scroll.Size().Height; y1-y0 > h {
		y1 = y0 + h
	}
	v.reveal(y0, y1)
	if r := v.rows[v.ed.blocks[i].id]; r != nil {
		return r
	}
	// Not near the viewport after all (a zero-height view): make one anyway.
	return v.rowOffscreen(i)
}

func (v *view) rowOffscreen(i int) *blockRow {
	if v.m == nil {
		v.m = newMetrics(v.ed.Theme())
	}
	b := &v.ed.blocks[i]
	r := v.rows[b.id]
	if r == nil {
		r = v.newRow(b)
		v.rows[b.id] = r
	}
	return r
}

// blockColumn is the scrolled content: the rows near the viewport at their
// places in a column as tall as all the blocks.
type blockColumn struct {
	widget.BaseWidget
	v *view
}

func (c *blockColumn) CreateRenderer() fyne.WidgetRenderer { return &columnRenderer{v: c.v} }

// Tapped below the last block puts the caret at the end of the body.
func (c *blockColumn) Tapped(ev *fyne.PointEvent) {
	c.v.ensureTops()
	n := len(c.v.ed.blocks)
	if n > 0 && ev.Position.Y >= c.v.tops[n-1]+c.v.ed.blocks[n-1].height {
		c.v.ed.FocusBlock(n-1, utf8.RuneCountInString(c.v.ed.blocks[n-1].Text))
	}
}

type columnRenderer struct{ v *view }

func (r *columnRenderer) Destroy() {}

func (r *columnRenderer) Layout(fyne.Size) { r.v.layoutRows() }

func (r *columnRenderer) MinSize() fyne.Size {
	if r.v.m == nil {
		return fyne.Size{}
	}
	return fyne.NewSize(r.v.m.gutter*3, r.v.total)
}

func (r *columnRenderer) Objects() []fyne.CanvasObject { return r.v.objects }

// Refresh only redraws: the rows refresh themselves when their block changes.
func (r *columnRenderer) Refresh() { canvas.Refresh(r.v.column) }

// wheelForwarder lies over the column and hands wheel events to the
// editor's scroll. Without it the wheel would go to the scroll inside the
// entry under the pointer (the deepest Scrollable gets it), which has
// nothing to scroll, and the page would not move.
type wheelForwarder struct {
	widget.BaseWidget
	v *view
}

var _ fyne.Scrollable = (*wheelForwarder)(nil)

func (w *wheelForwarder) Scrolled(ev *fyne.ScrollEvent) { w.v.scroll.Scrolled(ev) }

func (w *wheelForwarder) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
