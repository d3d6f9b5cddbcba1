package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// SettingNames lists every shared setting, sorted (by byte, as the Badger
// store does). Backups and migrate carry them all (storage/backup.SettingLister):
// besides the desk dictionary and house style, the review decisions and
// comments of storage/notes live there.
func (s *Store) SettingNames(ctx context.Context) ([]string, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	rows, err := s.pool.Query(ctx, `SELECT name FROM settings ORDER BY name COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	return names, nil
}
