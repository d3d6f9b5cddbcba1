package review

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/notes"
)

// CommentOptions are what the window gives the Comments dialog.
type CommentOptions struct {
	Ctx   context.Context
	Store storage.Store
	// Article is the copy as edited now: comments are anchored to it.
	Article *editor.Article
	Author  string
	// Quote is the text selected in the editor, offered for a new comment.
	Quote string
	Now   func() time.Time
	// Present shows the dialog; nil is d.Show() (see Options.Present).
	Present func(d dialog.Dialog)
	// Select is the ID of the comment to show first ("": the first).
	Select string
	// OnSaved (if set) is called on the UI goroutine after each comment
	// the dialog stores: the window's margin shows it.
	OnSaved func()
}

// CommentsDialog lists a story's comments beside their quotes and takes
// new ones, replies, resolutions and reopenings. Each is stored at once
// (storage/notes): comments are history events, not revisions.
type CommentsDialog struct {
	opt      CommentOptions
	win      fyne.Window
	all      []*comments.Comment
	list     *widget.List
	detail   *widget.Label
	reply    *escape.Entry
	toggle   *widget.Button
	quote    *escape.Entry
	note     *escape.Entry
	d        *dialog.CustomDialog
	selected int
	lastSave chan struct{} // closed when the latest save is done
}

// ShowComments reads the comments in the background, then opens the dialog.
func ShowComments(win fyne.Window, opt CommentOptions) {
	if opt.Ctx == nil {
		opt.Ctx = context.Background()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	go func() {
		cs, err := notes.Comments(opt.Ctx, opt.Store, opt.Article.ID)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(i18n.Errorf("the comments could not be read: %w", err), win)
				return
			}
			NewComments(win, opt, cs).open()
		})
	}()
}

// NewComments builds the dialog (not shown) over the stored comments.
func NewComments(win fyne.Window, opt CommentOptions, cs []*comments.Comment) *CommentsDialog {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	v := &CommentsDialog{opt: opt, win: win, all: cs, selected: -1}
	comments.Reanchor(v.all, opt.Article)
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.reply = escape.NewEntryFunc(v.close)
	v.reply.SetPlaceHolder(i18n.T("Reply"))
	v.reply.OnSubmitted = func(string) { v.doReply() }
	v.toggle = widget.NewButton(i18n.T("Resolve"), v.doToggle)
	v.list = widget.NewList(func() int { return len(v.all) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rowText(v.all[i])) })
	v.list.OnSelected = func(i widget.ListItemID) { v.show(i) }
	v.quote = escape.NewEntryFunc(v.close)
	v.quote.SetPlaceHolder(i18n.T("Words of the headline, standfirst or body (select them in the editor first)"))
	v.quote.SetText(strings.TrimSpace(opt.Quote))
	v.note = escape.NewEntryFunc(v.close)
	v.note.SetPlaceHolder(i18n.T("Comment"))
	v.note.OnSubmitted = func(string) { v.doAdd() }
	add := widget.NewButton(i18n.T("Add comment"), v.doAdd)
	add.Importance = widget.HighImportance
	newBox := container.NewVBox(widget.NewLabel(i18n.T("New comment")), v.quote, container.NewBorder(nil, nil, nil, add, v.note))
	actions := container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewButton(i18n.T("Reply"), v.doReply), v.toggle), v.reply)
	bottom := container.NewVBox(v.detail, actions, widget.NewSeparator(), newBox,
		container.NewHBox(widget.NewButton(i18n.T("Close"), v.close)))
	v.d = dialog.NewCustomWithoutButtons(i18n.T("Comments"), container.NewBorder(nil, bottom, nil, nil, v.list), win)
	v.d.Resize(fyne.NewSize(860, 600))
	if len(v.all) > 0 {
		v.list.Select(max(0, slices.IndexFunc(v.all, func(c *comments.Comment) bool { return c.ID == opt.Select })))
	} else {
		v.show(-1)
	}
	return v
}

// open shows the dialog with the keyboard where the person writes next:
// the comment itself when words were selected in the editor, else the
// words it is about.
func (v *CommentsDialog) open() {
	present(v.d, v.opt.Present)
	if v.quote.Text != "" {
		v.win.Canvas().Focus(v.note)
	} else {
		v.win.Canvas().Focus(v.quote)
	}
}

