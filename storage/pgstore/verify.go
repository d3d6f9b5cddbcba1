package pgstore

import (
	"context"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

// Verify walks every revision chain in one snapshot: each revision's
// content is rebuilt and hashed, and its links to its parent checked
// (storage.CheckRevision). It also reports revisions without a draft,
// drafts without revisions, and drafts that do not name the newest
// revision. progress, if not nil, is told after each article.
func (s *Store) Verify(ctx context.Context, progress storage.Progress) (storage.Report, error) {
	if err := s.enter(ctx); err != nil {
		return storage.Report{}, err
	}
	defer s.exit()
	var rep storage.Report
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
		total := len(drafts)
		done := 0
		report := func() {
			done++
			if progress != nil {
				total = max(total, done)
				progress(done, total)
			}
		}
		seen := map[string]bool{}
		for _, id := range withRevisions {
			if err := ctx.Err(); err != nil {
				return err
			}
			seen[id] = true
			rep.Articles++
			revs, err := storedRevisions(ctx, tx, id)
			if err != nil {
				return err
			}
			rep.Revisions += len(revs)
			problem := func(seq uint64, what string) {
				rep.Problems = append(rep.Problems, storage.Problem{ArticleID: id, Seq: seq, What: what})
			}
			checkChain(id, revs, problem)
			newest := revs[len(revs)-1].rec.Seq
			switch seq, ok := drafts[id]; {
			case !ok:
				problem(0, "has revisions but no draft")
			case seq != newest:
				problem(0, fmt.Sprintf("the draft says the newest revision is %d, but it is %d", seq, newest))
			}
			report()
		}
		var orphans []string
		for id := range drafts {
			if !seen[id] {
				orphans = append(orphans, id)
			}
		}
		sort.Strings(orphans)
		for _, id := range orphans {
			rep.Articles++
			rep.Problems = append(rep.Problems, storage.Problem{ArticleID: id, What: "has a draft but no revisions"})
			report()
		}
		return nil
	})
	if err != nil {
		return storage.Report{}, err
	}
	return rep, nil
}

// checkChain rebuilds an article's revisions (oldest first) and checks
// each link.
func checkChain(id string, revs []storedRevision, problem func(seq uint64, what string)) {
	contents, errs := rebuildAll(revs)
	var last *storage.Revision
	for i, sr := range revs {
		rec := sr.rec
		if errs[i] != nil {
			problem(rec.Seq, "cannot be rebuilt: "+errs[i].Error())
		} else {
			for _, what := range storage.CheckRevision(id, last, rec, contents[i]) {
				problem(rec.Seq, what)
			}
		}
		last = &revs[i].rec
	}
}
