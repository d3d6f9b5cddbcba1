package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Article › Comments… chosen with the mouse quotes the words selected in
// the copy: the menu bar takes the keyboard first (Fyne unfocuses the
// canvas when the menu opens), and the dialog opened with an empty quote.
func TestCommentFromTheMenuKeepsTheSelection(t *testing.T) {
	for _, tc := range []struct {
		name   string
		selct  func(w *Window)
		want   func(w *Window) string
		viaKey bool // Ctrl+Alt+M: the keyboard stays where the words are
	}{
		{"headline", func(w *Window) {
			w.win.Canvas().Focus(w.pane.headline)
			w.pane.headline.TypedShortcut(&fyne.ShortcutSelectAll{})
		}, func(w *Window) string { return w.pane.headline.Text }, false},
		{"standfirst", func(w *Window) {
			w.win.Canvas().Focus(w.pane.standfirst)
			w.pane.standfirst.TypedShortcut(&fyne.ShortcutSelectAll{})
		}, func(w *Window) string { return w.pane.standfirst.Text }, false},
		{"one paragraph of the body", func(w *Window) {
			w.pane.body.FocusBlock(1, 0)
			press(w, &fyne.ShortcutSelectAll{})
		}, func(w *Window) string { return w.pane.body.SelectedText() }, false},
		{"the whole body", func(w *Window) {
			w.pane.body.FocusBlock(1, 0)
			press(w, &fyne.ShortcutSelectAll{})
			press(w, &fyne.ShortcutSelectAll{})
		}, func(w *Window) string { return w.pane.body.SelectedText() }, false},
		{"the whole body, Ctrl+Alt+M", func(w *Window) {
			w.pane.body.FocusBlock(1, 0)
			press(w, &fyne.ShortcutSelectAll{})
			press(w, &fyne.ShortcutSelectAll{})
		}, func(w *Window) string { return w.pane.body.SelectedText() }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.openFixture(t)
			settle(h.w)
			tc.selct(h.w)
			want := strings.TrimSpace(tc.want(h.w))
			if want == "" {
				t.Fatal("nothing selected")
			}
			c := h.w.win.Canvas()
			if !tc.viaKey {
				c.Unfocus() // what the menu bar does when it opens
			}
			if got := strings.TrimSpace(h.w.quote()); got != want {
				t.Errorf("the quote is %q, want %q", got, want)
			}
		})
	}
}

// A story opened afterwards starts with no quote from the one before.
func TestCommentQuoteForgottenWithTheStory(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	c := h.w.win.Canvas()
	c.Focus(h.w.pane.headline)
	h.w.pane.headline.TypedShortcut(&fyne.ShortcutSelectAll{})
	c.Unfocus()
	h.openFixture(t)
	settle(h.w)
	if got := h.w.quote(); got != "" {
		t.Errorf("the other story's words are quoted: %q", got)
	}
}
