package badgerstore

// The full-text index of bodies: one posting key per (term, article),
// kept in Badger beside everything else. Measured on the same 100k
// stories of 250 words (cmd/deskbench; bleve v2.6.3 in a scratch module,
// batches of 1,000): bleve answered one-, two- and three-word queries in
// 26, 30 and 13 ms, these postings (with the library walk and counts) in
// 29, 61 and 85 ms — both inside the 100 ms budget; bleve's index alone
// took 527 MB of disk and 557 MB of peak RSS to build, this whole
// database (stories, revisions, indexes and postings) 274 MB. The
// postings won on what the numbers leave out: they are encrypted at rest
// with the store (a bleve index beside it would hold every body's words
// in clear), they change in the same transactions as the store so they
// cannot drift from it, backup and restore carry them, and they add no
// dependency (bleve brings some twenty modules).
//
// Every draft write also writes a queue key for its article in the same
// transaction; the indexer takes queued articles, updates their postings
// and drops the queue key in one transaction. So a crash leaves articles
// queued, never an index that disagrees with the store, and List reads the
// bodies of the (few) queued articles itself. When the index format
// changes, or a database comes without an index (schema 1), every article
// is queued again.

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
)

// fullTextFormat names how terms are cut and stored; changing either
// means a new name, and stores re-index on open.
const fullTextFormat = "terms-1"

var (
	keyFullText    = []byte("v2/meta/fulltext")
	prefixFTQueue  = []byte("v2/ftq/")
	prefixFTDoc    = []byte("v2/ftd/") // <id> → the article's terms, \x00-separated
	prefixPostings = []byte("v2/f/")   // <term> \x00 <id: 16 bytes>
)

// indexBatch is how many queued articles one indexer transaction handles.
const indexBatch = 16

func ftQueueKey(id string) []byte { return join(prefixFTQueue, []byte(id)) }
func ftDocKey(id string) []byte   { return join(prefixFTDoc, []byte(id)) }

// termPrefix is the prefix of every posting of term.
func termPrefix(term string) []byte { return join(prefixPostings, []byte(term), []byte{0}) }

func postingKey(term string, id [16]byte) []byte { return join(termPrefix(term), id[:]) }

// packID is an article ID as 16 bytes, for compact postings.
func packID(id string) ([16]byte, bool) {
	var out [16]byte
	if len(id) != idLen {
		return out, false
	}
	hexDigits := strings.ReplaceAll(id, "-", "")
	if len(hexDigits) != 32 {
		return out, false
	}
	_, err := hex.Decode(out[:], []byte(hexDigits))
	return out, err == nil
}

// bodyTerms are the distinct lower-case words of a body, sorted: runs of
// letters and digits.
func bodyTerms(body string) []string {
	seen := map[string]struct{}{}
	for _, t := range splitTerms(editor.PlainBody(body)) {
		seen[t] = struct{}{}
	}
	terms := make([]string, 0, len(seen))
	for t := range seen {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	return terms
}

// maxTermBytes bounds a term: longer runs of letters are cut (at a rune
// boundary) to their first 64 bytes, in the index and in queries alike.
// Uncut, a 65,000-letter "word" made a posting key over Badger's limit,
// and the failed write (whose error quotes the key, in clear) stopped
// every later command. Nobody searches for the 65th letter of a word.
const maxTermBytes = 64

// splitTerms cuts text into lower-case terms.
func splitTerms(text string) []string {
	terms := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, t := range terms {
		terms[i] = cutTerm(t)
	}
	return terms
}

// cutTerm is t cut to at most maxTermBytes, whole runes only.
func cutTerm(t string) string {
	if len(t) <= maxTermBytes {
		return t
	}
	n := 0
	for i := range t {
		if i > maxTermBytes {
			break
		}
		n = i
	}
	return t[:n]
}

// queueForIndex marks an article's body as changed since it was indexed.
func queueForIndex(txn *badger.Txn, id string) error {
	return txn.Set(ftQueueKey(id), nil)
}

// checkFullText queues every article when the index is missing or in
// another format. It runs at open, before anything else writes.
func (s *Store) checkFullText() error {
	if s.opts.ReadOnly {
		return nil
	}
	current := false
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(keyFullText)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error {
			current = string(v) == fullTextFormat
			return nil
		})
	})
	if err != nil || current {
		return err
	}
	return s.reindexAll()
}

