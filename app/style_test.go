package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/editor"
)

// styleSelects returns the pickers under o that offer the house styles.
func styleSelects(o fyne.CanvasObject) []*widget.Select {
	var labels []string
	for _, s := range editor.Styles {
		labels = append(labels, s.Label())
	}
	var found []*widget.Select
	walk(o, func(o fyne.CanvasObject) {
		s, ok := o.(*widget.Select)
		if e, esc := o.(*escape.Select); esc {
			s, ok = &e.Select, true // Settings' picker closes the dialog on Escape
		}
		if ok && slices.Equal(s.Options, labels) {
			found = append(found, s)
		}
	})
	return found
}

// setHouseStyle changes the house style as a person does: in File ›
// Settings…, then Save.
func setHouseStyle(t testing.TB, w *Window, s editor.Style) {
	t.Helper()
	w.settingsDialog()
	c := w.win.Canvas()
	pickers := styleSelects(c.Overlays().Top())
	if len(pickers) != 1 {
		t.Fatalf("Settings has %d style pickers", len(pickers))
	}
	pickers[0].SetSelected(s.Label())
	save := findButton(c, "Save")
	if save == nil {
		t.Fatal("Settings has no Save button")
	}
	test.Tap(save)
	settle(w)
}

// "Style" in one story's Dateline section changed the whole desk: every
// story's dateline, its limits and its exports. The house style is a desk
// setting: the panel shows it, with where to change it, and only Settings
// changes it.
func TestHouseStyleIsChangedOnlyInSettings(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	w := h.w
	m := w.meta
	if got := styleSelects(m.Content); len(got) != 0 {
		t.Fatalf("the metadata panel has a house style picker (%v): it changed every story's style", got[0].Options)
	}
	var item *widget.FormItem
	walk(m.Content, func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == "Style" {
					item = it
				}
			}
		}
	})
	if item == nil {
		t.Fatal("the Dateline section shows no style")
	}
	shown := func() string {
		l, ok := item.Widget.(*widget.Label)
		if !ok {
			t.Fatalf("the style is a %T, not a plain label", item.Widget)
		}
		return l.Text
	}
	if got := shown(); !strings.HasPrefix(got, "TASS ") || !strings.HasPrefix(m.Preview.Text, "SOCHI, October 16. /TASS/.") {
		t.Errorf("the panel shows style %q, dateline %q", got, m.Preview.Text)
	}
	if got := shown(); !strings.Contains(got, "Settings") {
		t.Errorf("the panel's style %q does not say where to change it", got)
	}
	setHouseStyle(t, w, editor.StyleAP)
	if got := shown(); w.settings.Style() != editor.StyleAP || !strings.HasPrefix(got, "AP ") || !strings.HasPrefix(m.Preview.Text, "SOCHI (TASS) —") {
		t.Errorf("after Settings: setting %s, panel %q, dateline %q", w.settings.Style(), got, m.Preview.Text)
	}
	if w.dirty {
		t.Error("changing the desk's style marked the story as edited")
	}
}
