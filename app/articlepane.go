package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/blockedit"
	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
)

// articlePane is the centre's Edit tab: headline, standfirst, the find bar
// and the body.
type articlePane struct {
	w           *Window
	headline    *field.Entry
	standfirst  *field.Entry
	fieldBoxes  [2]*fyne.Container // headline and standfirst, with their spelling marks over them
	dateline    *widget.Label      // the dateline in house style, as it will lead the copy
	datelineRow *fyne.Container    // holds dateline, in line with the body's text
	body        *blockedit.Editor
	find        *findBar
	limits      *limitCounters
	banner      *lockBanner // another desk holds the story
	content     fyne.CanvasObject
}

func newArticlePane(w *Window) *articlePane {
	p := &articlePane{w: w, limits: newLimitCounters(w)}
	p.headline = newFieldEntry(w, false)
	p.headline.SetPlaceHolder(i18n.T("Headline"))
	p.headline.TextStyle = fyne.TextStyle{Bold: true}
	p.headline.OnChanged = func(string) {
		if !w.loading {
			w.updateTitle()
			p.limits.update()
		}
		w.edited()
	}
	p.headline.OnReturn = func() bool { w.win.Canvas().Focus(p.standfirst); return true }

	p.standfirst = newFieldEntry(w, true)
	p.standfirst.SetPlaceHolder(i18n.T("Standfirst: the story in one sentence"))
	p.standfirst.Wrapping = fyne.TextWrapWord
	p.standfirst.SetMinRowsVisible(2)
	p.standfirst.OnChanged = func(string) {
		if !w.loading {
			p.limits.update()
		}
		w.edited()
	}
	// Return leaves the standfirst for the body: it is one sentence.
	p.standfirst.OnReturn = func() bool { p.body.FocusBlock(0, 0); return true }

	p.body = blockedit.New()
	p.body.OnChanged = func() {
		w.status.setCounts(p.body.Counts())
		if !w.loading {
			p.limits.update()
		}
		w.edited()
	}
	p.body.OnShortcut = w.shortcut
	p.body.OnFocusLeft = func(s string) { w.lastSelected = s }
	for _, e := range []*field.Entry{p.headline, p.standfirst} {
		e.OnFocusLost = func() { w.lastSelected = e.SelectedText() }
	}
	p.find = newFindBar(w, p.body)

	p.dateline = widget.NewLabel("")
	p.dateline.TextStyle = fyne.TextStyle{Bold: true}
	p.dateline.Hide()
	p.datelineRow = container.New(&datelineLayout{body: p.body}, p.dateline)

	p.banner = newLockBanner(w)
	p.fieldBoxes = [2]*fyne.Container{container.NewStack(p.headline), container.NewStack(p.standfirst)}
	top := container.NewVBox(p.banner.content,
		container.NewBorder(nil, nil, nil, p.limits.headline, p.fieldBoxes[0]),
		container.NewBorder(nil, nil, nil, p.limits.standfirst, p.fieldBoxes[1]),
		p.find.content, p.datelineRow)
	p.content = container.NewBorder(top, nil, nil, nil, p.body)
	return p
}

// load fills the pane from a without calling OnChanged's edits (the window
// is loading).
func (p *articlePane) load(a *editor.Article) {
	p.headline.SetText(a.Headline)
	p.standfirst.SetText(a.Standfirst)
	p.body.SetBody(a.Body)
	p.find.matchesChanged()
}

// setDateline shows the dateline the copy will open with ("" hides it).
func (p *articlePane) setDateline(text string) {
	p.dateline.SetText(text)
	if text == "" {
		p.dateline.Hide()
	} else {
		p.dateline.Show()
		p.datelineRow.Refresh() // lay the label out at the row's width now
	}
}

// apply writes the pane's fields into a.
func (p *articlePane) apply(a *editor.Article) {
	a.Headline = p.headline.Text
	a.Standfirst = p.standfirst.Text
	a.Body = p.body.Body()
}

func (p *articlePane) setEnabled(on bool) {
	if on {
		p.headline.Enable()
		p.standfirst.Enable()
	} else {
		p.headline.Disable()
		p.standfirst.Disable()
	}
	p.body.SetReadOnly(!on)
}

// newFieldEntry is an entry that hands w the shortcuts it does not use
// itself, and offers w's spelling suggestions for a marked word.
func newFieldEntry(w *Window, multiLine bool) *field.Entry {
	return field.NewEntry(fieldHost{w}, multiLine)
}

// findBar is find and replace over the whole body (Ctrl+F, Ctrl+H).
type findBar struct {
	w       *Window
	body    *blockedit.Editor
	query   *field.Entry
	with    *field.Entry
	count   *widget.Label
	matchCs *widget.Check
	whole   *widget.Check
	replRow *fyne.Container
	content *fyne.Container
	cur     blockedit.Match
	has     bool
}

