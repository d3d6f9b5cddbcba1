package checks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/check"
)

// maxRows bounds the findings built as widgets: past that the list says
// how many more there are (a story with hundreds of findings needs its
// language or rules looked at, not a longer list).
const maxRows = 150

// maxSuggestions is how many spelling suggestions a row offers.
const maxSuggestions = 4

// show puts a report on screen. UI goroutine only.
func (p *Panel) show(a *editor.Article, rep check.Report) {
	p.shown, p.report = a, rep

	p.limits.RemoveAll()
	for _, l := range rep.Limits {
		p.limits.Add(limitLabel(l))
	}

	p.notice.SetText(rep.Notice)
	p.notice.Hidden = rep.Notice == ""

	spelling := 0
	for _, f := range rep.Findings {
		if f.Kind == check.KindSpelling {
			spelling++
		}
	}
	switch n := len(rep.Findings); n {
	case 0:
		p.summary.SetText(i18n.T("No spelling or style findings"))
	default:
		p.summary.SetText(i18n.Tf("%s: %d spelling, %d style", i18n.N("%d findings", n), spelling, n-spelling))
	}

	groups := groupFindings(rep.Findings)
	rows := make([]fyne.CanvasObject, 0, len(groups))
	for i, g := range groups {
		if i == maxRows {
			more := widget.NewLabel(i18n.Tf("… and %d more", len(groups)-maxRows))
			more.Importance = widget.LowImportance
			rows = append(rows, more)
			break
		}
		rows = append(rows, p.groupRow(g))
	}
	p.list.Objects = rows
	p.list.Refresh()
	p.Refresh()
	if p.opt.OnChecked != nil {
		p.opt.OnChecked(rep)
	}
}

// limitLabel is "Headline 87/90 characters", a warning when near the
// limit and danger past it.
func limitLabel(l editor.LimitCount) *widget.Label {
	lab := widget.NewLabel(LimitText(l))
	switch {
	case l.Over():
		lab.SetText(LimitText(l) + i18n.T(" — over the limit"))
		lab.Importance = widget.DangerImportance
	case l.Max > 0 && l.Used*10 >= l.Max*9:
		lab.Importance = widget.WarningImportance
	}
	return lab
}

// LimitText is the core's capitalised LimitCount.Label ("Headline 87/90
// characters") in the window's language ("Заголовок 87/90 зн.").
func LimitText(l editor.LimitCount) string {
	field := i18n.T(editor.Capitalise(l.Field))
	switch l.Unit {
	case "chars":
		return i18n.Tf("%s %s characters", field, l.String())
	case "words":
		return i18n.Tf("%s %s words", field, l.String())
	}
	return editor.Capitalise(l.Label())
}

// apply makes a fix (or a suggestion) at every occurrence of a group and
// hands the new article to OnFix. The last occurrence goes first, so the
// offsets of the ones before it still hold.
func (p *Panel) apply(g group, with *string) {
	if p.shown == nil {
		return
	}
	out := p.shown
	for i := len(g) - 1; i >= 0; i-- {
		next, err := check.Apply(out, g[i], with)
		if err != nil {
			p.notice.SetText(err.Error())
			p.notice.Show()
			return
		}
		out = next
	}
	if p.opt.OnFix != nil {
		p.opt.OnFix(out)
	}
	p.CheckNow(out)
}

// ignore passes a word for the rest of the session.
func (p *Panel) ignore(word string) {
	a := p.shown
	go func() {
		c, _, _ := p.loaded()
		c.Speller.Ignore(word)
		p.notifySpelling()
		if a != nil {
			p.CheckNow(a)
		}
	}()
}

// placeLabel is the place as the panel names it: "Body ¶3", "Headline".
// Not the offset ("at 256"): the row quotes the copy around it instead.
func placeLabel(pl check.Place) string {
	name := i18n.T(fieldNames[pl.Field])
	if name == "" {
		name = pl.Field
	}
	if pl.Block >= 0 {
		name += i18n.Tf(" ¶%d", pl.Block+1)
	}
	return name
}

// fieldNames are the English names, translated where they are shown.
var fieldNames = map[string]string{
	"headline": i18n.Key("Headline"), "standfirst": i18n.Key("Standfirst"), "photo.caption": i18n.Key("Caption"),
	"body": i18n.Key("Body"), "correction": i18n.Key("Correction"), "dateline": i18n.Key("Dateline"),
	"dateline.place": i18n.Key("Dateline place"), "dateline.date": i18n.Key("Dateline date"),
	"dateline.source": i18n.Key("Dateline agency"), "dateline.region": i18n.Key("Dateline region"),
}

func quoteOrRemove(s string) string {
	if s == "" {
		return i18n.T("remove")
	}
	return i18n.Tf("“%s”", s)
}
