package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// textX is the absolute x of the first drawn text starting with prefix.
func textX(root fyne.CanvasObject, prefix string) (float32, bool) {
	var x float32
	found := false
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if found || o == nil || !o.Visible() {
			return
		}
		p := at.Add(o.Position())
		if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, prefix) {
			x, found = p.X, true
			return
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				visit(k, p)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(c); r != nil {
				for _, k := range r.Objects() {
					visit(k, p)
				}
			}
		}
	}
	visit(root, fyne.Position{})
	return x, found
}

// The dateline above the body starts where the body's text starts, also
// in a wide window, where the body is a centred column (it stayed at the
// left edge).
func TestDatelineLinesUpWithTheBody(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	w := h.w
	for _, size := range []fyne.Size{fyne.NewSize(1280, 800), fyne.NewSize(1920, 1080), fyne.NewSize(2400, 1080)} {
		w.win.Resize(size)
		c := w.win.Canvas()
		dl, ok1 := textX(c.Content(), "SOCHI, October 16.")
		body, ok2 := textX(c.Content(), "The Islamic State terrorist")
		if !ok1 || !ok2 {
			t.Fatalf("at %v: dateline drawn %v, body drawn %v", size, ok1, ok2)
		}
		if d := dl - body; d < -2 || d > 2 {
			t.Errorf("at %v the dateline starts at x=%.0f, the body's text at x=%.0f", size, dl, body)
		}
	}
}
