package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/checks"
	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/storage"
)

// testRules are the desk rules of these tests: the fixture (86-character
// headline, 24-word standfirst, 773-word body) is within the default
// limits and over every limit of the Brief section.
const testRules = `name: Test desk
limits:
  default: {headline_chars: 100, standfirst_words: 50, body_words: 1500}
  sections:
    Brief: {headline_chars: 40, standfirst_words: 10, body_words: 200}
`

func (h *harness) deskRules(t testing.TB) *check.Rules {
	t.Helper()
	r, err := check.SaveRules(context.Background(), h.store, "test.yaml", []byte(testRules))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// limitLabels are the three counters in field order.
func limitLabels(w *Window) []*checks.LimitLabel {
	return []*checks.LimitLabel{w.pane.limits.headline, w.pane.limits.standfirst, w.status.limit}
}

// assertCounters checks each counter against Rules.Counts of the article
// as edited: the figure shown, and the warning look past the limit.
func assertCounters(t *testing.T, w *Window, r *check.Rules) {
	t.Helper()
	want := r.Counts(w.Article())
	if len(want) != 3 {
		t.Fatalf("rules give %d counts, want 3", len(want))
	}
	for i, l := range limitLabels(w) {
		c := want[i]
		if !l.Visible() || !strings.Contains(l.Text, c.String()) {
			t.Errorf("%s counter %q (visible %v), want %s", c.Field, l.Text, l.Visible(), c.String())
		}
		if got := l.Importance == widget.DangerImportance; got != c.Over() {
			t.Errorf("%s counter %s: warning %v, over %v", c.Field, c.String(), got, c.Over())
		}
	}
}

func TestLimitCountersFollowTypingAndSection(t *testing.T) {
	h := newHarness(t)
	r := h.deskRules(t)
	h.openFixture(t)
	w := h.w
	assertCounters(t, w, r)
	tests := []struct {
		name string
		edit func()
	}{
		{"headline typed", func() { test.Type(w.pane.headline, " and more words for the desk") }},
		{"standfirst typed", func() { test.Type(w.pane.standfirst, " one two three") }},
		{"body typed", func() { w.pane.body.FocusBlock(0, 0); typeRunes(w, "Four more words here ") }},
		{"section with tighter limits", func() { w.meta.Section.SetText("Brief") }},
		{"headline cut within the limit", func() { w.pane.headline.SetText("Short headline") }},
		{"back to the default section", func() { w.meta.Section.SetText("World") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.edit()
			assertCounters(t, w, r)
		})
	}
	if w.pane.limits.headline.Importance != widget.LowImportance {
		t.Errorf("a short headline is shown as %v", w.pane.limits.headline.Importance)
	}
}

func TestCountersHiddenWithoutLimitsOrStory(t *testing.T) {
	h := newHarness(t)
	for _, l := range limitLabels(h.w) {
		if l.Visible() {
			t.Errorf("counter %q shown with no story open", l.Text)
		}
	}
	if _, err := check.SaveRules(context.Background(), h.store, "none.yaml", []byte("name: No limits\n")); err != nil {
		t.Fatal(err)
	}
	h.openFixture(t)
	for _, l := range limitLabels(h.w) {
		if l.Visible() {
			t.Errorf("counter %q shown without a limit", l.Text)
		}
	}
}

// overlayEntry is the first entry in the top dialog.
func overlayEntry(t *testing.T, c fyne.Canvas) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Entry); ok && e == nil {
			e = x
		}
	})
	if e == nil {
		t.Fatalf("no entry in the dialog:\n%s", overlayText(c))
	}
	return e
}

func tapButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	b := findButton(c, text)
	if b == nil {
		t.Fatalf("no %q button:\n%s", text, overlayText(c))
	}
	test.Tap(b)
}

func (h *harness) newest(t *testing.T, id string) (storage.Revision, *editor.Article) {
	t.Helper()
	revs := h.revisions(t, id)
	last := revs[len(revs)-1]
	a, _, err := h.store.Revision(context.Background(), id, last.Seq)
	if err != nil {
		t.Fatal(err)
	}
	return last, a
}

