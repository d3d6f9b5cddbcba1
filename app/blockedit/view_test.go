package blockedit

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"copydesk/editor"
)

// checkColumn checks that every row sits in its block's slot and that the
// rows cover the viewport.
func checkColumn(t *testing.T, ed *Editor) {
	t.Helper()
	v := &ed.view
	v.ensureTops()
	off, h := v.scroll.Offset.Y, v.scroll.Size().Height
	covered := false
	for i, b := range ed.blocks {
		r := v.rows[b.id]
		if r == nil {
			continue
		}
		if got := r.Position().Y; got != v.tops[i] {
			t.Errorf("block %d's row at y=%v, its slot at %v", i, got, v.tops[i])
		}
		if r.Size().Height != b.height {
			t.Errorf("block %d's row is %v high, its slot %v", i, r.Size().Height, b.height)
		}
		if v.tops[i] <= off && v.tops[i]+b.height >= off {
			covered = true
		}
		if v.tops[i] < off+h && v.tops[i]+b.height > off && !b.measured {
			t.Errorf("visible block %d has an estimated height", i)
		}
	}
	if !covered {
		t.Errorf("no row at the top of the viewport (offset %v)", off)
	}
}

func TestLongBodyBuildsOnlyWhatIsNearTheViewport(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 10000))
	n := len(ed.blocks)
	if n < 250 {
		t.Fatalf("the 10,000-word body has only %d blocks", n)
	}
	if rows := len(ed.view.rows); rows == 0 || rows > n/5 {
		t.Errorf("%d rows for %d blocks: want only those near the viewport", rows, n)
	}
	checkColumn(t, ed)
	if ed.view.total < ed.view.scroll.Size().Height*10 {
		t.Errorf("column only %v high for %d blocks", ed.view.total, n)
	}
}

func TestScrollingGivesRowsToBlocksComingIntoView(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 10000))
	wheel := func(dy float32) {
		ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dy)})
	}
	for i := 0; i < 20; i++ {
		wheel(-300)
		checkColumn(t, ed)
	}
	if ed.view.scroll.Offset.Y < 5000 {
		t.Errorf("20 wheel turns scrolled only to %v", ed.view.scroll.Offset.Y)
	}
	top, into := ed.view.anchor()
	for i := 0; i < 10; i++ {
		wheel(200)
	}
	for i := 0; i < 10; i++ {
		wheel(-200)
	}
	if t2, into2 := ed.view.anchor(); t2 != top || into2-into > 1 || into-into2 > 1 {
		t.Errorf("scrolling up and back down moved the page: block %d+%v, then %d+%v", top, into, t2, into2)
	}
	wheel(-1e7)
	last := len(ed.blocks) - 1
	if ed.view.rows[ed.blocks[last].id] == nil {
		t.Error("the last block has no row at the bottom of the body")
	}
	checkColumn(t, ed)
}

func TestEditingFarDownTheBody(t *testing.T) {
	ed, w := newTestEditor(t, longBody(t, 10000))
	last := len(ed.blocks) - 1
	ed.FocusBlock(last, 0)
	typeText(t, w, "Late ")
	if got := ed.blocks[last].Text[:5]; got != "Late " {
		t.Errorf("the last block starts %q", got)
	}
	checkColumn(t, ed)
	shortcut(t, w, ctrl(fyne.KeyHome))
	if b, off := ed.Caret(); b != 0 || off != 0 {
		t.Errorf("Ctrl+Home put the caret at %d:%d", b, off)
	}
	if ed.view.scroll.Offset.Y != 0 {
		t.Errorf("Ctrl+Home left the page at %v", ed.view.scroll.Offset.Y)
	}
	press(t, w, fyne.KeyPageDown, false)
	if b, _ := ed.Caret(); b == 0 {
		t.Error("Page Down left the caret in the first block")
	}
	checkColumn(t, ed)
}

func TestGrowingBlockPushesTheOthersDown(t *testing.T) {
	ed, w := newTestEditor(t, "Short.\n\nBelow.")
	ed.FocusBlock(0, 6)
	before := ed.view.tops[1]
	for i := 0; i < 40; i++ {
		typeText(t, w, " more")
	}
	ed.view.ensureTops()
	if ed.view.tops[1] <= before {
		t.Errorf("the block below stayed at %v after the first grew", ed.view.tops[1])
	}
	checkColumn(t, ed)
}

func TestResizeRewrapsBlocks(t *testing.T) {
	ed, w := newTestEditor(t, longBody(t, 1000))
	r := rowOf(t, ed, 0)
	wide := r.lines
	w.Resize(fyne.NewSize(400, 700))
	r = rowOf(t, ed, 0)
	if r.lines <= wide {
		t.Errorf("narrowing the window kept %d lines (had %d)", r.lines, wide)
	}
	checkColumn(t, ed)
}

