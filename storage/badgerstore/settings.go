package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// Setting returns a per-desk value, or a *storage.NotFoundError.
func (s *Store) Setting(ctx context.Context, name string) ([]byte, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	if err := storage.CheckSetting(name, nil); err != nil {
		return nil, err
	}
	var val []byte
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(settingKey(name))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return storage.SettingNotFound(name)
		}
		if err != nil {
			return err
		}
		val, err = item.ValueCopy(nil)
		return err
	})
	return val, err
}

// SetSetting keeps a per-desk value, durably.
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
	err := s.update(func(txn *badger.Txn) error {
		return txn.Set(settingKey(name), value)
	})
	if err != nil {
		return err
	}
	return s.sync()
}

// Stats counts articles and revisions and measures the directory: the
// bytes the files occupy on disk (Badger's value-log files are sparse, so
// their apparent size says little).
func (s *Store) Stats(ctx context.Context) (storage.Stats, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Stats{}, err
	}
	defer s.gate.Exit()
	st := storage.Stats{Location: s.dir, Schema: s.schema}
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		if st.Articles, err = countKeys(ctx, txn, prefixDraft); err != nil {
			return err
		}
		st.Revisions, err = countKeys(ctx, txn, prefixRev)
		return err
	})
	if err != nil {
		return storage.Stats{}, err
	}
	err = filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // Badger removed a file while we walked
			}
			return err
		}
		if d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				st.Bytes += diskBytes(info)
			}
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("measuring database %s: %w", s.dir, err)
	}
	return st, nil
}

func countKeys(ctx context.Context, txn *badger.Txn, prefix []byte) (int, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}
