package blockedit

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"copydesk/editor"
)

// Theme scopes, and why rows are made in batches and never thrown away.
//
// A block's entry is drawn in its kind theme (theme.go). Fyne 2.8.1 gives a
// widget a theme of its own only through a theme override, and every
// override it applies — each NewThemeOverride, and each CreateRenderer and
// Refresh of a container.ThemeOverride — opens a new theme scope. Fyne
// caches parsed fonts by text style and scope and never frees them, so each
// scope whose text gets drawn parses the theme font and its fallbacks once
// more: about 5 MB of heap a scope while Fyne's 4 MB emoji font was one of
// them (the Makefile now builds without it). One
// ThemeOverride per row cost that much per row, and more on every kind
// change; a 10k-word story held some 70 MB of fonts after opening and over
// 140 MB after scrolling through.
//
// So the editor opens the scopes itself: view.stock makes the rows a sync
// needs in one batch per theme group and puts all their entries in one
// throwaway override, which gives them one scope and is never drawn. Rows
// keep their group and their scope for life: a row whose block leaves the
// viewport waits as a spare for the next block of its group, and a block
// that changes group gets a row of the other group. A widget loses its
// scope with its renderer, which Fyne destroys when the widget has not been
// walked for a minute (cache.ValidDuration); so spare rows stay in the
// column's objects, far left of it where nothing draws them (the painter
// skips what lies outside the clip) but the paint walk keeps them alive.
// Their entries report Disabled, so that Tab never lands on one.
//
// The number of scopes is then the number of batches. The first batch of a
// group makes a screenful of rows: as many as the viewport and its overscan
// can hold of the group's shortest blocks (view.screenful), about 12 KB of
// heap a row. So a story that gets denser as it is written (short
// paragraphs, one-line quotes) needs no new batch, which would cost more
// than all those rows: a scope parses the fonts again for each text style
// it draws, about 1.5 MB a style. A group opens a new scope only when the
// window grows taller, and each group one more on a change of theme.

// pool holds the rows that show no block, and counts the scopes opened.
type pool struct {
	spare    [groups][]*blockRow
	detached []*blockRow // released while their entry had the keyboard
	scopes   int
}

// stockSlack is how many rows a batch of n for group g brings beyond the
// need: enough that the next passes of a sync (measured heights move the
// range) and the next screens scrolled to seldom need a batch of their own.
// Subheads are rarer than paragraphs, so fewer are made ahead.
func stockSlack(g, n int) int {
	if g == subheadGroup {
		return max(n, 3)
	}
	return max(n, 12)
}

// offside is where rows that show no block wait: far left of the column,
// outside every clip.
const offside = -1e5

// stockFor makes sure the spares can give a row to every block in lo..hi
// that has none.
func (v *view) stockFor(lo, hi int) {
	var need [groups]int
	for i := lo; i <= hi && i < len(v.ed.blocks); i++ {
		if b := &v.ed.blocks[i]; v.rows[b.id] == nil {
			need[groupOf(b.Kind)]++
		}
	}
	for g, n := range need {
		v.stock(g, n)
	}
}

// stock makes sure group g has at least n spare rows, making the missing
// ones (and some slack) in one batch with one theme scope.
func (v *view) stock(g, n int) {
	v.spareDetached()
	have := len(v.spare[g])
	if have >= n {
		return
	}
	kind := editor.Paragraph
	if g == subheadGroup {
		kind = editor.Subhead
	}
	missing := n - have
	made := make([]*blockRow, max(missing+stockSlack(g, missing), v.screenful(g)-v.rowsOf(g)))
	entries := make([]fyne.CanvasObject, len(made))
	for j := range made {
		made[j] = newBlockRow(v.ed, kind)
		entries[j] = made[j].entry
	}
	v.scope(v.m.kindTheme[g], entries)
	for _, r := range made {
		r.scopedIn = v.m.kindTheme[g]
		// At the band's width, so that the first text it gets wraps once;
		// and never zero: Fyne's software painter (tests, screenshots)
		// cannot stroke an entry's box at zero size.
		r.Resize(fyne.NewSize(max(v.band, v.m.gutter*3), v.slot(kind, 1)))
		v.putSpare(r)
	}
}

// tallViewport is the body's height in a window maximised on a 1080-line
// screen. The first sync comes while the window is still small (its first
// layout), and a screenful for that height would need another batch as
// soon as the window takes its size.
const tallViewport = 1000

