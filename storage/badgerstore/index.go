package badgerstore

// The secondary indexes. Each entry's value carries the story's status,
// the tag as spelt (tag entries only) and its search text, so that List
// filters, counts and searches from the index alone and reads summaries
// only for the rows it returns.

import (
	"bytes"

	"copydesk/editor"
	"copydesk/storage"
)

type entry struct{ key, value []byte }

// indexEntries are the index entries of one summary.
func indexEntries(sum storage.Summary) []entry {
	search := storage.SearchText(sum)
	es := []entry{
		{modKey(sum.Modified, sum.ID), indexValue(sum.Status, "", search)},
		{statusKey(sum.Status, sum.Modified, sum.ID), indexValue(sum.Status, "", search)},
	}
	seen := map[string]bool{}
	for _, t := range sum.Tags {
		k := editor.TagKey(t)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		es = append(es, entry{tagIndexKey(k, sum.Modified, sum.ID), indexValue(sum.Status, t, search)})
	}
	return es
}

// indexValue is status \x00 tag \x00 search text. None of them can hold
// \x00: validation refuses control characters.
func indexValue(st editor.Status, tag, search string) []byte {
	v := make([]byte, 0, len(st)+len(tag)+len(search)+2)
	v = append(v, st...)
	v = append(v, 0)
	v = append(v, tag...)
	v = append(v, 0)
	return append(v, search...)
}

// indexFields splits an index value without copying it.
func indexFields(v []byte) (status, tag, search []byte) {
	status, rest, _ := bytes.Cut(v, []byte{0})
	tag, search, _ = bytes.Cut(rest, []byte{0})
	return status, tag, search
}

// matchWords reports whether every word is in search or, through bodies,
// in the body of the article whose index key is key.
func matchWords(search []byte, words [][]byte, bodies *bodyMatcher, key []byte) bool {
	var packed [16]byte
	unpacked := true
	for i, w := range words {
		if bytes.Contains(search, w) {
			continue
		}
		if unpacked {
			id, ok := indexID(key)
			if !ok {
				return false
			}
			if packed, ok = packID(id); !ok {
				return false
			}
			unpacked = false
		}
		if !bodies.matches(i, packed) {
			return false
		}
	}
	return true
}
