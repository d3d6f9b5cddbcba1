package badgerstore

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"copydesk/editor"
	"copydesk/storage"
)

// List returns the library's rows for q, newest change first, and how
// many match in all. It walks the library in memory (libcache.go), or for
// a tag that tag's index, filters and searches on what the entries carry,
// and reads summaries only for the rows it returns.
// A word of q.Text is found in the headline, slug or tags (anywhere in
// them) or as a whole word of the body, through the full-text postings:
// bodies are decoded only for the few articles the indexer has not
// reached yet.
func (s *Store) List(ctx context.Context, q storage.Query) ([]storage.Summary, int, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, 0, err
	}
	defer s.gate.Exit()
	if err := q.Check(); err != nil {
		return nil, 0, err
	}
	var words [][]byte
	for _, w := range storage.TextWords(q.Text) {
		words = append(words, []byte(w))
	}
	var (
		rows  []storage.Summary
		total int
	)
	if q.Text == "" && q.Tag == "" && q.IDs == nil && q.Limit > 0 {
		rows, total, ok, err := s.firstRows(q)
		if ok || err != nil {
			return rows, total, err
		}
	}
	if q.Tag == "" {
		if err := s.lib.load(ctx, s.db); err != nil {
			return nil, 0, err
		}
	}
	err := s.db.View(func(txn *badger.Txn) error {
		var bodies *bodyMatcher
		if len(words) > 0 {
			var err error
			if bodies, err = newBodyMatcher(ctx, txn, storage.TextWords(q.Text), s.lib.size()); err != nil {
				return err
			}
		}
		var page []string
		var err error
		if q.Tag == "" {
			page, total, err = s.lib.list(ctx, q, onlyIDs(q.IDs), words, bodies)
			if err == nil {
				err = s.checkListed(txn)
			}
		} else {
			page, total, err = listIndex(ctx, txn, q, onlyIDs(q.IDs), words, bodies)
		}
		if err != nil {
			return err
		}
		rows, err = summaries(txn, page)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return rows, total, nil
}

// listIndex walks the index q names (a tag's, else the status's, else the
// modification index) and returns the page of IDs that match and how many
// match in all.
func listIndex(ctx context.Context, txn *badger.Txn, q storage.Query, only map[string]bool, words [][]byte, bodies *bodyMatcher) (page []string, total int, err error) {
	var prefix []byte
	switch {
	case q.Tag != "":
		prefix = tagPrefix(editor.TagKey(q.Tag))
	case q.Status != "":
		prefix = statusPrefix(q.Status)
	default:
		prefix = prefixMod
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	seen := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if seen++; seen%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		item := it.Item()
		id, ok := indexID(item.Key())
		if !ok {
			return nil, 0, errIndexKey
		}
		if only != nil && !only[id] {
			continue
		}
		keep, err := indexEntryMatches(item, q, words, bodies)
		if err != nil {
			return nil, 0, err
		}
		if !keep {
			continue
		}
		total++
		if total <= q.Offset || (q.Limit > 0 && len(page) >= q.Limit) {
			continue
		}
		page = append(page, id)
	}
	return page, total, nil
}

// onlyIDs is Query.IDs as a set; nil when the query names none.
func onlyIDs(ids []string) map[string]bool {
	if ids == nil {
		return nil
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// indexEntryMatches says whether an index entry is listed for q: its
// status (not spiked when q names none) and its words.
func indexEntryMatches(item *badger.Item, q storage.Query, words [][]byte, bodies *bodyMatcher) (keep bool, err error) {
	err = item.Value(func(v []byte) error {
		st, _, search := indexFields(v)
		if q.Status == "" {
			keep = !bytes.Equal(st, spiked)
		} else {
			keep = bytes.Equal(st, []byte(q.Status))
		}
		keep = keep && matchWords(search, words, bodies, item.Key())
		return nil
	})
	return keep, err
}

// firstRows answers a query without text or tag from the counts and the
// first Offset+Limit entries of the status or modification index; ok is
// false when the counts are not kept.
func (s *Store) firstRows(q storage.Query) (rows []storage.Summary, total int, ok bool, err error) {
	err = s.db.View(func(txn *badger.Txn) error {
		var err error
		if total, ok, err = counted(txn, q); err != nil || !ok {
			return err
		}
		prefix := prefixMod
		if q.Status != "" {
			prefix = statusPrefix(q.Status)
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		var page []string
		seen := 0
		for it.Rewind(); it.Valid() && len(page) < q.Limit; it.Next() {
			item := it.Item()
			if q.Status == "" {
				skip := false
				if err := item.Value(func(v []byte) error {
					st, _, _ := indexFields(v)
					skip = bytes.Equal(st, spiked)
					return nil
				}); err != nil {
					return err
				}
				if skip {
					continue
				}
			}
			if seen++; seen <= q.Offset {
				continue
			}
			id, idOK := indexID(item.Key())
			if !idOK {
				return errIndexKey
			}
			page = append(page, id)
		}
		rows, err = summaries(txn, page)
		return err
	})
	return rows, total, ok, err
}

// summaries reads the library rows of the articles ids.
func summaries(txn *badger.Txn, ids []string) ([]storage.Summary, error) {
	rows := make([]storage.Summary, 0, len(ids))
	for _, id := range ids {
		sum, err := getSummary(txn, id)
		if err == nil && sum == nil {
			err = fmt.Errorf("article %s is in an index but has no summary: the database is damaged", id)
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, *sum)
	}
	return rows, nil
}

var spiked = []byte(editor.StatusSpiked)

// Tags lists the tags in use with how many articles carry each (spiked
// ones included), most used first, then alphabetically. Tags that differ
// only in case count as one, spelt as on the most recently changed story.
func (s *Store) Tags(ctx context.Context) ([]storage.TagCount, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	tags, gen, ok := s.tags.get()
	if ok {
		return tags, nil
	}
	tags, err := s.scanTags()
	if err != nil {
		return nil, err
	}
	s.tags.put(gen, tags)
	return tags, nil
}

// scanTags reads the tags and their counts from the tag index.
func (s *Store) scanTags() ([]storage.TagCount, error) {
	s.tagScans.Add(1)
	var tags []storage.TagCount
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixTag})
		defer it.Close()
		last := ""
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			key, ok := tagKeyOf(item.Key())
			if !ok {
				return errIndexKey
			}
			if key == last && len(tags) > 0 {
				tags[len(tags)-1].Count++
				continue
			}
			last = key
			spelt := key
			err := item.Value(func(v []byte) error {
				if _, tag, _ := indexFields(v); len(tag) > 0 {
					spelt = string(tag)
				}
				return nil
			})
			if err != nil {
				return err
			}
			tags = append(tags, storage.TagCount{Tag: spelt, Count: 1})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(tags, func(i, j int) bool { return tags[i].Count > tags[j].Count })
	return tags, nil
}

// checkListed compares the library read from the index with the counts
// kept beside it. Badger's iterators end quietly at a table block they
// cannot read, so a damaged block showed as a shorter (or empty) library,
// and searches that found nothing, with exit 0. Read-only stores only: no
// write can come between the two in this process, and the lock keeps
// writers out.
func (s *Store) checkListed(txn *badger.Txn) error {
	if !s.opts.ReadOnly {
		return nil
	}
	kept, ok, err := counted(txn, storage.Query{})
	if err != nil || !ok {
		return err
	}
	spikedN, err := readCount(txn, editor.StatusSpiked)
	if err != nil {
		return err
	}
	kept += int(spikedN)
	if found := s.lib.size(); found < kept {
		return fmt.Errorf("database %s: %w: only %d of the %d stories could be read from the library index: run copydesk verify, and restore the desk from a backup", s.dir, ErrDamaged, found, kept)
	}
	return nil
}

// errIndexKey is a library index key without an article ID at its end.
// The key is not shown: a tag's entry holds the tag, and on an encrypted
// desk nothing of a story may reach a terminal or a log in clear.
var errIndexKey = fmt.Errorf("%w: an entry of the library index has no article ID: run copydesk verify, and restore the desk from a backup", ErrDamaged)
