package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/field"
)

// The mouse wheel scrolls the metadata panel with the pointer over a
// field, as over the labels between them. The driver gives the event to
// the deepest Scrollable under the pointer; scrollableAt finds it the
// same way (the last match of a walk of the visible tree).
func TestWheelScrollsTheMetadataOverAField(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	w := h.w
	w.win.Resize(fyne.NewSize(1280, 800))
	c := w.win.Canvas()
	for _, f := range []*field.Entry{w.meta.Section, w.meta.Place} {
		w.meta.Scroll.ScrollToTop()
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f).Add(fyne.NewPos(10, 10))
		target := scrollableAt(c.Content(), pos)
		if target == nil {
			t.Fatal("nothing scrollable under the field")
		}
		target.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
		if w.meta.Scroll.Offset.Y <= 0 {
			t.Errorf("the wheel over the %q field did not scroll the panel (it went to %T)", f.PlaceHolder, target)
		}
	}
}

// scrollableAt is the deepest visible Scrollable at pos, as the desktop
// driver picks it for a wheel event.
func scrollableAt(root fyne.CanvasObject, pos fyne.Position) fyne.Scrollable {
	var found fyne.Scrollable
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		p := at.Add(o.Position())
		s := o.Size()
		if pos.X < p.X || pos.Y < p.Y || pos.X >= p.X+s.Width || pos.Y >= p.Y+s.Height {
			return
		}
		if sc, ok := o.(fyne.Scrollable); ok {
			found = sc
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				visit(k, p)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(x); r != nil {
				for _, k := range r.Objects() {
					visit(k, p)
				}
			}
		}
	}
	visit(root, fyne.Position{})
	return found
}
