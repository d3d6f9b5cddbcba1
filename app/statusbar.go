package app

import (
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
	sends   *sendProgress
	// saved is whether the bar shows the save state (setSaved,
	// setRevisionSaved) rather than a notice. A flag, not a look at the
	// text: the text is in the window's language.
	saved bool
}

func newStatusBar() *statusBar {
	s := &statusBar{state: widget.NewLabel(""), counts: widget.NewLabel(""), limit: checks.NewLimitLabel(), sends: newSendProgress()}
	s.state.Truncation = fyne.TextTruncateEllipsis
	s.limit.Hide()
	s.content = container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(s.sends.content, s.counts, s.limit), s.state, layout.NewSpacer())
	return s
}

func (s *statusBar) setText(t string) {
	s.saved = false
	s.show(t)
}

func (s *statusBar) show(t string) {
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
	t := i18n.Tf("Draft saved %s", at.Format("15:04:05"))
	if seq > 0 {
		t = i18n.Tf("Draft saved %s · last revision %d", at.Format("15:04:05"), seq)
	}
	s.saved = true
	s.show(t)
}

// setRevisionSaved shows that revision seq was written at that time, the
// draft with it.
func (s *statusBar) setRevisionSaved(at time.Time, seq uint64) {
	s.seq = seq
	s.saved = true
	s.show(i18n.Tf("Revision %d saved %s", seq, at.Format("15:04:05")))
}

// showsSaved reports whether the bar shows the save state (setSaved,
// setRevisionSaved), not a notice that should stay until the next edit.
func (s *statusBar) showsSaved() bool {
	return s.saved
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
	return i18n.N("%s words · %s characters · %d min read", c.Words, field.Thousands(c.Words), field.Thousands(c.Chars), int(c.ReadingTime/time.Minute))
}
