package app

import (
	"reflect"
	"strings"
	"testing"
	"time"

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
			h.w.commentsDialog()
			settle(h.w)
			if got := commentQuote(t, c); got != want {
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
	h.w.commentsDialog()
	settle(h.w)
	if got := commentQuote(t, c); got != "" {
		t.Errorf("the other story's words are quoted: %q", got)
	}
}

// commentQuote is the text of the new comment's quote in the dialog on top.
func commentQuote(t *testing.T, c fyne.Canvas) string {
	t.Helper()
	// The comments are read on a goroutine, which opens the dialog through
	// fyne.Do; the limit only keeps a broken build from hanging.
	limit := time.Now().Add(20 * time.Second)
	for c.Overlays().Top() == nil && time.Now().Before(limit) {
		time.Sleep(time.Millisecond)
	}
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	quote, found := "", false
	walk(top, func(o fyne.CanvasObject) {
		v := reflect.ValueOf(o)
		if found || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return
		}
		ph, text := v.Elem().FieldByName("PlaceHolder"), v.Elem().FieldByName("Text")
		if ph.IsValid() && text.IsValid() && strings.HasPrefix(ph.String(), "Words of the headline") {
			quote, found = text.String(), true
		}
	})
	if !found {
		t.Fatalf("no quote field in %q", overlayText(c))
	}
	return quote
}
