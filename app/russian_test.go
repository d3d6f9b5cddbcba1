package app

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/history"
	"copydesk/app/i18n"
	"copydesk/app/i18n/i18ntest"
)

// russianAllow are the words a Russian window shows as they are: key
// names, format and style names, zone names, language codes, the story's
// slug.
var russianAllow = []string{
	"Ctrl", "Shift", "Alt", "Super", "Enter", "Backspace", "Copydesk", "NITF", "ninjs",
	"TASS", "AP", "Reuters", "UTC", "GMT", "IANA", "WORLD-SYRIA", "English",
}

// russianHarness is the window under Russian over the TASS story, with
// the real History tab.
func russianHarness(t *testing.T) (*harness, map[string]any, []string) {
	t.Helper()
	if _, err := i18n.Setup(i18n.Russian); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	dict, err := i18n.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	keep, err := os.ReadFile("i18n/translations/keep.txt")
	if err != nil {
		t.Fatal(err)
	}
	allow := slices.Clone(russianAllow)
	for _, l := range strings.Split(string(keep), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			allow = append(allow, l)
		}
	}
	// The real History; not the real Checks (it checks on a timer's
	// goroutine, which the test driver does not bring back): its panel has
	// a Russian test of its own in app/checks.
	h := newHarnessWith(t, realHistory())
	h.openFixture(t)
	settle(h.w)
	return h, dict, allow
}

// storyText leaves out what the story itself shows: the body's rows, the
// fields as typed (a field's placeholder, shown while it is empty, is the
// window's), the tags, the dateline as filed, the story's language code,
// the library rows' headlines.
func storyText(w *Window) func(fyne.CanvasObject) bool {
	story := append([]string{w.pane.headline.Text}, w.Article().Tags...)
	return func(o fyne.CanvasObject) bool {
		switch o := o.(type) {
		case *widget.Label:
			return slices.Contains(story, o.Text) || o == w.meta.Preview || o == w.pane.dateline
		case *widget.Button:
			return slices.Contains(story, o.Text)
		case *field.Entry:
			return o.Text != ""
		case *widget.Select:
			return o == w.meta.Language
		}
		return o == w.pane.body
	}
}

// shortcutKey is a key as the shortcut list names it: Ctrl+Shift+S.
var shortcutKey = regexp.MustCompile(`^((Ctrl|Shift|Alt|Super)\+)+\S+( / ((Ctrl|Shift|Alt|Super)\+)+\S+)*$`)

// windowTexts are the texts to look at: shortcut keys and the build's
// version ("Copydesk test") left out.
func windowTexts(texts []string) []string {
	return slices.DeleteFunc(texts, func(s string) bool { return shortcutKey.MatchString(s) || s == "Copydesk test" })
}

// Under Russian the whole window (the story open, each tab, the menus,
// Settings, the shortcut list, About) shows no English of its own: no
// text that is a dictionary key, and no text in Latin letters only apart
// from names.
func TestWholeWindowInRussian(t *testing.T) {
	h, dict, allow := russianHarness(t)
	w := h.w
	skip := storyText(w)
	look := func(what string, extra ...string) {
		t.Helper()
		settle(w)
		texts := windowTexts(append(i18ntest.CanvasTexts(w.win.Canvas(), skip), extra...))
		if left := i18ntest.Untranslated(texts, dict); len(left) > 0 {
			t.Errorf("%s: English left: %q", what, left)
		}
		if left := i18ntest.LatinOnly(texts, allow); len(left) > 0 {
			t.Errorf("%s: text with no Russian: %q", what, left)
		}
	}
	closeOverlays := func() {
		for _, o := range w.win.Canvas().Overlays().List() {
			w.win.Canvas().Overlays().Remove(o)
		}
	}
	var menus []string
	for _, m := range i18ntest.MenuTexts(w.win.MainMenu()) {
		if m != "" {
			menus = append(menus, m)
		}
	}
	look("the story open, Metadata", menus...)
	w.rightTabs.Select(w.checksTab)
	look("Checks")
	w.centreTabs.Select(w.historyTab)
	w.history.(*history.View).Wait()
	look("History")
	w.centreTabs.Select(w.editTab)
	w.rightTabs.Select(w.metaTab)
	for _, d := range []struct {
		name string
		show func()
	}{
		{"Settings", w.settingsDialog},
		{"Keyboard shortcuts", w.shortcutsDialog},
		{"About", w.aboutDialog},
		// Not Comments: it reads the store on a goroutine of its own; its
		// dialog has a Russian test in app/review.
	} {
		d.show()
		look(d.name)
		closeOverlays()
	}
	if !slices.Contains(i18ntest.CanvasTexts(w.win.Canvas(), skip), "Метаданные") {
		t.Errorf("the Metadata tab is not in Russian: %q", i18ntest.CanvasTexts(w.win.Canvas(), skip))
	}
}