func TestReadyOverLimitNeedsOverride(t *testing.T) {
	tests := []struct {
		name    string
		section string
		ready   func(w *Window)
		asked   bool
	}{
		{"within the limits, from the menu", "World", func(w *Window) { w.changeStatus(editor.StatusReady) }, false},
		{"over, from the status list", "Brief", func(w *Window) { w.meta.Status.SetSelected(editor.StatusReady.Label()) }, true},
		{"over, from the menu", "Brief", func(w *Window) {
			it := findMenuItem(w.win.MainMenu(), editor.StatusReady.Label())
			it.Action()
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			r := h.deskRules(t)
			a := fixtureArticle(t)
			a.Section, a.Status = tt.section, editor.StatusInEdit
			h.openFixtureArticle(t, a)
			w, c := h.w, h.w.win.Canvas()
			before := len(h.revisions(t, a.ID))
			tt.ready(w)
			settle(w)
			if !tt.asked {
				rev, got := h.newest(t, a.ID)
				if got.Status != editor.StatusReady || rev.Kind != storage.KindStatus || rev.Note != "" {
					t.Errorf("revision %+v, status %s", rev, got.Status)
				}
				return
			}
			if !strings.Contains(overlayText(c), "Over the section's limit") {
				t.Fatalf("no override asked:\n%s", overlayText(c))
			}
			if n := len(h.revisions(t, a.ID)); n != before || w.meta.StatusOf != editor.StatusInEdit || w.meta.Status.Selected != editor.StatusInEdit.Label() {
				t.Fatalf("moved before the override: %d revisions, status %s / %q", n, w.meta.StatusOf, w.meta.Status.Selected)
			}
			test.Type(overlayEntry(t, c), "the desk chief agreed")
			tapButton(t, c, "Set to Ready")
			settle(w)
			rev, got := h.newest(t, a.ID)
			if got.Status != editor.StatusReady || rev.Kind != storage.KindStatus {
				t.Fatalf("revision %+v, status %s", rev, got.Status)
			}
			if want := editor.OverrideNote(r.Counts(got), "the desk chief agreed"); rev.Note != want || want == "" {
				t.Errorf("note %q, want %q", rev.Note, want)
			}
			if w.meta.Status.Selected != editor.StatusReady.Label() {
				t.Errorf("status list shows %q", w.meta.Status.Selected)
			}
		})
	}
}

func TestReadyOverLimitCancelled(t *testing.T) {
	h := newHarness(t)
	h.deskRules(t)
	a := fixtureArticle(t)
	a.Section, a.Status = "Brief", editor.StatusInEdit
	h.openFixtureArticle(t, a)
	w, c := h.w, h.w.win.Canvas()
	w.changeStatus(editor.StatusReady)
	tapButton(t, c, "Cancel")
	settle(w)
	if rev, got := h.newest(t, a.ID); got.Status != editor.StatusInEdit || rev.Kind != storage.KindImport {
		t.Errorf("cancelled override moved the story: %+v %s", rev, got.Status)
	}
}

func findMenuItem(m *fyne.MainMenu, label string) *fyne.MenuItem {
	var found *fyne.MenuItem
	var visit func(items []*fyne.MenuItem)
	visit = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Label == label && found == nil {
				found = it
			}
			if it.ChildMenu != nil {
				visit(it.ChildMenu.Items)
			}
		}
	}
	for _, menu := range m.Items {
		visit(menu.Items)
	}
	return found
}

// openPublished stores the fixture as a published story and opens it.
func (h *harness) openPublished(t *testing.T) *editor.Article {
	t.Helper()
	a := fixtureArticle(t)
	a.Status = editor.StatusPublished
	h.openFixtureArticle(t, a)
	return a
}

func TestPublishedSaveAsksForCorrection(t *testing.T) {
	h := newHarness(t)
	a := h.openPublished(t)
	w, c := h.w, h.w.win.Canvas()
	if w.meta.CorrBox.Hidden {
		t.Error("the correction note is hidden on a published story")
	}
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "CORRECTED ")
	press(w, ctrl(fyne.KeyS))
	settle(w)
	if !strings.Contains(overlayText(c), "this change is a correction") {
		t.Fatalf("Ctrl+S did not ask for a correction note:\n%s", overlayText(c))
	}
	if n := len(h.revisions(t, a.ID)); n != 1 {
		t.Fatalf("%d revisions before the note was given", n)
	}
	note := "An earlier version misstated the FSB chief's words."
	test.Type(overlayEntry(t, c), note)
	tapButton(t, c, "Save correction")
	settle(w)
	rev, got := h.newest(t, a.ID)
	if rev.Kind != storage.KindCorrection || got.Correction != note || !strings.HasPrefix(got.Body, "CORRECTED ") {
		t.Errorf("revision %+v, note %q, body %.20q", rev, got.Correction, got.Body)
	}
	if w.meta.Correction.Text != note || w.dirty || w.sinceRevision {
		t.Errorf("panel note %q, dirty %v, since revision %v", w.meta.Correction.Text, w.dirty, w.sinceRevision)
	}
	// A second change needs a new note: the last one is offered for reference.
	typeRunes(w, "AGAIN ")
	press(w, ctrl(fyne.KeyS))
	settle(w)
	if !strings.Contains(overlayText(c), note) {
		t.Errorf("the last note is not shown:\n%s", overlayText(c))
	}
	tapButton(t, c, "Cancel")
	settle(w)
	if n := len(h.revisions(t, a.ID)); n != 2 {
		t.Errorf("%d revisions after a cancelled note, want 2", n)
	}
	if !strings.HasPrefix(w.pane.body.Body(), "CORRECTED AGAIN ") || !w.sinceRevision {
		t.Error("the cancelled change left the window")
	}
}

