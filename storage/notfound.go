package storage

import "fmt"

// The errors both stores build the same way, so that a message reads the
// same whichever store a desk uses (the CLI and the tests match them).

// ArticleNotFound is the *NotFoundError for an article without a draft.
func ArticleNotFound(id string) error {
	return &NotFoundError{What: fmt.Sprintf("article %q", id)}
}

// RevisionNotFound is the *NotFoundError for a revision an existing
// article does not have.
func RevisionNotFound(id string, seq uint64) error {
	return &NotFoundError{What: fmt.Sprintf("revision %d of article %q", seq, id)}
}

// SettingNotFound is the *NotFoundError for a setting never set.
func SettingNotFound(name string) error {
	return &NotFoundError{What: fmt.Sprintf("setting %q", name)}
}

// StaleDraftError says that a save was made from version from of the
// draft while the store holds version stored; errors.Is(err, ErrStale).
func StaleDraftError(id string, stored, from uint64) error {
	return fmt.Errorf("article %s: the draft is at version %d, this copy was made from version %d: %w", id, stored, from, ErrStale)
}
