package history

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/notes"
)

// commentEvent is one thing that happened to a comment, as History lists
// it: comments are not copy, so their events are not revisions but a
// section of their own under the list, newest first.
type commentEvent struct {
	comments.Event
	Quote string
}

// commentEvents flattens the comments' events, newest first.
func commentEvents(cs []*comments.Comment) []commentEvent {
	var out []commentEvent
	for _, c := range cs {
		for _, e := range c.Events {
			out = append(out, commentEvent{Event: e, Quote: c.Quote})
		}
	}
	slices.SortStableFunc(out, func(a, b commentEvent) int { return b.Time.Compare(a.Time) })
	return out
}

// eventText is one line of the Comments section:
// "16 Oct 10:05 · Anna Petrova resolved “43,500 persons”: ok".
func (v *View) eventText(e commentEvent) string {
	who := e.Author
	if who == "" {
		who = i18n.T("(no name)")
	}
	s := fmt.Sprintf("%s · %s %s “%s”", i18n.FormatTime(e.Time.In(v.loc), "2 Jan 15:04"), who, i18n.T(e.What), shorten(e.Quote, 40))
	if e.Text != "" {
		s += ": " + shorten(e.Text, 80)
	}
	return s
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// newCommentsSection is the collapsed "Comments" section under the list.
func (v *View) newCommentsSection() *widget.Accordion {
	v.eventsBox = container.NewVBox()
	scroll := container.NewVScroll(v.eventsBox)
	scroll.SetMinSize(fyne.NewSize(0, 140))
	v.eventsItem = widget.NewAccordionItem(i18n.T("Comments: none"), scroll)
	return widget.NewAccordion(v.eventsItem)
}

// setComments shows the story's comment events.
func (v *View) setComments(cs []*comments.Comment) {
	v.events = commentEvents(cs)
	v.eventsBox.RemoveAll()
	for _, e := range v.events {
		l := widget.NewLabel(v.eventText(e))
		l.Wrapping = fyne.TextWrapWord
		v.eventsBox.Add(l)
	}
	switch n := len(v.events); n {
	case 0:
		v.eventsItem.Title = i18n.T("Comments: none")
	case 1:
		v.eventsItem.Title = i18n.T("Comments: 1 event")
	default:
		v.eventsItem.Title = i18n.N("Comments: %d events", n)
	}
	v.eventsAcc.Refresh()
}

// decisionsText is the decisions of a review, one a paragraph.
func (v *View) decisionsText(r *notes.Review) string {
	acc, rej := r.Accepted()
	var b strings.Builder
	b.WriteString(i18n.Tf("Review by %s, %s: %d accepted, %d rejected.\n", nameOr(r.Author), i18n.FormatTime(r.Time.In(v.loc), "2 Jan 2006 15:04"), acc, rej))
	for _, d := range r.Decisions {
		verdict := i18n.T("accepted")
		if !d.Accepted {
			verdict = i18n.T("REJECTED")
		}
		// An ASCII arrow: the bundled font has no →.
		b.WriteString(i18n.Tf("\n%s  %s by %s — %s", d.Change, verdict, nameOr(d.Author), strings.ReplaceAll(d.Summary, "→", "->")))
		if d.Reason != "" {
			b.WriteString(i18n.Tf("\n    reason: %s", d.Reason))
		}
	}
	return b.String()
}

func nameOr(s string) string {
	if s == "" {
		return i18n.T("(no name)")
	}
	return s
}

// isReview reports whether rev records a review's decisions.
func isReview(rev storage.Revision) bool {
	return notes.NoteSummary(rev) != ""
}

// decisionsSelected shows the decisions recorded with the selected review.
func (v *View) decisionsSelected() {
	rev, ok := v.selectedRevision()
	if !ok || !isReview(rev) {
		return
	}
	v.goBackground(func() {
		r, err := notes.ReviewOf(v.ctx, v.store, rev)
		v.do(func() {
			if err != nil {
				v.showError(err)
				return
			}
			v.showDecisions(rev, r)
		})
	})
}

func (v *View) showDecisions(rev storage.Revision, r *notes.Review) {
	v.decisions = widget.NewLabel(v.decisionsText(r))
	v.decisions.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(v.decisions)
	if v.win == nil {
		return
	}
	d := dialog.NewCustom(i18n.Tf("Decisions of review #%d", rev.Seq), i18n.T("Close"), scroll, v.win)
	size := v.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, size.Width-40), min(520, size.Height-40)))
	d.Show()
}

// reviewLine is what the row of a review revision says in place of a
// label: its decisions counted, "✓ 3  ✗ 1" (the marks the review
// dialog's cards wear; the pane is too narrow for words).
func reviewLine(rev storage.Revision) string {
	if rev.Label != "" {
		return quoteLabel(rev.Label)
	}
	var acc, rej int
	if _, err := fmt.Sscanf(notes.NoteSummary(rev), "%d accepted, %d rejected", &acc, &rej); err != nil {
		return ""
	}
	return fmt.Sprintf("✓ %d  ✗ %d", acc, rej)
}
