package storage

import (
	"context"
	"time"

	"copydesk/editor"
)

// PublishedAt is when an article was first published: the time of the
// oldest status or correction revision that holds it as published, the
// zero time if it never was. Exports use it for datePublished, so that a
// story exported twice keeps one publication time.
//
// a is the article as it stands: a story that is not published (nor
// spiked from published) never was, since the workflow cannot move a
// published story back, so its history is not read at all — exports of
// drafts pay nothing for this.
func PublishedAt(ctx context.Context, s Store, a *editor.Article) (time.Time, error) {
	if a.Status != editor.StatusPublished && a.SpikedFrom != editor.StatusPublished {
		return time.Time{}, nil
	}
	id := a.ID
	revs, err := s.Revisions(ctx, id)
	if err != nil {
		return time.Time{}, err
	}
	for _, r := range revs {
		if r.Kind != KindStatus && r.Kind != KindCorrection && r.Kind != KindImport {
			continue
		}
		old, _, err := s.Revision(ctx, id, r.Seq)
		if err != nil {
			return time.Time{}, err
		}
		if old.Status == editor.StatusPublished {
			return r.Time, nil
		}
	}
	return time.Time{}, nil
}
