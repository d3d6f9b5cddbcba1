package record

import (
	"context"
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// Action is one of Article › Kill, Withhold and Correct: what happens to
// a story subscribers already have.
type Action string

// The actions.
const (
	Kill     Action = "kill"
	Withhold Action = "withhold"
	Correct  Action = "correct"
)

// ParseAction reads an action's name.
func ParseAction(s string) (Action, error) {
	switch a := Action(strings.ToLower(strings.TrimSpace(s))); a {
	case Kill, Withhold, Correct:
		return a, nil
	}
	return "", fmt.Errorf("%q is not an action: use kill, withhold or correct", s)
}

// Kind is the kind of revision the action makes.
func (a Action) Kind() storage.Kind {
	switch a {
	case Kill:
		return storage.KindKill
	case Withhold:
		return storage.KindWithhold
	}
	return storage.KindCorrection
}

// Notice is the name of the notice the action sends ("kill", "withhold",
// "correction"), as Outgoing.Notice and the history label say it.
func (a Action) Notice() string {
	if a == Correct {
		return "correction"
	}
	return string(a)
}

// past is the action as the revision's label says it.
func (a Action) past() string {
	switch a {
	case Kill:
		return "killed"
	case Withhold:
		return "withheld"
	}
	return "corrected"
}

// Decision is an action as the editor takes it.
type Decision struct {
	Action Action
	// Reason is why, for the desk: the revision's note. Required.
	Reason string
	// Note is for subscribers: the notice's or correction's public note.
	Note   string
	Author string
	// Copy is the corrected story (Correct only); nil corrects the draft
	// as it stands (its copy already changed, or only the note).
	Copy *editor.Article
}

// Act files the decision as a revision of its kind (kill, withhold,
// correction) on the story's draft, and returns the revision and the
// story as it now stands. A story never published may be killed,
// withheld or corrected only if it was sent (a transmission went
// through). The notices themselves go out with Send, to SentTargets.
func Act(ctx context.Context, s storage.Store, id string, d Decision) (storage.Revision, *editor.Article, error) {
	reason := strings.Join(strings.Fields(d.Reason), " ")
	if reason == "" {
		return storage.Revision{}, nil, &editor.FieldError{Field: "reason", Problem: "is empty",
			Fix: "say for the desk's record why the story is " + d.Action.past()}
	}
	draft, err := s.Draft(ctx, id)
	if err != nil {
		return storage.Revision{}, nil, err
	}
	targets, err := SentTargets(ctx, s, id)
	if err != nil {
		return storage.Revision{}, nil, err
	}
	sent := len(targets) > 0
	prev := draft.Article
	next := prev.Clone()
	switch d.Action {
	case Kill:
		err = next.Kill(d.Note, sent)
	case Withhold:
		err = next.Withhold(d.Note, sent)
	case Correct:
		if d.Copy != nil {
			next = d.Copy.Clone()
			next.ID = prev.ID
		}
		// The draft's base is the last revision: a draft edited since
		// holds the change being corrected.
		base := prev
		if draft.Seq > 0 {
			if base, _, err = s.Revision(ctx, id, draft.Seq); err != nil {
				return storage.Revision{}, nil, err
			}
		}
		err = editor.Correct(base, next, d.Note, sent)
	default:
		err = fmt.Errorf("%q is not an action: use kill, withhold or correct", d.Action)
	}
	if err != nil {
		return storage.Revision{}, nil, err
	}
	if now := time.Now().UTC(); now.After(next.Modified) {
		next.Modified = now
	}
	if err := next.Validate(); err != nil {
		return storage.Revision{}, nil, err
	}
	rev, err := s.SaveRevision(ctx, next, storage.Meta{Author: d.Author, Kind: d.Action.Kind(), Label: d.Action.past(),
		Note: "reason: " + reason, DraftVersion: draft.Version})
	if err != nil {
		return storage.Revision{}, nil, err
	}
	return rev, next, nil
}
