package review

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/review"
	"copydesk/storage"
	"copydesk/storage/notes"
	"copydesk/storage/storetest"
)

func TestDefaultFrom(t *testing.T) {
	revs := func(authors ...string) []storage.Revision {
		var out []storage.Revision
		for i, a := range authors {
			out = append(out, storage.Revision{Seq: uint64(i + 1), Author: a})
		}
		return out
	}
	tests := []struct {
		authors []string
		want    uint64
	}{
		{[]string{"rep"}, 1},
		{[]string{"rep", "rep", "sub", "sub"}, 2},
		{[]string{"rep", "sub", "rep", "sub"}, 3},
	}
	for _, tc := range tests {
		if got := DefaultFrom(revs(tc.authors...)); got != tc.want {
			t.Errorf("%v: from #%d, want #%d", tc.authors, got, tc.want)
		}
	}
}

func TestSessionUndo(t *testing.T) {
	a := storetest.Article("Council votes", 120, 1)
	b := a.Clone()
	b.Headline, b.Section = "Council votes again", "World"
	s := newSession(review.New(a, b))
	if len(s.state) != 2 {
		t.Fatalf("%d cards", len(s.state))
	}
	s.reject(0)
	s.acceptRemaining()
	if acc, rej, pend := s.counts(); acc != 1 || rej != 1 || pend != 0 {
		t.Fatalf("counts %d %d %d", acc, rej, pend)
	}
	if s.undoLast() != 1 || s.state[1] != pending || s.undoLast() != 0 || s.state[0] != pending || s.undoLast() != -1 {
		t.Fatalf("undo: %v", s.state)
	}
}

// TestReviewInTheDialog: a reporter files, a sub edits; in the dialog the
// keys reject the figure's change and accept the rest; Finish writes one
// review revision with the decisions.
func TestReviewInTheDialog(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes to close plant", 100, 2)
	a.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "The council voted 12 to 3 on Monday."}})
	file(t, s, a)
	b := a.Clone()
	b.Headline = "Council closes plant"
	b.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "The council voted 12 to 4 on Tuesday."}})
	if _, err := s.SaveRevision(ctx, b, storage.Meta{Author: "sub"}); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	finished := make(chan *editor.Article, 1)
	revs, _ := s.Revisions(ctx, a.ID)
	v := New(w, Options{Ctx: ctx, Store: s, Article: b, Author: "chief", OnFinished: func(a *editor.Article, _ storage.Revision) { finished <- a }}, revs)
	v.d.Show()
	if v.from != 1 || len(v.s.state) != 3 {
		t.Fatalf("from #%d with %d cards: %v", v.from, len(v.s.state), v.s.r.Changes)
	}
	// C1 headline: accept; C2 "3" → "4": reject with a reason; C3 Monday → Tuesday: accept.
	w.Canvas().Focus(v.list)
	test.Type(v.list, "a")
	if !strings.Contains(v.s.r.Changes[1].New, "4") {
		t.Fatalf("card 2 is %+v", v.s.r.Changes[1])
	}
	v.reason.SetText("the vote was 12 to 3")
	test.Type(v.list, "r")
	test.Type(v.list, "u") // take it back …
	test.Type(v.list, "r") // … and reject again
	test.Type(v.list, "A")
	if got := v.status.Text; !strings.HasPrefix(got, "3 changes: 2 accepted, 1 rejected, 0 pending") {
		t.Fatalf("status %q", got)
	}
	test.Tap(v.finish)
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		t.Fatal("Finish did not report")
	}
	revs, _ = s.Revisions(ctx, a.ID)
	last := revs[len(revs)-1]
	got, _, _ := s.Revision(ctx, a.ID, last.Seq)
	if last.Kind != storage.KindReview || got.Headline != "Council closes plant" || !strings.Contains(got.Body, "12 to 3 on Tuesday") {
		t.Fatalf("revision %+v: %q / %q", last, got.Headline, got.Body)
	}
	rec, err := notes.ReviewOf(ctx, s, last)
	if err != nil || rec == nil || rec.Decisions[1].Accepted || rec.Decisions[1].Reason != "the vote was 12 to 3" || rec.Author != "chief" {
		t.Fatalf("decisions %+v, %v", rec, err)
	}
}

