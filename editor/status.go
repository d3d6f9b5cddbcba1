package editor

import (
	"fmt"
	"strings"
)

// Status is where a story stands in the desk's workflow.
type Status string

// The workflow: draft → in edit → ready → published. A story can be sent one
// step back before it is published; spiking kills it from any status without
// deleting it, and unspiking returns it to where it was.
const (
	StatusDraft     Status = "draft"
	StatusInEdit    Status = "in_edit"
	StatusReady     Status = "ready"
	StatusPublished Status = "published"
	StatusSpiked    Status = "spiked"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusInEdit, StatusReady, StatusPublished, StatusSpiked}

// Label is the status as the UI shows it.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "Draft"
	case StatusInEdit:
		return "In edit"
	case StatusReady:
		return "Ready"
	case StatusPublished:
		return "Published"
	case StatusSpiked:
		return "Spiked"
	}
	return string(s)
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, k := range Statuses {
		if s == k {
			return true
		}
	}
	return false
}

// ParseStatus accepts a status as typed on the command line: "in_edit",
// "in-edit", "In edit" and "inedit" all mean StatusInEdit.
func ParseStatus(s string) (Status, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer("-", "", "_", "", " ", "").Replace(k)
	for _, st := range Statuses {
		if strings.ReplaceAll(string(st), "_", "") == k {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown status %q: use one of draft, in_edit, ready, published, spiked", s)
}

func (s Status) rank() int {
	for i, k := range Statuses[:4] {
		if s == k {
			return i
		}
	}
	return -1
}

// CanMove reports whether the workflow allows from → to, and if not, why.
func CanMove(from, to Status) error {
	if !to.Valid() {
		return fmt.Errorf("unknown status %q", to)
	}
	if from == to {
		return nil
	}
	switch {
	case to == StatusSpiked:
		return nil
	case from == StatusSpiked:
		return fmt.Errorf("the story is spiked: unspike it first")
	case from == StatusPublished:
		return fmt.Errorf("the story is published: change it with a correction, not by moving it back to %s", to.Label())
	}
	d := to.rank() - from.rank()
	if d == 1 || d == -1 {
		return nil
	}
	// No "→" here: the window's font has no arrow, and the fallback
	// font's arrow came out as "→�" (its missing space glyph).
	return fmt.Errorf("cannot move from %s to %s: the workflow goes from draft to in edit, ready and published, one step at a time", from.Label(), to.Label())
}

// Moves lists, in workflow order, the statuses a story in status from can
// be given, from itself included: the next and previous step, spiked, and
// for a spiked story the status it was spiked from (unspiking returns it
// there, see Unspike).
func Moves(from, spikedFrom Status) []Status {
	back := spikedFrom
	if !back.Valid() || back == StatusSpiked {
		back = StatusDraft
	}
	var out []Status
	for _, to := range Statuses {
		switch {
		case to == from:
		case from == StatusSpiked:
			if to != back {
				continue
			}
		case CanMove(from, to) != nil:
			continue
		}
		out = append(out, to)
	}
	return out
}

// SetStatus moves the article through the workflow, or explains why not.
func (a *Article) SetStatus(to Status) error {
	if err := CanMove(a.Status, to); err != nil {
		return err
	}
	if to == StatusSpiked && a.Status != StatusSpiked {
		a.SpikedFrom = a.Status
	}
	a.Status = to
	return nil
}

// Spike kills the story without deleting it.
func (a *Article) Spike() {
	if a.Status != StatusSpiked {
		a.SpikedFrom = a.Status
		a.Status = StatusSpiked
	}
}

// Unspike returns a spiked story to the status it had before.
func (a *Article) Unspike() error {
	if a.Status != StatusSpiked {
		return fmt.Errorf("the story is not spiked")
	}
	back := a.SpikedFrom
	if !back.Valid() || back == StatusSpiked {
		back = StatusDraft
	}
	a.Status, a.SpikedFrom = back, ""
	return nil
}
