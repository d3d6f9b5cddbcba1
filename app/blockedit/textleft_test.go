package blockedit

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TextLeft is where a paragraph's text is drawn, narrow or wide (where
// the band is centred): the window lines the dateline up with it.
func TestTextLeftFollowsTheBand(t *testing.T) {
	ed, w := newTestEditor(t, "First paragraph.\n\nSecond.")
	for _, width := range []float32{500, 900, 1600} {
		w.Resize(fyne.NewSize(width, 600))
		ed.Resize(fyne.NewSize(width, 600))
		r := rowOf(t, ed, 0)
		th := r.entry.Theme()
		got := r.Position().X + r.entry.Position().X + ed.view.m.innerPad + th.Size("inputBorder")
		if want := ed.TextLeft(ed.Size().Width); absf(got-want) > 0.5 {
			t.Errorf("at %v wide the text starts at %.1f, TextLeft says %.1f", width, got, want)
		}
	}
}