func (v *CommentsDialog) close() { v.d.Hide() }

func rowText(c *comments.Comment) string {
	where := c.Anchor.Field
	if where == comments.Body {
		where = fmt.Sprintf("¶%d", c.Anchor.Block+1)
	}
	who := ""
	if c.Author != "" {
		who = " " + c.Author
	}
	return fmt.Sprintf("%s · %s · «%s»%s: %s", c.State(), where, oneLine(c.Quote), who, oneLine(c.Note))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (v *CommentsDialog) show(i int) {
	v.selected = i
	if i < 0 {
		v.detail.SetText(i18n.T("No comments yet. Select words in the editor, then Article › Comments… to comment on them."))
		v.toggle.Disable()
		return
	}
	c := v.all[i]
	var b strings.Builder
	fmt.Fprintf(&b, "«%s» — %s", c.Quote, c.State())
	if c.Orphaned {
		b.WriteString(i18n.T(" (the words are no longer in the copy)"))
	}
	for _, e := range c.Events {
		fmt.Fprintf(&b, "\n%s %s %s", i18n.FormatTime(e.Time.Local(), "2 Jan 15:04"), e.Author, i18n.T(e.What))
		if e.Text != "" {
			b.WriteString(": " + e.Text)
		}
	}
	v.detail.SetText(b.String())
	v.toggle.Enable()
	if c.Resolved {
		v.toggle.SetText(i18n.T("Reopen"))
	} else {
		v.toggle.SetText(i18n.T("Resolve"))
	}
}

// put makes next comment i (len(all) for a new one) at once, so the next
// action builds on it, and stores it in the background; if the store
// refuses, the comment goes back to what it was.
func (v *CommentsDialog) put(i int, next *comments.Comment) {
	var prev *comments.Comment
	if i < len(v.all) {
		prev, v.all[i] = v.all[i], next
	} else {
		v.all = append(v.all, next)
	}
	v.list.Refresh()
	v.list.Select(i)
	v.show(i)
	snapshot := clone(next)
	// Saves go in the order the actions were made: a reply and then a
	// resolution must not land the other way round.
	before, done := v.lastSave, make(chan struct{})
	v.lastSave = done
	go func() {
		if before != nil {
			<-before
		}
		err := notes.SaveComment(v.opt.Ctx, v.opt.Store, snapshot)
		close(done)
		fyne.Do(func() {
			if err == nil {
				if v.opt.OnSaved != nil {
					v.opt.OnSaved()
				}
				return
			}
			dialog.ShowError(i18n.Errorf("the comment was not saved: %w", err), v.win)
			if i < len(v.all) && v.all[i] == next {
				if prev == nil {
					v.all = v.all[:i]
				} else {
					v.all[i] = prev
				}
				v.list.Refresh()
			}
		})
	}()
}

func clone(c *comments.Comment) *comments.Comment {
	out := *c
	out.Events = append([]comments.Event(nil), c.Events...)
	return &out
}

func (v *CommentsDialog) doAdd() {
	c, err := comments.New(v.opt.Article, "", v.quote.Text, v.note.Text, v.opt.Author, v.opt.Now())
	if err != nil {
		dialog.ShowError(err, v.win)
		return
	}
	v.quote.SetText("")
	v.note.SetText("")
	v.put(len(v.all), c)
}

func (v *CommentsDialog) doReply() {
	if v.selected < 0 {
		return
	}
	c := clone(v.all[v.selected])
	if err := c.Reply(v.opt.Author, v.reply.Text, v.opt.Now()); err != nil {
		dialog.ShowError(err, v.win)
		return
	}
	v.reply.SetText("")
	v.put(v.selected, c)
}

func (v *CommentsDialog) doToggle() {
	if v.selected < 0 {
		return
	}
	c := clone(v.all[v.selected])
	var err error
	if c.Resolved {
		err = c.Reopen(v.opt.Author, v.opt.Now())
	} else {
		err = c.Resolve(v.opt.Author, v.opt.Now())
	}
	if err != nil {
		dialog.ShowError(err, v.win)
		return
	}
	v.put(v.selected, c)
}
