package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/storage"
)

// Create stores a new article, its draft (version 1) and revision 1.
func (s *Store) Create(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Revision{}, err
	}
	defer s.gate.Exit()
	content, words, err := storage.RevisionContent(a, m)
	if err != nil {
		return storage.Revision{}, err
	}
	var rev storage.Revision
	err = s.retryWrite(ctx, func(tx pgx.Tx, uncertain bool) error {
		rev = storage.NewRevision(a.ID, nil, content, words, m, s.clock.Now())
		d, err := newDraftRow(a, content, words, rev.Time)
		if err != nil {
			return err
		}
		created, err := insertDraft(ctx, tx, d, 1, rev.Seq)
		if err != nil {
			return err
		}
		if !created {
			if uncertain {
				done, err := s.savedBefore(ctx, tx, a.ID, content, m, 0)
				if err != nil {
					return err
				}
				if done != nil && done.Seq == 1 {
					rev = *done
					return nil
				}
			}
			return fmt.Errorf("article %s: %w", a.ID, storage.ErrExists)
		}
		if err := insertRevision(ctx, tx, rev, content); err != nil {
			if sqlState(err) == "23505" {
				return fmt.Errorf("article %s: revisions without a draft are stored under its ID: %w", a.ID, storage.ErrExists)
			}
			return err
		}
		return s.sendChange(ctx, tx, storage.Change{ArticleID: a.ID, Kind: storage.ChangeCreate, Seq: rev.Seq, Version: 1})
	})
	if err != nil {
		return storage.Revision{}, err
	}
	return rev, nil
}

// SaveDraft writes the working draft. The version check is in the
// UPDATE's WHERE: of two desks saving from one version, one wins.
func (s *Store) SaveDraft(ctx context.Context, a *editor.Article, version uint64) (uint64, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return 0, err
	}
	defer s.gate.Exit()
	if err := storage.ValidateDraft(a); err != nil {
		return 0, err
	}
	content, words := a.Encode(), a.Words()
	var saved, seq int64
	err := s.retryWrite(ctx, func(tx pgx.Tx, uncertain bool) error {
		d, err := newDraftRow(a, content, words, s.clock.Now())
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `UPDATE articles SET content = $3, content_hash = $4, version = version + 1, saved = $5,
				headline = $6, slug = $7, section = $8, status = $9, tags = $10, words = $11, search = $12, terms = $13
			WHERE id = $1 AND version = $2 RETURNING version, seq`,
			d.id, int64(version), d.content, d.hash, d.saved,
			d.headline, d.slug, d.section, d.status, d.tagsText, d.words, d.search, d.terms).Scan(&saved, &seq)
		if errors.Is(err, pgx.ErrNoRows) {
			var (
				stored int64
				hash   string
			)
			err = tx.QueryRow(ctx, `SELECT version, content_hash, seq FROM articles WHERE id = $1`, a.ID).Scan(&stored, &hash, &seq)
			if errors.Is(err, pgx.ErrNoRows) {
				return storage.ArticleNotFound(a.ID)
			}
			if err != nil {
				return err
			}
			if uncertain && uint64(stored) == version+1 && hash == d.hash {
				// An earlier run, cut off during its commit, saved it.
				s.fo.confirmed.Add(1)
				saved = stored
				return nil
			}
			if uncertain {
				s.fo.refused.Add(1)
			}
			return storage.StaleDraftError(a.ID, uint64(stored), version)
		}
		if err != nil {
			return err
		}
		if err := writeTags(ctx, tx, a.ID, a.Tags); err != nil {
			return err
		}
		return s.sendChange(ctx, tx, storage.Change{ArticleID: a.ID, Kind: storage.ChangeDraft, Seq: uint64(seq), Version: uint64(saved)})
	})
	if err != nil {
		return 0, err
	}
	return uint64(saved), nil
}

