package badgerstore

// Writing the full-text index. A queued article's postings change in one
// transaction with its queue key when the change is small — the usual
// case. Badger caps a transaction (here about 5,900 entries or 614 KB), so
// a long story (20,000 distinct words) or a revision that swaps thousands
// of words cannot: in one transaction it failed at every Close, and every
// later command with it. Such a change is written in batches instead:
//
//  1. the article's term list (ftd) becomes every term the old or the new
//     body holds, marked uncertain: whatever a cut-short run wrote is
//     listed, so a later run deletes what it must;
//  2. the postings are set and deleted, postingBatch at a time (each write
//     is idempotent);
//  3. the list becomes the new body's terms and the queue key goes, in one
//     transaction that first checks the draft is still the one indexed.
//
// Until step 3 the article stays queued, and searches read its draft
// instead of its postings (wordSet), so they never see the half-written
// index; a crash leaves it queued and the next open indexes it again.

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// postingBatch is how many postings one transaction writes: 2,000 keys of
// at most 86 bytes are a third of Badger's limits.
const postingBatch = 2000

// uncertainMark starts a term list that may name terms without postings
// (step 1 above). Terms are letters and digits, so it cannot be one.
const uncertainMark = "\x01"

// indexPlan is what indexing one article changes.
type indexPlan struct {
	id     string
	packed [16]byte
	// terms are the draft's; old the article's term list, uncertain when
	// an earlier run was cut short.
	terms, old []string
	uncertain  bool
	// version is the draft's Badger version when it was read (0: none).
	version  uint64
	add, del []string
}

// readIndexPlan reads what indexing article id must do.
func readIndexPlan(txn *badger.Txn, id string, packed [16]byte) (indexPlan, error) {
	p := indexPlan{id: id, packed: packed}
	d, err := getDraft(txn, id)
	switch {
	case err == nil:
		p.terms = bodyTerms(d.Article.Body)
		if p.version, err = draftVersion(txn, id); err != nil {
			return p, err
		}
	case errors.Is(err, storage.ErrNotFound):
	default:
		return p, err
	}
	if p.old, p.uncertain, err = readTermList(txn, id); err != nil {
		return p, err
	}
	p.diff()
	return p, nil
}

