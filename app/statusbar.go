package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/checks"
	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
)

// statusBar shows the save state left and the counts right.
type statusBar struct {
	state   *widget.Label
	counts  *widget.Label
	limit   *checks.LimitLabel // body words against the section's limit
	content fyne.CanvasObject
	last    editor.Counts
	seq     uint64 // the revision last shown as saved
}

func newStatusBar() *statusBar {
	s := &statusBar{state: widget.NewLabel(""), counts: widget.NewLabel(""), limit: checks.NewLimitLabel()}
	s.state.Truncation = fyne.TextTruncateEllipsis
	s.limit.Hide()
	s.content = container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(s.counts, s.limit), s.state, layout.NewSpacer())
	return s
}

func (s *statusBar) setText(t string) {
	if s.state.Text != t {
		s.state.SetText(t)
	}
}

// setSaved shows when the working draft was last written and the newest
// revision. It says "draft" and "last revision": after an autosave the
// edits are in the draft, not in that revision ("Saved · revision 1" read
// as if they were).
func (s *statusBar) setSaved(at time.Time, seq uint64) {
	s.seq = seq
	t := "Draft saved " + at.Format("15:04:05")
	if seq > 0 {
		t += fmt.Sprintf(" · last revision %d", seq)
	}
	s.setText(t)
}

// setRevisionSaved shows that revision seq was written at that time, the
// draft with it.
func (s *statusBar) setRevisionSaved(at time.Time, seq uint64) {
	s.seq = seq
	s.setText(i18n.Tf("Revision %d saved %s", seq, at.Format("15:04:05")))
}

// showsSaved reports whether the bar shows the save state (setSaved,
// setRevisionSaved), not a notice that should stay until the next edit.
func (s *statusBar) showsSaved() bool {
	t := s.state.Text
	return strings.HasPrefix(t, "Draft saved ") || strings.HasPrefix(t, "Revision ") && strings.Contains(t, " saved ")
}

// setCounts shows words, characters and reading time. It is called on
// every keystroke, so it does nothing when the figures have not changed.
func (s *statusBar) setCounts(c editor.Counts) {
	if c == s.last && s.counts.Text != "" {
		return
	}
	s.last = c
	s.counts.SetText(countsText(c))
}

func countsText(c editor.Counts) string {
	word := "words"
	if c.Words == 1 {
		word = "word"
	}
	return fmt.Sprintf("%s %s · %s characters · %d min read", field.Thousands(c.Words), word, field.Thousands(c.Chars), int(c.ReadingTime/time.Minute))
}
