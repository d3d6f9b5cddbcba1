package metapanel

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
)

// bylineList edits the bylines and credits: a name, a role and a title
// (optional) a line,
// with buttons to move a line up or down or remove it.
type bylineList struct {
	w       Window
	Rows    []*bylineRow
	box     *fyne.Container
	Add     *widget.Button
	content fyne.CanvasObject
	changed func()
	enabled bool
}

type bylineRow struct {
	Name  *field.Entry
	Role  *widget.Select
	Title *field.Entry // "Moscow correspondent" (NITF byttl)
	Up    *widget.Button
	Down  *widget.Button
	Del   *widget.Button
}

// roleLabels are dictionary keys: the role list shows and compares
// i18n.T(label).
var roleLabels = map[editor.Role]string{
	editor.RoleWriter: i18n.Key("Writer"), editor.RolePhotographer: i18n.Key("Photographer"),
	editor.RoleEditor: i18n.Key("Editor"), editor.RoleTranslator: i18n.Key("Translator"),
}

func newBylineList(w Window, prefs Settings, changed func()) *bylineList {
	l := &bylineList{w: w, changed: changed, box: container.NewVBox(), enabled: true}
	l.Add = widget.NewButtonWithIcon(i18n.T("Add byline"), theme.ContentAddIcon(), func() {
		name := ""
		if len(l.Rows) == 0 {
			name = prefs.Name()
		}
		l.Rows = append(l.Rows, l.newRow(editor.Byline{Name: name, Role: editor.RoleWriter}))
		l.rebuild()
		w.Canvas().Focus(l.Rows[len(l.Rows)-1].Name)
		l.changed()
	})
	l.content = container.NewVBox(l.box, container.NewHBox(l.Add, layout.NewSpacer()))
	return l
}

func (l *bylineList) newRow(b editor.Byline) *bylineRow {
	r := &bylineRow{}
	r.Name = l.w.NewEntry(false)
	r.Name.SetPlaceHolder(i18n.T("Name"))
	r.Name.SetText(b.Name)
	r.Name.OnChanged = func(string) { l.changed() }
	r.Title = l.w.NewEntry(false)
	r.Title.SetPlaceHolder(i18n.T("Title: Moscow correspondent"))
	r.Title.SetText(b.Title)
	r.Title.OnChanged = func(string) { l.changed() }
	var roles []string
	for _, k := range editor.Roles {
		roles = append(roles, i18n.T(roleLabels[k]))
	}
	r.Role = widget.NewSelect(roles, nil)
	role := b.Role
	if !role.Valid() {
		role = editor.RoleWriter
	}
	r.Role.SetSelected(i18n.T(roleLabels[role]))
	r.Role.OnChanged = func(string) { l.changed() }
	r.Up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { l.move(r, -1) })
	r.Down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { l.move(r, 1) })
	r.Del = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { l.remove(r) })
	return r
}

func (l *bylineList) index(r *bylineRow) int {
	for i, x := range l.Rows {
		if x == r {
			return i
		}
	}
	return -1
}

func (l *bylineList) move(r *bylineRow, d int) {
	i := l.index(r)
	j := i + d
	if i < 0 || j < 0 || j >= len(l.Rows) {
		return
	}
	l.Rows[i], l.Rows[j] = l.Rows[j], l.Rows[i]
	l.rebuild()
	l.changed()
}

func (l *bylineList) remove(r *bylineRow) {
	i := l.index(r)
	if i < 0 {
		return
	}
	l.Rows = append(l.Rows[:i], l.Rows[i+1:]...)
	l.rebuild()
	l.changed()
}

func (l *bylineList) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(l.Rows))
	for i, r := range l.Rows {
		if i == 0 {
			r.Up.Disable()
		} else if l.enabled {
			r.Up.Enable()
		}
		if i == len(l.Rows)-1 {
			r.Down.Disable()
		} else if l.enabled {
			r.Down.Enable()
		}
		// Two lines: the panel is narrow, and a name needs the width.
		objs = append(objs, container.NewVBox(
			container.NewBorder(nil, nil, nil, r.Del, r.Name),
			container.NewBorder(nil, nil, nil, container.NewHBox(r.Up, r.Down), r.Role),
			r.Title))
		if i < len(l.Rows)-1 {
			objs = append(objs, widget.NewSeparator())
		}
	}
	l.box.Objects = objs
	l.box.Refresh()
}

// load shows bs.
func (l *bylineList) load(bs []editor.Byline) {
	l.Rows = l.Rows[:0]
	for _, b := range bs {
		l.Rows = append(l.Rows, l.newRow(b))
	}
	l.rebuild()
	l.setEnabled(l.enabled)
}

