package blockedit

import (
	"testing"

	"fyne.io/fyne/v2"
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

// Rows are reused as blocks scroll past: each row is a Fyne theme override
// with a font cache of its own, so a new row per block grew memory without
// bound on long stories.
func TestScrollingReusesRows(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 10000))
	seen := map[*blockRow]bool{}
	note := func() {
		for id, r := range ed.view.rows {
			seen[r] = true
			i := ed.indexOf(id)
			if i < 0 || r.id != id || r.entry.Text != ed.blocks[i].Text || r.kind != ed.blocks[i].Kind {
				t.Fatalf("row for block %d shows another block's copy or kind", i)
			}
		}
	}
	note()
	for i := 0; i < 200; i++ {
		ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -300)})
		note()
		checkColumn(t, ed)
	}
	if len(ed.blocks) < 150 {
		t.Fatalf("the test body has only %d blocks", len(ed.blocks))
	}
	if len(seen) > 3*maxSpare {
		t.Errorf("scrolling through %d blocks made %d rows; want them reused (at most %d)", len(ed.blocks), len(seen), 3*maxSpare)
	}
	for i := 0; i < 200; i++ {
		ed.view.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 300)})
		note()
	}
}
