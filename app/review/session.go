// Package review is the window's Review changes… dialog: pick revision A,
// go through every change from A to the copy as edited (one card each —
// a word hunk, an inserted, deleted or moved paragraph, a metadata
// field), accept or reject each with an optional reason, and finish:
// one revision of kind review, with every decision recorded
// (storage/notes.FinishReview). Nothing is written until Finish; Cancel
// leaves no trace. Keyboard first: j/k or ↓/↑ move between cards, a
// accepts, r rejects, u undoes the last decision, Shift+A accepts every
// card still pending.
package review

import (
	"fmt"
	"strings"

	"copydesk/app/i18n"
	"copydesk/editor/review"
)

// decision is a card's state.
type decision int8

const (
	pending decision = iota
	accepted
	rejected
)

// undoStep is one decision made, to take back.
type undoStep struct {
	cards []int
	was   []decision
}

// session is the decisions of one review, apart from the widgets so that
// it can be tested alone.
type session struct {
	r       *review.Review
	state   []decision
	reasons []string
	undo    []undoStep
}

func newSession(r *review.Review) *session {
	return &session{r: r, state: make([]decision, len(r.Changes)), reasons: make([]string, len(r.Changes))}
}

func (s *session) set(d decision, cards ...int) {
	step := undoStep{}
	for _, i := range cards {
		if i < 0 || i >= len(s.state) || s.state[i] == d {
			continue
		}
		step.cards, step.was = append(step.cards, i), append(step.was, s.state[i])
		s.state[i] = d
	}
	if len(step.cards) > 0 {
		s.undo = append(s.undo, step)
	}
}

func (s *session) reject(i int) { s.set(rejected, i) }

// acceptRemaining accepts every pending card, as one step to undo.
func (s *session) acceptRemaining() {
	var cards []int
	for i, d := range s.state {
		if d == pending {
			cards = append(cards, i)
		}
	}
	s.set(accepted, cards...)
}

// undoLast takes back the last decision; it returns the first card it
// touched (-1 when there was nothing to undo).
func (s *session) undoLast() int {
	if len(s.undo) == 0 {
		return -1
	}
	step := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	for k, i := range step.cards {
		s.state[i] = step.was[k]
	}
	return step.cards[0]
}

// rejected is the set Apply takes: pending cards count as accepted, as
// on the command line.
func (s *session) rejected() review.Set {
	out := review.Set{}
	for i, d := range s.state {
		if d == rejected {
			out[s.r.Changes[i].ID] = true
		}
	}
	return out
}

func (s *session) reasonsByID() map[string]string {
	out := map[string]string{}
	for i, why := range s.reasons {
		if why != "" {
			out[s.r.Changes[i].ID] = why
		}
	}
	return out
}

func (s *session) counts() (acc, rej, pend int) {
	for _, d := range s.state {
		switch d {
		case accepted:
			acc++
		case rejected:
			rej++
		default:
			pend++
		}
	}
	return acc, rej, pend
}

func (s *session) summary() string {
	acc, rej, pend := s.counts()
	return i18n.Tf("%d changes: %d accepted, %d rejected, %d pending (accepted on Finish)", len(s.state), acc, rej, pend)
}

// cardText is one line of the list: the decision, the ID, the kind, the
// flags and the summary.
func (s *session) cardText(i int) string {
	c := s.r.Changes[i]
	mark := "·"
	switch s.state[i] {
	case accepted:
		mark = "✓"
	case rejected:
		mark = "✗"
	}
	flags := ""
	if c.Numbers {
		flags += i18n.T("[number] ")
	}
	if c.Quotes {
		flags += i18n.T("[quote] ")
	}
	// The window's font has no arrow: Fyne shapes it from a fallback font
	// and the space after it comes out as a missing glyph.
	summary := strings.ReplaceAll(c.Summary, " → ", " -> ")
	return fmt.Sprintf("%s %s  %s  %s%s", mark, c.ID, c.Kind, flags, summary)
}
