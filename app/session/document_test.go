package session

import (
	"context"
	"errors"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

var ctx = context.Background()

func openStore(t *testing.T) storage.Store {
	t.Helper()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func story(headline, body string) *editor.Article {
	a := editor.New(time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC))
	a.Headline, a.Body = headline, body
	return a
}

// A new story is stored once it has a headline, with its first revision.
func TestNewStoryWaitsForHeadline(t *testing.T) {
	s := openStore(t)
	a := story("", "Text before the headline.")
	doc := New(a)
	if _, err := doc.Draft(ctx, s, a, "Anna"); !errors.Is(err, ErrNoHeadline) {
		t.Fatalf("draft without a headline: %v", err)
	}
	if doc.IsStored() {
		t.Fatal("a story without a headline was stored")
	}
	a.Headline = "Now with a headline"
	if _, err := doc.Draft(ctx, s, a, "Anna"); err != nil {
		t.Fatal(err)
	}
	if !doc.IsStored() || doc.Seq() != 1 {
		t.Errorf("stored %v, newest revision %d; want stored, 1", doc.IsStored(), doc.Seq())
	}
}

// A draft changed elsewhere since it was opened is kept as a revision
// before this copy overwrites it: neither copy is lost.
func TestDraftChangedElsewhereIsKept(t *testing.T) {
	s := openStore(t)
	a := story("Shared story", "First.")
	if _, err := New(a).Revision(ctx, s, a, storage.Meta{Kind: storage.KindSave}); err != nil {
		t.Fatal(err)
	}
	d, err := s.Draft(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine, theirs := Opened(d), Opened(d)
	other := d.Article.Clone()
	other.Body = "Theirs."
	if kept, err := theirs.Draft(ctx, s, other, "Boris"); err != nil || kept != 0 {
		t.Fatalf("their draft: kept %d, %v", kept, err)
	}
	own := d.Article.Clone()
	own.Body = "Mine."
	kept, err := mine.Draft(ctx, s, own, "Anna")
	if err != nil || kept == 0 {
		t.Fatalf("my draft over theirs: kept %d, %v", kept, err)
	}
	rev, _, err := s.Revision(ctx, a.ID, kept)
	if err != nil || rev.Body != "Theirs." {
		t.Errorf("revision %d holds %q (%v), want their copy", kept, rev.Body, err)
	}
	if cur, _ := s.Draft(ctx, a.ID); cur.Article.Body != "Mine." {
		t.Errorf("the draft is %q, want mine", cur.Article.Body)
	}
}

// A checkpoint of a change to a published story without a new correction
// note is kept as the draft, not filed; a save with the note is filed as
// a correction.
func TestPublishedChangeNeedsCorrection(t *testing.T) {
	s := openStore(t)
	a := story("Published story", "As published.")
	a.Status = editor.StatusPublished
	if _, err := New(a).Revision(ctx, s, a, storage.Meta{Kind: storage.KindSave}); err != nil {
		t.Fatal(err)
	}
	d, err := s.Draft(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc := Opened(d)
	changed := d.Article.Clone()
	changed.Body = "As corrected."
	rev, drafted, err := doc.RevisionOrDraft(ctx, s, changed, storage.Meta{Kind: storage.KindCheckpoint})
	if err != nil || !drafted || rev.Seq != 1 {
		t.Fatalf("checkpoint without a note: revision %d, drafted %v, %v; want the draft only", rev.Seq, drafted, err)
	}
	if cur, _ := s.Draft(ctx, a.ID); cur.Article.Body != "As corrected." {
		t.Errorf("the change is not in the draft: %q", cur.Article.Body)
	}
	changed.Correction = "An earlier version misspelt the minister's name."
	rev, drafted, err = doc.RevisionOrDraft(ctx, s, changed, storage.Meta{Kind: storage.KindSave})
	if err != nil || drafted {
		t.Fatalf("save with a note: drafted %v, %v", drafted, err)
	}
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil || len(revs) != 2 || revs[len(revs)-1].Kind != storage.KindCorrection {
		t.Errorf("revisions %+v (%v), want the second a correction", revs, err)
	}
}

// The copy of a desk that lost its story is kept as a revision, and the
// holder's draft stays the working copy.
func TestKeepAside(t *testing.T) {
	s := openStore(t)
	a := story("Taken over", "Holder's copy.")
	if _, err := New(a).Revision(ctx, s, a, storage.Meta{Kind: storage.KindSave}); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Draft(ctx, a.ID)
	doc := Opened(d)
	if kept, err := doc.KeepAside(ctx, s, d.Article, storage.Meta{Kind: storage.KindCheckpoint}); err != nil || kept != 0 {
		t.Errorf("the same copy: kept %d, %v; want nothing kept", kept, err)
	}
	unsaved := d.Article.Clone()
	unsaved.Body = "Typed here, not saved."
	kept, err := doc.KeepAside(ctx, s, unsaved, storage.Meta{Kind: storage.KindCheckpoint})
	if err != nil || kept == 0 {
		t.Fatalf("kept %d, %v", kept, err)
	}
	if rev, _, _ := s.Revision(ctx, a.ID, kept); rev == nil || rev.Body != unsaved.Body {
		t.Errorf("revision %d does not hold the unsaved copy", kept)
	}
	if cur, _ := s.Draft(ctx, a.ID); cur.Article.Body != "Holder's copy." {
		t.Errorf("the draft is %q, want the holder's", cur.Article.Body)
	}
}
