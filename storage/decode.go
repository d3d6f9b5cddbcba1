package storage

import (
	"fmt"

	"copydesk/editor"
)

// DecodeRevision turns the rebuilt content of revision seq of article id
// (rec is its record) into an article. Content that no longer matches the
// record's hash is refused, never handed out as if it were good.
func DecodeRevision(id string, seq uint64, rec Revision, content []byte) (*editor.Article, error) {
	if editor.HashBytes(content) != rec.ContentHash {
		return nil, fmt.Errorf("revision %d of article %s is damaged: its content does not match its hash (run copydesk verify)", seq, id)
	}
	a, err := editor.Decode(content)
	if err != nil {
		return nil, fmt.Errorf("revision %d of article %s: %w", seq, id, err)
	}
	return a, nil
}

// DecodeKept turns a revision as a store keeps it into a StoredRevision
// for a History, without checking its hash: Dump hands content out as
// stored, and Verify judges it. rebuildErr is why the store could not
// rebuild the content, or nil.
func DecodeKept(id string, rec Revision, content []byte, rebuildErr error) (StoredRevision, error) {
	if rebuildErr != nil {
		return StoredRevision{}, fmt.Errorf("revision %d of article %s: %w", rec.Seq, id, rebuildErr)
	}
	a, err := editor.Decode(content)
	if err != nil {
		return StoredRevision{}, fmt.Errorf("revision %d of article %s: %w", rec.Seq, id, err)
	}
	return StoredRevision{Revision: rec, Article: a}, nil
}
