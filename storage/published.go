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
func PublishedAt(ctx context.Context, s Store, id string) (time.Time, error) {
	revs, err := s.Revisions(ctx, id)
	if err != nil {
		return time.Time{}, err
	}
	for _, r := range revs {
		if r.Kind != KindStatus && r.Kind != KindCorrection && r.Kind != KindImport {
			continue
		}
		a, _, err := s.Revision(ctx, id, r.Seq)
		if err != nil {
			return time.Time{}, err
		}
		if a.Status == editor.StatusPublished {
			return r.Time, nil
		}
	}
	return time.Time{}, nil
}
