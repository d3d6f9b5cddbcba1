package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/field"
)

// Typing a query shows its first match at once, not only after Next; a
// Replace says what it did and what is left, not a bare "not found" when
// the last match was replaced.
func TestFindBarShowsAndReplaces(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	w := h.w
	press(w, ctrl(fyne.KeyH))
	f := w.pane.find
	typeRunes(w, "terrorist militants")
	if f.count.Text != "1 match" {
		t.Fatalf("count %q", f.count.Text)
	}
	if !f.has || f.cur.Text != "terrorist militants" {
		t.Errorf("the one match is not shown while typing: has %v, %+v", f.has, f.cur)
	}
	f.with.SetText("fighters")
	test.Tap(findButton(w.win.Canvas(), "Replace"))
	if !strings.Contains(w.pane.body.Body(), "foreign fighters") {
		t.Fatal("Replace did not replace")
	}
	if got := f.count.Text; got != "replaced, none left" {
		t.Errorf("after replacing the last match the bar says %q", got)
	}
	f.query.SetText("Bortnikov")
	n := strings.Count(w.pane.body.Body(), "Bortnikov")
	f.with.SetText("the FSB director")
	test.Tap(findButton(w.win.Canvas(), "Replace"))
	if got, want := f.count.Text, "replaced, "+field.Thousands(n-1)+" left"; got != want {
		t.Errorf("after one of %d replaced the bar says %q, want %q", n, got, want)
	}
}