// bylines returns the lines with a name; a line just added and not yet
// filled in is left out, so that it does not stop the draft being saved.
func (l *bylineList) Bylines() []editor.Byline {
	var out []editor.Byline
	for _, r := range l.Rows {
		name := strings.TrimSpace(r.Name.Text)
		if name == "" {
			continue
		}
		role := editor.RoleWriter
		for k, label := range roleLabels {
			if i18n.T(label) == r.Role.Selected {
				role = k
			}
		}
		out = append(out, editor.Byline{Name: name, Role: role, Title: strings.Join(strings.Fields(r.Title.Text), " ")})
	}
	return out
}

func (l *bylineList) setEnabled(on bool) {
	l.enabled = on
	for _, r := range l.Rows {
		for _, d := range []fyne.Disableable{r.Name, r.Role, r.Title, r.Del} {
			if on {
				d.Enable()
			} else {
				d.Disable()
			}
		}
	}
	if on {
		l.Add.Enable()
	} else {
		l.Add.Disable()
	}
	l.rebuild()
}

// tagChips shows the tags as chips (remove with ×) and an entry that adds
// a tag on Return, suggesting tags already in the library.
type tagChips struct {
	w           Window
	Tags        []string
	chips       *fyne.Container
	Entry       *field.Entry
	Suggestions *fyne.Container
	content     fyne.CanvasObject
	known       []string // tags in the library, most used first
	changed     func()
	enabled     bool
}

// maxSuggestions is how many library tags are offered under the entry.
const maxSuggestions = 6

func newTagChips(w Window, changed func()) *tagChips {
	t := &tagChips{w: w, changed: changed, enabled: true,
		chips:       container.New(layout.NewRowWrapLayout()),
		Suggestions: container.New(layout.NewRowWrapLayout())}
	t.Entry = w.NewEntry(false)
	t.Entry.SetPlaceHolder(i18n.T("Add a tag and press Return"))
	t.Entry.OnChanged = func(string) { t.suggest() }
	t.Entry.OnSubmitted = func(s string) { t.add(s) }
	t.content = container.NewVBox(t.chips, t.Entry, t.Suggestions)
	return t
}

// add adds tag unless the story has it already (in any case).
func (t *tagChips) add(tag string) {
	tag = strings.Join(strings.Fields(tag), " ")
	if tag == "" {
		return
	}
	t.Entry.SetText("")
	norm := editor.NormalizeTags(append(append([]string(nil), t.Tags...), tag))
	if len(norm) == len(t.Tags) {
		return
	}
	t.Tags = norm
	t.rebuild()
	t.changed()
}

func (t *tagChips) remove(tag string) {
	for i, x := range t.Tags {
		if x == tag {
			t.Tags = append(t.Tags[:i], t.Tags[i+1:]...)
			break
		}
	}
	t.rebuild()
	t.changed()
}

func (t *tagChips) load(tags []string) {
	t.Tags = append([]string(nil), tags...)
	t.Entry.SetText("")
	t.rebuild()
}

func (t *tagChips) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(t.Tags))
	for _, tag := range t.Tags {
		b := widget.NewButtonWithIcon(tag, theme.CancelIcon(), func() { t.remove(tag) })
		b.IconPlacement = widget.ButtonIconTrailingText
		if !t.enabled {
			b.Disable()
		}
		objs = append(objs, b)
	}
	t.chips.Objects = objs
	t.chips.Refresh()
	t.suggest()
}

// SetKnown gives the tags in the library for suggestions.
func (t *tagChips) SetKnown(tags []string) { t.known = tags }

// suggest offers library tags that start with (or contain) what is typed.
func (t *tagChips) suggest() {
	q := editor.TagKey(t.Entry.Text)
	var objs []fyne.CanvasObject
	if q != "" {
		var starts, contains []string
		for _, k := range t.known {
			key := editor.TagKey(k)
			if hasTag(t.Tags, k) {
				continue
			}
			switch {
			case strings.HasPrefix(key, q):
				starts = append(starts, k)
			case strings.Contains(key, q):
				contains = append(contains, k)
			}
		}
		for _, k := range append(starts, contains...) {
			if len(objs) == maxSuggestions {
				break
			}
			b := widget.NewButton(k, func() {
				t.add(k)
				t.w.Canvas().Focus(t.Entry) // go on typing tags
			})
			b.Importance = widget.LowImportance
			objs = append(objs, b)
		}
	}
	t.Suggestions.Objects = objs
	t.Suggestions.Refresh()
}

func hasTag(tags []string, tag string) bool {
	k := editor.TagKey(tag)
	for _, x := range tags {
		if editor.TagKey(x) == k {
			return true
		}
	}
	return false
}

func (t *tagChips) setEnabled(on bool) {
	t.enabled = on
	if on {
		t.Entry.Enable()
	} else {
		t.Entry.Disable()
	}
	t.rebuild()
}
