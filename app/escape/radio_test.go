package escape

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/internal/heapcheck"
)

// The radio group built from checks behaves as Fyne's RadioGroup: a click
// or Space on an item picks it and unpicks the others, OnChanged hears
// each change once, a Required group keeps its pick when it is clicked
// again, and Tab walks the items.
func TestRadioGroupPicksAsFynesDoes(t *testing.T) {
	options := []string{"System", "Light", "Dark"}
	for _, tc := range []struct {
		name     string
		required bool
		act      func(r *RadioGroup)
		want     string
		heard    []string
	}{
		{"click an item", false, func(r *RadioGroup) { test.Tap(r.items[2]) }, "Dark", []string{"Dark"}},
		{"Space on an item", false, func(r *RadioGroup) { test.Type(r.items[0], " ") }, "System", []string{"System"}},
		{"click the picked item", false, func(r *RadioGroup) { test.Tap(r.items[1]) }, "", []string{""}},
		{"click the picked item, required", true, func(r *RadioGroup) { test.Tap(r.items[1]) }, "Light", nil},
		{"SetSelected", true, func(r *RadioGroup) { r.SetSelected("Dark") }, "Dark", []string{"Dark"}},
		{"SetSelected the picked one", true, func(r *RadioGroup) { r.SetSelected("Light") }, "Light", nil},
		{"two clicks", true, func(r *RadioGroup) { test.Tap(r.items[0]); test.Tap(r.items[2]) }, "Dark", []string{"System", "Dark"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := test.NewTempWindow(t, nil)
			var heard []string
			r := NewRadioGroup(w.Canvas(), options, nil)
			r.Required = tc.required
			r.SetSelected("Light")
			r.OnChanged = func(s string) { heard = append(heard, s) }
			w.SetContent(r)
			tc.act(r)
			if r.Selected != tc.want || !slices.Equal(heard, tc.heard) {
				t.Errorf("selected %q, OnChanged heard %q; want %q, %q", r.Selected, heard, tc.want, tc.heard)
			}
			for i, it := range r.items {
				if it.Checked != (options[i] == tc.want) {
					t.Errorf("item %q checked %v with %q picked", options[i], it.Checked, tc.want)
				}
			}
		})
	}
}

func TestRadioGroupTabWalksTheItems(t *testing.T) {
	w := test.NewTempWindow(t, nil)
	r := NewRadioGroup(w.Canvas(), []string{"System", "Light", "Dark"}, nil)
	r.Horizontal = true
	w.SetContent(r)
	c := w.Canvas()
	for i := range r.items {
		c.FocusNext()
		if c.Focused() != r.items[i] {
			t.Fatalf("Tab %d: the keyboard is in %v, want item %d", i+1, c.Focused(), i)
		}
	}
	test.Type(c.Focused(), " ")
	if r.Selected != "Dark" {
		t.Errorf("Space on the focused item picked %q, want Dark", r.Selected)
	}
}

// The items sit side by side in a horizontal group, one above another
// otherwise, in equal cells.
func TestRadioGroupLayout(t *testing.T) {
	for _, horizontal := range []bool{true, false} {
		w := test.NewTempWindow(t, nil)
		r := NewRadioGroup(w.Canvas(), []string{"System", "A much longer option"}, nil)
		r.Horizontal = horizontal
		w.SetContent(r)
		w.Resize(r.MinSize().AddWidthHeight(40, 40))
		a, b := r.items[0], r.items[1]
		if a.Size() != b.Size() {
			t.Errorf("horizontal %v: cells %v and %v", horizontal, a.Size(), b.Size())
		}
		pa, pb := fyne.CurrentApp().Driver().AbsolutePositionForObject(a), fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if side := pb.X > pa.X && pb.Y == pa.Y; side != horizontal {
			t.Errorf("horizontal %v: items at %v and %v", horizontal, pa, pb)
		}
	}
}

// Opening a dialog with a radio group keeps nothing once it is gone: a
// group drawn under a theme override of its own made Fyne parse the
// theme's fonts once more for each group and keep them (+60 MB for 40).
func TestRadioGroupsAreNotKept(t *testing.T) {
	w := test.NewTempWindow(t, nil)
	show := func() {
		r := NewRadioGroup(w.Canvas(), []string{"System", "Light", "Dark"}, nil)
		r.SetSelected("Light")
		w.SetContent(r)
		w.Canvas().Capture() // draws the text, as the window does
	}
	if grown := heapcheck.Kept(40, show, func() { w.SetContent(nil) }); grown > 8<<20 {
		t.Errorf("40 radio groups shown and dropped keep %d MB", grown>>20)
	}
}
