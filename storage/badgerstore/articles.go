package badgerstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
	"copydesk/storage"
)

// Create stores a new article, its draft (version 1) and revision 1.
func (s *Store) Create(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Revision{}, err
	}
	defer s.gate.Exit()
	content, words, err := storage.RevisionContent(a, m)
	if err != nil {
		return storage.Revision{}, err
	}
	var (
		rev storage.Revision
		out written
	)
	err = s.update(func(txn *badger.Txn) error {
		if found, err := exists(txn, draftKey(a.ID)); err != nil || found {
			if err == nil {
				err = fmt.Errorf("article %s: %w", a.ID, storage.ErrExists)
			}
			return err
		}
		if prev, err := lastRevision(txn, a.ID); err != nil || prev != nil {
			if err == nil {
				err = fmt.Errorf("article %s: revisions without a draft are stored under its ID: %w", a.ID, storage.ErrExists)
			}
			return err
		}
		rev = storage.NewRevision(a.ID, nil, content, words, m, s.clock.Now())
		if err := txn.Set(revKey(a.ID, rev.Seq), encodeRevision(rev, content)); err != nil {
			return err
		}
		h := draftHeader{Version: 1, Saved: rev.Time, Seq: rev.Seq, Rev: true}
		var err error
		out, err = writeArticle(txn, a, content, words, h, nil)
		return err
	})
	if err != nil {
		return storage.Revision{}, err
	}
	s.wrote(out)
	err = s.sync()
	s.kickIndexer()
	return rev, err
}

// SaveDraft writes the working draft. The draft may lack a headline;
// anything else Validate refuses is refused here too.
func (s *Store) SaveDraft(ctx context.Context, a *editor.Article, version uint64) (uint64, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return 0, err
	}
	defer s.gate.Exit()
	if err := storage.ValidateDraft(a); err != nil {
		return 0, err
	}
	content, words := a.Encode(), a.Words()
	var (
		saved uint64
		out   written
	)
	err := s.update(func(txn *badger.Txn) error {
		h, err := getDraftHeader(txn, a.ID)
		if err != nil {
			return err
		}
		if h.Version != version {
			return storage.StaleDraftError(a.ID, h.Version, version)
		}
		old, err := getSummary(txn, a.ID)
		if err != nil {
			return err
		}
		h = draftHeader{Version: h.Version + 1, Saved: s.clock.Now(), Seq: h.Seq}
		saved = h.Version
		out, err = writeArticle(txn, a, content, words, h, old)
		return err
	})
	if err != nil {
		return 0, err
	}
	s.wrote(out)
	s.kickIndexer()
	// An acknowledged autosave survives a power cut too, not only a killed
	// process: DESIGN.md promises a crash loses at most the last 2 s, and
	// one sync per autosave (at most one every 1.5 s) costs 1–2 ms.
	return saved, s.sync()
}

// Draft returns the working draft.
func (s *Store) Draft(ctx context.Context, id string) (storage.Draft, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Draft{}, err
	}
	defer s.gate.Exit()
	var d storage.Draft
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		d, err = getDraft(txn, id)
		return err
	})
	return d, err
}

