package review

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/history"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/editor/review"
	"copydesk/storage"
	"copydesk/storage/notes"
)

// Options are what the window gives the dialog.
type Options struct {
	Ctx   context.Context
	Store storage.Store
	// Article is the copy as edited in the window now: B.
	Article *editor.Article
	Author  string
	// OnFinished runs on the UI goroutine once the review's revision is
	// written: the window loads a into the editor.
	OnFinished func(a *editor.Article, rev storage.Revision)
	// Present shows the dialog; nil is d.Show(). The window passes its
	// own, which lets Escape close the dialog when nothing in it has focus.
	Present func(d dialog.Dialog)
}

// present shows d through present, or plainly.
func present(d dialog.Dialog, present func(dialog.Dialog)) {
	if present != nil {
		present(d)
		return
	}
	d.Show()
}

// Dialog is the review in progress.
type Dialog struct {
	opt     Options
	win     fyne.Window
	revs    []storage.Revision
	from    uint64
	s       *session
	d       *dialog.CustomDialog
	list    *cardList
	picker  *escape.Select
	inPlace *widget.RichText // the card's change marked in its paragraph
	old     *widget.Label
	new     *widget.Label
	reason  *escape.Entry
	status  *widget.Label
	finish  *widget.Button
	current int
}

// Show reads the story's revisions in the background, then opens the
// dialog with A defaulting to the newest revision by someone other than
// the last author ("since the reporter filed").
func Show(win fyne.Window, opt Options) {
	if opt.Ctx == nil {
		opt.Ctx = context.Background()
	}
	go func() {
		revs, err := opt.Store.Revisions(opt.Ctx, opt.Article.ID)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(i18n.Errorf("the revisions could not be read: %w", err), win)
				return
			}
			if len(revs) == 0 {
				dialog.ShowInformation(i18n.T("Review changes"), i18n.T("The story has no revision to review against yet: save one first."), win)
				return
			}
			New(win, opt, revs).open()
		})
	}()
}

// open shows the dialog with the card list holding the keyboard, so the
// review's keys work at once, without a click first.
func (v *Dialog) open() {
	present(v.d, v.opt.Present)
	v.win.Canvas().Focus(v.list)
}

// DefaultFrom is the revision a review starts from: the newest by someone
// other than the author of the newest revision, else the first.
func DefaultFrom(revs []storage.Revision) uint64 {
	last := revs[len(revs)-1].Author
	for i := len(revs) - 1; i >= 0; i-- {
		if revs[i].Author != last {
			return revs[i].Seq
		}
	}
	return revs[0].Seq
}

// New builds the dialog (not shown) for the given revisions.
func New(win fyne.Window, opt Options, revs []storage.Revision) *Dialog {
	v := &Dialog{opt: opt, win: win, revs: revs, current: -1}
	v.old, v.new = widget.NewLabel(""), widget.NewLabel("")
	v.old.Wrapping, v.new.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	v.reason = escape.NewEntryFunc(func() { v.d.Hide() })
	v.reason.SetPlaceHolder(i18n.T("Reason (optional, recorded with a rejection)"))
	v.reason.OnChanged = func(s string) {
		if v.current >= 0 {
			v.s.reasons[v.current] = s
		}
	}
	v.status = widget.NewLabel("")
	v.list = newCardList(v)
	var names []string
	for _, r := range revs {
		names = append(names, revName(r))
	}
	v.picker = escape.NewSelect(win.Canvas(), names, func(string) { v.load(revs[v.picker.SelectedIndex()].Seq) })
	accept := widget.NewButton(i18n.T("Accept (a)"), func() { v.decide(accepted) })
	reject := widget.NewButton(i18n.T("Reject (r)"), func() { v.decide(rejected) })
	undo := widget.NewButton(i18n.T("Undo (u)"), v.undo)
	all := widget.NewButton(i18n.T("Accept remaining (Shift+A)"), v.acceptRemaining)
	v.finish = widget.NewButton(i18n.T("Finish (Ctrl+Enter)"), v.finishReview)
	v.finish.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("Cancel"), func() { v.d.Hide() })
	v.inPlace = widget.NewRichText()
	v.inPlace.Wrapping = fyne.TextWrapWord
	// Was and Now beside their labels: on a 600-px screen the card list
	// keeps room for a few rows.
	sides := container.New(layout.NewFormLayout(), widget.NewLabel(i18n.T("Was:")), v.old, widget.NewLabel(i18n.T("Now:")), v.new)
	detail := container.NewVBox(widget.NewLabelWithStyle(i18n.T("In place:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.inPlace,
		sides, v.reason)
	top := container.NewBorder(nil, nil, widget.NewLabel(i18n.T("From revision")), widget.NewLabel(i18n.T("to the copy as edited")), v.picker)
	bottom := container.NewVBox(detail, container.NewHBox(accept, reject, undo, all), v.status, container.NewHBox(v.finish, cancel))
	content := container.NewBorder(top, bottom, nil, nil, v.list)
	v.d = dialog.NewCustomWithoutButtons(i18n.T("Review changes"), content, win)
	size := win.Canvas().Size()
	v.d.Resize(fyne.NewSize(min(900, size.Width-20), min(640, size.Height-20)))
	from := DefaultFrom(revs)
	for i, r := range revs {
		if r.Seq == from {
			v.picker.SetSelectedIndex(i) // loads the review
		}
	}
	return v
}

func revName(r storage.Revision) string {
	s := fmt.Sprintf("#%d %s %s", r.Seq, r.Author, i18n.T(string(r.Kind)))
	if r.Label != "" {
		s += " " + i18n.Tf("“%s”", r.Label)
	}
	return s
}

// load compares revision seq with the copy as edited; decisions start
// over.
func (v *Dialog) load(seq uint64) {
	a, _, err := v.opt.Store.Revision(v.opt.Ctx, v.opt.Article.ID, seq)
	if err != nil {
		dialog.ShowError(err, v.win)
		return
	}
	v.from = seq
	v.s = newSession(review.New(a, v.opt.Article))
	v.current = -1
	v.list.Refresh()
	v.list.UnselectAll()
	if len(v.s.r.Changes) > 0 {
		v.list.Select(0)
	} else {
		v.show(-1)
	}
	v.refreshStatus()
}

func (v *Dialog) show(i int) {
	v.current = i
	if i < 0 {
		v.setInPlace(nil)
		v.old.SetText("")
		v.new.SetText(i18n.T("No changes since this revision."))
		v.reason.SetText("")
		return
	}
	c := v.s.r.Changes[i]
	v.setInPlace(v.s.r.InPlace(i, inPlaceContext))
	v.old.SetText(orNone(c.Old))
	v.new.SetText(orNone(c.New))
	v.reason.SetText(v.s.reasons[i])
}

// inPlaceContext is how many words of the paragraph stand either side of
// the change in place: enough to find it in the copy, not the whole story.
const inPlaceContext = 12

// setInPlace shows the card's change marked as History marks it.
func (v *Dialog) setInPlace(chunks []compare.Chunk) {
	if len(chunks) == 0 {
		v.inPlace.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: i18n.T("(no words to show: see Was and Now)"), Style: widget.RichTextStyleInline}}
	} else {
		v.inPlace.Segments = history.InlineSegments(chunks)
	}
	v.inPlace.Refresh()
}

