package blockedit

import (
	"flag"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/internal/goldens"
)

var update = flag.Bool("update", false, "rewrite the markup goldens in testdata/")

// assertMarkup compares the canvas with testdata/name, or rewrites it with
// -update.
func assertMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	goldens.Assert(t, name, c, *update)
}

// The goldens leave out the rows at the offside position, as spare rows.
func TestSpareRowsAreWhereGoldensLookForThem(t *testing.T) {
	if offside != goldens.SpareRowX {
		t.Errorf("spare rows wait at x=%v, the goldens drop them at x=%v", offside, goldens.SpareRowX)
	}
}

func TestMarkup(t *testing.T) {
	tests := []struct {
		name string
		body string
		do   func(*Editor, fyne.Window)
	}{
		{"blocks.xml", "## Bortnikov: threat persists\n\nSOCHI, October 16. /TASS/. The FSB director spoke.\n\n> \"A serious threat,\" he said.", nil},
		{"focused.xml", "First paragraph.\n\nSecond paragraph.", func(ed *Editor, w fyne.Window) { ed.FocusBlock(1, 6) }},
		{"selected.xml", "First paragraph.\n\nSecond paragraph.\n\nThird.", func(ed *Editor, w fyne.Window) { ed.SelectBlocks(0, 1) }},
		{"found.xml", "The FSB and the FSB.", func(ed *Editor, w fyne.Window) { ed.FindNext("fsb", FindOptions{}) }},
		{"empty.xml", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			ed := New()
			ed.SetBody(tt.body)
			w := test.NewTempWindow(t, ed)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(520, 300))
			if tt.do != nil {
				tt.do(ed, w)
			}
			assertMarkup(t, tt.name, w.Canvas())
		})
	}
}
