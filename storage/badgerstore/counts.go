package badgerstore

// Counts of articles by status, kept in the same transactions as the
// summaries, so that the library's first page (no search, no tag) walks
// only the rows it shows: the total comes from here, not from walking
// every entry of the index.

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
	"copydesk/storage"
)

var (
	keyCounts    = []byte("v2/meta/counts") // present once the counts are kept
	prefixCounts = []byte("v2/count/")
)

func countKey(st editor.Status) []byte { return join(prefixCounts, []byte(st)) }

// addCount adds delta to the count of articles with status st.
func addCount(txn *badger.Txn, st editor.Status, delta int64) error {
	n, err := readCount(txn, st)
	if err != nil {
		return err
	}
	return txn.Set(countKey(st), binary.BigEndian.AppendUint64(nil, uint64(max(n+delta, 0))))
}

func readCount(txn *badger.Txn, st editor.Status) (int64, error) {
	item, err := txn.Get(countKey(st))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var n int64
	err = item.Value(func(v []byte) error {
		if len(v) == 8 {
			n = int64(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return n, err
}

// countChange keeps the counts right for a summary replacing old (nil for
// a new article).
func countChange(txn *badger.Txn, old *storage.Summary, sum storage.Summary) error {
	if old != nil && old.Status == sum.Status {
		return nil
	}
	if old != nil {
		if err := addCount(txn, old.Status, -1); err != nil {
			return err
		}
	}
	return addCount(txn, sum.Status, 1)
}

// counted returns how many articles a query without text or tag matches,
// and false when the counts are not kept (a read-only version-1 database).
func counted(txn *badger.Txn, q storage.Query) (int, bool, error) {
	if _, err := txn.Get(keyCounts); errors.Is(err, badger.ErrKeyNotFound) {
		return 0, false, nil
	} else if err != nil {
		return 0, false, err
	}
	if q.Status != "" {
		n, err := readCount(txn, q.Status)
		return int(n), true, err
	}
	total := int64(0)
	for _, st := range editor.Statuses {
		if st == editor.StatusSpiked {
			continue
		}
		n, err := readCount(txn, st)
		if err != nil {
			return 0, false, err
		}
		total += n
	}
	return int(total), true, nil
}

// checkCounts counts the articles by status when the counts are not kept
// yet (a fresh or migrated database). It runs at open, before anything
// else writes.
func (s *Store) checkCounts(ctx context.Context) error {
	if s.opts.ReadOnly {
		return nil
	}
	return s.update(func(txn *badger.Txn) error {
		if _, err := txn.Get(keyCounts); err == nil || !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		for _, st := range editor.Statuses {
			n, err := countKeys(ctx, txn, statusPrefix(st))
			if err != nil {
				return fmt.Errorf("counting %s stories: %w", st, err)
			}
			if err := txn.Set(countKey(st), binary.BigEndian.AppendUint64(nil, uint64(n))); err != nil {
				return err
			}
		}
		return txn.Set(keyCounts, nil)
	})
}
