package badgerstore

// Migrations from older schema versions, run by Open after
// Options.BeforeMigrate. Each step leaves a database that the new version
// reads whatever happens: the schema version is stamped last, and work it
// leaves undone (compacting history, indexing bodies) is resumable.

import (
	"context"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"
)

// migrate brings a database at schema version from up to SchemaVersion.
func (s *Store) migrate(from int) error {
	if from == 1 {
		if err := s.migrate1to2(); err != nil {
			return fmt.Errorf("database %s: migrating from schema version 1 to 2: %w", s.dir, err)
		}
	}
	return nil
}

// migrate1to2 marks every article's history for compaction, stamps
// version 2 and compacts: every revision but the newest and the keyframes
// becomes a delta. The full-text index is built after (checkFullText
// finds none and queues every article).
func (s *Store) migrate1to2() error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDraft, PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			id := string(it.Item().Key()[len(prefixDraft):])
			if err := wb.Set(pendingKey(id), []byte{0, 0, 0, 0, 0, 0, 0, 1}); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return err
	}
	err = s.update(func(txn *badger.Txn) error {
		return txn.Set(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
	if err != nil {
		return err
	}
	if err := s.compactAll(context.Background()); err != nil {
		return err
	}
	return s.sync()
}