// reindexAll drops every posting and queues every article.
func (s *Store) reindexAll() error {
	if err := s.db.DropPrefix(prefixPostings, prefixFTDoc); err != nil {
		return fmt.Errorf("database %s: dropping the full-text index: %w", s.dir, err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDraft})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			id := string(it.Item().Key()[len(prefixDraft):])
			if err := wb.Set(ftQueueKey(id), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Set(keyFullText, []byte(fullTextFormat))
	}
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return fmt.Errorf("database %s: queueing articles for the full-text index: %w", s.dir, err)
	}
	return nil
}

// bodyMatcher answers, for each word of a query, whether an article's
// body holds it: from the postings, and for articles still queued from
// their drafts.
type bodyMatcher struct {
	// sets[i] holds the articles whose body has every term of word i.
	sets []map[[16]byte]struct{}
}

// newBodyMatcher reads the postings of words (from storage.TextWords);
// sizeHint is about how many articles there are, to size the sets once.
// A word with punctuation inside ("rostov-on-don") needs each of its
// terms. The words' postings are read side by side: on common words the
// key scans are most of a search's time.
func newBodyMatcher(ctx context.Context, txn *badger.Txn, words []string, sizeHint int) (*bodyMatcher, error) {
	queued, err := queuedBodies(txn)
	if err != nil {
		return nil, err
	}
	m := &bodyMatcher{sets: make([]map[[16]byte]struct{}, len(words))}
	errs := make([]error, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		// Iterators of a read-only transaction may run side by side.
		go func() {
			defer wg.Done()
			m.sets[i], errs[i] = wordSet(ctx, txn, w, queued, sizeHint)
		}()
	}
	wg.Wait()
	return m, errors.Join(errs...)
}

// wordSet is the set of articles whose body has every term of word w; nil
// for a word with no terms, which matches no body.
func wordSet(ctx context.Context, txn *badger.Txn, w string, queued map[[16]byte]map[string]struct{}, sizeHint int) (map[[16]byte]struct{}, error) {
	var set map[[16]byte]struct{}
	for _, term := range splitTerms(w) {
		hint := sizeHint
		if set != nil {
			hint = len(set)
		}
		next := make(map[[16]byte]struct{}, hint)
		prefix := termPrefix(term)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				it.Close()
				return nil, ctx.Err()
			}
			var id [16]byte
			k := it.Item().Key()
			copy(id[:], k[len(prefix):])
			if set == nil || has(set, id) {
				next[id] = struct{}{}
			}
		}
		it.Close()
		// Queued articles: their postings may be stale either way.
		for id, terms := range queued {
			_, found := terms[term]
			if found && (set == nil || has(set, id)) {
				next[id] = struct{}{}
			} else {
				delete(next, id)
			}
		}
		set = next
	}
	return set, nil
}

func has(set map[[16]byte]struct{}, id [16]byte) bool {
	_, ok := set[id]
	return ok
}

// matches reports whether the body of article id holds word i.
func (m *bodyMatcher) matches(i int, id [16]byte) bool {
	return m.sets[i] != nil && has(m.sets[i], id)
}

// queuedBodies are the terms of the drafts waiting for the indexer.
func queuedBodies(txn *badger.Txn) (map[[16]byte]map[string]struct{}, error) {
	out := map[[16]byte]map[string]struct{}{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixFTQueue, PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		id := string(it.Item().Key()[len(prefixFTQueue):])
		packed, ok := packID(id)
		if !ok {
			continue
		}
		d, err := getDraft(txn, id)
		if err != nil {
			continue // no draft: nothing to find
		}
		terms := map[string]struct{}{}
		for _, t := range bodyTerms(d.Article.Body) {
			terms[t] = struct{}{}
		}
		out[packed] = terms
	}
	return out, nil
}

// kickIndexer asks the background indexer to run soon.
func (s *Store) kickIndexer() { kick(s.indexKick) }

// indexer keeps the full-text index up to date in the background until
// Close.
func (s *Store) indexer() { s.worker(s.indexKick, s.indexAll, "indexing bodies") }
