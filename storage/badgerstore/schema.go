package badgerstore

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// SchemaVersion is the layout this package writes and reads (see keys.go
// and codec.go). A database with a newer one is refused rather than
// misread; an older one is migrated at Open (migrate.go).
//
//	1: every revision kept whole.
//	2: older revisions kept as reverse deltas with keyframes (history.go);
//	   a full-text index of bodies (fulltext.go).
const SchemaVersion = 2

// checkSchema refuses a database written by a newer Copydesk and stamps a
// fresh one. An older one is left to migrate; found is its version
// (SchemaVersion for a fresh one, 0 for an empty read-only one).
func (s *Store) checkSchema() (found int, err error) {
	found, err = s.schemaFound()
	if err != nil || found != 0 {
		return found, err
	}
	if s.opts.ReadOnly {
		return 0, nil // an empty database reads as an empty store
	}
	err = s.update(func(txn *badger.Txn) error {
		if err := txn.Set(keyFullText, []byte(fullTextFormat)); err != nil {
			return err
		}
		return txn.Set(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
	if err == nil {
		err = s.sync()
	}
	if err != nil {
		return 0, fmt.Errorf("database %s: writing the schema version: %w", s.dir, err)
	}
	return SchemaVersion, nil
}

// schemaFound reads the database's schema version: 0 for an empty
// database, an error for a newer one or for data that is not ours.
func (s *Store) schemaFound() (int, error) {
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
		return 0, fmt.Errorf("database %s: reading the schema version: %w", s.dir, err)
	}
	switch {
	case found > SchemaVersion:
		return found, &storage.SchemaError{Path: s.dir, Found: found, Supported: SchemaVersion}
	case found == 0 && !empty:
		return 0, fmt.Errorf("database %s holds data but no schema version: it is not a Copydesk database; choose another directory", s.dir)
	}
	return found, nil
}
