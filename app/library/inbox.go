package library

import (
	"copydesk/storage"
	"copydesk/storage/inbox"
)

// InboxStories is the library filter that lists the stories the wire
// inbox brought (created or revised), not spiked ones: what came in on
// the wire, to be looked at.
// A dictionary key: shown and compared as i18n.T(InboxStories).
const InboxStories = "Inbox"

// inboxIDs fills in the stories of the Inbox filter when q asks for them
// (query sets IDs to an empty list): the inbox's notes are read here, off
// the UI goroutine when the library refreshes, as the list itself is.
func (l *Library) inboxIDs(q *storage.Query) error {
	if q.IDs == nil {
		return nil
	}
	ids, err := inbox.Stories(l.w.Context(), l.w.Store())
	if err != nil {
		return err
	}
	q.IDs = ids
	return nil
}
