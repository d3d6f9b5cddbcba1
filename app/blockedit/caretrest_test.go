package blockedit

import (
	"strings"
	"testing"
	"time"
)

// After a while without input the caret stops blinking: Entry's blinking
// caret (an animation redrawing the window for as long as it runs) gives
// way to a steady one where it stood, and the next key brings the
// blinking one back; the keyboard stays with the entry all along.
func TestCaretRestsAfterIdle(t *testing.T) {
	defer func(d time.Duration) { CaretRest = d }(CaretRest)
	CaretRest = 7 * time.Second
	ed, w := newTestEditor(t, "First paragraph.\n\nSecond paragraph.")
	var pending func()
	var delay time.Duration
	ed.rest.after = func(d time.Duration, f func()) func() {
		delay, pending = d, f
		return func() { pending = nil }
	}
	ed.FocusBlock(1, 6)
	e := rowOf(t, ed, 1).entry
	if pending == nil || delay != CaretRest {
		t.Fatalf("no rest scheduled on focus (delay %v)", delay)
	}
	if e.parked || rowOf(t, ed, 1).restMark.Visible() {
		t.Fatal("a caret at rest before any wait")
	}
	want := e.Position().Add(caretPos(&e.Entry, 6, e.Theme().Size("inputBorder")))

	pending()
	if !e.parked {
		t.Fatal("the caret did not come to rest")
	}
	mark := rowOf(t, ed, 1).restMark
	if !mark.Visible() {
		t.Fatal("at rest, no steady caret is drawn")
	}
	if got := mark.Position(); absf(got.X-want.X) > 2 || absf(got.Y-want.Y) > 2 {
		t.Errorf("the steady caret is at %v, the caret was at %v", got, want)
	}
	if w.Canvas().Focused() != e {
		t.Error("coming to rest took the keyboard away")
	}

	typeText(t, w, "x")
	if e.parked || mark.Visible() {
		t.Error("a key did not wake the caret")
	}
	if !strings.Contains(ed.Body(), "Secondx paragraph") {
		t.Errorf("the key went astray: %q", ed.Body())
	}
	if pending == nil {
		t.Error("no new rest scheduled after the key")
	}
	// Leaving the entry stops the wait.
	ed.FocusBlock(0, 0)
	if rowOf(t, ed, 1).restMark.Visible() {
		t.Error("a steady caret is left behind in the entry left")
	}
}

func absf(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
