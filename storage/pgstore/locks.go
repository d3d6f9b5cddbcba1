package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/storage"
)

// Article locks. A lock is a row of locks; its times come from the
// database's clock (now(), the transaction's start), so desks whose clocks
// disagree still agree on who holds what. Whether a lock is live is
// decided against that clock too.

// takeOverLabel labels the checkpoint revision that keeps a previous
// holder's draft when a desk takes an article over.
func takeOverLabel(name string) string {
	l := "kept at take-over by " + name
	for utf8.RuneCountInString(l) > storage.MaxLabelChars {
		_, size := utf8.DecodeLastRuneInString(l)
		l = l[:len(l)-size]
	}
	return l
}

// checkHolder refuses a holder without a desk, or with names that would
// not fit a revision's author.
func checkHolder(h storage.Holder) error {
	if h.Desk == "" {
		return &editor.FieldError{Field: "holder.desk", Problem: "is empty", Fix: "give each running Copydesk a desk ID"}
	}
	probe := storage.Meta{Author: h.Name, Label: h.Desk}
	if err := probe.Check(); err != nil {
		return fmt.Errorf("lock holder %q at %q: %w", h.Name, h.Desk, err)
	}
	return nil
}

// Acquire takes the lock on article id for h, or renews it when h's desk
// holds it already. A live lock of another desk gives a
// *storage.HeldError; an expired one is taken over as TakeOver does.
func (s *Store) Acquire(ctx context.Context, id string, h storage.Holder) (storage.Lock, error) {
	return s.claim(ctx, id, h, false)
}

// TakeOver takes the lock on article id from whoever holds it. A draft
// with changes that are in no revision is first kept as a checkpoint
// revision by the previous holder, in the same transaction.
func (s *Store) TakeOver(ctx context.Context, id string, h storage.Holder) (storage.Lock, error) {
	return s.claim(ctx, id, h, true)
}

func (s *Store) claim(ctx context.Context, id string, h storage.Holder, force bool) (storage.Lock, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Lock{}, err
	}
	defer s.gate.Exit()
	if !editor.ValidID(id) {
		return storage.Lock{}, storage.ArticleNotFound(id)
	}
	if err := checkHolder(h); err != nil {
		return storage.Lock{}, err
	}
	l := storage.Lock{ArticleID: id, Holder: h}
	kept := false
	err := s.retry(ctx, func(tx pgx.Tx) error {
		kept = false
		// A release between the INSERT and the SELECT leaves no row to
		// lock: then the INSERT is tried again.
		for range 3 {
			err := tx.QueryRow(ctx, `INSERT INTO locks (article_id, holder_name, desk, since, seen)
				VALUES ($1, $2, $3, now(), now()) ON CONFLICT (article_id) DO NOTHING RETURNING since, seen`,
				id, h.Name, h.Desk).Scan(&l.Since, &l.Seen)
			if err == nil {
				return s.sendChange(ctx, tx, storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: h.Desk})
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
			var (
				old storage.Lock
				now time.Time
			)
			err = tx.QueryRow(ctx, `SELECT holder_name, desk, since, seen, now() FROM locks WHERE article_id = $1 FOR UPDATE`, id).
				Scan(&old.Holder.Name, &old.Holder.Desk, &old.Since, &old.Seen, &now)
			if errors.Is(err, pgx.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			old.ArticleID = id
			if old.Holder.Desk == h.Desk {
				l.Since = old.Since
				return tx.QueryRow(ctx, `UPDATE locks SET seen = now(), holder_name = $2 WHERE article_id = $1 RETURNING seen`,
					id, h.Name).Scan(&l.Seen)
			}
			if !force && now.Sub(old.Seen) < s.opts.LockTTL {
				return &storage.HeldError{Lock: old}
			}
			if kept, err = s.keepDraft(ctx, tx, id, old.Holder.Name, h.Name); err != nil {
				return fmt.Errorf("keeping %s's draft of article %s: %w", old.Holder.Name, id, err)
			}
			err = tx.QueryRow(ctx, `UPDATE locks SET holder_name = $2, desk = $3, since = now(), seen = now()
				WHERE article_id = $1 RETURNING since, seen`, id, h.Name, h.Desk).Scan(&l.Since, &l.Seen)
			if err != nil {
				return err
			}
			return s.sendChange(ctx, tx, storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: h.Desk})
		}
		return fmt.Errorf("the lock on article %s keeps changing hands; try again", id)
	})
	if err != nil {
		return storage.Lock{}, err
	}
	if kept {
		s.kickCompactor(compactJob{id: id})
	}
	return l, nil
}

