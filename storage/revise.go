package storage

import (
	"time"

	"copydesk/editor"
)

// RevisionContent checks a and m as every store does before it makes a
// revision of a (Create, SaveRevision), and returns what the revision
// keeps: a's canonical encoding and its word count.
func RevisionContent(a *editor.Article, m Meta) (content []byte, words int, err error) {
	if err := Validate(a); err != nil {
		return nil, 0, err
	}
	if err := m.Check(); err != nil {
		return nil, 0, err
	}
	return a.Encode(), a.Words(), nil
}

// DraftSaved is when a loaded history's draft was saved: Draft.Saved, or,
// where the history does not say, the time of its newest revision. Call
// it on a history that passed Check (it has a revision).
func (h History) DraftSaved() time.Time {
	if h.Draft.Saved.IsZero() {
		return h.Revisions[len(h.Revisions)-1].Revision.Time
	}
	return h.Draft.Saved
}