func orNone(s string) string {
	if s == "" {
		return i18n.T("(nothing)")
	}
	return s
}

func (v *Dialog) refreshStatus() {
	v.status.SetText(v.s.summary())
	if len(v.s.r.Changes) == 0 {
		v.finish.Disable()
	} else {
		v.finish.Enable()
	}
}

// decide records a decision on the current card and moves to the next.
func (v *Dialog) decide(d decision) {
	if v.current < 0 {
		return
	}
	v.s.set(d, v.current)
	v.list.RefreshItem(v.current)
	v.refreshStatus()
	if v.current+1 < len(v.s.state) {
		v.list.Select(v.current + 1)
	}
}

func (v *Dialog) undo() {
	if i := v.s.undoLast(); i >= 0 {
		v.list.Refresh()
		v.list.Select(i)
		v.refreshStatus()
	}
}

func (v *Dialog) acceptRemaining() {
	v.s.acceptRemaining()
	v.list.Refresh()
	v.refreshStatus()
}

// finishReview writes the revision in the background.
func (v *Dialog) finishReview() {
	v.finish.Disable()
	r, rejected, reasons, from := v.s.r, v.s.rejected(), v.s.reasonsByID(), v.from
	go func() {
		rev, a, err := notes.FinishReview(v.opt.Ctx, v.opt.Store, r, v.opt.Article, notes.Finish{
			ArticleID: v.opt.Article.ID, From: from, Rejected: rejected, Reasons: reasons, Author: v.opt.Author})
		fyne.Do(func() {
			if err != nil {
				v.finish.Enable()
				var fe *editor.FieldError
				if errors.As(err, &fe) && fe.Field == "correction" {
					err = i18n.Errorf("%w — the story is published: add a new correction note in the metadata, then review again", err)
				}
				dialog.ShowError(i18n.Errorf("the review was not written: %w", err), v.win)
				return
			}
			v.d.Hide()
			if v.opt.OnFinished != nil {
				v.opt.OnFinished(a, rev)
			}
		})
	}()
}

// cardList is the list of cards, with the review's keys.
type cardList struct {
	widget.List
	v *Dialog
}

func newCardList(v *Dialog) *cardList {
	l := &cardList{v: v}
	l.Length = func() int {
		if v.s == nil {
			return 0
		}
		return len(v.s.state)
	}
	l.CreateItem = func() fyne.CanvasObject {
		lb := widget.NewLabel("")
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.s.cardText(i)) }
	l.OnSelected = func(i widget.ListItemID) { v.show(i) }
	l.ExtendBaseWidget(l)
	return l
}

// TypedRune handles the review's letter keys.
func (l *cardList) TypedRune(r rune) {
	v := l.v
	switch r {
	case 'a':
		v.decide(accepted)
	case 'r':
		v.decide(rejected)
	case 'u':
		v.undo()
	case 'A':
		v.acceptRemaining()
	case 'j', 'n':
		l.move(1)
	case 'k', 'p':
		l.move(-1)
	default:
		l.List.TypedRune(r)
	}
}

// finishShortcut finishes the review from the keyboard, as the Finish
// button does.
var finishShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

// TypedShortcut finishes the review on Ctrl+Enter (either Enter key).
func (l *cardList) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != finishShortcut.Modifier || (cs.KeyName != fyne.KeyReturn && cs.KeyName != fyne.KeyEnter) {
		return
	}
	if !l.v.finish.Disabled() {
		l.v.finishReview()
	}
}

// TypedKey moves the selection with the arrows; Escape cancels the
// review, as its Cancel button does (nothing is written).
func (l *cardList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		l.v.d.Hide()
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyUp:
		l.move(-1)
	default:
		l.List.TypedKey(k)
	}
}

func (l *cardList) move(d int) {
	n := len(l.v.s.state)
	if n == 0 {
		return
	}
	i := min(max(l.v.current+d, 0), n-1)
	l.Select(i)
	l.ScrollTo(i)
}
