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
// many match in all. It walks one index (tag, status or modification
// time, in that order of preference), filters and searches on what the
// index entries carry, and reads summaries only for the rows it returns:
// bodies are never decoded.
func (s *Store) List(ctx context.Context, q storage.Query) ([]storage.Summary, int, error) {
	if err := s.enter(ctx); err != nil {
		return nil, 0, err
	}
	defer s.exit()
	if err := q.Check(); err != nil {
		return nil, 0, err
	}
	var words [][]byte
	for _, w := range storage.TextWords(q.Text) {
		words = append(words, []byte(w))
	}
	want := []byte(q.Status)
	var (
		rows  []storage.Summary
		total int
	)
	err := s.db.View(func(txn *badger.Txn) error {
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
		var page []string
		seen := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if seen++; seen%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			item := it.Item()
			keep := false
			err := item.Value(func(v []byte) error {
				st, _, search := indexFields(v)
				if q.Status == "" {
					keep = !bytes.Equal(st, spiked)
				} else {
					keep = bytes.Equal(st, want)
				}
				keep = keep && matchAll(search, words)
				return nil
			})
			if err != nil {
				return err
			}
			if !keep {
				continue
			}
			total++
			if total <= q.Offset || (q.Limit > 0 && len(page) >= q.Limit) {
				continue
			}
			id, ok := indexID(item.Key())
			if !ok {
				return fmt.Errorf("index key %q is damaged", item.Key())
			}
			page = append(page, id)
		}
		rows = make([]storage.Summary, 0, len(page))
		for _, id := range page {
			sum, err := getSummary(txn, id)
			if err == nil && sum == nil {
				err = fmt.Errorf("article %s is in an index but has no summary: the database is damaged", id)
			}
			if err != nil {
				return err
			}
			rows = append(rows, *sum)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return rows, total, nil
}

var spiked = []byte(editor.StatusSpiked)

// Tags lists the tags in use with how many articles carry each (spiked
// ones included), most used first, then alphabetically. Tags that differ
// only in case count as one, spelt as on the most recently changed story.
func (s *Store) Tags(ctx context.Context) ([]storage.TagCount, error) {
	if err := s.enter(ctx); err != nil {
		return nil, err
	}
	defer s.exit()
	var tags []storage.TagCount
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixTag})
		defer it.Close()
		last := ""
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			key, ok := tagKeyOf(item.Key())
			if !ok {
				return fmt.Errorf("index key %q is damaged", item.Key())
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
