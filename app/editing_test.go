package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/field"
	"copydesk/editor"
)

func TestBlockSplitMergeAndUndo(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	a.Body = "One two.\n\nThree four."
	h.openFixtureArticle(t, a)
	w := h.w
	body := w.pane.body
	body.FocusBlock(0, 3)
	key(w, fyne.KeyReturn)
	if got := body.Body(); got != "One\n\ntwo.\n\nThree four." {
		t.Fatalf("after Enter: %q", got)
	}
	typeRunes(w, "X")
	key(w, fyne.KeyHome)
	key(w, fyne.KeyBackspace)
	if got := body.Body(); got != "One Xtwo.\n\nThree four." && got != "OneXtwo.\n\nThree four." {
		t.Fatalf("after Backspace at the start: %q", got)
	}
	if w.status.state.Text != "Unsaved changes" {
		t.Errorf("save state %q", w.status.state.Text)
	}
	// Undo through Edit › Undo (Ctrl+Z goes to the menu first).
	for i := 0; i < 10 && body.Body() != a.Body; i++ {
		press(w, &fyne.ShortcutUndo{})
	}
	if got := body.Body(); got != a.Body {
		t.Fatalf("undo across blocks ended at %q", got)
	}
	press(w, &fyne.ShortcutRedo{})
	if body.Body() == a.Body {
		t.Error("redo did nothing")
	}
	h.timer.fire(t, w)
	if got := h.draft(t, a.ID).Article.Body; got != body.Body() {
		t.Errorf("stored %q, shown %q", got, body.Body())
	}
}

func TestFindAndReplace(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	want := strings.Count(w.pane.body.Body(), "Bortnikov")
	press(w, ctrl(fyne.KeyF))
	f := w.pane.find
	if !f.content.Visible() || f.replRow.Visible() || w.win.Canvas().Focused() != f.query {
		t.Fatal("Ctrl+F did not open the find bar with the keyboard in it")
	}
	typeRunes(w, "bortnikov")
	if f.count.Text != field.Thousands(want)+" matches" {
		t.Errorf("count %q, want %d matches", f.count.Text, want)
	}
	key(w, fyne.KeyReturn)
	if !f.has || f.cur.Text != "Bortnikov" {
		t.Errorf("Return found %+v", f.cur)
	}
	press(w, ctrl(fyne.KeyH))
	if !f.replRow.Visible() {
		t.Fatal("Ctrl+H shows no replace field")
	}
	f.with.SetText("Bortnikov, 68,")
	test.Tap(findButton(w.win.Canvas(), "Replace all"))
	body := w.pane.body.Body()
	if strings.Count(body, "Bortnikov, 68,") != want {
		t.Errorf("replaced %d of %d", strings.Count(body, "Bortnikov, 68,"), want)
	}
	if !w.dirty {
		t.Error("replace all is not an edit")
	}
	w.win.Canvas().Focus(f.with)
	key(w, fyne.KeyEscape)
	if f.content.Visible() {
		t.Error("Escape left the find bar open")
	}
	press(w, &fyne.ShortcutUndo{})
	if got := w.pane.body.Body(); got != h.draft(t, id).Article.Body {
		t.Error("one undo did not take back replace all")
	}
}

func TestTagChips(t *testing.T) {
	h := newHarness(t)
	other := fixtureArticle(t)
	other.ID = editor.NewID()
	other.Tags = []string{"Terrorism", "Syria"}
	h.put(t, other)
	a := fixtureArticle(t)
	a.Tags = nil
	h.openFixtureArticle(t, a)
	w := h.w
	tags := w.meta.Tags
	w.win.Canvas().Focus(tags.Entry)
	typeRunes(w, "ter")
	if len(tags.Suggestions.Objects) != 1 {
		t.Fatalf("suggestions for \"ter\": %d", len(tags.Suggestions.Objects))
	}
	test.Tap(findButton(w.win.Canvas(), "Terrorism"))
	typeRunes(w, "  Russia ")
	key(w, fyne.KeyReturn)
	typeRunes(w, "russia")
	key(w, fyne.KeyReturn) // the same tag in another case: not added
	if got := strings.Join(tags.Tags, ","); got != "Terrorism,Russia" {
		t.Fatalf("tags %q", got)
	}
	test.Tap(findButton(w.win.Canvas(), "Terrorism"))
	if got := strings.Join(tags.Tags, ","); got != "Russia" {
		t.Errorf("after ×: %q", got)
	}
	h.timer.fire(t, w)
	if got := h.draft(t, a.ID).Article.Tags; len(got) != 1 || got[0] != "Russia" {
		t.Errorf("stored tags %v", got)
	}
}