// SaveRevision makes an immutable revision of a, synced to disk, and
// makes a the draft.
func (s *Store) SaveRevision(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Revision{}, err
	}
	defer s.gate.Exit()
	content, words, err := storage.RevisionContent(a, m)
	if err != nil {
		return storage.Revision{}, err
	}
	var (
		rev storage.Revision
		out written
	)
	// The draft is read and written in the same transaction as the new
	// revision: two concurrent saves conflict on it, and the loser runs
	// again with the winner's revision as its parent.
	err = s.update(func(txn *badger.Txn) error {
		h, err := getDraftHeader(txn, a.ID)
		if err != nil {
			return err
		}
		if m.DraftVersion != 0 && m.DraftVersion != h.Version {
			return storage.StaleDraftError(a.ID, h.Version, m.DraftVersion)
		}
		prev, err := lastRevision(txn, a.ID)
		if err != nil {
			return err
		}
		rev = storage.NewRevision(a.ID, prev, content, words, m, s.clock.Now())
		if err := txn.Set(revKey(a.ID, rev.Seq), encodeRevision(rev, content)); err != nil {
			return err
		}
		if prev != nil {
			// The revision this one supersedes becomes a delta later.
			if err := markPending(txn, a.ID, prev.Seq); err != nil {
				return err
			}
		}
		old, err := getSummary(txn, a.ID)
		if err != nil {
			return err
		}
		h = draftHeader{Version: h.Version + 1, Saved: rev.Time, Seq: rev.Seq, Rev: true}
		out, err = writeArticle(txn, a, content, words, h, old)
		return err
	})
	if err != nil {
		return storage.Revision{}, err
	}
	s.wrote(out)
	err = s.sync()
	s.kickCompactor()
	s.kickIndexer()
	return rev, err
}

// Revisions lists an article's revisions, oldest first, without reading
// their content.
func (s *Store) Revisions(ctx context.Context, id string) ([]storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	if !editor.ValidID(id) {
		return nil, storage.ArticleNotFound(id)
	}
	var revs []storage.Revision
	err := s.db.View(func(txn *badger.Txn) error {
		prefix := revPrefix(id)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var r storage.Revision
			err := it.Item().Value(func(v []byte) error {
				var err error
				r, err = decodeRevisionRecord(v)
				return err
			})
			if err != nil {
				_, seq, _ := revKeyParts(it.Item().Key())
				return fmt.Errorf("revision %d of article %s: %w", seq, id, err)
			}
			revs = append(revs, r)
		}
		if len(revs) == 0 {
			if _, err := getDraftHeader(txn, id); err != nil {
				return err
			}
		}
		return nil
	})
	return revs, err
}

// Revision rebuilds revision seq of an article. Content that no longer
// matches its hash is refused, never handed out as if it were good.
func (s *Store) Revision(ctx context.Context, id string, seq uint64) (*editor.Article, storage.Revision, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, storage.Revision{}, err
	}
	defer s.gate.Exit()
	if !editor.ValidID(id) {
		return nil, storage.Revision{}, storage.ArticleNotFound(id)
	}
	var (
		rec     storage.Revision
		content []byte
	)
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		rec, content, err = getRevision(txn, id, seq)
		return err
	})
	if err != nil {
		return nil, rec, err
	}
	a, err := storage.DecodeRevision(id, seq, rec, content)
	if err != nil {
		return nil, rec, err
	}
	return a, rec, nil
}

// SetLabel changes a revision's label. The label is outside the chain
// hash, so the chain still verifies.
func (s *Store) SetLabel(ctx context.Context, id string, seq uint64, label string) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if err := storage.CheckLabel(label); err != nil {
		return err
	}
	if !editor.ValidID(id) {
		return storage.ArticleNotFound(id)
	}
	err := s.update(func(txn *badger.Txn) error {
		sr, err := getStored(txn, id, seq)
		if err != nil {
			return err
		}
		sr.rec.Label = label
		// The content stays as it is kept, whole or as a delta.
		return txn.Set(revKey(id, seq), encodeStored(sr))
	})
	if err != nil {
		return err
	}
	return s.sync()
}

// writeArticle writes a's draft, its summary and its index entries,
// removing the entries of old (the summary before this write, or nil).
// It returns what it wrote for the caches (hand it to Store.wrote only
// once the transaction has committed).
func writeArticle(txn *badger.Txn, a *editor.Article, content []byte, words int, h draftHeader, old *storage.Summary) (written, error) {
	sum := summarize(a, words, h)
	// A story that moves back in time may no longer be the newest to spell
	// its tags, and the newest spelling is the one Tags shows.
	moved := old != nil && len(sum.Tags) > 0 && sum.Modified.Before(old.Modified)
	return written{sum, tagsChanged(old, sum) || moved}, writeEntries(txn, a, content, h, sum, old)
}

