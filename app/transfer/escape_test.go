package transfer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/editor/formats"
)

// A click on "Desk copy" or on a format gives it the keyboard; Escape
// then closes File › Export… as Cancel does (it did nothing: Fyne's
// check and radio items ignore Escape): no file is asked for, nothing is
// loaded or exported, the format is not remembered.
func TestEscapeFromAChoiceCancelsTheExport(t *testing.T) {
	for _, tc := range []struct {
		name string
		pick func(dialog fyne.CanvasObject) []fyne.Focusable // the last is pressed
	}{
		// Desk copy is the dialog's last check, after the formats.
		{"Desk copy", func(d fyne.CanvasObject) []fyne.Focusable { return focusables(d, "Check") }},
		{"a format", func(d fyne.CanvasObject) []fyne.Focusable {
			var second []fyne.Focusable
			visit(d, func(o fyne.CanvasObject) {
				if typeName(o) == "RadioGroup" && second == nil {
					second = focusables(o, "")[1:2]
				}
			})
			return second
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ids := deskWith(t, "fsb")
			w := test.NewTempWindow(t, nil)
			w.Resize(fyne.NewSize(1024, 600))
			c := w.Canvas()
			loads := 0
			load := func(ctx context.Context, id string) (*editor.Article, formats.ExportOptions, error) {
				loads++
				return StoreLoader(s, editor.StyleAP)(ctx, id)
			}
			Export(w, ids, load, formats.ExportFormats[0], func(formats.Format) { t.Error("Escape remembered a format") })
			f := tc.pick(c.Overlays().Top())
			if len(f) == 0 {
				t.Fatal("not in the dialog")
			}
			c.Focus(f[len(f)-1])
			c.Focused().TypedRune(' ') // checks Desk copy, picks the format
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if c.Overlays().Top() != nil {
				t.Fatal("Escape left the dialog open")
			}
			if loads != 0 {
				t.Errorf("Escape loaded the story %d times for an export", loads)
			}
		})
	}
}

// focusables are the widgets under o that can take the keyboard whose
// type is named kind (any, for ""), Fyne's or app/escape's, which keep
// Fyne's names.
func focusables(o fyne.CanvasObject, kind string) []fyne.Focusable {
	var out []fyne.Focusable
	visit(o, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok && (kind == "" || typeName(o) == kind) {
			out = append(out, f)
		}
	})
	return out
}

func typeName(o fyne.CanvasObject) string {
	s := fmt.Sprintf("%T", o)
	return s[strings.LastIndex(s, ".")+1:]
}

// visit calls f for o and everything in it, widgets entered through
// their renderers.
func visit(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visit(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visit(c, f)
		}
	}
}
