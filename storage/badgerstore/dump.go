package badgerstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// Dump calls fn with each article's whole history, in the order the
// articles were created, from one consistent snapshot. Content is handed
// out as stored, without checking hashes: Verify judges them.
func (s *Store) Dump(ctx context.Context, fn func(storage.History) error) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	return s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDraft})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			id := string(it.Item().Key()[len(prefixDraft):])
			h, err := history(txn, id)
			if err != nil {
				return err
			}
			if err := fn(h); err != nil {
				return err
			}
		}
		return nil
	})
}

func history(txn *badger.Txn, id string) (storage.History, error) {
	d, err := getDraft(txn, id)
	if err != nil {
		return storage.History{}, err
	}
	h := storage.History{Draft: d}
	revs, err := storedRevisions(txn, id)
	if err != nil {
		return h, err
	}
	contents, errs := rebuildAll(revs)
	for i, sr := range revs {
		r, err := storage.DecodeKept(id, sr.rec, contents[i], errs[i])
		if err != nil {
			return h, err
		}
		h.Revisions = append(h.Revisions, r)
	}
	return h, nil
}

// storedRevisions reads all of an article's revisions as stored, oldest
// first.
func storedRevisions(txn *badger.Txn, id string) ([]storedRevision, error) {
	var revs []storedRevision
	it := txn.NewIterator(badger.IteratorOptions{Prefix: revPrefix(id)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		_, seq, _ := revKeyParts(it.Item().Key())
		err := it.Item().Value(func(v []byte) error {
			sr, err := decodeStored(v)
			revs = append(revs, sr)
			return err
		})
		if err != nil {
			return revs, fmt.Errorf("revision %d of article %s: %w", seq, id, err)
		}
	}
	return revs, nil
}

// Load stores a history as given: sequence numbers, times and hashes are
// kept. A history that fits in one transaction is written in one; a
// longer one has its revisions written first in batches and its draft,
// summary and indexes last, so an interrupted Load leaves no article in
// the library and can simply be run again.
func (s *Store) Load(ctx context.Context, h storage.History) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if err := h.Check(); err != nil {
		return err
	}
	a := h.Draft.Article
	content, words := a.Encode(), a.Words()
	hd := draftHeader{Version: h.Draft.Version, Saved: h.DraftSaved(), Seq: h.Draft.Seq}
	revs := make([]entry, len(h.Revisions))
	for i, sr := range h.Revisions {
		revs[i] = entry{revKey(a.ID, sr.Revision.Seq), encodeRevision(sr.Revision, sr.Article.Encode())}
	}
	var out written
	finish := func(txn *badger.Txn, withRevisions bool) error {
		if found, err := exists(txn, draftKey(a.ID)); err != nil || found {
			if err == nil {
				err = fmt.Errorf("article %s: %w", a.ID, storage.ErrExists)
			}
			return err
		}
		if withRevisions {
			if err := deleteRevisionsAfter(txn.Delete, txn, a.ID, uint64(len(revs))); err != nil {
				return err
			}
			for _, e := range revs {
				if err := txn.Set(e.key, e.value); err != nil {
					return err
				}
			}
		}
		if err := markPending(txn, a.ID, 1); err != nil {
			return err
		}
		var err error
		out, err = writeArticle(txn, a, content, words, hd, nil)
		return err
	}
	err := s.update(func(txn *badger.Txn) error { return finish(txn, true) })
	if errors.Is(err, badger.ErrTxnTooBig) {
		err = s.loadInBatches(ctx, a.ID, revs, func(txn *badger.Txn) error { return finish(txn, false) })
	}
	if err != nil {
		return err
	}
	s.wrote(out)
	err = s.sync()
	s.kickCompactor()
	s.kickIndexer()
	return err
}

// loadInBatches writes a long history's revisions through a write batch,
// then runs finish in a transaction of its own.
func (s *Store) loadInBatches(ctx context.Context, id string, revs []entry, finish func(*badger.Txn) error) error {
	if s.opts.ReadOnly {
		return fmt.Errorf("database %s: %w", s.dir, ErrReadOnly)
	}
	err := s.db.View(func(txn *badger.Txn) error {
		found, err := exists(txn, draftKey(id))
		if err == nil && found {
			err = fmt.Errorf("article %s: %w", id, storage.ErrExists)
		}
		return err
	})
	if err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	// Revisions left by an earlier, interrupted Load beyond this history's
	// end would otherwise extend its chain.
	err = s.db.View(func(txn *badger.Txn) error {
		return deleteRevisionsAfter(wb.Delete, txn, id, uint64(len(revs)))
	})
	if err != nil {
		return err
	}
	for _, e := range revs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := wb.Set(e.key, e.value); err != nil {
			return err
		}
	}
	if err := wb.Flush(); err != nil {
		return err
	}
	return s.update(finish)
}

// deleteRevisionsAfter deletes, through del, the stored revisions of an
// article numbered above last.
func deleteRevisionsAfter(del func([]byte) error, txn *badger.Txn, id string, last uint64) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: revPrefix(id)})
	defer it.Close()
	var doomed [][]byte
	for it.Seek(revKey(id, last+1)); it.Valid(); it.Next() {
		doomed = append(doomed, it.Item().KeyCopy(nil))
	}
	for _, k := range doomed {
		if err := del(k); err != nil {
			return err
		}
	}
	return nil
}