// Draft returns the working draft.
func (s *Store) Draft(ctx context.Context, id string) (storage.Draft, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Draft{}, err
	}
	defer s.gate.Exit()
	if !editor.ValidID(id) {
		return storage.Draft{}, storage.ArticleNotFound(id)
	}
	var d storage.Draft
	err := s.read(ctx, func() (err error) {
		d, err = readDraft(ctx, s.pool, id)
		return err
	})
	return d, err
}

// querier is a pool, a connection or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func readDraft(ctx context.Context, q querier, id string) (storage.Draft, error) {
	var (
		content      []byte
		version, seq int64
		saved        string
	)
	err := q.QueryRow(ctx, `SELECT content, version, saved, seq FROM articles WHERE id = $1`, id).Scan(&content, &version, &saved, &seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return storage.Draft{}, storage.ArticleNotFound(id)
	}
	if err != nil {
		return storage.Draft{}, err
	}
	a, err := editor.Decode(content)
	if err != nil {
		return storage.Draft{}, fmt.Errorf("draft of article %s: %w", id, err)
	}
	t, err := parseTime(saved)
	if err != nil {
		return storage.Draft{}, fmt.Errorf("draft of article %s: %w", id, err)
	}
	return storage.Draft{Article: a, Version: uint64(version), Saved: t, Seq: uint64(seq)}, nil
}

// SaveRevision makes a revision of a and makes a the draft, in one
// transaction that holds the article's row: concurrent saves queue on it
// and each links to the one before.
func (s *Store) SaveRevision(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Revision{}, err
	}
	defer s.gate.Exit()
	content, words, err := storage.RevisionContent(a, m)
	if err != nil {
		return storage.Revision{}, err
	}
	var rev storage.Revision
	err = s.retryWrite(ctx, func(tx pgx.Tx, uncertain bool) error {
		var version int64
		err := tx.QueryRow(ctx, `SELECT version FROM articles WHERE id = $1 FOR UPDATE`, a.ID).Scan(&version)
		if errors.Is(err, pgx.ErrNoRows) {
			return storage.ArticleNotFound(a.ID)
		}
		if err != nil {
			return err
		}
		if uncertain {
			done, err := s.savedBefore(ctx, tx, a.ID, content, m, uint64(version))
			if err != nil {
				return err
			}
			if done != nil {
				rev = *done
				return nil
			}
		}
		if m.DraftVersion != 0 && m.DraftVersion != uint64(version) {
			if uncertain {
				s.fo.refused.Add(1)
			}
			return storage.StaleDraftError(a.ID, uint64(version), m.DraftVersion)
		}
		rev, err = s.appendRevision(ctx, tx, a, content, words, m)
		return err
	})
	if err != nil {
		return storage.Revision{}, err
	}
	s.kickCompactor(compactJob{id: a.ID, seq: rev.Seq, content: content})
	return rev, nil
}

// savedBefore is the newest revision of article id if it is this very
// save, committed by an earlier run cut off during its commit: its
// content, author and kind, at the version after the one it was made from
// (when the save names one). nil otherwise.
func (s *Store) savedBefore(ctx context.Context, tx pgx.Tx, id string, content []byte, m storage.Meta, version uint64) (*storage.Revision, error) {
	newest, err := lastRevision(ctx, tx, id)
	if err != nil || newest == nil {
		return nil, err
	}
	if newest.ContentHash != editor.HashBytes(content) || newest.Author != m.Author || newest.Kind != m.KindOrSave() ||
		m.DraftVersion != 0 && version != m.DraftVersion+1 {
		return nil, nil
	}
	s.fo.confirmed.Add(1)
	return newest, nil
}

