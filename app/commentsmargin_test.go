package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/notes"
)

// The Comments tab beside the copy lists the open comments with their
// quoted words, author, time and paragraph; Show selects the words in the
// body; a resolved comment is only counted (#17).
func TestCommentsMarginListsAndShows(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	id := h.put(t, a)
	quote := "Alexander Bortnikov"
	open, err := comments.New(a, comments.Body, quote, "Check the spelling of the name", "Anna", testNow)
	if err != nil {
		t.Fatal(err)
	}
	done, err := comments.New(a, comments.Headline, "FSB chief", "Fine", "Boris", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := done.Resolve("Boris", testNow); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*comments.Comment{open, done} {
		if err := notes.SaveComment(t.Context(), h.store, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.w.Open(id); err != nil {
		t.Fatal(err)
	}
	h.w.rightTabs.Select(h.w.margin.item) // the tab reads when shown
	settle(h.w)
	text := marginText(h.w)
	for _, want := range []string{"1 open · 1 resolved", "«" + quote + "»", "Anna · " + testNow.In(h.w.cfg.Location).Format("2 Jan 15:04") + " · ¶", "Check the spelling of the name"} {
		if !strings.Contains(text, want) {
			t.Errorf("the margin lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Fine") {
		t.Errorf("the resolved comment is listed:\n%s", text)
	}
	var show *widget.Button
	walk(h.w.margin.scroll, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Show" && show == nil {
			show = b
		}
	})
	if show == nil {
		t.Fatal("no Show button")
	}
	test.Tap(show)
	settle(h.w)
	if got := h.w.pane.body.SelectedText(); got != quote {
		t.Errorf("Show selected %q, want %q", got, quote)
	}
}

// A comment another desk adds shows when its change of the story arrives
// (applyChanges reads the comments again), and a comment added through
// Article › Comments… shows once it is stored.
func TestCommentsMarginFollowsSavedComments(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	h.w.rightTabs.Select(h.w.margin.item)
	settle(h.w)
	if text := marginText(h.w); !strings.Contains(text, "No comments") {
		t.Fatalf("a new story's margin:\n%s", text)
	}
	c, err := comments.New(h.w.Article(), comments.Body, "Bortnikov", "Who?", "Anna", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(t.Context(), h.store, c); err != nil {
		t.Fatal(err)
	}
	h.w.margin.reload() // what OnSaved and applyChanges call
	settle(h.w)
	if text := marginText(h.w); !strings.Contains(text, "Who?") {
		t.Errorf("the new comment is not in the margin:\n%s", text)
	}
}

func marginText(w *Window) string {
	var b strings.Builder
	walk(w.margin.scroll, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// The margin never widens the right-hand panel: its cards' buttons (whose
// Russian labels are long) and a quote without spaces scroll within it.
func TestCommentsMarginDoesNotWidenThePanel(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	id := h.put(t, a)
	c, err := comments.New(a, comments.Body, "counterterrorism", "A note", "Anna", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(t.Context(), h.store, c); err != nil {
		t.Fatal(err)
	}
	if err := h.w.Open(id); err != nil {
		t.Fatal(err)
	}
	h.w.rightTabs.Select(h.w.margin.item)
	settle(h.w)
	if !strings.Contains(marginText(h.w), "A note") {
		t.Fatal("the comment is not shown")
	}
	if w := h.w.margin.scroll.MinSize().Width; w > 100 {
		t.Errorf("the margin asks for %v px of width", w)
	}
}

// Another desk's comment on the open story, reported by a shared store as
// a ChangeComment, shows in the margin.
func TestCommentsMarginShowsOtherDesksComments(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	h.w.rightTabs.Select(h.w.margin.item)
	settle(h.w)
	c, err := comments.New(h.w.Article(), comments.Body, "Bortnikov", "From the night desk", "Anna", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(t.Context(), h.store, c); err != nil {
		t.Fatal(err)
	}
	h.w.applyChanges([]storage.Change{{ArticleID: id, Kind: storage.ChangeComment, Desk: "other"}})
	settle(h.w)
	if text := marginText(h.w); !strings.Contains(text, "From the night desk") {
		t.Errorf("the other desk's comment is not in the margin:\n%s", text)
	}
}

// A comment is written as a setting named for its story: a shared store
// reports it as a change of that story.
func TestCommentSettingArticle(t *testing.T) {
	c, err := comments.New(fixtureArticle(t), comments.Body, "Bortnikov", "n", "Anna", testNow)
	if err != nil {
		t.Fatal(err)
	}
	s := &recordingStore{}
	if err := notes.SaveComment(t.Context(), s, c); err != nil {
		t.Fatal(err)
	}
	if id, ok := storage.CommentSettingArticle(s.name); !ok || id != c.ArticleID {
		t.Errorf("CommentSettingArticle(%q) = %q, %v; want %q", s.name, id, ok, c.ArticleID)
	}
	for _, name := range []string{"dictionary", "review/x/y", "comment/", "comment//c"} {
		if id, ok := storage.CommentSettingArticle(name); ok {
			t.Errorf("CommentSettingArticle(%q) = %q, true", name, id)
		}
	}
}

// recordingStore keeps the name of the last setting written.
type recordingStore struct {
	storage.Store
	name string
}

func (s *recordingStore) SetSetting(_ context.Context, name string, _ []byte) error {
	s.name = name
	return nil
}

// A story opened with the Comments tab hidden is not read for comments
// (nothing is handed to the UI goroutine for it); the tab reads them when
// it is shown, and a story opened while it shows is read at once.
func TestCommentsMarginReadsWhenShown(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	id := h.put(t, a)
	c, err := comments.New(a, comments.Body, "Bortnikov", "Read me", "Anna", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(t.Context(), h.store, c); err != nil {
		t.Fatal(err)
	}
	if err := h.w.Open(id); err != nil {
		t.Fatal(err)
	}
	settle(h.w)
	if strings.Contains(marginText(h.w), "Read me") {
		t.Error("the hidden tab read the comments")
	}
	h.w.rightTabs.Select(h.w.margin.item)
	settle(h.w)
	if !strings.Contains(marginText(h.w), "Read me") {
		t.Errorf("the tab shown does not list the comment:\n%s", marginText(h.w))
	}
}
