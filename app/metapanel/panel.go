// Package metapanel is the window's Metadata tab: everything about the
// story but its copy — section, slug, status, urgency, language, the
// embargo, the dateline in house style, bylines and credits, the photo,
// tags, the ednote, and the correction note of a published story. It
// fills an article's fields (Apply) and shows an article's (Load); the
// window it sits in is reached only through Window.
package metapanel

import (
	"time"

	"fyne.io/fyne/v2"

	"copydesk/app/field"
	"copydesk/editor"
)

// Window is what the panel needs from the window it sits in.
type Window interface {
	// NewEntry is a text field of the window (its shortcuts, spelling).
	NewEntry(multiLine bool) *field.Entry
	// Canvas is the window's canvas, to move the focus.
	Canvas() fyne.Canvas
	// Loading reports that the window is filling the fields from an
	// article: their changes are not edits.
	Loading() bool
	// Edited tells the window the person changed a field.
	Edited()
	// UpdateLimits shows the length limits again (they depend on the
	// section and the house style).
	UpdateLimits()
	// ChangeStatus moves the open story to status to, as the window's
	// workflow does it (a revision, an override …).
	ChangeStatus(to editor.Status)
	// EnableStatusItems offers moves, and only those, in the window's
	// Article › Status menu.
	EnableStatusItems(moves []editor.Status)
	// NoteUnfiledChanges shows whether the draft holds changes to the
	// published copy that no correction has filed.
	NoteUnfiledChanges()
	// OpenDateline is the open story's dateline as stored (zero: none).
	OpenDateline() editor.Dateline
	// SetDateline shows the dateline in house style over the copy.
	SetDateline(text string)
	// Location is the zone the window shows times in.
	Location() *time.Location
}

// Settings is what the panel reads from, and keeps in, the person's
// settings.
type Settings interface {
	Name() string
	Style() editor.Style
	EmbargoZone(fallback string) string
	SetEmbargoZone(zone string)
}
