package interchange

import (
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
)

// normLayouts are the shapes NITF norm attributes and ninjs times come in:
// ISO 8601 basic (NITF's own examples) and extended, with or without zone.
var normLayouts = []string{
	time.RFC3339Nano,
	"20060102T150405Z0700",
	"20060102T150405Z07:00",
	"20060102T1504Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
}

// localLayouts carry no zone: read as UTC, and said so.
var localLayouts = []string{
	"20060102T150405",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"20060102T1504",
	"20060102",
	"2006-01-02",
}

// parseTime reads a time stamp. zoneless is true when it gave no zone and
// UTC was assumed.
func parseTime(s string) (t time.Time, zoneless bool, err error) {
	s = strings.TrimSpace(s)
	for _, l := range normLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), false, nil
		}
	}
	for _, l := range localLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("%q is not an ISO 8601 time", s)
}

// normDay is the calendar day a norm or time stamp names, as written:
// "20191016T233000+0300" is 16 October whatever the zone.
func normDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if d, err := time.Parse(editor.DateLayout, s[:10]); err == nil {
			return d.Format(editor.DateLayout), true
		}
	}
	if len(s) >= 8 {
		if d, err := time.Parse("20060102", s[:8]); err == nil && (len(s) == 8 || s[8] == 'T') {
			return d.Format(editor.DateLayout), true
		}
	}
	return "", false
}

// dayLayouts are how story dates read in agency datelines.
var dayLayouts = []string{"January 2, 2006", "Jan. 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006", "2006-01-02"}

// dayLayoutsNoYear need a year from elsewhere.
var dayLayoutsNoYear = []string{"January 2", "Jan. 2", "Jan 2", "2 January", "2 Jan"}

// parseDayText reads a story date written out ("October 16, 2019",
// "Oct. 16"). assumed is true when the year came from year.
func parseDayText(s string, year int) (date string, assumed, ok bool) {
	s = strings.TrimSpace(strings.TrimRight(s, " ."))
	if s == "" {
		return "", false, false
	}
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(editor.DateLayout), false, true
		}
	}
	if year < 1 || year > 9999 {
		return "", false, false
	}
	for _, l := range dayLayoutsNoYear {
		if t, err := time.Parse(l, s); err == nil {
			d := time.Date(year, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			if d.Month() != t.Month() {
				return "", false, false // 29 February in a common year
			}
			return d.Format(editor.DateLayout), true, true
		}
	}
	return "", false, false
}
