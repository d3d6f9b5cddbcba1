package badgerstore

// Compact history. A revision is written whole, so that an explicit save
// costs one write and one sync; a background compactor then rewrites the
// revision it superseded as a reverse delta against it. Every
// keyframeEvery-th revision stays whole, so rebuilding any revision
// applies fewer than keyframeEvery deltas. Which revisions still wait for
// the compactor is kept in a pending key written in the same transaction
// as the save, so a crash leaves work undone, never a broken chain.

import (
	"context"
	"copydesk/storage/delta"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// keyframeEvery: revisions whose sequence number is a multiple of it are
// kept whole. Chosen with BenchmarkKeyframes (200 revisions of a
// 1,500-word story; database directory after Close / slowest rebuild):
// every 8: 172 KiB / 0.29 ms, 16: 128 KiB / 0.50 ms, 32: 108 KiB /
// 0.85 ms, 64: 100 KiB / 1.7 ms. Git's packed repository of the same
// history is 260 KiB. At 16 a 10,000-word story's slowest rebuild
// (BenchmarkRebuildLong) is 2.3 ms, inside the 5 ms budget with room for
// a slower machine; at 32 it would not be.
const keyframeEvery = 16

// compactBatch bounds how many revisions one compaction transaction
// rewrites, to stay far below Badger's transaction size limit.
const compactBatch = 64

var prefixPending = []byte("v2/pending/")

func pendingKey(id string) []byte { return join(prefixPending, []byte(id)) }

// isKeyframe reports whether revision seq is kept whole.
func (s *Store) isKeyframe(seq uint64) bool {
	return seq%s.keyframes == 0
}

// markPending records that revisions from seq on may be kept whole and
// should become deltas. It always writes the key, even unchanged, so that
// a compaction that read the old value conflicts and runs again.
func markPending(txn *badger.Txn, id string, seq uint64) error {
	if seq == 0 {
		return nil
	}
	item, err := txn.Get(pendingKey(id))
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
	case err != nil:
		return err
	default:
		err = item.Value(func(v []byte) error {
			if len(v) == 8 {
				seq = min(seq, binary.BigEndian.Uint64(v))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return txn.Set(pendingKey(id), binary.BigEndian.AppendUint64(nil, seq))
}

// getStored reads the stored form of revision seq.
func getStored(txn *badger.Txn, id string, seq uint64) (storedRevision, error) {
	item, err := txn.Get(revKey(id, seq))
	if errors.Is(err, badger.ErrKeyNotFound) {
		if _, err := getDraftHeader(txn, id); err != nil {
			return storedRevision{}, err
		}
		return storedRevision{}, storage.RevisionNotFound(id, seq)
	}
	if err != nil {
		return storedRevision{}, err
	}
	var sr storedRevision
	err = item.Value(func(v []byte) error {
		sr, err = decodeStored(v)
		return err
	})
	if err != nil {
		return sr, fmt.Errorf("revision %d of article %s: %w", seq, id, err)
	}
	return sr, nil
}

// getRevision rebuilds revision seq: its own content if kept whole, else
// the deltas up to the next whole revision applied newest first.
func getRevision(txn *badger.Txn, id string, seq uint64) (storage.Revision, []byte, error) {
	first, err := getStored(txn, id, seq)
	if err != nil {
		return first.rec, nil, err
	}
	if first.encoding == contentFull {
		return first.rec, first.body, nil
	}
	deltas := [][]byte{first.body}
	var content []byte
	for next := seq + 1; ; next++ {
		sr, err := getStored(txn, id, next)
		if err != nil {
			return first.rec, nil, fmt.Errorf("revision %d of article %s is kept as a delta against revision %d, which cannot be read: %w", seq, id, next, err)
		}
		if sr.encoding == contentFull {
			content = sr.body
			break
		}
		deltas = append(deltas, sr.body)
	}
	for i := len(deltas) - 1; i >= 0; i-- {
		content, err = delta.Apply(content, deltas[i])
		if err != nil {
			return first.rec, nil, fmt.Errorf("revision %d of article %s: %w", seq+uint64(i), id, err)
		}
	}
	return first.rec, content, nil
}

// rebuildAll turns an article's stored revisions (oldest first, numbered
// from 1) into their contents, newest first through the deltas. A
// revision that cannot be rebuilt gets a nil content and an error.
func rebuildAll(revs []storedRevision) (contents [][]byte, errs []error) {
	return storage.RebuildContents(len(revs), func(i int) ([]byte, bool, error) {
		return revs[i].body, revs[i].encoding == contentFull, nil
	})
}

// compactArticle rewrites an article's pending revisions as deltas, in
// transactions of at most compactBatch revisions.
func (s *Store) compactArticle(ctx context.Context, id string) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		done := false
		err := s.update(func(txn *badger.Txn) error {
			var err error
			done, err = s.compactStep(txn, id)
			return err
		})
		if err != nil {
			return fmt.Errorf("compacting the history of article %s: %w", id, err)
		}
		if done {
			return nil
		}
	}
}

// compactStep rewrites up to compactBatch pending revisions of one
// article and moves the pending mark past them; done says nothing is left.
func (s *Store) compactStep(txn *badger.Txn, id string) (done bool, err error) {
	item, err := txn.Get(pendingKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	var from uint64
	if err := item.Value(func(v []byte) error {
		if len(v) == 8 {
			from = binary.BigEndian.Uint64(v)
		}
		return nil
	}); err != nil {
		return false, err
	}
	last, err := lastRevision(txn, id)
	if err != nil {
		return false, err
	}
	if last == nil || from == 0 || from >= last.Seq {
		return true, txn.Delete(pendingKey(id))
	}
	end := min(last.Seq, from+compactBatch) // exclusive
	var next []byte                         // content of revision k+1 when kept whole
	for k := end - 1; k >= from; k-- {
		// Walk down: each rewritten revision's successor is either whole
		// (read below) or the revision just handled (its content kept).
		if next == nil {
			_, next, err = getRevision(txn, id, k+1)
			if err != nil {
				return false, err
			}
		}
		sr, err := getStored(txn, id, k)
		if err != nil {
			return false, err
		}
		if sr.encoding != contentFull {
			next = nil // already a delta: its content is rebuilt if needed
			continue
		}
		content := sr.body
		if !s.isKeyframe(k) {
			d, ok, err := delta.Make(next, content)
			if err != nil {
				s.logger().Warn("keeping a revision whole", "article", id, "seq", k, "err", err)
			}
			if ok {
				sr.encoding, sr.body = contentDelta, d
				if err := txn.Set(revKey(id, k), encodeStored(sr)); err != nil {
					return false, err
				}
			}
		}
		next = content
	}
	if end >= last.Seq {
		return true, txn.Delete(pendingKey(id))
	}
	return false, txn.Set(pendingKey(id), binary.BigEndian.AppendUint64(nil, end))
}

// compactAll compacts every article with pending revisions.
func (s *Store) compactAll(ctx context.Context) error {
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixPending})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			ids = append(ids, string(it.Item().Key()[len(prefixPending):]))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.compactArticle(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// kickCompactor asks the background compactor to run soon.
func (s *Store) kickCompactor() { kick(s.compactKick) }

// compactor rewrites superseded revisions as deltas in the background
// until Close.
func (s *Store) compactor() { s.worker(s.compactKick, s.compactAll, "compacting history") }

// kick wakes a background worker without waiting: a kick already pending
// covers this one.
func kick(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// worker runs work each time it is kicked, until Close; failures are
// logged (the work is redone at the next kick or open).
func (s *Store) worker(kicked <-chan struct{}, work func(context.Context) error, what string) {
	defer s.background.Done()
	for {
		select {
		case <-s.stop:
			return
		case <-kicked:
			if err := work(s.stopCtx); err != nil && !errors.Is(err, context.Canceled) {
				s.logger().Warn(what, "err", err)
			}
		}
	}
}
