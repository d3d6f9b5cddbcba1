package backup_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/notes"
	"copydesk/storage/storetest"
)

// TestBackupCarriesNotes: a review's decisions and the comments on a story
// are restored with it.
func TestBackupCarriesNotes(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	a := storetest.Article("Council votes to close plant", 200, 3)
	if _, err := src.Create(ctx, a, storage.Meta{Author: "rep"}); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	rec := &notes.Review{ID: "r1", ArticleID: a.ID, From: 1, Time: when,
		Decisions: []notes.Decision{{Change: "C1", Kind: "field", Summary: "Headline", Reason: "keep it", Time: when}}}
	if err := notes.SaveReview(ctx, src, rec); err != nil {
		t.Fatal(err)
	}
	b := a.Clone()
	b.Headline = "Council closes plant"
	rev, err := src.SaveRevision(ctx, b, storage.Meta{Author: "chief", Kind: storage.KindReview, Note: rec.Note()})
	if err != nil {
		t.Fatal(err)
	}
	c, err := comments.New(b, "", "Council", "which council?", "sub", when)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(ctx, src, c); err != nil {
		t.Fatal(err)
	}
	file, _ := writeBackup(t, src)
	dst := openStore(t)
	if _, err := backup.Restore(ctx, bytes.NewReader(file), dst, nil); err != nil {
		t.Fatal(err)
	}
	got, err := notes.ReviewOf(ctx, dst, rev)
	if err != nil || got == nil || len(got.Decisions) != 1 || got.Decisions[0].Reason != "keep it" {
		t.Errorf("decisions after restore: %+v, %v", got, err)
	}
	cs, err := notes.Comments(ctx, dst, a.ID)
	if err != nil || len(cs) != 1 || cs[0].Note != "which council?" {
		t.Errorf("comments after restore: %+v, %v", cs, err)
	}
}
