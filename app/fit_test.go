package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/history"
	"copydesk/app/i18n"
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
func TestWindowFitsASmallScreen(t *testing.T) { windowFitsASmallScreen(t) }

// Russian labels are longer ("Сохранить версию с пометкой…"): the window
// fits the small screen in Russian too, Settings and the shortcut list
// open.
func TestWindowFitsASmallScreenInRussian(t *testing.T) {
	if _, err := i18n.Setup(i18n.Russian); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	w := windowFitsASmallScreen(t)
	for name, show := range map[string]func(){"Settings": w.settingsDialog, "Keyboard shortcuts": w.shortcutsDialog} {
		show()
		settle(w)
		for _, o := range w.win.Canvas().Overlays().List() {
			if got := o.MinSize(); got.Width > smallScreen.Width || got.Height > smallScreen.Height {
				t.Errorf("%s needs %v, more than a %v screen", name, got, smallScreen)
			}
			w.win.Canvas().Overlays().Remove(o)
		}
	}
}

func windowFitsASmallScreen(t *testing.T) *Window {
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
	if revs := h.revisions(t, w.doc.ID); len(revs) != 2 || revs[1].Label != label {
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
			r.SetSelected(i18n.T("Side by side"))
		}
	})
	fits("History side by side")
	return w
}

// A size remembered on a larger screen, or forced on the window by a
// layout that was too wide, opened the window past the screen's edges.
func TestWindowSizeIsFittedToTheScreen(t *testing.T) {
	for _, tc := range []struct {
		name         string
		saved        fyne.Size
		screen       fyne.Size // zero: unknown
		opens, saves fyne.Size
	}{
		{"wider than the screen", fyne.NewSize(2011, 800), smallScreen, fyne.NewSize(1024, 600), fyne.NewSize(1024, 600)},
		{"fits", fyne.NewSize(1280, 800), fyne.NewSize(1920, 1080), fyne.NewSize(1280, 800), fyne.NewSize(1280, 800)},
		{"taller than the screen", fyne.NewSize(1000, 900), fyne.NewSize(1280, 800), fyne.NewSize(1000, 800), fyne.NewSize(1000, 800)},
		{"screen unknown", fyne.NewSize(2011, 800), fyne.Size{}, fyne.NewSize(2011, 800), fyne.NewSize(2011, 800)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := screen
			t.Cleanup(func() { screen = saved })
			screen = func(fyne.Canvas) (fyne.Size, bool) { return tc.screen, !tc.screen.IsZero() }
			a := test.NewTempApp(t)
			NewSettings(a.Preferences(), "", "").SetWindowSize(tc.saved)
			h := newHarnessOn(t, a, t.TempDir(), Extensions{}, nil)
			if h.opened != tc.opens {
				t.Errorf("saved %v, screen %v: opened at %v, want %v", tc.saved, tc.screen, h.opened, tc.opens)
			}
			h.w.win.Resize(tc.saved)
			h.w.requestClose()
			if got := h.w.settings.WindowSize(); got != tc.saves {
				t.Errorf("closed at %v on a %v screen: saved %v, want %v", tc.saved, tc.screen, got, tc.saves)
			}
		})
	}
}

// The find bar's count, options and buttons sat in one row: once a count
// showed, the window needed 1,055–1,060 px on a 1024-pixel screen (found
// by the monkey at 1024×600).
func TestFindBarFitsASmallScreen(t *testing.T) {
	h := newHarness(t)
	h.w.win.Resize(smallScreen)
	h.openFixture(t)
	w := h.w
	press(w, ctrl(fyne.KeyH))
	test.Type(w.pane.find.query, "no such words anywhere in this story at all")
	w.pane.find.count.SetText("replaced, 12,345 left of what was found in the body")
	settle(w)
	if got := w.win.Content().MinSize(); got.Width > smallScreen.Width || got.Height > smallScreen.Height {
		t.Errorf("with the find bar open the window needs %v, more than a %v screen", got, smallScreen)
	}
}
