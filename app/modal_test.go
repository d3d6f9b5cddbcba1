package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Enter in the label field saves the labelled revision, as the Save
// button does.
func TestEnterSubmitsTheLabelDialog(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	test.Type(w.pane.headline, " (update)")
	press(w, ctrlShift(fyne.KeyS))
	c := w.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("Ctrl+Shift+S showed no dialog")
	}
	test.Type(c.Focused(), "night desk")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(w)
	if c.Overlays().Top() != nil {
		t.Error("Enter left the dialog open")
	}
	if revs := h.revisions(t, id); len(revs) != 2 || revs[1].Label != "night desk" {
		t.Fatalf("revisions after Enter: %+v", revs)
	}
}

// While a modal dialog is up, the window's shortcuts do nothing: Ctrl+S
// behind the label dialog saved a revision, Ctrl+N left the story.
func TestShortcutsWaitForAnOpenDialog(t *testing.T) {
	for _, c := range []struct {
		name string
		sc   fyne.Shortcut
	}{
		{"Ctrl+S", ctrl(fyne.KeyS)},
		{"Ctrl+N", ctrl(fyne.KeyN)},
		{"Ctrl+Shift+H", ctrlShift(fyne.KeyH)},
		{"Ctrl+P", ctrl(fyne.KeyP)},
		{"Ctrl+Z", &fyne.ShortcutUndo{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			id := h.openFixture(t)
			w := h.w
			test.Type(w.pane.headline, " (update)")
			w.aboutDialog()
			cv := w.win.Canvas()
			dlg := cv.Overlays().Top()
			if dlg == nil {
				t.Fatal("About showed no dialog")
			}
			headline := w.pane.headline.Text
			press(w, c.sc)
			settle(w)
			if n := len(h.revisions(t, id)); n != 1 {
				t.Errorf("%s behind a dialog made a revision (%d)", c.name, n)
			}
			if w.doc == nil || w.doc.ID != id {
				t.Errorf("%s behind a dialog left the story", c.name)
			}
			if w.centreTabs.SelectedIndex() != 0 {
				t.Errorf("%s behind a dialog switched the tab", c.name)
			}
			if cv.Overlays().Top() != dlg {
				t.Errorf("%s behind a dialog opened another", c.name)
			}
			if w.pane.headline.Text != headline {
				t.Errorf("%s behind a dialog changed the headline to %q", c.name, w.pane.headline.Text)
			}
		})
	}
}
