package history

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor/comments"
	"copydesk/editor/review"
	"copydesk/storage/notes"
)

// reviewDesk is the desk's story with a review of #1 → the draft (#3)
// finished at t0+150m: the number accepted, the quote rejected with a
// reason; and a comment added, replied to and resolved.
func reviewDesk(t *testing.T) *desk {
	t.Helper()
	d := newDesk(t)
	r := review.New(d.revision(1), d.draft())
	var quote string
	for _, c := range r.Changes {
		if strings.Contains(c.Summary, "half") || strings.Contains(c.Summary, "third") {
			quote = c.ID
		}
	}
	if quote == "" || len(r.Changes) < 2 {
		t.Fatalf("changes %+v", r.Changes)
	}
	_, _, err := notes.FinishReview(d.ctx, d.store, r, d.draft(), notes.Finish{ArticleID: d.id, From: 1,
		Rejected: review.Set{quote: true}, Reasons: map[string]string{quote: "the agency says a third"},
		Author: "Ivan Petrov", Now: t0.Add(150 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := comments.New(d.draft(), "", "45,300 persons", "check the figure", "Anna Petrova", t0.Add(100*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Reply("Boris", "checked with TASS", t0.Add(110*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := c.Resolve("Anna Petrova", t0.Add(120*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(d.ctx, d.store, c); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReviewRevisionShowsItsDecisions(t *testing.T) {
	d := reviewDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	if len(v.revs) != 4 {
		t.Fatalf("%d revisions", len(v.revs))
	}
	rev := v.revs[3]
	if got := reviewLine(rev); got != "✓ 1  ✗ 1" {
		t.Errorf("the review's row says %q", got)
	}
	if !v.decisionsBtn.Disabled() {
		t.Error("Decisions… enabled with no revision picked")
	}
	onUI(v, func() { v.list.Select(1) }) // #3, a correction but no review
	v.bg.Wait()
	if !v.decisionsBtn.Disabled() {
		t.Error("Decisions… enabled on a revision that is not a review")
	}
	onUI(v, func() { v.list.Select(0) }) // #4, the review
	v.bg.Wait()
	if v.decisionsBtn.Disabled() {
		t.Fatal("Decisions… disabled on the review")
	}
	onUI(v, v.decisionsBtn.OnTapped)
	v.bg.Wait()
	if v.decisions == nil {
		t.Fatal("no decisions shown")
	}
	text := v.decisions.Text
	for _, want := range []string{"Review by Ivan Petrov", "1 accepted, 1 rejected", "REJECTED by Ivan Petrov", "reason: the agency says a third", "accepted by Ivan Petrov"} {
		if !strings.Contains(text, want) {
			t.Errorf("the decisions do not say %q:\n%s", want, text)
		}
	}
}

func TestCommentEventsAreListedNotRevisions(t *testing.T) {
	d := reviewDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	if len(v.revs) != 4 {
		t.Errorf("comments made revisions: %d", len(v.revs))
	}
	if v.eventsItem.Title != "Comments: 3 events" {
		t.Errorf("section titled %q", v.eventsItem.Title)
	}
	var lines []string
	for _, e := range v.events {
		lines = append(lines, v.eventText(e))
	}
	want := []string{
		"16 Oct 11:12 · Anna Petrova resolved “45,300 persons”",
		"16 Oct 11:02 · Boris replied “45,300 persons”: checked with TASS",
		"16 Oct 10:52 · Anna Petrova added “45,300 persons”: check the figure",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if len(v.eventsBox.Objects) != 3 {
		t.Errorf("%d rows in the section", len(v.eventsBox.Objects))
	}
}