// screenful is the most rows of group g that one sync can give out: every
// block near the viewport (the range sync gives rows to) at the least
// height a block of the group has, one line, and the focused block's row
// besides; for a viewport at least tallViewport high.
func (v *view) screenful(g int) int {
	least := v.slot(editor.Subhead, 1)
	if g == copyGroup {
		least = min(v.slot(editor.Paragraph, 1), v.slot(editor.Quote, 1))
	}
	reach := max(v.scroll.Size().Height, tallViewport) + 2*overscan
	return int(math.Ceil(float64(reach/least))) + 3
}

// rowsOf counts the rows of group g, those showing blocks and those that
// wait.
func (v *view) rowsOf(g int) int {
	n := 0
	v.eachRow(func(r *blockRow) {
		if r.group == g {
			n++
		}
	})
	return n
}

// scope gives entries the theme th in one new theme scope. The override
// that does it is never drawn: drawn, it would open a scope of its own, and
// another on every Refresh.
func (v *view) scope(th fyne.Theme, entries []fyne.CanvasObject) {
	container.NewThemeOverride(container.NewWithoutLayout(entries...), th)
	v.scopes++
}

// rescope puts every row in the kind theme of the current metrics, after a
// change of theme: one scope per group.
func (v *view) rescope() {
	var entries [groups][]fyne.CanvasObject
	v.eachRow(func(r *blockRow) {
		entries[r.group] = append(entries[r.group], r.entry)
		r.scopedIn = v.m.kindTheme[r.group]
		r.entry.TextStyle = v.m.styles[r.kind]
	})
	for g, es := range entries {
		if len(es) > 0 {
			v.scope(v.m.kindTheme[g], es)
		}
	}
	v.eachRow(func(r *blockRow) { r.Refresh() })
}

// eachRow calls f for every row: those showing blocks, the spare and the
// detached ones.
func (v *view) eachRow(f func(*blockRow)) {
	for _, r := range v.rows {
		f(r)
	}
	for _, rs := range v.spare {
		for _, r := range rs {
			f(r)
		}
	}
	for _, r := range v.detached {
		f(r)
	}
}

// newRow gives block b a spare row of its group, one last used for a block
// of b's kind if there is one: a paragraph's row has a quote's width (less
// the indent), and taking it for a quote would wrap the text twice.
func (v *view) newRow(b *block) *blockRow {
	g := groupOf(b.Kind)
	v.stock(g, 1)
	rs := v.spare[g]
	at := len(rs) - 1
	for i := at; i >= 0; i-- {
		if rs[i].kind == b.Kind {
			at = i
			break
		}
	}
	r := rs[at]
	last := len(rs) - 1
	rs[at] = rs[last]
	rs[last] = nil
	v.spare[g] = rs[:last]
	r.reuse(b)
	return r
}

// release takes back a row no block uses any more (the caller has taken it
// out of rows). A row whose entry has the keyboard may still get keys, so
// it waits among the detached until it loses them.
func (v *view) release(r *blockRow) {
	r.id = 0
	if v.m == nil || r.scopedIn != v.m.kindTheme[r.group] {
		return // drawn in a theme no longer used
	}
	if c := v.ed.canvas(); c != nil && c.Focused() == r.entry {
		r.Move(fyne.NewPos(offside, 0))
		v.detached = append(v.detached, r)
		return
	}
	v.putSpare(r)
}

// spareDetached makes spares of the detached rows that lost the keyboard.
func (v *view) spareDetached() {
	if len(v.detached) == 0 {
		return
	}
	c := v.ed.canvas()
	kept := v.detached[:0]
	for _, r := range v.detached {
		if c != nil && c.Focused() == r.entry {
			kept = append(kept, r)
			continue
		}
		v.putSpare(r)
	}
	clear(v.detached[len(kept):])
	v.detached = kept
}

func (v *view) putSpare(r *blockRow) {
	r.id = 0
	r.spare = true
	r.foundRange = nil
	if r.Position().X != offside {
		r.Move(fyne.NewPos(offside, 0))
	}
	v.spare[r.group] = append(v.spare[r.group], r)
}

// appendIdle adds the rows that show no block to the column's objects, to
// keep their renderers, and so their scopes, alive.
func (v *view) appendIdle(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, rs := range v.spare {
		for _, r := range rs {
			objs = append(objs, r)
		}
	}
	for _, r := range v.detached {
		objs = append(objs, r)
	}
	return objs
}
