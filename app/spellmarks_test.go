package app

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"

	"copydesk/app/blockedit"
	"copydesk/editor/check"
	cdstorage "copydesk/storage"
)

// fakeSpelling is a Checks tab that lends a speller knowing a few bad
// words, as app/checks.Panel does.
type fakeSpelling struct {
	*fakeView
	bad     map[string][]string
	changed func()
	added   []string
}

func (f *fakeSpelling) Misspelled(_, text string) []check.Span {
	var out []check.Span
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if _, bad := f.bad[string(rs[i:j])]; bad {
			out = append(out, check.Span{Start: i, End: j, Word: string(rs[i:j])})
		}
		i = j
	}
	return out
}

func (f *fakeSpelling) Suggest(_, w string) []string { return f.bad[w] }

func (f *fakeSpelling) AddWord(w string) {
	f.added = append(f.added, w)
	delete(f.bad, w)
	f.changed()
}

func (f *fakeSpelling) OnSpellingChanged(g func()) { f.changed = g }

func newSpellHarness(t *testing.T) (*harness, *fakeSpelling) {
	t.Helper()
	chk := &fakeSpelling{fakeView: newFakeView(), bad: map[string][]string{"Bortnikov": {"Bortnik"}, "recieve": {"receive", "relieve"}}}
	h := newHarnessWith(t, Extensions{Checks: func(fyne.Window, cdstorage.Store, ChecksOptions) ChecksView { return chk }})
	a := fixtureArticle(t)
	a.Headline = "Bortnikov says IS runs offshoots"
	id := h.put(t, a)
	if err := h.w.Open(id); err != nil {
		t.Fatal(err)
	}
	return h, chk
}

func TestSpellMarksInEveryField(t *testing.T) {
	h, chk := newSpellHarness(t)
	w := h.w
	body := w.pane.body
	if got := spanWords(w.pane.headline.Marks.Spans()); got != "Bortnikov" {
		t.Fatalf("headline marks %q", got)
	}
	if got := spanWords(w.pane.standfirst.Marks.Spans()); got != "" {
		t.Fatalf("standfirst marks %q, want none (no bad words)", got)
	}
	first := -1
	for i, b := range body.Blocks() {
		if strings.Contains(b.Text, "Bortnikov") {
			first = i
			break
		}
	}
	body.FocusBlock(first, 0)
	if got := spanWords(body.SpellMarks(first)); !strings.HasPrefix(got, "Bortnikov") {
		t.Fatalf("body block %d marks %q", first, got)
	}

	// Right-click on the headline's mark: Add to desk dictionary unmarks
	// the word in every field.
	w.win.Canvas().Focus(w.pane.headline)
	w.pane.headline.CursorColumn = 3
	press(w, ctrl(fyne.KeyPeriod))
	m := w.spellMenuShown
	if m == nil || menuText(m) != "Bortnik|Add “Bortnikov” to desk dictionary" {
		t.Fatalf("headline menu %v", m)
	}
	m.Items[len(m.Items)-1].Action()
	if len(chk.added) != 1 || chk.added[0] != "Bortnikov" {
		t.Fatalf("added %q", chk.added)
	}
	if got := spanWords(w.pane.headline.Marks.Spans()); got != "" {
		t.Errorf("headline still marked: %q", got)
	}
	for i := range body.Blocks() {
		if got := spanWords(body.SpellMarks(i)); got != "" {
			t.Errorf("body block %d still marked: %q", i, got)
		}
	}
}

// TestSpellFixInTheHeadline: a suggestion picked from the mark's menu
// replaces the word, and the mark goes.
func TestSpellFixInTheHeadline(t *testing.T) {
	h, _ := newSpellHarness(t)
	w := h.w
	hl := w.pane.headline
	w.win.Canvas().Focus(hl)
	hl.CursorColumn = len(hl.Text)
	typeRunes(w, " to recieve")
	if got := spanWords(hl.Marks.Spans()); got != "Bortnikov" {
		t.Fatalf("marks while typing %q, want the word being typed left alone", got)
	}
	hl.CursorColumn = 5 // the caret moves on: the typed word is marked
	hl.Marks.Refresh()
	if got := spanWords(hl.Marks.Spans()); got != "Bortnikov,recieve" {
		t.Fatalf("marks %q", got)
	}
	hl.CursorColumn = len([]rune(hl.Text)) - 2
	press(w, ctrl(fyne.KeyPeriod))
	if w.spellMenuShown == nil || menuText(w.spellMenuShown) != "receive|relieve|Add “recieve” to desk dictionary" {
		t.Fatalf("menu %v", w.spellMenuShown)
	}
	w.spellMenuShown.Items[0].Action()
	if hl.Text != "Bortnikov says IS runs offshoots to receive" {
		t.Fatalf("headline %q", hl.Text)
	}
	if got := spanWords(hl.Marks.Spans()); got != "Bortnikov" {
		t.Fatalf("marks after the fix %q", got)
	}
}

func spanWords(spans []blockedit.SpellSpan) string {
	var ws []string
	for _, s := range spans {
		ws = append(ws, s.Word)
	}
	return strings.Join(ws, ",")
}

func menuText(m *fyne.Menu) string {
	var ls []string
	for _, it := range m.Items {
		ls = append(ls, it.Label)
	}
	return strings.Join(ls, "|")
}
