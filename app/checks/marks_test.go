package checks

import (
	"testing"
	"time"

	"copydesk/editor/check"
	"copydesk/editor/check/spell"
)

// TestPanelLendsItsSpeller: the window's marks get the panel's findings
// for one stretch of text, and a word added through AddWord (as from a
// mark's menu) is kept in the desk dictionary, reported through
// OnSpellingChanged, and no longer marked.
func TestPanelLendsItsSpeller(t *testing.T) {
	if _, err := spell.Shared.Dictionary("en"); err != nil {
		t.Skip(err)
	}
	st := openStore(t)
	h := newHarness(t, st)
	changed := make(chan struct{}, 4)
	h.p.OnSpellingChanged(func() { changed <- struct{}{} })
	text := "Director Bortnikov spoke."
	want := []check.Span{{Start: 9, End: 18, Word: "Bortnikov"}}
	if got := h.p.Misspelled("en", text); len(got) != 1 || got[0] != want[0] {
		t.Fatalf("Misspelled = %+v, want %+v", got, want)
	}
	if s := h.p.Suggest("en", "recieve"); len(s) == 0 {
		t.Error("no suggestions for recieve")
	}
	h.p.AddWord("Bortnikov")
	select {
	case <-changed:
	case <-time.After(30 * time.Second):
		t.Fatal("OnSpellingChanged was not called")
	}
	if got := h.p.Misspelled("en", text); len(got) != 0 {
		t.Fatalf("after AddWord: %+v", got)
	}
	h.p.Reload() // read the desk dictionary back from the store
	if got := h.p.Misspelled("en", text); len(got) != 0 {
		t.Fatalf("the desk did not keep the word: %+v", got)
	}
}
