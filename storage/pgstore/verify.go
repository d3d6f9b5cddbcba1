package pgstore

import (
	"context"
	"maps"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

// Verify walks every revision chain in one snapshot: each revision's
// content is rebuilt and hashed, and its links to its parent checked
// (storage.CheckRevision). It also reports revisions without a draft,
// drafts without revisions, and drafts that do not name the newest
// revision. progress, if not nil, is told after each article.
func (s *Store) Verify(ctx context.Context, progress storage.Progress) (storage.Report, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Report{}, err
	}
	defer s.gate.Exit()
	var audit *storage.Audit
	err := s.snapshot(ctx, func(tx pgx.Tx) error {
		drafts := map[string]uint64{} // article → the newest revision its draft names
		rows, err := tx.Query(ctx, `SELECT id, seq FROM articles`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var seq int64
			if err := rows.Scan(&id, &seq); err != nil {
				rows.Close()
				return err
			}
			drafts[id] = uint64(seq)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT DISTINCT article_id FROM revisions ORDER BY article_id`)
		if err != nil {
			return err
		}
		withRevisions, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		audit = storage.NewAudit(len(drafts), progress)
		for _, id := range withRevisions {
			if err := ctx.Err(); err != nil {
				return err
			}
			revs, err := storedRevisions(ctx, tx, id)
			if err != nil {
				return err
			}
			audit.AddRevisions(len(revs))
			checkChain(audit, id, revs)
			if seq, ok := drafts[id]; !ok {
				audit.NoDraft(id)
			} else {
				audit.CheckNewest(id, seq, revs[len(revs)-1].rec.Seq)
			}
			audit.Done(id)
		}
		audit.DraftsWithoutRevisions(maps.Keys(drafts))
		return nil
	})
	if err != nil {
		return storage.Report{}, err
	}
	return audit.Report(), nil
}

// checkChain rebuilds an article's revisions (oldest first) and checks
// each link.
func checkChain(audit *storage.Audit, id string, revs []storedRevision) {
	contents, errs := rebuildAll(revs)
	var last *storage.Revision
	for i, sr := range revs {
		audit.CheckLink(id, sr.rec.Seq, last, sr.rec, contents[i], errs[i])
		last = &revs[i].rec
	}
}
