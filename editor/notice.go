package editor

import (
	"fmt"
	"strings"
)

// NoticeKind is what a notice tells subscribers to do with a story they
// have been sent.
type NoticeKind string

// The notices. A correction is not one of them: it is the Correction
// field, a change of copy with its note.
const (
	// NoticeKill: do not use the story; delete it. Final: a killed story
	// is spiked and goes out as IPTC pubStatus "canceled".
	NoticeKill NoticeKind = "kill"
	// NoticeWithhold: do not use the story until further notice (a
	// correction releases it). It goes out as pubStatus "withheld".
	NoticeWithhold NoticeKind = "withhold"
)

// Notice is a kill or withhold notice: its kind and the public note
// subscribers read (why the story must not be used). The reason the desk
// gives itself is in the revision's note, not here.
type Notice struct {
	Kind NoticeKind `json:"kind"`
	Note string     `json:"note"`
}

// IsZero reports whether there is no notice.
func (n Notice) IsZero() bool { return n == Notice{} }

// Lead is the notice's opening words, as every text format writes them:
// "KILL" or "WITHHELD".
func (n Notice) Lead() string {
	if n.Kind == NoticeKill {
		return "KILL"
	}
	return "WITHHELD"
}

// Text is the notice on one line for subscribers: "KILL: note".
func (n Notice) Text() string { return n.Lead() + ": " + n.Note }

// Killed reports whether the story carries a kill notice.
func (a *Article) Killed() bool { return a.Notice.Kind == NoticeKill }

// Withheld reports whether the story carries a withhold notice.
func (a *Article) Withheld() bool { return a.Notice.Kind == NoticeWithhold }

// publicNote checks a notice's or correction's public note.
func publicNote(field, note string) (string, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return "", &FieldError{Field: field, Problem: "is empty", Fix: "say for subscribers what they must do and why"}
	}
	if p := controlChar(note); p != "" {
		return "", &FieldError{Field: field, Problem: p, Fix: "delete it"}
	}
	return note, nil
}

// controlChar describes the first control character of s other than
// tab and line breaks, or returns "".
func controlChar(s string) string {
	for i, r := range []rune(s) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f {
			return fmt.Sprintf("has the control character U+%04X at character %d", r, i+1)
		}
	}
	return ""
}

// Kill makes the story a kill notice: spiked, with the public note. A
// story already killed is refused; so is one never published or sent
// (sent says whether it went out): spike that instead.
func (a *Article) Kill(note string, sent bool) error {
	note, err := publicNote("notice.note", note)
	if err != nil {
		return err
	}
	switch {
	case a.Killed():
		return fmt.Errorf("the story is already killed (%s)", clip(a.Notice.Note, 60))
	case !sent && a.Status != StatusPublished:
		return fmt.Errorf("the story was never published or sent: spike it instead of killing it")
	}
	a.Spike()
	a.Notice = Notice{Kind: NoticeKill, Note: note}
	return nil
}

// Withhold makes the story a withhold notice: subscribers must not use
// it until a correction releases it. A killed story cannot be withheld.
func (a *Article) Withhold(note string, sent bool) error {
	note, err := publicNote("notice.note", note)
	if err != nil {
		return err
	}
	switch {
	case a.Killed():
		return fmt.Errorf("the story is killed: a kill cannot be withheld")
	case a.Withheld():
		return fmt.Errorf("the story is already withheld (%s)", clip(a.Notice.Note, 60))
	case !sent && a.Status != StatusPublished:
		return fmt.Errorf("the story was never published or sent: there is nothing to withhold")
	}
	a.Notice = Notice{Kind: NoticeWithhold, Note: note}
	return nil
}

// Correct gives next, the corrected copy of prev, its public correction
// note and releases a withhold. prev must be published (or sent) and not
// killed; the note must be new (CheckCorrection's rule).
func Correct(prev, next *Article, note string, sent bool) error {
	note, err := publicNote("correction", note)
	if err != nil {
		return err
	}
	switch {
	case prev.Killed():
		return fmt.Errorf("the story is killed: file a new story instead of correcting it")
	case !sent && prev.Status != StatusPublished:
		return fmt.Errorf("the story was never published or sent: change it without a correction")
	case note == strings.TrimSpace(prev.Correction):
		return &FieldError{Field: "correction", Problem: "is the note of the last correction",
			Fix: "say for readers what was wrong this time and what is right now"}
	}
	next.Correction = note
	next.Notice = Notice{}
	return nil
}