// TestCardShowsTheChangeInPlace: the card in focus shows its hunk in its
// paragraph, struck red and underlined green as History marks it, with
// the paragraph's other change shown as it now reads.
func TestCardShowsTheChangeInPlace(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes", 100, 2)
	a.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "The council voted 12 to 3 on Monday."}})
	file(t, s, a)
	b := a.Clone()
	b.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "The council voted 12 to 4 on Tuesday."}})
	if _, err := s.SaveRevision(ctx, b, storage.Meta{Author: "sub"}); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	revs, _ := s.Revisions(ctx, a.ID)
	v := New(w, Options{Ctx: ctx, Store: s, Article: b, Author: "chief"}, revs)
	v.d.Show()
	v.list.Select(1) // Monday → Tuesday
	var text strings.Builder
	var struck, underlined []string
	for _, seg := range v.inPlace.Segments {
		ts := seg.(*widget.TextSegment)
		text.WriteString(ts.Text)
		if ts.Style.TextStyle.Strikethrough && ts.Style.ColorName == theme.ColorNameError {
			struck = append(struck, ts.Text)
		}
		if ts.Style.TextStyle.Underline && ts.Style.ColorName == theme.ColorNameSuccess {
			underlined = append(underlined, ts.Text)
		}
	}
	if got := text.String(); got != "The council voted 12 to 4 on MondayTuesday." {
		t.Errorf("in place: %q", got)
	}
	if strings.Join(struck, "|") != "Monday" || strings.Join(underlined, "|") != "Tuesday" {
		t.Errorf("marked: struck %q, underlined %q", struck, underlined)
	}
}

// Escape with the card list focused cancels the review as its Cancel
// button does: nothing is written. (The walkthrough could not close the
// dialog: the list took Escape and did nothing with it.)
func TestEscapeCancelsTheReview(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes to close plant", 100, 3)
	file(t, s, a)
	b := a.Clone()
	b.Headline = "Council closes plant"
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	revs, _ := s.Revisions(ctx, a.ID)
	shown := false
	v := New(w, Options{Ctx: ctx, Store: s, Article: b, Author: "chief"}, revs)
	present(v.d, func(d dialog.Dialog) { shown = true; d.Show() })
	if !shown {
		t.Fatal("Present was not used")
	}
	closed := false
	v.d.SetOnClosed(func() { closed = true })
	w.Canvas().Focus(v.list)
	test.Type(v.list, "a")
	v.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Escape did not close the review")
	}
	if revs2, _ := s.Revisions(ctx, a.ID); len(revs2) != len(revs) {
		t.Errorf("a cancelled review wrote %d revisions", len(revs2)-len(revs))
	}
}

// A click on the "From revision" picker gives it the keyboard; Escape
// then cancels the review as with the card list focused (Fyne's select
// ignored it, and the dialog stayed).
func TestEscapeInThePickerCancelsTheReview(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes to close plant", 100, 3)
	file(t, s, a)
	b := a.Clone()
	b.Headline = "Council closes plant"
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	revs, _ := s.Revisions(ctx, a.ID)
	v := New(w, Options{Ctx: ctx, Store: s, Article: b, Author: "chief"}, revs)
	v.open()
	closed := false
	v.d.SetOnClosed(func() { closed = true })
	test.Type(v.list, "a") // a decision Finish would write
	w.Canvas().Focus(v.picker)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed || w.Canvas().Overlays().Top() != nil {
		t.Error("Escape in the picker did not close the review")
	}
	if revs2, _ := s.Revisions(ctx, a.ID); len(revs2) != len(revs) {
		t.Errorf("a cancelled review wrote %d revisions", len(revs2)-len(revs))
	}
}

// TestReviewIsKeyboardFirst: the review opens with the card list holding
// the keyboard, so "r" rejects without a click, and Ctrl+Enter finishes.
func TestReviewIsKeyboardFirst(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes to close plant", 100, 2)
	a.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "The council voted 12 to 3 on Monday."}})
	file(t, s, a)
	b := a.Clone()
	b.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "The council voted 12 to 4 on Monday."}})
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	finished := make(chan *editor.Article, 1)
	revs, _ := s.Revisions(ctx, a.ID)
	v := New(w, Options{Ctx: ctx, Store: s, Article: b, Author: "chief", OnFinished: func(a *editor.Article, _ storage.Revision) { finished <- a }}, revs)
	v.open()
	if w.Canvas().Focused() != v.list {
		t.Fatalf("the keyboard is on %T, not the card list", w.Canvas().Focused())
	}
	test.Type(v.list, "r")
	v.list.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	select {
	case got := <-finished:
		if !strings.Contains(got.Body, "12 to 3") {
			t.Fatalf("the rejected change is in the copy: %q", got.Body)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl+Enter did not finish the review")
	}
}
