package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/blockedit"
	"copydesk/app/i18n"
	appreview "copydesk/app/review"
	"copydesk/editor/comments"
	"copydesk/storage/notes"
)

// The Comments tab beside the copy (#17): the open story's comments, open
// ones first, each with its quoted words, author, time and place; Show
// selects the words in the copy, Reply / resolve… opens Article ›
// Comments… on that comment. The tab reads the comments again when the
// story opens, when a comment is saved here, and when another desk changes
// the story (applyChanges).

// commentsMargin is the Comments tab's content.
type commentsMargin struct {
	w      *Window
	cards  *fyne.Container
	count  *widget.Label
	scroll *container.Scroll
	gen    uint64 // counts reads: an overtaken one is dropped
	shown  []*comments.Comment
	item   *container.TabItem
}

func newCommentsMargin(w *Window) *commentsMargin {
	m := &commentsMargin{w: w, cards: container.NewVBox(), count: widget.NewLabel("")}
	m.count.Wrapping = fyne.TextWrapWord
	// Scrolled both ways: the cards' buttons (longer in Russian) never make
	// the right-hand panel, and so the window, wider; the cards fill the
	// panel's width and their text wraps in it.
	m.scroll = container.NewScroll(container.NewVBox(m.count, m.cards))
	return m
}

// tab is the Comments tab of the right-hand tabs.
func (m *commentsMargin) tab() *container.TabItem {
	m.item = container.NewTabItem(i18n.T("Comments"), container.New(marginWidth{}, m.scroll))
	return m.item
}

// marginMinWidth is the width the right-hand panel keeps for the margin:
// enough for its three tabs' names in English (Metadata, Checks and
// Comments: 248 px of buttons in the default theme; at 248 the bar still
// put Comments behind its "…" on a 1024-pixel screen, at 264 it showed
// all three). The cards themselves scroll sideways rather than ask for
// more.
const marginMinWidth = 264

// marginWidth lays its one object over its whole size, asking for
// marginMinWidth across and the object's own height.
type marginWidth struct{}

