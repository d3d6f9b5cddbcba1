package notes

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"copydesk/editor"
	"copydesk/editor/review"
	"copydesk/storage"
	"copydesk/storage/record"
)

// Finish says how a review ends: which changes were rejected and why.
type Finish struct {
	ArticleID string
	From, To  uint64 // the revisions compared; To 0 is the draft
	Rejected  review.Set
	// Reasons are per change ID; Reason is for rejections without one.
	Reasons    map[string]string
	Reason     string
	Label      string
	Author     string
	Correction string // the public correction note, for a published story
	// DraftVersion, when not 0, must still be the stored draft's version.
	DraftVersion uint64
	Now          time.Time
}

// ErrNothingToReview is returned by FinishReview when A and B are the same.
var ErrNothingToReview = fmt.Errorf("no changes: nothing to review, no revision made")

// FinishReview writes a review's one revision — B with the rejected
// changes reverted, kind review (a correction when it changes the copy
// of a published story) — and its decisions, the decisions first: a
// record without its revision is harmless, a revision without its
// decisions would lose them. current is the story as it stands (the
// stored draft, or the copy as edited in the window): B must be it, or
// writing the review would undo the work done since.
func FinishReview(ctx context.Context, s storage.Store, r *review.Review, current *editor.Article, f Finish) (storage.Revision, *editor.Article, error) {
	if !SameCopy(current, r.B) {
		return storage.Revision{}, nil, fmt.Errorf("the copy reviewed is not the story as it stands: it has changed since, and writing the review would undo that work; review up to the draft")
	}
	if len(r.Changes) == 0 {
		return storage.Revision{}, nil, ErrNothingToReview
	}
	now := f.Now.UTC()
	if f.Now.IsZero() {
		now = time.Now().UTC()
	}
	out := r.Apply(f.Rejected)
	out.Modified = now.Truncate(time.Millisecond)
	if out.Modified.Before(out.Created) {
		out.Modified = out.Created
	}
	if f.Correction != "" {
		out.Correction = f.Correction
	}
	kind, err := record.RevisionKind(current, out, storage.KindReview)
	if err != nil {
		return storage.Revision{}, nil, err
	}
	rec := &Review{ID: editor.NewID()[24:], ArticleID: f.ArticleID, From: f.From, To: f.To, Author: f.Author, Time: now}
	for _, c := range r.Changes {
		d := Decision{Change: c.ID, Kind: string(c.Kind), Field: c.Field, Summary: c.Summary,
			Accepted: !f.Rejected[c.ID], Author: f.Author, Time: now}
		if !d.Accepted {
			d.Reason = f.Reason
			if why := f.Reasons[c.ID]; why != "" {
				d.Reason = why
			}
		}
		rec.Decisions = append(rec.Decisions, d)
	}
	if err := SaveReview(ctx, s, rec); err != nil {
		return storage.Revision{}, nil, err
	}
	rev, err := s.SaveRevision(ctx, out, storage.Meta{Author: f.Author, Kind: kind, Label: f.Label, Note: rec.Note(), DraftVersion: f.DraftVersion})
	if err != nil {
		return storage.Revision{}, nil, err
	}
	return rev, out, nil
}

// SameCopy reports whether two articles hold the same copy, whatever
// their modification times.
func SameCopy(a, b *editor.Article) bool {
	x, y := a.Clone(), b.Clone()
	x.Modified, y.Modified = time.Time{}, time.Time{}
	return bytes.Equal(x.Encode(), y.Encode())
}
