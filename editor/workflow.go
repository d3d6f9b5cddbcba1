package editor

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The workflow rules a story meets on its way out: the section's length
// limits before it is ready, and a public correction note for any change
// once it is published. The limits themselves come from the desk's house
// style (editor/check); this file only knows counts.

// LimitCount is one field measured against its section's limit.
type LimitCount struct {
	Field string `json:"field"` // headline, standfirst, body
	Unit  string `json:"unit"`  // chars or words
	Used  int    `json:"used"`
	Max   int    `json:"max"`
}

// Over reports whether the field is past its limit.
func (c LimitCount) Over() bool { return c.Max > 0 && c.Used > c.Max }

// String is the count as shown beside the field: "72/90".
func (c LimitCount) String() string { return strconv.Itoa(c.Used) + "/" + strconv.Itoa(c.Max) }

// Label names the field and unit: "headline 96/90 characters".
func (c LimitCount) Label() string {
	unit := c.Unit
	if unit == "chars" {
		unit = "characters"
	}
	return c.Field + " " + c.String() + " " + unit
}

// OverLimitError refuses a move to ready while fields are past their limits.
type OverLimitError struct {
	Over []LimitCount
}

func (e *OverLimitError) Error() string {
	return "cannot set the story to Ready: " + joinLabels(e.Over) +
		" over the section's limit; shorten it, or override and say why"
}

func joinLabels(cs []LimitCount) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Label()
	}
	return strings.Join(parts, ", ")
}

// OverLimits returns the counts past their limits.
func OverLimits(counts []LimitCount) []LimitCount {
	var over []LimitCount
	for _, c := range counts {
		if c.Over() {
			over = append(over, c)
		}
	}
	return over
}

// CheckMove is CanMove plus the length limits: a move to ready with a
// field over its limit is refused with an *OverLimitError unless override
// is set (the caller then records OverrideNote with the revision).
func CheckMove(from, to Status, counts []LimitCount, override bool) error {
	if err := CanMove(from, to); err != nil {
		return err
	}
	if to != StatusReady || from == StatusReady || override {
		return nil
	}
	if over := OverLimits(counts); len(over) > 0 {
		return &OverLimitError{Over: over}
	}
	return nil
}

// SetStatusChecked moves the article like SetStatus, refusing ready over a
// limit unless override is set.
func (a *Article) SetStatusChecked(to Status, counts []LimitCount, override bool) error {
	if err := CheckMove(a.Status, to, counts, override); err != nil {
		return err
	}
	return a.SetStatus(to)
}

// OverrideNote is the note a revision records when a story goes to ready
// over a limit: which fields, by how much, and the editor's reason. It is
// "" when nothing is over.
func OverrideNote(counts []LimitCount, reason string) string {
	over := OverLimits(counts)
	if len(over) == 0 {
		return ""
	}
	note := "override: " + joinLabels(over) + " over the section's limit"
	if r := strings.Join(strings.Fields(reason), " "); r != "" {
		note += " — " + r
	}
	return note
}

// IsCorrection reports whether saving next over prev is a correction:
// prev is published and something readers see has changed. The ednote,
// the correction note itself, a kill or withhold notice and the modified
// time are not copy.
func IsCorrection(prev, next *Article) bool {
	if prev == nil || next == nil || prev.Status != StatusPublished {
		return false
	}
	return !bytes.Equal(readerCopy(prev), readerCopy(next))
}

func readerCopy(a *Article) []byte {
	c := a.Clone()
	c.EdNote, c.Correction, c.Notice, c.Modified = "", "", Notice{}, c.Created
	return c.Encode()
}

// CheckCorrection refuses a change to a published story that carries no
// new public correction note. Spiking a published story is not a change
// of copy and is allowed.
func CheckCorrection(prev, next *Article) error {
	if !IsCorrection(prev, next) || next.Status == StatusSpiked {
		return nil
	}
	note := strings.TrimSpace(next.Correction)
	switch {
	case note == "":
		return &FieldError{Field: "correction", Problem: "is empty, but the story is published: a change to it is a correction",
			Fix: "say for readers what was wrong and what is right now"}
	case note == strings.TrimSpace(prev.Correction):
		return &FieldError{Field: "correction", Problem: "still holds the note of the last correction",
			Fix: fmt.Sprintf("add a note for this change (the last one said %q)", clip(note, 60))}
	}
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
