package badgerstore

// Verify's checks of what is not in a revision chain: the checksums of
// Badger's table blocks, and the full-text postings against the drafts.
// A flipped byte in the postings made a search find 0 of 12 stories while
// verify said OK; the postings are derived data, so RebuildIndex (verify
// --repair) rebuilds them from the drafts.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// repairHint ends every problem RebuildIndex mends.
const repairHint = "copydesk verify --repair rebuilds the search index from the stories"

// termSum sums an article's terms: how many, and the sum of their hashes.
// Two sums agree, short of a 64-bit collision, only on the same terms.
type termSum struct {
	n int
	h uint64
}

func (t *termSum) add(term []byte) {
	f := fnv.New64a()
	f.Write(term)
	t.n++
	t.h += f.Sum64()
}

// checkDerived adds to audit what is wrong with the tables' checksums and
// the full-text index.
func (s *Store) checkDerived(ctx context.Context, audit *storage.Audit) error {
	if err := s.verifyTables(); err != nil {
		audit.Problem("", 0, "the database files fail their checksums ("+err.Error()+"): some stories may be missing from the library; restore the desk from a backup")
	}
	return s.db.View(func(txn *badger.Txn) error { return checkPostings(ctx, txn, audit) })
}

// verifyTables checks every block of every table. Badger's check panics
// on a block it cannot read (it reports the nil block's offset).
func (s *Store) verifyTables() (err error) {
	defer func() {
		if recover() != nil {
			err = errors.New("a block of a table cannot be read")
		}
	}()
	return s.db.VerifyChecksum()
}

// checkPostings compares, for every article not waiting for the indexer,
// its postings and term list with the terms of its draft. Problems name
// articles, never terms: on an encrypted desk those are the stories' words.
func checkPostings(ctx context.Context, txn *badger.Txn, audit *storage.Audit) error {
	queued, err := idSet(txn, prefixFTQueue)
	if err != nil {
		return err
	}
	want := map[[16]byte]termSum{}
	ids := map[[16]byte]string{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDraft})
	for it.Rewind(); it.Valid(); it.Next() {
		id := string(it.Item().Key()[len(prefixDraft):])
		packed, ok := packID(id)
		if !ok || queued[id] {
			continue
		}
		d, err := getDraft(txn, id)
		if err != nil {
			continue // the chain walk reports drafts that cannot be read
		}
		var sum termSum
		for _, t := range bodyTerms(d.Article.Body) {
			sum.add([]byte(t))
		}
		want[packed], ids[packed] = sum, id
	}
	it.Close()
	got, lists, err := postingSums(ctx, txn)
	if err != nil {
		return err
	}
	for packed, w := range want {
		if got[packed] != w || lists[packed] != w {
			audit.Problem(ids[packed], 0, "its search index does not match the story, so searches may miss it: "+repairHint)
		}
	}
	waiting := map[[16]byte]bool{}
	for id := range queued {
		if p, ok := packID(id); ok {
			waiting[p] = true
		}
	}
	for packed := range got {
		if _, ok := want[packed]; !ok && !waiting[packed] {
			audit.Problem("", 0, "the search index holds postings of a story that is not in the desk: "+repairHint)
			break
		}
	}
	return nil
}

// postingSums sums the postings and the term lists of every article.
func postingSums(ctx context.Context, txn *badger.Txn) (got, lists map[[16]byte]termSum, err error) {
	got, lists = map[[16]byte]termSum{}, map[[16]byte]termSum{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixPostings, PrefetchValues: false})
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%4096 == 0 && ctx.Err() != nil {
			it.Close()
			return nil, nil, ctx.Err()
		}
		k := it.Item().Key()[len(prefixPostings):]
		var packed [16]byte
		if len(k) < 17 || k[len(k)-17] != 0 {
			packed[0] = 0xff // a damaged key: counted against no real article
			got[packed] = termSum{n: -1}
			continue
		}
		copy(packed[:], k[len(k)-16:])
		sum := got[packed]
		sum.add(k[:len(k)-17])
		got[packed] = sum
	}
	it.Close()
	it = txn.NewIterator(badger.IteratorOptions{Prefix: prefixFTDoc})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		packed, ok := packID(string(it.Item().Key()[len(prefixFTDoc):]))
		if !ok {
			continue
		}
		var sum termSum
		err := it.Item().Value(func(v []byte) error {
			if bytes.HasPrefix(v, []byte(uncertainMark)) {
				sum.n = -1 // only a queued article may have an uncertain list
				return nil
			}
			for t := range bytes.SplitSeq(v, []byte{0}) {
				if len(t) > 0 {
					sum.add(t)
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		lists[packed] = sum
	}
	return got, lists, nil
}

// idSet is the article IDs of the keys under prefix.
func idSet(txn *badger.Txn, prefix []byte) (map[string]bool, error) {
	out := map[string]bool{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		out[string(it.Item().Key()[len(prefix):])] = true
	}
	return out, nil
}

// RebuildIndex drops the full-text index and builds it again from the
// drafts: what verify --repair does about the problems above.
func (s *Store) RebuildIndex(ctx context.Context) error {
	if s.opts.ReadOnly {
		return fmt.Errorf("database %s: %w", s.dir, ErrReadOnly)
	}
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if err := s.reindexAll(); err != nil {
		return err
	}
	if err := s.indexAll(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("database %s: rebuilding the search index: %w", s.dir, err)
	}
	return s.sync()
}