func (marginWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (marginWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(marginMinWidth, h)
}

// reload reads the open story's comments off the UI goroutine and shows
// them anchored to the copy as edited now, when the tab is shown (a story
// opened with the tab hidden costs no read: the tab reads when selected).
func (m *commentsMargin) reload() {
	m.gen++
	gen := m.gen
	w := m.w
	if w.rightTabs == nil || w.rightTabs.Selected() != m.item {
		return
	}
	if w.doc == nil || !w.doc.IsStored() || w.store == nil {
		m.show(nil, nil)
		return
	}
	a := w.Article()
	libHost{w}.Go(func() {
		cs, err := notes.Comments(w.ctx, w.store, a.ID)
		if err == nil {
			comments.Reanchor(cs, a)
		}
		w.cfg.do(func() {
			if gen == m.gen && !w.closing {
				m.show(cs, err)
			}
		})
	})
}

// show lays the cards out: open comments (orphaned ones among them) in
// the order of the copy, then a line for the resolved ones.
func (m *commentsMargin) show(cs []*comments.Comment, err error) {
	m.cards.RemoveAll()
	m.shown = nil
	if err != nil {
		m.count.SetText(i18n.Tf("The comments could not be read: %s", err))
		return
	}
	resolved := 0
	for _, c := range cs {
		if c.Resolved {
			resolved++
			continue
		}
		m.shown = append(m.shown, c)
	}
	sortByPlace(m.shown)
	switch {
	case len(cs) == 0:
		m.count.SetText(i18n.T("No comments. Select words in the copy, then Article › Comments… (Ctrl+Alt+M)."))
	case resolved > 0:
		m.count.SetText(i18n.N("%d open", len(m.shown), len(m.shown)) + " · " + i18n.N("%d resolved", resolved, resolved))
	default:
		m.count.SetText(i18n.N("%d open", len(m.shown), len(m.shown)))
	}
	for _, c := range m.shown {
		m.cards.Add(m.card(c))
	}
	m.cards.Refresh()
}

// card is one comment: the quoted words, who and when and where, the
// note, the replies, and its two buttons.
func (m *commentsMargin) card(c *comments.Comment) fyne.CanvasObject {
	quote := widget.NewLabelWithStyle("«"+oneLine(c.Quote)+"»", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	quote.Wrapping = fyne.TextWrapWord
	meta := widget.NewLabel(strings.Join(nonEmpty(c.Author, i18n.FormatTime(c.Time.In(m.w.cfg.Location), "2 Jan 15:04"), place(c)), " · "))
	meta.Wrapping = fyne.TextWrapWord
	meta.Importance = widget.MediumImportance
	note := widget.NewLabel(c.Note)
	note.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{quote, meta, note}
	for _, r := range c.Replies() {
		l := widget.NewLabel("↳ " + strings.Join(nonEmpty(r.Author, r.Text), ": "))
		l.Wrapping = fyne.TextWrapWord
		parts = append(parts, l)
	}
	id := c.ID
	show := widget.NewButton(i18n.T("Show"), func() { m.showWords(id) })
	if c.Orphaned {
		show.Disable()
	}
	open := widget.NewButton(i18n.T("Reply / resolve…"), func() { m.w.openComment(id) })
	parts = append(parts, container.NewGridWithColumns(2, show, open), widget.NewSeparator())
	return container.NewVBox(parts...)
}

// showWords selects comment id's words in the copy.
func (m *commentsMargin) showWords(id string) {
	for _, c := range m.shown {
		if c.ID == id {
			m.w.selectAnchor(c.Anchor)
			return
		}
	}
}

// selectAnchor puts the keyboard on the anchored words, selected in the
// body (the headline and standfirst get the caret).
func (w *Window) selectAnchor(an comments.Anchor) {
	if an.Field != comments.Body {
		w.jump(an.Field, 0, 0, 0)
		return
	}
	if an.Start < 0 || an.End > len(an.Context) || an.Start > an.End {
		return
	}
	start := utf8.RuneCountInString(an.Context[:an.Start])
	end := start + utf8.RuneCountInString(an.Context[an.Start:an.End])
	w.centreTabs.Select(w.editTab)
	if !w.pane.body.SelectMatch(blockedit.Match{Block: an.Block, Start: start, End: end, Text: an.Context[an.Start:an.End]}) {
		w.pane.body.FocusBlock(an.Block, start)
	}
}

// openComment opens Article › Comments… on comment id.
func (w *Window) openComment(id string) {
	if w.doc == nil {
		return
	}
	appreview.ShowComments(w.win, appreview.CommentOptions{Ctx: w.ctx, Store: w.store, Article: w.Article(),
		Author: w.settings.Name(), Now: w.cfg.Now, Present: w.present, Select: id, OnSaved: w.margin.reload})
}

// place is where a comment's words are: the headline, the standfirst or
// a paragraph of the body.
func place(c *comments.Comment) string {
	switch {
	case c.Orphaned:
		return i18n.T("the words are gone")
	case c.Anchor.Field == comments.Headline:
		return i18n.T("headline")
	case c.Anchor.Field == comments.Standfirst:
		return i18n.T("standfirst")
	}
	return i18n.Tf("¶%d", c.Anchor.Block+1)
}

// sortByPlace orders comments as their words stand in the copy, the
// orphaned ones last.
func sortByPlace(cs []*comments.Comment) {
	rank := func(c *comments.Comment) [3]int {
		if c.Orphaned {
			return [3]int{4, 0, 0}
		}
		f := map[string]int{comments.Headline: 0, comments.Standfirst: 1, comments.Body: 2}[c.Anchor.Field]
		return [3]int{f, c.Anchor.Block, c.Anchor.Start}
	}
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && less(rank(cs[j]), rank(cs[j-1])); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
