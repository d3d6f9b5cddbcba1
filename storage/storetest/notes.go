package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/notes"
)

// testSettingNames: a store lists every setting it holds, sorted — what
// backups and migrate carry, review decisions and comments among them.
func testSettingNames(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	l, ok := s.(notes.Lister)
	if !ok {
		t.Fatal("the store has no SettingNames")
	}
	names, err := l.SettingNames(ctx)
	if err != nil || len(names) != 0 {
		t.Fatalf("a new store lists %q, %v", names, err)
	}
	set := []string{"review/b", "comment/a/1", "check.desk-dictionary", "Z", "comment/a/0"}
	for _, n := range set {
		if err := s.SetSetting(ctx, n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	names, err = l.SettingNames(ctx)
	want := slices.Clone(set)
	slices.Sort(want)
	if err != nil || !slices.Equal(names, want) {
		t.Fatalf("SettingNames: %q, %v; want %q", names, err, want)
	}
}

// testNotes: a review's decisions are kept with its revision, comments
// are kept apart from the copy and make no revision.
func testNotes(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Council votes to close plant", 200, 5)
	mustCreate(t, s, a)
	when := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	rec := &notes.Review{ID: "r1", ArticleID: a.ID, From: 1, Author: "chief", Time: when,
		Decisions: []notes.Decision{
			{Change: "C1", Kind: "field", Field: "headline", Summary: "Headline", Accepted: true, Author: "chief", Time: when},
			{Change: "C2", Kind: "words", Field: "body", Summary: "¶1 “3” → “4”", Reason: "the vote was 12 to 3", Author: "chief", Time: when},
		}}
	if err := notes.SaveReview(ctx, s, rec); err != nil {
		t.Fatal(err)
	}
	b := a.Clone()
	b.Headline = "Council closes plant"
	rev := mustSave(t, s, b, storage.Meta{Author: "chief", Kind: storage.KindReview, Note: rec.Note()})
	got, err := notes.ReviewOf(ctx, s, rev)
	if err != nil || got == nil || len(got.Decisions) != 2 || got.Decisions[1].Reason != "the vote was 12 to 3" || got.Decisions[1].Accepted {
		t.Fatalf("ReviewOf: %+v, %v", got, err)
	}
	if acc, rej := got.Accepted(); acc != 1 || rej != 1 {
		t.Fatalf("accepted %d rejected %d", acc, rej)
	}
	testCommentsKeptApart(t, s, b, when)
}

// testCommentsKeptApart: a comment on b is kept with its events and
// makes no revision (b has two).
func testCommentsKeptApart(t *testing.T, s storage.Store, b *editor.Article, when time.Time) {
	ctx := context.Background()
	c, err := comments.New(b, "", "Council", "which council?", "sub", when)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(ctx, s, c); err != nil {
		t.Fatal(err)
	}
	if err := c.Resolve("chief", when); err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(ctx, s, c); err != nil {
		t.Fatal(err)
	}
	list, err := notes.Comments(ctx, s, b.ID)
	if err != nil || len(list) != 1 || list[0].State() != "resolved" || list[0].Quote != "Council" || len(list[0].Events) != 2 {
		t.Fatalf("Comments: %+v, %v", list, err)
	}
	if _, err := notes.Comment(ctx, s, b.ID, c.ID[:4]); err != nil {
		t.Fatalf("by prefix: %v", err)
	}
	revs, err := s.Revisions(ctx, b.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("comments made revisions: %d, %v", len(revs), err)
	}
}

// testCommentsAcrossDesks: two desks comment on one story at the same
// time; both comments are kept and each desk sees the other's.
func testCommentsAcrossDesks(t *testing.T, a, b storage.Store) {
	ctx := context.Background()
	art := Article("Council votes to close plant", 200, 6)
	mustCreate(t, a, art)
	when := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	errs := make(chan error, 2)
	for i, s := range []storage.Store{a, b} {
		go func() {
			c, err := comments.New(art, "", "Council", "desk note", "desk", when.Add(time.Duration(i)*time.Second))
			if err == nil {
				err = notes.SaveComment(ctx, s, c)
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []storage.Store{a, b} {
		list, err := notes.Comments(ctx, s, art.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("a desk sees %d comments (%v), want both", len(list), err)
		}
	}
}
