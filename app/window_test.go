package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/field"
	"copydesk/editor"
	"copydesk/storage"
)

func TestOpenFillsEveryPane(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	a.Tags = []string{"Russia", "FSB"}
	a.Bylines = []editor.Byline{{Name: "Anna Petrova", Role: editor.RoleWriter}, {Name: "Ivan Sidorov", Role: editor.RolePhotographer}}
	a.EdNote = "check the figure"
	h.openFixtureArticle(t, a)
	w := h.w
	if got := w.pane.headline.Text; got != a.Headline {
		t.Errorf("headline %q, want %q", got, a.Headline)
	}
	if got := w.pane.body.Body(); got != a.Body {
		t.Errorf("body differs from the stored one:\n%q\n%q", got, a.Body)
	}
	if got := w.meta.Preview.Text; !strings.HasPrefix(got, "SOCHI, October 16. /TASS/.") {
		t.Errorf("dateline preview %q", got)
	}
	if got := w.meta.Tags.Tags; len(got) != 2 {
		t.Errorf("tags %v", got)
	}
	if got := w.meta.Bylines.Bylines(); len(got) != 2 || got[1].Role != editor.RolePhotographer {
		t.Errorf("bylines %v", got)
	}
	if got := w.status.counts.Text; !strings.Contains(got, field.Thousands(a.Counts().Words)+" words") {
		t.Errorf("counts %q, want %d words", got, a.Counts().Words)
	}
	if !strings.HasPrefix(w.status.state.Text, "Draft saved ") || !strings.HasSuffix(w.status.state.Text, "· last revision 1") {
		t.Errorf("save state %q", w.status.state.Text)
	}
	// Nothing was edited: opening is not a change.
	if w.dirty || w.sinceRevision || h.timer.pending != nil {
		t.Error("opening an article counted as an edit")
	}
	if got := w.Article(); got.Encode() == nil || got.ContentHash() != h.draft(t, a.ID).Article.ContentHash() {
		t.Error("the article as shown differs from the stored draft")
	}
}

func (h *harness) openFixtureArticle(t testing.TB, a *editor.Article) {
	t.Helper()
	h.put(t, a)
	if err := h.w.Open(a.ID); err != nil {
		t.Fatal(err)
	}
}

func TestTypingAndAutosave(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	before := h.draft(t, id)
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "Breaking: ")
	if w.status.state.Text != "Unsaved changes" {
		t.Errorf("save state %q after typing", w.status.state.Text)
	}
	if h.timer.delay <= 0 || h.timer.delay > 2e9 {
		t.Errorf("autosave delay %v: must be within 2 s", h.timer.delay)
	}
	if h.timer.armed != len("Breaking: ") {
		t.Errorf("autosave rescheduled %d times for %d keystrokes", h.timer.armed, len("Breaking: "))
	}
	h.timer.fire(t, w)
	after := h.draft(t, id)
	if !strings.HasPrefix(after.Article.Body, "Breaking: The Islamic State") {
		t.Errorf("autosaved body starts %q", after.Article.Body[:40])
	}
	if after.Version <= before.Version {
		t.Errorf("draft version %d, was %d", after.Version, before.Version)
	}
	if n := len(h.revisions(t, id)); n != 1 {
		t.Errorf("autosave made a revision: %d revisions", n)
	}
	// The edits are in the draft, not in revision 1: the bar must not read
	// as if they were.
	if want := "Draft saved 12:04:31 · last revision 1"; w.status.state.Text != want {
		t.Errorf("save state %q, want %q", w.status.state.Text, want)
	}
	if w.dirty || !w.sinceRevision {
		t.Errorf("after autosave: dirty %v, since revision %v", w.dirty, w.sinceRevision)
	}
}

func TestEditsDuringAutosaveStayUnsaved(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	w := h.w
	test.Type(w.pane.headline, "!")
	f := h.timer.pending
	h.timer.pending = nil
	// The copy is taken when the timer fires; an edit while it is being
	// written is not in it.
	f()
	autosave := <-queues[w] // handed to the UI goroutine
	autosave()
	test.Type(w.pane.headline, "?")
	settle(w)
	if !w.dirty || w.status.state.Text != "Unsaved changes" {
		t.Errorf("an edit made while saving counts as saved: dirty %v, %q", w.dirty, w.status.state.Text)
	}
}

func TestCtrlSSavesRevision(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	w.win.Canvas().Focus(w.pane.headline)
	w.pane.headline.SetText("FSB chief: IS still running offshoots")
	w.pane.body.FocusBlock(1, 0)
	typeRunes(w, "Quote: ")
	// From the body: the entry hands Ctrl+S on (OnShortcut), as a driver
	// without the menu does; and through the menu, as the desktop does.
	w.pane.body.OnShortcut(ctrl(fyne.KeyS))
	settle(w)
	revs := h.revisions(t, id)
	if len(revs) != 2 || revs[1].Kind != storage.KindSave || revs[1].Author != "Test Editor" {
		t.Fatalf("revisions after Ctrl+S: %+v", revs)
	}
	a, _, err := h.store.Revision(context.Background(), id, 2)
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "FSB chief: IS still running offshoots" || !strings.Contains(a.Body, "Quote: ") {
		t.Errorf("revision 2 lacks the edits: %q", a.Headline)
	}
	if want := "Revision 2 saved "; !strings.HasPrefix(w.status.state.Text, want) {
		t.Errorf("save state %q, want %q", w.status.state.Text, want)
	}
	if h.timer.pending != nil {
		t.Error("an autosave is still pending after the revision")
	}
	// Through the menu, with the headline focused.
	w.win.Canvas().Focus(w.pane.headline)
	test.Type(w.pane.headline, "!")
	press(w, ctrl(fyne.KeyS))
	settle(w)
	if n := len(h.revisions(t, id)); n != 3 {
		t.Errorf("%d revisions after the second Ctrl+S, want 3", n)
	}
	// The headline entry passes Ctrl+S on too.
	test.Type(w.pane.headline, "!")
	w.pane.headline.TypedShortcut(ctrl(fyne.KeyS))
	settle(w)
	if n := len(h.revisions(t, id)); n != 4 {
		t.Errorf("%d revisions after Ctrl+S in the headline, want 4", n)
	}
}

