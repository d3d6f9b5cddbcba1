package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/history"
	"copydesk/storage"
)

// smallScreen is the smallest screen the window must fit: a netbook's.
var smallScreen = fyne.NewSize(1024, 600)

// realHistory wires app/history as cmd/copydesk does. (Not app/checks:
// it checks on a timer's goroutine, which the test driver's fyne.Do does
// not bring back to the test's.)
func realHistory() Extensions {
	return Extensions{
		History: func(w fyne.Window, s storage.Store, o HistoryOptions) ArticleView {
			return history.New(w, s, history.Options{Author: o.Author, Style: o.Style, OnRestored: o.OnRestored})
		},
	}
}

// History made the window wider than the screen (1280 → 1404 px inline,
// 2011 px side by side, more with a long revision label): nothing the
// window shows may ask for more than a small screen.
func TestWindowFitsASmallScreen(t *testing.T) {
	h := newHarnessWith(t, realHistory())
	h.w.win.Resize(smallScreen)
	h.openFixture(t)
	w := h.w
	// A second revision that changes the text, with the longest label the
	// store takes: the side-by-side headings carry it.
	test.Type(w.pane.headline, " (edited)")
	label := strings.Repeat("imported from /srv/wire/2019/10/16/", 10)[:storage.MaxLabelChars]
	w.SaveRevision(label)
	settle(w)
	if revs := h.revisions(t, w.doc.id); len(revs) != 2 || revs[1].Label != label {
		t.Fatalf("revisions: %+v", revs)
	}
	hv := w.history.(*history.View)
	fits := func(what string) {
		t.Helper()
		hv.Wait()
		settle(w)
		if got := w.win.Content().MinSize(); got.Width > smallScreen.Width || got.Height > smallScreen.Height {
			t.Errorf("%s: the window needs %v, more than a %v screen", what, got, smallScreen)
		}
	}
	fits("editing")
	press(w, ctrlShift(fyne.KeyH))
	fits("History inline")
	walk(hv, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok {
			r.SetSelected("Side by side")
		}
	})
	fits("History side by side")
}