// Rows are reused as blocks scroll past, and their entries share a few
// theme scopes: Fyne parses a full font set (about 5 MB) for every theme
// scope whose text it draws and never frees it, so a scope per row grew
// memory by hundreds of MB on a long story (scope.go).
func TestScrollingReusesRowsAndScopes(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 10000))
	seen := map[*blockRow]bool{}
	scopes := map[fyne.Theme]bool{}
	note := func() {
		for id, r := range ed.view.rows {
			seen[r] = true
			i := ed.indexOf(id)
			if i < 0 || r.id != id || r.entry.Text != ed.blocks[i].Text || r.kind != ed.blocks[i].Kind {
				t.Fatalf("row for block %d shows another block's copy or kind", i)
			}
			th := theme.CurrentForWidget(r.entry)
			if got, want := th.Size(theme.SizeNameText), ed.view.m.sizes[r.kind]; got != want {
				t.Fatalf("block %d (%v) is set in %v, want %v", i, r.kind, got, want)
			}
			// Entries in one scope share its theme value: distinct values
			// are distinct scopes.
			scopes[th] = true
		}
	}
	scroll := func(dy float32) {
		for i := 0; i < 200; i++ {
			ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dy)})
			note()
			checkColumn(t, ed)
		}
	}
	note()
	scroll(-300)
	if len(ed.blocks) < 150 {
		t.Fatalf("the test body has only %d blocks", len(ed.blocks))
	}
	if len(seen) > 60 {
		t.Errorf("scrolling through %d blocks made %d rows; want them reused", len(ed.blocks), len(seen))
	}
	if len(scopes) > 2*groups || ed.view.scopes > 2*groups {
		t.Errorf("scrolling through %d blocks used %d theme scopes (opened %d); want at most %d", len(ed.blocks), len(scopes), ed.view.scopes, 2*groups)
	}
	rows, opened := len(seen), ed.view.scopes
	scroll(300)
	scroll(-300)
	if len(seen) != rows || ed.view.scopes != opened {
		t.Errorf("scrolling through again made %d more rows and opened %d more scopes; want none", len(seen)-rows, ed.view.scopes-opened)
	}
}

// A story that gets denser as it is written (the soak's stories gain a
// paragraph break every few dozen keys) needs more rows on a screen than
// the story it started as. The first rows made are a screenful of the
// densest copy, so it opens no new theme scope: each one parsed the fonts
// again, for good (a day at the desk kept some 1.5 MB a scope and style).
func TestDenserStoryOpensNoScope(t *testing.T) {
	ed, w := newTestEditor(t, longBody(t, 1000))
	opened := ed.view.scopes
	if opened == 0 || opened > groups {
		t.Fatalf("showing a story opened %d theme scopes; want one per group", opened)
	}
	var dense []editor.Block
	for i := range 400 {
		b := editor.Block{Kind: editor.Paragraph, Text: fmt.Sprintf("Line %d.", i)}
		switch i % 5 {
		case 2:
			b.Kind = editor.Quote
		case 4:
			b.Kind = editor.Subhead
			b.Text = fmt.Sprintf("Part %d", i)
		}
		dense = append(dense, b)
	}
	for _, size := range []fyne.Size{windowSize, {Width: 600, Height: 300}} {
		w.Resize(size)
		ed.SetBody(editor.FormatBody(dense))
		for range 120 {
			ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -200)})
			checkColumn(t, ed)
		}
		if ed.view.hi < len(ed.blocks)-1 {
			t.Fatalf("scrolled only to block %d of %d", ed.view.hi, len(ed.blocks))
		}
	}
	if ed.view.scopes != opened {
		t.Errorf("a denser story and a smaller window opened %d more theme scopes; want none", ed.view.scopes-opened)
	}
	// A taller window may need one more batch per group, not more.
	w.Resize(fyne.NewSize(windowSize.Width, windowSize.Height*2))
	for range 120 {
		ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 200)})
		checkColumn(t, ed)
	}
	if more := ed.view.scopes - opened; more > groups {
		t.Errorf("a window twice as tall opened %d more theme scopes; want at most %d", more, groups)
	}
}

// Rows that show no block stay in the column (so that Fyne keeps their
// theme scope) but out of sight and out of the focus chain.
func TestSpareRowsAreOutOfReach(t *testing.T) {
	ed, w := newTestEditor(t, longBody(t, 1000))
	ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3000)})
	spares := 0
	for _, o := range ed.view.objects {
		r, ok := o.(*blockRow)
		if !ok || !r.spare {
			continue
		}
		spares++
		if r.Position().X+r.Size().Width > 0 {
			t.Errorf("a spare row lies at %v, inside the column", r.Position())
		}
		if !r.entry.Disabled() {
			t.Error("a spare row's entry can take the focus")
		}
	}
	if spares == 0 {
		t.Fatal("no spare rows after scrolling")
	}
	ed.FocusBlock(ed.view.hi, 0)
	for i := 0; i < 10; i++ {
		w.Canvas().FocusNext()
		if e, ok := w.Canvas().Focused().(*blockEntry); ok && e.row.spare {
			t.Fatal("Tab moved the focus to a spare row")
		}
	}
}

// bigTextTheme is the default theme with larger text.
type bigTextTheme struct{ fyne.Theme }

func (t bigTextTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 18
	}
	return t.Theme.Size(n)
}

// A new theme puts every row, spare ones too, in a new kind theme: one new
// scope per theme group, not one per row.
func TestThemeChangeRescopesAllRows(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 1000))
	ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3000)})
	before := ed.view.scopes
	fyne.CurrentApp().Settings().SetTheme(bigTextTheme{theme.DefaultTheme()})
	ed.Refresh()
	if got := ed.view.scopes - before; got != groups {
		t.Errorf("a theme change opened %d scopes; want %d", got, groups)
	}
	if want := float32(18) * copyScale; ed.view.m.sizes[editor.Paragraph] != want {
		t.Fatalf("copy is set in %v after the change, want %v", ed.view.m.sizes[editor.Paragraph], want)
	}
	n := 0
	ed.view.eachRow(func(r *blockRow) {
		n++
		if got, want := theme.CurrentForWidget(r.entry).Size(theme.SizeNameText), ed.view.m.sizes[r.kind]; got != want {
			t.Errorf("a %v row (spare: %v) is set in %v, want %v", r.kind, r.spare, got, want)
		}
	})
	if n == 0 {
		t.Fatal("no rows")
	}
	checkColumn(t, ed)
}