func TestPublishedEdNoteIsNoCorrection(t *testing.T) {
	h := newHarness(t)
	a := h.openPublished(t)
	h.w.meta.EdNote.SetText("internal only")
	press(h.w, ctrl(fyne.KeyS))
	settle(h.w)
	if rev, _ := h.newest(t, a.ID); rev.Kind != storage.KindSave || h.w.win.Canvas().Overlays().Top() != nil {
		t.Errorf("an ednote change: revision %+v, dialog %v", rev, h.w.win.Canvas().Overlays().Top() != nil)
	}
}

// Leaving or closing a published story with an unfiled change keeps it
// as the draft, and the story says so when it is opened again.
func TestPublishedChangeKeptWhenNoteNotGiven(t *testing.T) {
	tests := []struct {
		name  string
		leave func(t *testing.T, h *harness, other string)
	}{
		{"switch, note cancelled", func(t *testing.T, h *harness, other string) {
			h.w.leaveFirst(func() { _ = h.w.Open(other) })
			tapButton(t, h.w.win.Canvas(), "Cancel")
		}},
		{"close", func(t *testing.T, h *harness, other string) { h.w.requestClose() }},
		{"driver quit", func(t *testing.T, h *harness, other string) {
			if err := h.w.finish(); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			other := fixtureArticle(t)
			other.ID, other.Headline = editor.NewID(), "Another story"
			h.put(t, other)
			a := h.openPublished(t)
			w := h.w
			w.pane.body.FocusBlock(0, 0)
			typeRunes(w, "UNFILED ")
			tt.leave(t, h, other.ID)
			settle(w)
			if revs := h.revisions(t, a.ID); len(revs) != 1 {
				t.Errorf("%d revisions: an unannounced change was filed", len(revs))
			}
			if got := h.draft(t, a.ID).Article.Body; !strings.HasPrefix(got, "UNFILED ") {
				t.Fatalf("the change is lost: draft starts %.20q", got)
			}
			if w.closing {
				return
			}
			if !strings.Contains(w.status.state.Text, "kept as its draft") {
				t.Errorf("status %q", w.status.state.Text)
			}
			if err := w.Open(a.ID); err != nil {
				t.Fatal(err)
			}
			if !w.sinceRevision || w.meta.Unfiled.Hidden {
				t.Error("reopened, the story does not say its change is unfiled")
			}
			press(w, ctrl(fyne.KeyS))
			settle(w)
			if !strings.Contains(overlayText(w.win.Canvas()), "this change is a correction") {
				t.Error("Ctrl+S on the unfiled change did not ask for a note")
			}
		})
	}
}

// Switching to another story with a note given files the change as a
// correction, not a checkpoint.
func TestPublishedSwitchFilesCorrection(t *testing.T) {
	h := newHarness(t)
	other := fixtureArticle(t)
	other.ID, other.Headline = editor.NewID(), "Another story"
	h.put(t, other)
	a := h.openPublished(t)
	w, c := h.w, h.w.win.Canvas()
	test.Type(w.pane.headline, " (updated)")
	w.leaveFirst(func() { _ = w.Open(other.ID) })
	if w.doc.Base.ID != a.ID {
		t.Fatal("switched before the note was asked for")
	}
	note := "The headline now says the figures were updated."
	test.Type(overlayEntry(t, c), note)
	tapButton(t, c, "Save correction")
	settle(w)
	if w.doc.Base.ID != other.ID {
		t.Error("the other story did not open")
	}
	rev, got := h.newest(t, a.ID)
	if rev.Kind != storage.KindCorrection || got.Correction != note || !strings.Contains(got.Headline, " (updated)") {
		t.Errorf("revision %+v, note %q, headline %q", rev, got.Correction, got.Headline)
	}
}

// A desk without rules of its own takes the limits of the dateline
// style's built-in set, and follows the style when it changes.
func TestCountersFollowHouseStyle(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	w := h.w
	for _, s := range []editor.Style{editor.StyleAP, editor.StyleTASS, editor.StyleReuters} {
		setHouseStyle(t, w, s)
		assertCounters(t, w, check.ForStyle(s))
	}
	if !w.meta.CorrBox.Hidden {
		t.Error("the correction note is shown on a story never published")
	}
}
