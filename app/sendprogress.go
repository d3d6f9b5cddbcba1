package app

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor/outputs/transmit"
)

// sendProgress is the status bar's part for sends in flight: what the
// newest attempt did and a Cancel that stops the retries of all of them.
// It is not a dialog: a send that retries for a minute must not keep the
// person from the story.
type sendProgress struct {
	label   *widget.Label
	cancel  *widget.Button
	content *fyne.Container
	jobs    []*sendJob
	failed  string // the last failure, shown until Dismiss
	// base is every send's parent: the window ends it when it closes, so
	// closing does not wait for retries (the records are still written).
	base     context.Context
	stopBase context.CancelFunc
}

// progressWidth is the width of the send's line in the status bar.
const progressWidth = 340

func newSendProgress() *sendProgress {
	s := &sendProgress{label: widget.NewLabel("")}
	s.cancel = widget.NewButton(i18n.T("Cancel send"), s.cancelAll)
	// A fixed width, the text cut short: an attempt's error is long, and
	// a label as wide as its text widened the window past a 1024-px
	// screen, pushing the metadata panel off it.
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.content = container.NewHBox(container.NewGridWrap(fyne.NewSize(progressWidth, s.label.MinSize().Height), s.label), s.cancel)
	s.content.Hide()
	s.base, s.stopBase = context.WithCancel(context.Background())
	return s
}

// sendJob is one send (or one notice) in flight.
type sendJob struct {
	p      *sendProgress
	id     string // the story sent
	target string
	ctx    context.Context
	stop   context.CancelFunc
}

// newJob is a send to target; its context ends when Cancel is pressed
// or the window closes. Any goroutine may make one; add shows it.
func (s *sendProgress) newJob(id, target string) *sendJob {
	ctx, stop := context.WithCancel(s.base)
	return &sendJob{id: id, target: target, ctx: ctx, stop: stop}
}

// add shows j as under way, on the UI goroutine.
func (s *sendProgress) add(j *sendJob) {
	j.p = s
	s.jobs = append(s.jobs, j)
	s.failed = ""
	s.cancel.SetText(i18n.T("Cancel send"))
	s.cancel.OnTapped = s.cancelAll
	s.label.SetText(i18n.Tf("Sending to %s…", j.target))
	s.content.Show()
}

// attempt shows how an attempt ended and, when another follows, when.
func (j *sendJob) attempt(a transmit.Attempt) {
	switch {
	case a.Error == "":
		j.p.label.SetText(i18n.Tf("Attempt %d to %s went through", a.N, j.target))
	case a.Wait > 0:
		j.p.label.SetText(i18n.Tf("Attempt %d to %s failed: %s · trying again in %s", a.N, j.target,
			field.OneLine(errors.New(a.Error)), a.Wait.Round(time.Second)))
	default:
		j.p.label.SetText(i18n.Tf("Attempt %d to %s failed: %s", a.N, j.target, field.OneLine(errors.New(a.Error))))
	}
}

// done removes the job; failure, when not "", is what went wrong. When
// no job is left the part hides, or, after a failure, says so until
// Dismiss: the status bar's own line is soon replaced by "Draft saved".
func (j *sendJob) done(failure string) {
	j.stop()
	s := j.p
	for i, x := range s.jobs {
		if x == j {
			s.jobs = append(s.jobs[:i], s.jobs[i+1:]...)
			break
		}
	}
	if failure != "" {
		s.failed = failure
	}
	switch {
	case len(s.jobs) > 0:
	case s.failed != "":
		s.label.SetText(s.failed)
		s.cancel.SetText(i18n.T("Dismiss"))
		s.cancel.OnTapped = s.dismiss
	default:
		s.content.Hide()
	}
}

// dismiss hides the last failure.
func (s *sendProgress) dismiss() {
	s.failed = ""
	s.content.Hide()
}

// cancelAll stops the retries of every send in flight; each still files
// its record (what was tried) and reports back.
func (s *sendProgress) cancelAll() {
	for _, j := range s.jobs {
		j.stop()
	}
	s.label.SetText(i18n.T("Cancelling…"))
}

// running reports whether a send is in flight.
func (s *sendProgress) running() bool { return len(s.jobs) > 0 }
