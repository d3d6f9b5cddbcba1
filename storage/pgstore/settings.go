package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

// Setting returns a shared value, or a *storage.NotFoundError.
func (s *Store) Setting(ctx context.Context, name string) ([]byte, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	if err := storage.CheckSetting(name, nil); err != nil {
		return nil, err
	}
	var val []byte
	err := s.pool.QueryRow(ctx, `SELECT value FROM settings WHERE name = $1`, name).Scan(&val)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, storage.SettingNotFound(name)
	}
	if err != nil {
		return nil, err
	}
	if val == nil {
		val = []byte{}
	}
	return val, nil
}

// SetSetting keeps a value. Settings are shared by every desk on the
// database.
func (s *Store) SetSetting(ctx context.Context, name string, value []byte) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if err := storage.CheckSetting(name, value); err != nil {
		return err
	}
	if value == nil {
		value = []byte{}
	}
	return s.retry(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO settings (name, value) VALUES ($1, $2)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
		if id, ok := storage.CommentSettingArticle(name); ok && err == nil {
			// Other desks show a comment on the story as it is written.
			err = s.sendChange(ctx, tx, storage.Change{ArticleID: id, Kind: storage.ChangeComment})
		}
		return err
	})
}

// Stats counts articles and revisions; Bytes is pg_database_size, or 0
// on an engine without it.
func (s *Store) Stats(ctx context.Context) (storage.Stats, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Stats{}, err
	}
	defer s.gate.Exit()
	st := storage.Stats{Location: s.location, Schema: s.schema}
	var articles, revisions int64
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM revisions)`).Scan(&articles, &revisions)
	if err != nil {
		return storage.Stats{}, err
	}
	st.Articles, st.Revisions = int(articles), int(revisions)
	if err := s.pool.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&st.Bytes); err != nil {
		if ctx.Err() != nil {
			return st, ctx.Err()
		}
		st.Bytes = 0
	}
	return st, nil
}
