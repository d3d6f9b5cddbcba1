// Package library is the window's left pane: the search box, the status
// and tag filters (the Inbox filter among them), New and Spike, and the
// stories, newest change first, with a mark on those another desk is
// editing. The store is read off the UI goroutine; a read overtaken by a
// newer one is dropped. The window it sits in is reached only through
// Window.
package library

import (
	"context"
	"time"

	"copydesk/app/field"
	"copydesk/storage"
)

// Window is what the library needs from the window it sits in.
type Window interface {
	// NewEntry is a text field of the window (its shortcuts).
	NewEntry(multiLine bool) *field.Entry
	// Store is the store the stories are listed from (nil: none).
	Store() storage.Store
	// Context is the context of the window's store calls.
	Context() context.Context
	// Do runs f on the UI goroutine.
	Do(f func())
	// Go runs f off the UI goroutine; the window waits for it before it
	// closes.
	Go(f func())
	// Closing reports that the window is closing: nothing more is shown.
	Closing() bool
	// Now and Location are the clock and the zone the list shows times in.
	Now() time.Time
	Location() *time.Location
	// OpenID is the open story's ID, "" when none is open.
	OpenID() string
	// NewStory is the New button.
	NewStory()
	// Spike is the Spike / Unspike button.
	Spike()
	// OpenRow opens story id, selected in the list: the window may ask
	// first (a new story without a headline, a correction note).
	OpenRow(id string)
	// KnownTags hands the tags in the library, most used first, to the
	// metadata panel's suggestions.
	KnownTags(tags []string)
	// OthersLocks are the stories other desks are editing, by ID; nil
	// when the store has no locks. Called off the UI goroutine.
	OthersLocks() map[string]storage.Lock
	// FirstPage is the list for q when the window read it while it was
	// being made (once: ok is false after).
	FirstPage(q storage.Query) (rows []storage.Summary, total int, err error, ok bool)
}
