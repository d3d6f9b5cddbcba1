package checks

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor/check"
)

// maxPlaces is how many occurrences of one finding a row quotes; the
// rest are named by paragraph.
const maxPlaces = 4

// contextRunes is how much copy a row quotes on each side of a place.
const contextRunes = 28

// group is one finding and its every occurrence: the same word flagged
// eleven times is one row ("Bortnikov · 11 times"), not eleven.
type group []check.Finding

// groupFindings gathers findings that say the same thing about the same
// text, in the order of their first occurrence.
func groupFindings(fs []check.Finding) []group {
	type key struct {
		kind            check.Kind
		rule, text, msg string
		fix             string
		hasFix          bool
	}
	index := map[key]int{}
	var out []group
	for _, f := range fs {
		k := key{kind: f.Kind, rule: f.Rule, text: f.Text, msg: f.Message}
		if f.Fix != nil {
			k.fix, k.hasFix = *f.Fix, true
		}
		i, seen := index[k]
		if !seen {
			i = len(out)
			index[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], f)
	}
	return out
}

// groupRow is one group: what was found and how often, each place with
// the copy around it (a button that jumps there), and what can be done,
// to every occurrence at once.
func (p *Panel) groupRow(g group) fyne.CanvasObject {
	f := g[0]
	// Not LowImportance: that is the "disabled" colour, too faint to read.
	kind := widget.NewLabelWithStyle(i18n.T(string(f.Kind)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	if f.Kind == check.KindSpelling {
		kind.Importance = widget.DangerImportance
	}
	head := []fyne.CanvasObject{kind}
	if len(g) > 1 {
		times := widget.NewLabelWithStyle(i18n.N("%d times", len(g)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head = append(head, times)
	}
	msg := widget.NewLabel(message(f))
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(container.NewHBox(head...), msg)
	for i, occ := range g {
		if i == maxPlaces {
			box.Add(p.morePlaces(g[i:]))
			break
		}
		box.Add(p.placeRow(occ))
	}
	if actions := p.actions(g); len(actions) > 0 {
		box.Add(container.New(layout.NewRowWrapLayout(), actions...))
	}
	box.Add(widget.NewSeparator())
	return box
}

// placeRow is one occurrence: where (a button that jumps there) and the
// copy around it, the flagged text in bold.
func (p *Panel) placeRow(f check.Finding) fyne.CanvasObject {
	where := widget.NewButton(placeLabel(f.Place), func() {
		if p.opt.OnJump != nil {
			p.opt.OnJump(f)
		}
	})
	where.Importance = widget.LowImportance
	where.Alignment = widget.ButtonAlignLeading
	if p.shown == nil {
		return where
	}
	before, at, after, ok := check.Context(p.shown, f.Place, contextRunes)
	if !ok || at == "" {
		return where
	}
	quote := widget.NewRichText(
		&widget.TextSegment{Text: before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: at, Style: widget.RichTextStyleStrong},
		&widget.TextSegment{Text: after, Style: widget.RichTextStyleInline},
	)
	quote.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, container.NewVBox(where), nil, quote)
}

// morePlaces names the paragraphs of the occurrences not quoted.
func (p *Panel) morePlaces(rest group) fyne.CanvasObject {
	var where []string
	for _, f := range rest {
		w := placeLabel(f.Place)
		if f.Place.Block >= 0 {
			w = "¶" + strconv.Itoa(f.Place.Block+1)
		}
		if len(where) == 0 || where[len(where)-1] != w {
			where = append(where, w)
		}
	}
	l := widget.NewLabel(i18n.Tf("… and %d more: %s", len(rest), strings.Join(where, ", ")))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// actions are the group's fix, suggestions, ignore and add buttons; a fix
// or suggestion is made at every occurrence.
func (p *Panel) actions(g group) []fyne.CanvasObject {
	f := g[0]
	all := ""
	if len(g) > 1 {
		all = i18n.Tf(" (all %d)", len(g))
	}
	var actions []fyne.CanvasObject
	if f.Fix != nil {
		fixBtn := widget.NewButtonWithIcon(i18n.T("Fix: ")+quoteOrRemove(*f.Fix)+all, theme.ConfirmIcon(), func() { p.apply(g, nil) })
		fixBtn.Importance = widget.HighImportance
		actions = append(actions, fixBtn)
	}
	for i, s := range f.Suggestions {
		if i == maxSuggestions {
			break
		}
		actions = append(actions, widget.NewButton(s+all, func() { p.apply(g, &s) }))
	}
	if f.Kind == check.KindSpelling {
		actions = append(actions, widget.NewButton(i18n.T("Ignore"), func() { p.ignore(f.Text) }))
		if p.opt.Store != nil {
			actions = append(actions, widget.NewButtonWithIcon(i18n.T("Add to desk dictionary"), theme.ContentAddIcon(), func() { p.addWord(f.Text) }))
		}
	}
	return actions
}

// message is what the finding says, in the window's language: the core
// gives its English format and arguments, and the format is the key.
func message(f check.Finding) string {
	if f.Format == "" {
		return f.Message
	}
	return i18n.Tf(f.Format, f.Args...)
}
