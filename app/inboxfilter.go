package app

import (
	"copydesk/storage"
	"copydesk/storage/inbox"
)

// inboxStories is the library filter that lists the stories the wire
// inbox brought (created or revised), not spiked ones: what came in on
// the wire, to be looked at.
const inboxStories = "Inbox"

// inboxIDs fills in the stories of the Inbox filter when q asks for them
// (query sets IDs to an empty list): the inbox's notes are read here, off
// the UI goroutine when the library refreshes, as the list itself is.
func (l *library) inboxIDs(q *storage.Query) error {
	if q.IDs == nil {
		return nil
	}
	ids, err := inbox.Stories(l.w.ctx, l.w.store)
	if err != nil {
		return err
	}
	q.IDs = ids
	return nil
}
