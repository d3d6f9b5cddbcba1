package check

import (
	"fmt"
	"time"

	"copydesk/editor"
)

// EmbargoError refuses an export before the story's embargo.
type EmbargoError struct {
	Until time.Time // the embargo, in the article's own zone
	Now   time.Time
}

func (e *EmbargoError) Error() string {
	now := e.Now.In(e.Until.Location())
	return fmt.Sprintf("the story is embargoed until %s (%s to go; it is %s there now): hold it, or force the export",
		embargoTime(e.Until), toGo(e.Until.Sub(now)), now.Format("15:04 MST"))
}

// toGo is the time left, rounded up to the minute: "1h55m", "1m".
func toGo(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	switch {
	case m >= 60*24:
		return fmt.Sprintf("%dd%dh%dm", m/(60*24), m/60%24, m%60)
	case m >= 60:
		return fmt.Sprintf("%dh%dm", m/60, m%60)
	}
	return fmt.Sprintf("%dm", m)
}

// embargoTime writes the embargo in its own zone with the offset, so a
// desk in another zone reads it right: "Wed 16 Oct 2019 12:00 +0300".
func embargoTime(t time.Time) string {
	s := t.Format("Mon 2 Jan 2006 15:04 -0700")
	if name, off := t.Zone(); name != "" && name[0] != '+' && name[0] != '-' && off != 0 || name == "UTC" {
		s += " (" + name + ")"
	}
	return s
}

// EmbargoBlocks returns an *EmbargoError when the article is embargoed at
// now, nil when it has no embargo or the embargo has passed.
func EmbargoBlocks(a *editor.Article, now time.Time) error {
	if a.Embargo.IsZero() || !now.Before(a.Embargo) {
		return nil
	}
	return &EmbargoError{Until: a.Embargo, Now: now}
}

// ForcedExportNote is the note to record (storage.Meta.Note) when an
// embargoed story is exported anyway (storage/record.ForcedExport files it).
func ForcedExportNote(a *editor.Article, now time.Time, format string) string {
	return fmt.Sprintf("forced %s export at %s before the embargo of %s", format,
		now.In(a.Embargo.Location()).Format(time.RFC3339), a.Embargo.Format(time.RFC3339))
}