func TestLabelledRevision(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	test.Type(w.pane.headline, " (update)")
	press(w, ctrlShift(fyne.KeyS))
	c := w.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("Ctrl+Shift+S showed no dialog")
	}
	test.Type(c.Focused(), "night desk")
	test.Tap(findButton(c, "Save"))
	settle(w)
	revs := h.revisions(t, id)
	if len(revs) != 2 || revs[1].Label != "night desk" {
		t.Fatalf("revisions: %+v", revs)
	}
}

func TestSpikeAsksFirst(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	c := w.win.Canvas()
	test.Tap(w.lib.Spike)
	if !strings.Contains(overlayText(c), "Spike the story?") {
		t.Fatalf("no confirmation: %q", overlayText(c))
	}
	test.Tap(findButton(c, "No"))
	settle(w)
	if st := h.draft(t, id).Article.Status; st != editor.StatusDraft {
		t.Fatalf("No spiked the story: %s", st)
	}
	test.Tap(w.lib.Spike)
	test.Tap(findButton(c, "Yes"))
	settle(w)
	d := h.draft(t, id)
	revs := h.revisions(t, id)
	if d.Article.Status != editor.StatusSpiked || revs[len(revs)-1].Kind != storage.KindStatus {
		t.Fatalf("after Yes: status %s, last revision %s", d.Article.Status, revs[len(revs)-1].Kind)
	}
	if len(w.lib.Rows) != 0 {
		t.Errorf("the library still lists the spiked story")
	}
	if w.lib.Spike.Text != "Unspike" {
		t.Errorf("button says %q", w.lib.Spike.Text)
	}
	w.lib.Status.SetSelected(editor.StatusSpiked.Label())
	settle(w)
	if len(w.lib.Rows) != 1 {
		t.Errorf("the Spiked filter lists %d stories", len(w.lib.Rows))
	}
	test.Tap(w.lib.Spike)
	test.Tap(findButton(c, "Yes"))
	settle(w)
	if st := h.draft(t, id).Article.Status; st != editor.StatusDraft {
		t.Errorf("unspiked to %s, want draft", st)
	}
}

func TestStatusChange(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	w.meta.Status.SetSelected(editor.StatusInEdit.Label())
	settle(w)
	revs := h.revisions(t, id)
	if last := revs[len(revs)-1]; last.Kind != storage.KindStatus || len(revs) != 2 {
		t.Fatalf("revisions after a status change: %+v", revs)
	}
	if st := h.draft(t, id).Article.Status; st != editor.StatusInEdit {
		t.Errorf("stored status %s", st)
	}
	// In edit → published skips a step: not offered, and nothing moves.
	if slices.Contains(w.meta.Status.Options, editor.StatusPublished.Label()) {
		t.Errorf("in edit, the list offers Published: %q", w.meta.Status.Options)
	}
	w.meta.Status.SetSelected(editor.StatusPublished.Label())
	settle(w)
	if w.meta.Status.Selected != editor.StatusInEdit.Label() {
		t.Errorf("the refused status stays selected: %s", w.meta.Status.Selected)
	}
	if n := len(h.revisions(t, id)); n != 2 {
		t.Errorf("a refused move made a revision")
	}
}

func TestNewStoryStoredOnceItHasAHeadline(t *testing.T) {
	h := newHarness(t)
	w := h.w
	press(w, ctrl(fyne.KeyN))
	if w.win.Canvas().Focused() != w.pane.headline {
		t.Error("the headline does not have the keyboard in a new story")
	}
	if got := w.meta.Bylines.Bylines(); len(got) != 1 || got[0].Name != "Test Editor" {
		t.Errorf("default byline %v", got)
	}
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "First paragraph.")
	h.timer.fire(t, w)
	if !strings.HasPrefix(w.status.state.Text, "Not saved yet") {
		t.Errorf("save state %q", w.status.state.Text)
	}
	w.win.Canvas().Focus(w.pane.headline)
	typeRunes(w, "Headline")
	key(w, fyne.KeyReturn) // to the standfirst
	typeRunes(w, "Standfirst.")
	key(w, fyne.KeyReturn) // to the body
	key(w, fyne.KeyEnd)
	key(w, fyne.KeyReturn)
	typeRunes(w, "Second paragraph.")
	h.timer.fire(t, w)
	rows, _, err := h.store.List(context.Background(), storage.Query{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("library after the first autosave: %v %v", rows, err)
	}
	d := h.draft(t, rows[0].ID)
	if d.Article.Headline != "Headline" || d.Article.Standfirst != "Standfirst." ||
		d.Article.Body != "First paragraph.\n\nSecond paragraph." {
		t.Errorf("stored %q / %q / %q", d.Article.Headline, d.Article.Standfirst, d.Article.Body)
	}
	if len(w.lib.Rows) != 1 || w.lib.List == nil {
		t.Errorf("the library shows %d rows", len(w.lib.Rows))
	}
	if ids := w.SelectedIDs(); len(ids) != 1 || ids[0] != rows[0].ID {
		t.Errorf("SelectedIDs %v", ids)
	}
}
