package checks

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/check"
)

// entryIn returns the first entry on the window's top overlay (the dialog).
func entryIn(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	var found *widget.Entry
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		if e, ok := o.(*widget.Entry); ok {
			found = e
			return
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				visit(k)
			}
		case fyne.Widget:
			r := test.TempWidgetRenderer(t, c)
			for _, k := range r.Objects() {
				visit(k)
			}
		}
	}
	visit(top)
	if found == nil {
		t.Fatal("the dialog has no entry")
	}
	return found
}

func dialogWindow(t *testing.T) fyne.Window {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("story"))
	w.Resize(fyne.NewSize(640, 480))
	return w
}

func TestConfirmOverride(t *testing.T) {
	w := dialogWindow(t)
	over := []editor.LimitCount{{Field: "headline", Unit: "chars", Used: 96, Max: 90}}
	var notes []string
	d := ConfirmOverride(w, over, func(n string) { notes = append(notes, n) })
	d.Submit() // no reason yet: refused
	if len(notes) != 0 {
		t.Fatalf("submitted without a reason: %v", notes)
	}
	test.Type(entryIn(t, w), "breaking news")
	if *pngOut != "" {
		savePNG(t, w, strings.TrimSuffix(*pngOut, ".png")+"-override.png")
	}
	d.Submit()
	want := "override: headline 96/90 characters over the section's limit — breaking news"
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

func TestAskCorrection(t *testing.T) {
	w := dialogWindow(t)
	last := "An earlier version said 76."
	var notes []string
	d := AskCorrection(w, last, func(n string) { notes = append(notes, n) })
	e := entryIn(t, w)
	test.Type(e, last)
	d.Submit()
	if len(notes) != 0 {
		t.Fatalf("the last note was accepted again: %v", notes)
	}
	e.SetText("  An earlier version gave the number of countries as 76; it is 79. ")
	if *pngOut != "" {
		savePNG(t, w, strings.TrimSuffix(*pngOut, ".png")+"-correction.png")
	}
	d.Submit()
	if len(notes) != 1 || notes[0] != "An earlier version gave the number of countries as 76; it is 79." {
		t.Errorf("notes %q", notes)
	}
}

func TestConfirmEmbargoAndLimitLabel(t *testing.T) {
	w := dialogWindow(t)
	msk := time.FixedZone("MSK", 3*3600)
	a := &editor.Article{Embargo: time.Date(2019, 10, 16, 12, 0, 0, 0, msk)}
	err := check.EmbargoBlocks(a, time.Date(2019, 10, 16, 7, 5, 0, 0, time.UTC))
	var ee *check.EmbargoError
	if e, ok := err.(*check.EmbargoError); ok {
		ee = e
	} else {
		t.Fatalf("no embargo error: %v", err)
	}
	forced := 0
	d := ConfirmEmbargo(w, ee, func() { forced++ })
	d.Confirm()
	if forced != 1 {
		t.Errorf("forced %d times", forced)
	}

	l := NewLimitLabel()
	tests := []struct {
		c    editor.LimitCount
		text string
		imp  widget.Importance
		hid  bool
	}{
		{editor.LimitCount{Used: 72, Max: 90}, "72/90", widget.LowImportance, false},
		{editor.LimitCount{Used: 85, Max: 90}, "85/90", widget.WarningImportance, false},
		{editor.LimitCount{Used: 96, Max: 90}, "96/90", widget.DangerImportance, false},
		{editor.LimitCount{Used: 10}, "96/90", widget.DangerImportance, true},
	}
	for _, tc := range tests {
		l.Set(tc.c)
		if l.Text != tc.text || l.Importance != tc.imp || l.Hidden != tc.hid {
			t.Errorf("%v: %q %v hidden %v", tc.c, l.Text, l.Importance, l.Hidden)
		}
	}
}
