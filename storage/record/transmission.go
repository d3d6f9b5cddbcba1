package record

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"copydesk/editor"
	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
)

// Transmission is one send of a story to a target, as subscribers got it.
type Transmission struct {
	Time    time.Time `json:"time"`
	Author  string    `json:"author"`
	Profile string    `json:"profile"`
	Format  string    `json:"format"`
	// Target is where it went, as it may be shown: a folder, or a URL
	// without its password (transmit.Target.String).
	Target string `json:"target"`
	File   string `json:"file,omitempty"`  // where it landed
	Error  string `json:"error,omitempty"` // "" when sent
	// Notice is the kind of notice sent ("kill", "withhold",
	// "correction"), "" for the story itself.
	Notice string `json:"notice,omitempty"`
	// Attempts is every try, the last one's result being the result.
	Attempts []transmit.Attempt `json:"attempts,omitempty"`
	Bytes    []byte             `json:"bytes"` // exactly what was sent
}

// OK says whether the transmission went through.
func (t *Transmission) OK() bool { return t.Error == "" }

// transmissionSetting names the setting that keeps the bytes of the
// transmission recorded as revision seq of story id. Settings live in
// the desk's store, encrypted with it when the desk is.
func transmissionSetting(id string, seq uint64) string {
	return fmt.Sprintf("transmission.%s.%d", id, seq)
}

// Transmit files a transmission in the story's history: a revision of its
// draft labelled "sent" (or "send failed") whose note says when, who,
// which profile, where and the result, and, beside it, the transmission
// with the exact bytes. It returns the revision's number.
func Transmit(ctx context.Context, s storage.Store, id string, t Transmission) (uint64, error) {
	return transmitArticle(ctx, s, id, nil, t)
}

// transmitArticle is Transmit with the article that was rendered as the
// revision's content (nil: the stored draft).
//
// A send takes time (retries wait up to a minute), and the window keeps
// autosaving the reporter's typing meanwhile. Filing the sent copy as a
// revision makes it the draft too, so a draft that moved on since the copy
// was read is put back on top at once: the history says what went out and
// the draft keeps what was typed after.
func transmitArticle(ctx context.Context, s storage.Store, id string, a *editor.Article, t Transmission) (uint64, error) {
	label, result := "sent", "sent"
	if !t.OK() {
		label, result = "send failed", "failed: "+t.Error
	}
	if t.Notice != "" {
		label = t.Notice + " notice " + label
	}
	tries := ""
	if n := len(t.Attempts); n > 1 {
		tries = fmt.Sprintf(" after %d attempts", n)
	}
	note := fmt.Sprintf("%s to %s as %s (%s, %d bytes) by %s at %s%s: %s", t.Profile, t.Target, t.File, t.Format,
		len(t.Bytes), t.Author, t.Time.UTC().Format(time.RFC3339), tries, result)
	if r := []rune(note); len(r) > storage.MaxNoteChars {
		note = string(r[:storage.MaxNoteChars-1]) + "…"
	}
	rev, d, err := reviseOver(ctx, s, id, a, storage.Meta{Author: t.Author, Kind: storage.KindSave, Label: label, Note: note})
	if err != nil {
		return 0, err
	}
	if a != nil && d.Article.ContentHash() != a.ContentHash() {
		if err := putBack(ctx, s, id, d.Article); err != nil {
			return 0, fmt.Errorf("putting back the draft typed during the send (revision %d holds the copy sent): %w", rev.Seq, err)
		}
	}
	data, err := json.Marshal(t)
	if err != nil {
		return 0, err
	}
	if err := s.SetSetting(ctx, transmissionSetting(id, rev.Seq), data); err != nil {
		return 0, err
	}
	return rev.Seq, nil
}

// reviseOver files a (nil: the draft) as a revision over the draft as it
// stands, which it returns; a draft autosaved in between is read again.
func reviseOver(ctx context.Context, s storage.Store, id string, a *editor.Article, m storage.Meta) (storage.Revision, storage.Draft, error) {
	for try := 0; ; try++ {
		d, err := s.Draft(ctx, id)
		if err != nil {
			return storage.Revision{}, d, err
		}
		content := a
		if content == nil {
			content = d.Article
		}
		m.DraftVersion = d.Version
		rev, err := s.SaveRevision(ctx, content, m)
		if errors.Is(err, storage.ErrStale) && try < 5 {
			continue
		}
		return rev, d, err
	}
}