// draftVersion is the Badger version of article id's draft, 0 when none.
func draftVersion(txn *badger.Txn, id string) (uint64, error) {
	item, err := txn.Get(draftKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return item.Version(), nil
}

// readTermList reads the terms indexed for article id.
func readTermList(txn *badger.Txn, id string) (terms []string, uncertain bool, err error) {
	item, err := txn.Get(ftDocKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	err = item.Value(func(v []byte) error {
		s := string(v)
		s, uncertain = strings.CutPrefix(s, uncertainMark)
		if s != "" {
			terms = strings.Split(s, "\x00")
		}
		return nil
	})
	return terms, uncertain, err
}

// diff fills add and del from the sorted term lists. After a cut-short
// run a listed term may lack its posting, so every term is set again.
func (p *indexPlan) diff() {
	i, j := 0, 0
	for i < len(p.old) || j < len(p.terms) {
		switch {
		case j == len(p.terms) || (i < len(p.old) && p.old[i] < p.terms[j]):
			p.del = append(p.del, p.old[i])
			i++
		case i == len(p.old) || p.terms[j] < p.old[i]:
			p.add = append(p.add, p.terms[j])
			j++
		default:
			if p.uncertain {
				p.add = append(p.add, p.terms[j])
			}
			i++
			j++
		}
	}
}

// writes is how many keys the postings change.
func (p *indexPlan) writes() int { return len(p.add) + len(p.del) }

// apply sets the postings of add and deletes those of del.
func (p *indexPlan) apply(txn *badger.Txn, add, del []string) error {
	for _, t := range add {
		if err := txn.Set(postingKey(t, p.packed), nil); err != nil {
			return err
		}
	}
	for _, t := range del {
		if err := txn.Delete(postingKey(t, p.packed)); err != nil {
			return err
		}
	}
	return nil
}

// finish stores the term list and takes the article off the queue.
func (p *indexPlan) finish(txn *badger.Txn) error {
	var err error
	if len(p.terms) == 0 {
		err = txn.Delete(ftDocKey(p.id))
	} else {
		err = txn.Set(ftDocKey(p.id), []byte(strings.Join(p.terms, "\x00")))
	}
	if err != nil {
		return err
	}
	return txn.Delete(ftQueueKey(p.id))
}

// errLargeIndex says an article's postings need batches of their own.
var errLargeIndex = errors.New("the postings change does not fit one transaction")

// errIndexCut is how tests stop a batched run after its first batch, as a
// crash would.
var errIndexCut = errors.New("indexing cut short (test)")

// indexArticle brings one queued article's postings up to date with its
// draft and takes it off the queue, all in txn; errLargeIndex when the
// change is too large for that.
func indexArticle(txn *badger.Txn, id string) error {
	packed, ok := packID(id)
	if !ok {
		return txn.Delete(ftQueueKey(id))
	}
	p, err := readIndexPlan(txn, id, packed)
	if err != nil {
		return err
	}
	if p.writes() > postingBatch {
		return errLargeIndex
	}
	if err := p.apply(txn, p.add, p.del); err != nil {
		return err
	}
	return p.finish(txn)
}

// indexLarge indexes one article in batches (the steps at the top).
func (s *Store) indexLarge(ctx context.Context, id string) error {
	packed, ok := packID(id)
	if !ok {
		return s.update(func(txn *badger.Txn) error { return txn.Delete(ftQueueKey(id)) })
	}
	var p indexPlan
	err := s.db.View(func(txn *badger.Txn) (err error) {
		p, err = readIndexPlan(txn, id, packed)
		return err
	})
	if err != nil {
		return err
	}
	union := sortedUnion(p.old, p.terms)
	err = s.update(func(txn *badger.Txn) error {
		return txn.Set(ftDocKey(id), []byte(uncertainMark+strings.Join(union, "\x00")))
	})
	for add, del := p.add, p.del; err == nil && len(add)+len(del) > 0; {
		if err = ctx.Err(); err != nil {
			break
		}
		na := min(len(add), postingBatch)
		nd := min(len(del), postingBatch-na)
		err = s.update(func(txn *badger.Txn) error { return p.apply(txn, add[:na], del[:nd]) })
		add, del = add[na:], del[nd:]
		if err == nil && s.cutIndex.Load() {
			err = errIndexCut
		}
	}
	if err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error {
		v, err := draftVersion(txn, id)
		if err != nil || v != p.version {
			// Saved again meanwhile: it is still queued, and the next
			// round starts from the uncertain list written above.
			return err
		}
		return p.finish(txn)
	})
}

// sortedUnion merges two sorted lists without repeats.
func sortedUnion(a, b []string) []string {
	out := make([]string, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// indexAll indexes every queued article: several small ones a
// transaction, a large one in batches of its own.
func (s *Store) indexAll(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		ids, err := s.queued(64 * indexBatch)
		if err != nil || len(ids) == 0 {
			return err
		}
		var large []string
		for len(ids) > 0 {
			n := min(indexBatch, len(ids))
			err := s.update(func(txn *badger.Txn) error {
				large = large[:0]
				for _, id := range ids[:n] {
					err := indexArticle(txn, id)
					if errors.Is(err, errLargeIndex) {
						large = append(large, id)
						continue
					}
					if err != nil {
						return err
					}
				}
				return nil
			})
			if errors.Is(err, badger.ErrTxnTooBig) && n > 1 {
				// Several medium ones together: one at a time.
				large = append(large[:0], ids[:n]...)
			} else if err != nil {
				return fmt.Errorf("indexing the bodies: %w", err)
			}
			for _, id := range large {
				if err := s.indexOne(ctx, id); err != nil {
					return fmt.Errorf("indexing article %s: %w", id, err)
				}
			}
			ids = ids[n:]
		}
	}
}

// indexOne indexes one article, in batches when it must.
func (s *Store) indexOne(ctx context.Context, id string) error {
	err := s.update(func(txn *badger.Txn) error { return indexArticle(txn, id) })
	if errors.Is(err, errLargeIndex) || errors.Is(err, badger.ErrTxnTooBig) {
		err = s.indexLarge(ctx, id)
	}
	return err
}

// queued is up to n article IDs waiting for the indexer.
func (s *Store) queued(n int) ([]string, error) {
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixFTQueue, PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid() && len(ids) < n; it.Next() {
			ids = append(ids, string(it.Item().Key()[len(prefixFTQueue):]))
		}
		return nil
	})
	return ids, err
}