// appendRevision adds revision content (of article a) after the newest
// and makes it the draft. The caller holds the article's row.
func (s *Store) appendRevision(ctx context.Context, tx pgx.Tx, a *editor.Article, content []byte, words int, m storage.Meta) (storage.Revision, error) {
	prev, err := lastRevision(ctx, tx, a.ID)
	if err != nil {
		return storage.Revision{}, err
	}
	rev := storage.NewRevision(a.ID, prev, content, words, m, s.clock.Now())
	if err := insertRevision(ctx, tx, rev, content); err != nil {
		return rev, err
	}
	d, err := newDraftRow(a, content, words, rev.Time)
	if err != nil {
		return rev, err
	}
	var version int64
	err = tx.QueryRow(ctx, `UPDATE articles SET content = $2, content_hash = $3, version = version + 1, saved = $4, seq = $5,
			headline = $6, slug = $7, section = $8, status = $9, tags = $10, words = $11, search = $12, terms = $13
		WHERE id = $1 RETURNING version`,
		d.id, d.content, d.hash, d.saved, int64(rev.Seq),
		d.headline, d.slug, d.section, d.status, d.tagsText, d.words, d.search, d.terms).Scan(&version)
	if err != nil {
		return rev, err
	}
	if err := writeTags(ctx, tx, a.ID, a.Tags); err != nil {
		return rev, err
	}
	return rev, s.sendChange(ctx, tx, storage.Change{ArticleID: a.ID, Kind: storage.ChangeRevision, Seq: rev.Seq, Version: uint64(version)})
}

// Revisions lists an article's revisions, oldest first, without their
// content.
func (s *Store) Revisions(ctx context.Context, id string) ([]storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	if !editor.ValidID(id) {
		return nil, storage.ArticleNotFound(id)
	}
	var revs []storage.Revision
	err := s.read(ctx, func() (err error) {
		revs, err = s.revisions(ctx, id)
		return err
	})
	return revs, err
}

func (s *Store) revisions(ctx context.Context, id string) ([]storage.Revision, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+revColumns+` FROM revisions WHERE article_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	var revs []storage.Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		revs = append(revs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		if err := s.mustExist(ctx, id); err != nil {
			return nil, err
		}
	}
	return revs, nil
}

// mustExist returns a *storage.NotFoundError unless article id has a draft.
func (s *Store) mustExist(ctx context.Context, id string) error {
	var one int
	err := s.pool.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return storage.ArticleNotFound(id)
	}
	return err
}

// Revision rebuilds revision seq of an article. Content that no longer
// matches its hash is refused, never handed out as if it were good.
func (s *Store) Revision(ctx context.Context, id string, seq uint64) (*editor.Article, storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, storage.Revision{}, err
	}
	defer s.gate.Exit()
	if !editor.ValidID(id) {
		return nil, storage.Revision{}, storage.ArticleNotFound(id)
	}
	var (
		rec     storage.Revision
		content []byte
	)
	err := s.read(ctx, func() (err error) {
		rec, content, err = s.rebuild(ctx, id, seq)
		return err
	})
	if err != nil {
		return nil, rec, err
	}
	a, err := storage.DecodeRevision(id, seq, rec, content)
	if err != nil {
		return nil, rec, err
	}
	return a, rec, nil
}

// SetLabel changes a revision's label; the label is outside the chain
// hash.
func (s *Store) SetLabel(ctx context.Context, id string, seq uint64, label string) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if err := storage.CheckLabel(label); err != nil {
		return err
	}
	if !editor.ValidID(id) {
		return storage.ArticleNotFound(id)
	}
	return s.retry(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE revisions SET label = $3 WHERE article_id = $1 AND seq = $2`, id, int64(seq), label)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			var one int
			err := tx.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = $1`, id).Scan(&one)
			if errors.Is(err, pgx.ErrNoRows) {
				return storage.ArticleNotFound(id)
			}
			if err != nil {
				return err
			}
			return storage.RevisionNotFound(id, seq)
		}
		return s.sendChange(ctx, tx, storage.Change{ArticleID: id, Kind: storage.ChangeLabel, Seq: seq})
	})
}