func TestBylinesAndDateline(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	a.Bylines = nil
	h.openFixtureArticle(t, a)
	w := h.w
	m := w.meta
	test.Tap(m.Bylines.Add)
	typeRunes(w, "") // the name is the person's own for the first line
	test.Tap(m.Bylines.Add)
	typeRunes(w, "Ivan Sidorov")
	m.Bylines.Rows[1].Role.SetSelected("Photographer")
	test.Tap(m.Bylines.Rows[1].Up)
	got := m.Bylines.Bylines()
	if len(got) != 2 || got[0].Name != "Ivan Sidorov" || got[0].Role != editor.RolePhotographer || got[1].Name != "Test Editor" {
		t.Fatalf("bylines %+v", got)
	}
	test.Tap(m.Bylines.Rows[0].Del)
	if got := m.Bylines.Bylines(); len(got) != 1 || got[0].Name != "Test Editor" {
		t.Fatalf("after remove: %+v", got)
	}
	m.Region.SetText("Russia")
	for _, tt := range []struct {
		style editor.Style
		want  string
	}{
		{editor.StyleAP, "SOCHI, Russia (TASS) —"},
		{editor.StyleReuters, "SOCHI, Russia, Oct 16 (TASS) -"},
		{editor.StyleTASS, "SOCHI, October 16. /TASS/."},
	} {
		setHouseStyle(t, w, tt.style)
		if !strings.HasPrefix(m.Preview.Text, tt.want) {
			t.Errorf("%s preview %q, want %q", tt.style, m.Preview.Text, tt.want)
		}
		if w.settings.Style() != tt.style {
			t.Errorf("style setting %s, want %s", w.settings.Style(), tt.style)
		}
	}
	m.Date.SetText("2019-13-45")
	if !strings.Contains(m.Preview.Text, "not YYYY-MM-DD") {
		t.Errorf("a bad date is not flagged: %q", m.Preview.Text)
	}
	h.timer.fire(t, w)
	if !strings.HasPrefix(w.status.state.Text, "Not saved: ") || !strings.Contains(w.status.state.Text, "dateline.date") {
		t.Errorf("a bad date: save state %q", w.status.state.Text)
	}
	m.Date.SetText("2019-10-17")
	h.timer.fire(t, w)
	d := h.draft(t, a.ID).Article
	if d.Dateline.Date != "2019-10-17" || d.Dateline.Region != "Russia" || len(d.Bylines) != 1 {
		t.Errorf("stored dateline %+v, bylines %+v", d.Dateline, d.Bylines)
	}
}

func TestPreview(t *testing.T) {
	a := fixtureArticle(t)
	a.EdNote = "INTERNAL NOTE"
	a.Bylines = []editor.Byline{{Name: "Anna Petrova", Role: editor.RoleWriter}}
	a.Body = "First <b>para</b>.\n\n## Sub\n\nSecond."
	rt := previewText(a, editor.StyleAP)
	text := rt.String()
	for _, want := range []string{a.Headline, a.Standfirst, "By Anna Petrova", "SOCHI (TASS) — First <b>para</b>.", "Sub", "Second.", a.Photo.Caption} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "INTERNAL") {
		t.Error("the ednote is in the preview")
	}
	h := newHarness(t)
	h.openFixture(t)
	press(h.w, ctrl(fyne.KeyP))
	if !strings.Contains(overlayText(h.w.win.Canvas()), "SOCHI, October 16. /TASS/.") {
		t.Error("Ctrl+P shows no preview with the dateline")
	}
	h.w.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.w.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close the preview")
	}
}
