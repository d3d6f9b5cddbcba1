package session

import (
	"sync"

	"copydesk/storage"
)

// Batch gathers the changes other desks make while a refresh is
// pending: twenty autosaves a second from other desks then cost the
// window a few refreshes, not twenty.
type Batch struct {
	mu      sync.Mutex
	pending []storage.Change
	armed   bool // a flush is scheduled
}

// Add adds c and reports whether the caller is to schedule a flush (Take):
// the first change since the last flush arms it.
func (b *Batch) Add(c storage.Change) (schedule bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = append(b.pending, c)
	if b.armed {
		return false
	}
	b.armed = true
	return true
}

// Take returns the changes gathered and disarms the flush.
func (b *Batch) Take() []storage.Change {
	b.mu.Lock()
	defer b.mu.Unlock()
	batch := b.pending
	b.pending, b.armed = nil, false
	return batch
}

// Pending is how many changes wait, and whether a flush is scheduled.
func (b *Batch) Pending() (n int, armed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.pending), b.armed
}

// ChangeSet is what a batch of changes means for the window.
type ChangeSet struct {
	Any       bool // something changed
	Open      bool // about the open story
	Revisions bool // its revision list changed
	Copy      bool // its draft changed
	Lock      bool // its lock changed
}

// Sum reads a batch against the open story (id "" when none is open).
func Sum(batch []storage.Change, id string) ChangeSet {
	var cs ChangeSet
	for _, c := range batch {
		cs.Any = true
		if c.ArticleID == "" { // the watch reconnected: anything may have changed
			if id != "" {
				cs.Open, cs.Revisions, cs.Copy, cs.Lock = true, true, true, true
			}
			continue
		}
		if c.ArticleID != id {
			continue
		}
		cs.Open = true
		switch c.Kind {
		case storage.ChangeRevision, storage.ChangeCreate:
			cs.Revisions, cs.Copy = true, true
		case storage.ChangeLabel:
			cs.Revisions = true
		case storage.ChangeComment:
			// The comments margin reads them again on any change (Open).
		case storage.ChangeDraft:
			cs.Copy = true
		case storage.ChangeLock:
			cs.Lock = true
		default: // a kind this window does not know yet: look at everything
			cs.Revisions, cs.Copy, cs.Lock = true, true, true
		}
	}
	return cs
}
