package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

// Dump calls fn with each article's whole history, in the order of their
// IDs (which sort by creation), from one snapshot. Content is handed out
// as stored, without checking hashes: Verify judges them.
func (s *Store) Dump(ctx context.Context, fn func(storage.History) error) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	return s.snapshot(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id FROM articles ORDER BY id`)
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			h, err := history(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := fn(h); err != nil {
				return err
			}
		}
		return nil
	})
}

func history(ctx context.Context, tx pgx.Tx, id string) (storage.History, error) {
	d, err := readDraft(ctx, tx, id)
	if err != nil {
		return storage.History{}, err
	}
	h := storage.History{Draft: d}
	revs, err := storedRevisions(ctx, tx, id)
	if err != nil {
		return h, err
	}
	contents, errs := rebuildAll(revs)
	for i, sr := range revs {
		r, err := storage.DecodeKept(id, sr.rec, contents[i], errs[i])
		if err != nil {
			return h, err
		}
		h.Revisions = append(h.Revisions, r)
	}
	return h, nil
}

// storedRevisions reads all of an article's revisions as stored, oldest
// first.
func storedRevisions(ctx context.Context, q querier, id string) ([]storedRevision, error) {
	rows, err := q.Query(ctx, `SELECT `+revColumns+`, encoding, body FROM revisions WHERE article_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	var revs []storedRevision
	for rows.Next() {
		var sr storedRevision
		if sr.rec, err = scanRevision(rows, &sr.encoding, &sr.body); err != nil {
			rows.Close()
			return nil, err
		}
		revs = append(revs, sr)
	}
	return revs, rows.Err()
}

// Load stores a history as given: sequence numbers, times and hashes are
// kept. It is one transaction: an interrupted Load leaves nothing.
func (s *Store) Load(ctx context.Context, h storage.History) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if err := h.Check(); err != nil {
		return err
	}
	a := h.Draft.Article
	content, words := a.Encode(), a.Words()
	d, err := newDraftRow(a, content, words, h.DraftSaved())
	if err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	err = s.retry(ctx, func(tx pgx.Tx) error {
		created, err := insertDraft(ctx, tx, d, h.Draft.Version, h.Draft.Seq)
		if err != nil {
			return err
		}
		if !created {
			return fmt.Errorf("article %s: %w", a.ID, storage.ErrExists)
		}
		// Revisions under an ID without a draft belong to nothing.
		if _, err := tx.Exec(ctx, `DELETE FROM revisions WHERE article_id = $1`, a.ID); err != nil {
			return err
		}
		for _, sr := range h.Revisions {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := insertRevision(ctx, tx, sr.Revision, sr.Article.Encode()); err != nil {
				return fmt.Errorf("revision %d of article %s: %w", sr.Revision.Seq, a.ID, err)
			}
		}
		last := h.Revisions[len(h.Revisions)-1].Revision
		return s.sendChange(ctx, tx, storage.Change{ArticleID: a.ID, Kind: storage.ChangeCreate, Seq: last.Seq, Version: h.Draft.Version})
	})
	if err != nil {
		return err
	}
	s.kickCompactor(compactJob{id: a.ID})
	return nil
}
