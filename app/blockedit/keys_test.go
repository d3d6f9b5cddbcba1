package blockedit

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"copydesk/editor"
)

// checkPool checks the rows' bookkeeping: every spare row is a real row
// that shows no block, no row is both spare and a block's, and every
// block's row shows that block.
func checkPool(t *testing.T, ed *Editor) {
	t.Helper()
	v := &ed.view
	seen := map[*blockRow]string{}
	for g, rs := range v.spare {
		for i, r := range rs {
			if r == nil {
				t.Fatalf("spare row %d of group %d is nil", i, g)
			}
			if r.id != 0 {
				t.Errorf("spare row %d of group %d shows block %d", i, g, r.id)
			}
			if seen[r] != "" {
				t.Errorf("a row is spare twice")
			}
			seen[r] = "spare"
		}
	}
	for id, r := range v.rows {
		if r == nil {
			t.Fatalf("block %d's row is nil", id)
		}
		if r.id != id {
			t.Errorf("block %d's row shows block %d", id, r.id)
		}
		if seen[r] != "" {
			t.Errorf("block %d's row is also %s", id, seen[r])
		}
		seen[r] = "a block's"
	}
}

// Paging crashed the window (a nil spare row) from the second press on:
// Editor.page worked on a copy of the view.
func TestPagingThroughTheWholeBody(t *testing.T) {
	for _, tc := range []struct {
		name string
		body func(testing.TB) string
	}{
		{"fixture", func(t testing.TB) string { return editor.FormatBody(fixtureBlocks(t)) }},
		{"10k words", func(t testing.TB) string { return longBody(t, 10000) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ed, w := newTestEditor(t, tc.body(t))
			ed.FocusBlock(0, 0)
			last := len(ed.blocks) - 1
			walk := func(key fyne.KeyName, dir, goal int) {
				prev, _ := ed.Caret()
				for n := 0; ; n++ {
					if n > len(ed.blocks) {
						t.Fatalf("%s: %d presses and the caret is at block %d, not %d", key, n, prev, goal)
					}
					press(t, w, key, false)
					checkPool(t, ed)
					checkColumn(t, ed)
					b, _ := ed.Caret()
					if (b-prev)*dir < 0 {
						t.Fatalf("%s moved the caret back from block %d to %d", key, prev, b)
					}
					if b == goal {
						return
					}
					prev = b
				}
			}
			walk(fyne.KeyPageDown, 1, last)
			if _, off := ed.Caret(); off != utf8.RuneCountInString(ed.blocks[last].Text) {
				t.Errorf("Page Down at the end left the caret at %d, not the end", off)
			}
			walk(fyne.KeyPageUp, -1, 0)
			if ed.view.scroll.Offset.Y != 0 {
				t.Errorf("Page Up at the top left the page at %v", ed.view.scroll.Offset.Y)
			}
		})
	}
}

// The other keys that move the caret far: arrows through the whole body,
// Home and End on a line, Ctrl+End and Ctrl+Home.
func TestCaretKeysThroughTheWholeBody(t *testing.T) {
	ed, w := newTestEditor(t, longBody(t, 10000))
	ed.FocusBlock(0, 0)
	last := len(ed.blocks) - 1
	arrow := func(key fyne.KeyName, goal int) {
		for n := 0; ; n++ {
			b, _ := ed.Caret()
			if b == goal {
				return
			}
			if n > 20*len(ed.blocks) {
				t.Fatalf("%s: %d presses and the caret is at block %d, not %d", key, n, b, goal)
			}
			press(t, w, key, false)
			if n%25 == 0 {
				checkPool(t, ed)
				checkColumn(t, ed)
			}
		}
	}
	arrow(fyne.KeyDown, last)
	press(t, w, fyne.KeyEnd, false)
	press(t, w, fyne.KeyHome, false)
	if b, _ := ed.Caret(); b != last {
		t.Errorf("Home/End moved the caret to block %d", b)
	}
	arrow(fyne.KeyUp, 0)
	checkPool(t, ed)
	shortcut(t, w, ctrl(fyne.KeyEnd))
	if b, off := ed.Caret(); b != last || off != utf8.RuneCountInString(ed.blocks[last].Text) {
		t.Errorf("Ctrl+End put the caret at %d:%d", b, off)
	}
	checkPool(t, ed)
	checkColumn(t, ed)
	shortcut(t, w, ctrl(fyne.KeyHome))
	if b, off := ed.Caret(); b != 0 || off != 0 {
		t.Errorf("Ctrl+Home put the caret at %d:%d", b, off)
	}
	checkPool(t, ed)
	checkColumn(t, ed)
}
