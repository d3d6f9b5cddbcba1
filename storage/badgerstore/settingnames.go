package badgerstore

import (
	"context"

	"github.com/dgraph-io/badger/v4"
)

// SettingNames lists every setting the desk holds, sorted. Backups and
// migrate carry them all (storage/backup.SettingLister): besides the desk
// dictionary and house style, the review decisions and comments of
// storage/notes live there.
func (s *Store) SettingNames(ctx context.Context) ([]string, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	var names []string
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = prefixSetting
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			names = append(names, string(it.Item().Key()[len(prefixSetting):]))
		}
		return nil
	})
	return names, err
}
