package escape

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Escape typed into each of the package's widgets closes the form it sits
// in as its Cancel button does, and only Escape: another key is the
// widget's (Space picks a radio item, checks a check, opens a select).
func TestEscapeInAWidgetCancelsTheDialog(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(c fyne.Canvas) (fyne.CanvasObject, fyne.Focusable)
	}{
		{"entry", func(c fyne.Canvas) (fyne.CanvasObject, fyne.Focusable) { e := NewEntry(c); return e, e }},
		{"check", func(c fyne.Canvas) (fyne.CanvasObject, fyne.Focusable) {
			ch := NewCheck(c, "Desk copy", nil)
			return ch, ch
		}},
		{"select", func(c fyne.Canvas) (fyne.CanvasObject, fyne.Focusable) {
			s := NewSelect(c, []string{"AP", "Reuters"}, nil)
			return s, s
		}},
		{"radio item", func(c fyne.Canvas) (fyne.CanvasObject, fyne.Focusable) {
			r := NewRadioGroup(c, []string{"System", "Light", "Dark"}, nil)
			r.Horizontal = true
			return r, r.items[1]
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := test.NewTempWindow(t, widget.NewLabel("desk"))
			w.Resize(fyne.NewSize(800, 600))
			c := w.Canvas()
			obj, focus := tc.make(c)
			answers := 0
			var confirmed bool
			d := dialog.NewForm("Settings", "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("Choice", obj)},
				func(ok bool) { answers++; confirmed = ok }, w)
			d.Show()
			c.Focus(focus)
			if c.Focused() != focus {
				t.Fatalf("the keyboard is in %T", c.Focused())
			}
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if c.Overlays().Top() != nil {
				t.Fatal("Escape left the dialog open")
			}
			if answers != 1 || confirmed {
				t.Errorf("the dialog answered %d times, confirmed %v; want once, cancelled", answers, confirmed)
			}
		})
	}
}

// With no dialog to close (a widget outside a dialog), Escape is the
// widget's, as in Fyne.
func TestEscapeWithoutADialogIsTheWidgets(t *testing.T) {
	w := test.NewTempWindow(t, nil)
	s := NewSelect(w.Canvas(), []string{"AP", "Reuters"}, nil)
	s.SetSelected("AP")
	w.SetContent(s)
	w.Canvas().Focus(s)
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s.Selected != "Reuters" {
		t.Errorf("Right after Escape selected %q, want Reuters", s.Selected)
	}
}