// putBack makes draft the draft again after a revision of another copy
// took its place. A draft written meanwhile is newer still and stays.
func putBack(ctx context.Context, s storage.Store, id string, draft *editor.Article) error {
	cur, err := s.Draft(ctx, id)
	if err != nil {
		return err
	}
	_, err = s.SaveDraft(ctx, draft, cur.Version)
	if errors.Is(err, storage.ErrStale) {
		return nil
	}
	return err
}

// LoadTransmission reads the transmission recorded as revision seq.
func LoadTransmission(ctx context.Context, s storage.Store, id string, seq uint64) (*Transmission, error) {
	data, err := s.Setting(ctx, transmissionSetting(id, seq))
	if err != nil {
		return nil, err
	}
	var t Transmission
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("the transmission recorded as revision %d of %s is damaged: %w", seq, id, err)
	}
	return &t, nil
}

// Sent is a transmission that went through, with the revision that
// records it.
type Sent struct {
	Seq uint64
	*Transmission
}

// Transmissions lists the story's transmissions, sent or failed, newest
// first.
func Transmissions(ctx context.Context, s storage.Store, id string) ([]Sent, error) {
	revs, err := s.Revisions(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []Sent
	for i := len(revs) - 1; i >= 0; i-- {
		// Transmit files save revisions only: checkpoints, most of a
		// history, need no look-up.
		if revs[i].Kind != storage.KindSave {
			continue
		}
		t, err := LoadTransmission(ctx, s, id, revs[i].Seq)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, Sent{Seq: revs[i].Seq, Transmission: t})
	}
	return out, nil
}

// LastSent is the newest transmission of the story that went through to
// target (as shown: a folder, or a URL without its password). It fails
// with an error wrapping storage.ErrNotFound when there is none.
func LastSent(ctx context.Context, s storage.Store, id, target string) (Sent, error) {
	all, err := Transmissions(ctx, s, id)
	if err != nil {
		return Sent{}, err
	}
	for _, t := range all {
		if t.OK() && sameTarget(t.Target, target) {
			return t, nil
		}
	}
	return Sent{}, notSent{fmt.Sprintf("no transmission of %s to %s went through (copydesk history %s lists them)", id, target, id)}
}

// notSent says no transmission reached a target; it is a
// storage.ErrNotFound.
type notSent struct{ msg string }

func (e notSent) Error() string        { return e.msg }
func (e notSent) Is(target error) bool { return target == storage.ErrNotFound }

// SentTargets is the newest transmission that went through to each
// target the story was sent to, newest first: where a kill, withhold or
// correction notice goes.
func SentTargets(ctx context.Context, s storage.Store, id string) ([]Sent, error) {
	all, err := Transmissions(ctx, s, id)
	if err != nil {
		return nil, err
	}
	var out []Sent
	seen := map[string]bool{}
	for _, t := range all {
		key := canonicalTarget(t.Target, true)
		if !t.OK() || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	return out, nil
}

// sameTarget reports whether recorded, a target as a transmission
// recorded it, is typed: a URL typed without a user matches any user.
func sameTarget(recorded, typed string) bool {
	if canonicalTarget(recorded, true) == canonicalTarget(typed, true) {
		return true
	}
	p, err := transmit.ParseTarget(typed)
	return err == nil && p.URL != nil && p.URL.User == nil && canonicalTarget(recorded, false) == canonicalTarget(typed, false)
}

// canonicalTarget compares folders by their clean path and URLs without
// their password (and without their user unless withUser).
func canonicalTarget(t string, withUser bool) string {
	p, err := transmit.ParseTarget(t)
	if err != nil {
		return filepath.Clean(t)
	}
	if p.URL != nil && !withUser {
		u := *p.URL
		u.User = nil
		return transmit.Redact(&u)
	}
	return p.String()
}

// SentCopy is the story as its last transmission that went through to
// target carried it: the revision that records the send, shaped by the
// profile it went as (an alert is its headline; a profile since removed
// leaves the whole revision). History compares it with the draft or any
// revision: what subscribers have against what the desk has now.
func SentCopy(ctx context.Context, s storage.Store, id, target string) (*editor.Article, Sent, error) {
	t, err := LastSent(ctx, s, id, target)
	if err != nil {
		return nil, Sent{}, err
	}
	a, _, err := s.Revision(ctx, id, t.Seq)
	if err != nil {
		return nil, Sent{}, err
	}
	ps, err := outputs.LoadDesk(ctx, s)
	if err != nil {
		return nil, Sent{}, err
	}
	if p := outputs.Find(ps, t.Profile); p != nil {
		a = p.Shape(a)
	}
	return a, t, nil
}
