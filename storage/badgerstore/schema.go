package badgerstore

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// SchemaVersion is the key layout this package writes and reads (see
// keys.go). A database with a newer one is refused rather than misread.
const SchemaVersion = 1

// checkSchema refuses a database written by a newer Copydesk and stamps a
// fresh one.
func (s *Store) checkSchema() error {
	found, empty := 0, false
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(keySchema)
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error {
			n, err := strconv.Atoi(string(v))
			if err != nil || n < 1 {
				return fmt.Errorf("the schema version %q is not a version number: the database is damaged", v)
			}
			found = n
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("database %s: reading the schema version: %w", s.dir, err)
	}
	switch {
	case found > SchemaVersion:
		return &storage.SchemaError{Path: s.dir, Found: found, Supported: SchemaVersion}
	case found > 0:
		return nil
	case !empty:
		return fmt.Errorf("database %s holds data but no schema version: it is not a Copydesk database; choose another directory", s.dir)
	case s.opts.ReadOnly:
		return nil // an empty database reads as an empty store
	}
	err = s.update(func(txn *badger.Txn) error {
		return txn.Set(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
	if err == nil {
		err = s.sync()
	}
	if err != nil {
		return fmt.Errorf("database %s: writing the schema version: %w", s.dir, err)
	}
	return nil
}