func newFindBar(w *Window, body *blockedit.Editor) *findBar {
	f := &findBar{w: w, body: body, count: widget.NewLabel("")}
	f.query = newFieldEntry(w, false)
	f.query.SetPlaceHolder(i18n.T("Find in the body"))
	f.query.OnChanged = func(string) { f.queryChanged() }
	f.query.OnReturn = func() bool { f.next(true); return true }
	f.query.OnEscape = f.hide
	f.with = newFieldEntry(w, false)
	f.with.SetPlaceHolder(i18n.T("Replace with"))
	f.with.OnReturn = func() bool { f.replace(); return true }
	f.with.OnEscape = f.hide
	f.matchCs = widget.NewCheck(i18n.T("Match case"), func(bool) { f.queryChanged() })
	f.whole = widget.NewCheck(i18n.T("Whole words"), func(bool) { f.queryChanged() })
	// Icon buttons, the options and the count on a row of their own, and
	// a count that truncates: in one row at full width they made the
	// window wider than a 1024-pixel screen once a count showed.
	f.count.Truncation = fyne.TextTruncateEllipsis
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.next(false) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.next(true) })
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), f.hide)
	findRow := container.NewBorder(nil, nil, nil, container.NewHBox(prev, next, closeB), f.query)
	optsRow := container.NewBorder(nil, nil, container.NewHBox(f.matchCs, f.whole), nil, f.count)
	one := widget.NewButton(i18n.T("Replace"), f.replace)
	all := widget.NewButton(i18n.T("Replace all"), f.replaceAll)
	f.replRow = container.NewBorder(nil, nil, nil, container.NewHBox(one, all), f.with)
	f.content = container.NewVBox(findRow, optsRow, f.replRow)
	f.content.Hide()
	return f
}

func (f *findBar) opts() blockedit.FindOptions {
	return blockedit.FindOptions{MatchCase: f.matchCs.Checked, WholeWord: f.whole.Checked}
}

// show opens the bar, with the replace row when replace is set.
func (f *findBar) show(replace bool) {
	if replace {
		f.replRow.Show()
	} else {
		f.replRow.Hide()
	}
	f.content.Show()
	f.queryChanged()
	f.w.win.Canvas().Focus(f.query)
}

func (f *findBar) hide() {
	f.content.Hide()
	f.body.FocusCaret()
}

// queryChanged recounts the matches and shows the first from the caret
// as the query is typed: the count alone ("1 match") with nothing lit
// until Next looked like a fault.
func (f *findBar) queryChanged() {
	f.has = false
	if f.matchesChanged() > 0 {
		f.cur, f.has = f.body.FindFirst(f.query.Text, f.opts())
	}
}

// matchesChanged recounts the matches shown beside the query and returns
// how many there are.
func (f *findBar) matchesChanged() int {
	if !f.content.Visible() || f.query.Text == "" {
		f.count.SetText("")
		return 0
	}
	n := len(f.body.Find(f.query.Text, f.opts()))
	if n == 0 {
		f.count.SetText(i18n.T("not found"))
	} else {
		f.count.SetText(i18n.N("%s matches", n, field.Thousands(n)))
	}
	return n
}

// next shows the next (or previous) match after the caret.
func (f *findBar) next(forward bool) {
	if f.query.Text == "" {
		return
	}
	var ok bool
	if forward {
		f.cur, ok = f.body.FindNext(f.query.Text, f.opts())
	} else {
		f.cur, ok = f.body.FindPrev(f.query.Text, f.opts())
	}
	f.has = ok
	if !ok {
		f.count.SetText(i18n.T("not found"))
	}
	// The body showed the match; the keyboard stays in the bar so that
	// Return finds the next one.
	f.w.win.Canvas().Focus(f.query)
}

// replace puts the replacement in place of the current match and shows
// the next one.
func (f *findBar) replace() {
	if !f.has {
		f.next(true)
		if !f.has {
			return
		}
	}
	if !f.body.Replace(f.cur, f.with.Text) { // OnChanged marks the edit
		f.has = false
		f.matchesChanged()
		return
	}
	f.has = false
	// Say what was done and what is left: a bare "not found" after the
	// last match was replaced read as if the replace had failed.
	n := f.matchesChanged()
	if n == 0 {
		f.count.SetText(i18n.T("replaced, none left"))
		return
	}
	f.next(true)
	f.count.SetText(i18n.T("replaced, ") + field.Thousands(n) + i18n.T(" left"))
}

func (f *findBar) replaceAll() {
	if f.query.Text == "" {
		return
	}
	n := f.body.ReplaceAll(f.query.Text, f.with.Text, f.opts())
	f.has = false
	f.matchesChanged()
	f.count.SetText(i18n.T("replaced ") + field.Thousands(n))
}

// datelineLayout puts the dateline in line with the body's text: the body
// is a column of bounded measure, centred in a wide editor, so a fixed
// inset left the dateline at the pane's edge while the text moved in.
// The row is as wide as the body (they share the pane's column).
type datelineLayout struct{ body *blockedit.Editor }

func (l *datelineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// The label draws its text an inner padding in from its own edge.
	x := l.body.TextLeft(size.Width) - theme.InnerPadding()
	for _, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(size.Width-x, 0), size.Height))
	}
}

// MinSize is the label's height less a padding, so that the dateline sits
// tight above the body; hidden, it takes back the padding the box puts
// before it as well.
func (l *datelineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(0, h-theme.Padding())
}