// keepDraft makes the stored draft of article id a checkpoint revision by
// prevName when its content is in no revision (it differs from the
// newest). An article not stored yet has nothing to keep. The draft is
// kept as it is, even one a revision would refuse (say, without a
// headline): losing it would be worse.
func (s *Store) keepDraft(ctx context.Context, tx pgx.Tx, id, prevName, newName string) (bool, error) {
	var (
		content []byte
		hash    string
	)
	err := tx.QueryRow(ctx, `SELECT content, content_hash FROM articles WHERE id = $1 FOR UPDATE`, id).Scan(&content, &hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	newest, err := lastRevision(ctx, tx, id)
	if err != nil {
		return false, err
	}
	if newest != nil && newest.ContentHash == hash {
		return false, nil
	}
	a, err := editor.Decode(content)
	if err != nil {
		return false, err
	}
	m := storage.Meta{Author: prevName, Kind: storage.KindCheckpoint, Label: takeOverLabel(newName)}
	_, err = s.appendRevision(ctx, tx, a, content, a.Words(), m)
	return err == nil, err
}

// Release gives up h's lock on id; a lock h does not hold is left alone.
func (s *Store) Release(ctx context.Context, id string, h storage.Holder) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	return s.retry(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM locks WHERE article_id = $1 AND desk = $2`, id, h.Desk)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		return s.sendChange(ctx, tx, storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: h.Desk})
	})
}

// Heartbeat renews every lock h.Desk holds and returns their article IDs,
// sorted.
func (s *Store) Heartbeat(ctx context.Context, h storage.Holder) ([]string, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	if h.Desk == "" {
		return nil, nil
	}
	var ids []string
	err := s.retry(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `UPDATE locks SET seen = now() WHERE desk = $1 RETURNING article_id`, h.Desk)
		if err != nil {
			return err
		}
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	sort.Strings(ids)
	return ids, err
}

// LockOf returns the live lock on id; ok is false when nobody holds it or
// the holder's lock expired.
func (s *Store) LockOf(ctx context.Context, id string) (storage.Lock, bool, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Lock{}, false, err
	}
	defer s.gate.Exit()
	l := storage.Lock{ArticleID: id}
	var now time.Time
	err := s.read(ctx, func() error {
		return s.pool.QueryRow(ctx, `SELECT holder_name, desk, since, seen, now() FROM locks WHERE article_id = $1`, id).
			Scan(&l.Holder.Name, &l.Holder.Desk, &l.Since, &l.Seen, &now)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return storage.Lock{}, false, nil
	}
	if err != nil {
		return storage.Lock{}, false, err
	}
	if now.Sub(l.Seen) >= s.opts.LockTTL {
		return storage.Lock{}, false, nil
	}
	return l, true, nil
}

// Locks returns every live lock, in article order.
func (s *Store) Locks(ctx context.Context) ([]storage.Lock, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	var locks []storage.Lock
	err := s.read(ctx, func() (err error) {
		locks, err = s.locks(ctx)
		return err
	})
	return locks, err
}

func (s *Store) locks(ctx context.Context) ([]storage.Lock, error) {
	rows, err := s.pool.Query(ctx, `SELECT article_id, holder_name, desk, since, seen, now() FROM locks ORDER BY article_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var locks []storage.Lock
	for rows.Next() {
		var (
			l   storage.Lock
			now time.Time
		)
		if err := rows.Scan(&l.ArticleID, &l.Holder.Name, &l.Holder.Desk, &l.Since, &l.Seen, &now); err != nil {
			return nil, err
		}
		if now.Sub(l.Seen) < s.opts.LockTTL {
			locks = append(locks, l)
		}
	}
	return locks, rows.Err()
}