// written is what a committed write of an article hands the caches that
// follow the store's writes (wrote).
type written struct {
	sum storage.Summary
	// tagsChanged says the write may change the answer of Tags: the
	// story's tags changed, or it moved back in time.
	tagsChanged bool
}

// wrote brings the library and tag caches up to date with a committed write.
func (s *Store) wrote(w written) {
	s.lib.note(w.sum)
	s.tags.wrote(w.sum, w.tagsChanged)
}

func writeEntries(txn *badger.Txn, a *editor.Article, content []byte, h draftHeader, sum storage.Summary, old *storage.Summary) error {
	if err := countChange(txn, old, sum); err != nil {
		return err
	}
	if old != nil {
		for _, e := range indexEntries(*old) {
			if err := txn.Delete(e.key); err != nil {
				return err
			}
		}
	}
	if err := txn.Set(draftKey(a.ID), encodeDraft(h, content)); err != nil {
		return err
	}
	if err := txn.Set(summaryKey(a.ID), encodeSummary(sum)); err != nil {
		return err
	}
	if err := queueForIndex(txn, a.ID); err != nil {
		return err
	}
	// A Set after a Delete of the same key in one transaction wins, so
	// entries that did not change survive.
	for _, e := range indexEntries(sum) {
		if err := txn.Set(e.key, e.value); err != nil {
			return err
		}
	}
	return nil
}

func exists(txn *badger.Txn, key []byte) (bool, error) {
	_, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

func getDraftHeader(txn *badger.Txn, id string) (draftHeader, error) {
	var h draftHeader
	if !editor.ValidID(id) {
		return h, storage.ArticleNotFound(id)
	}
	item, err := txn.Get(draftKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return h, storage.ArticleNotFound(id)
	}
	if err != nil {
		return h, err
	}
	err = item.Value(func(v []byte) error {
		h, err = decodeDraftHeader(v)
		return err
	})
	if err != nil {
		return h, fmt.Errorf("draft of article %s: %w", id, err)
	}
	return h, nil
}

func getDraft(txn *badger.Txn, id string) (storage.Draft, error) {
	var d storage.Draft
	if !editor.ValidID(id) {
		return d, storage.ArticleNotFound(id)
	}
	item, err := txn.Get(draftKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return d, storage.ArticleNotFound(id)
	}
	if err != nil {
		return d, err
	}
	err = item.Value(func(v []byte) error {
		d, err = decodeDraft(v, func(seq uint64) ([]byte, error) {
			_, content, err := getRevision(txn, id, seq)
			return content, err
		})
		return err
	})
	if err != nil {
		return d, fmt.Errorf("draft of article %s: %w", id, err)
	}
	return d, nil
}

// getSummary returns the stored summary, or nil if there is none.
func getSummary(txn *badger.Txn, id string) (*storage.Summary, error) {
	item, err := txn.Get(summaryKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var sum storage.Summary
	err = item.Value(func(v []byte) error {
		sum, err = decodeSummary(v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("summary of article %s: %w", id, err)
	}
	return &sum, nil
}

// lastRevision returns the record of an article's newest revision, or nil
// when it has none.
func lastRevision(txn *badger.Txn, id string) (*storage.Revision, error) {
	prefix := revPrefix(id)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true})
	defer it.Close()
	it.Seek(revKey(id, ^uint64(0)))
	if !it.ValidForPrefix(prefix) {
		return nil, nil
	}
	var r storage.Revision
	err := it.Item().Value(func(v []byte) error {
		var err error
		r, err = decodeRevisionRecord(v)
		return err
	})
	if err != nil {
		_, seq, _ := revKeyParts(it.Item().Key())
		return nil, fmt.Errorf("revision %d of article %s: %w", seq, id, err)
	}
	return &r, nil
}
