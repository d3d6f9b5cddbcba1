package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// bylineList edits the bylines and credits: a name, a role and a title
// (optional) a line,
// with buttons to move a line up or down or remove it.
type bylineList struct {
	w       *Window
	rows    []*bylineRow
	box     *fyne.Container
	add     *widget.Button
	content fyne.CanvasObject
	changed func()
	enabled bool
}

type bylineRow struct {
	name  *fieldEntry
	role  *widget.Select
	title *fieldEntry // "Moscow correspondent" (NITF byttl)
	up    *widget.Button
	down  *widget.Button
	del   *widget.Button
}

var roleLabels = map[editor.Role]string{
	editor.RoleWriter: "Writer", editor.RolePhotographer: "Photographer",
	editor.RoleEditor: "Editor", editor.RoleTranslator: "Translator",
}

func newBylineList(w *Window, changed func()) *bylineList {
	l := &bylineList{w: w, changed: changed, box: container.NewVBox(), enabled: true}
	l.add = widget.NewButtonWithIcon("Add byline", theme.ContentAddIcon(), func() {
		name := ""
		if len(l.rows) == 0 {
			name = w.settings.Name()
		}
		l.rows = append(l.rows, l.newRow(editor.Byline{Name: name, Role: editor.RoleWriter}))
		l.rebuild()
		w.win.Canvas().Focus(l.rows[len(l.rows)-1].name)
		l.changed()
	})
	l.content = container.NewVBox(l.box, container.NewHBox(l.add, layout.NewSpacer()))
	return l
}

func (l *bylineList) newRow(b editor.Byline) *bylineRow {
	r := &bylineRow{}
	r.name = newFieldEntry(l.w, false)
	r.name.SetPlaceHolder("Name")
	r.name.SetText(b.Name)
	r.name.OnChanged = func(string) { l.changed() }
	r.title = newFieldEntry(l.w, false)
	r.title.SetPlaceHolder("Title: Moscow correspondent")
	r.title.SetText(b.Title)
	r.title.OnChanged = func(string) { l.changed() }
	var roles []string
	for _, k := range editor.Roles {
		roles = append(roles, roleLabels[k])
	}
	r.role = widget.NewSelect(roles, nil)
	role := b.Role
	if !role.Valid() {
		role = editor.RoleWriter
	}
	r.role.SetSelected(roleLabels[role])
	r.role.OnChanged = func(string) { l.changed() }
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { l.move(r, -1) })
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { l.move(r, 1) })
	r.del = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { l.remove(r) })
	return r
}

func (l *bylineList) index(r *bylineRow) int {
	for i, x := range l.rows {
		if x == r {
			return i
		}
	}
	return -1
}

func (l *bylineList) move(r *bylineRow, d int) {
	i := l.index(r)
	j := i + d
	if i < 0 || j < 0 || j >= len(l.rows) {
		return
	}
	l.rows[i], l.rows[j] = l.rows[j], l.rows[i]
	l.rebuild()
	l.changed()
}

func (l *bylineList) remove(r *bylineRow) {
	i := l.index(r)
	if i < 0 {
		return
	}
	l.rows = append(l.rows[:i], l.rows[i+1:]...)
	l.rebuild()
	l.changed()
}

func (l *bylineList) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(l.rows))
	for i, r := range l.rows {
		if i == 0 {
			r.up.Disable()
		} else if l.enabled {
			r.up.Enable()
		}
		if i == len(l.rows)-1 {
			r.down.Disable()
		} else if l.enabled {
			r.down.Enable()
		}
		// Two lines: the panel is narrow, and a name needs the width.
		objs = append(objs, container.NewVBox(
			container.NewBorder(nil, nil, nil, r.del, r.name),
			container.NewBorder(nil, nil, nil, container.NewHBox(r.up, r.down), r.role),
			r.title))
		if i < len(l.rows)-1 {
			objs = append(objs, widget.NewSeparator())
		}
	}
	l.box.Objects = objs
	l.box.Refresh()
}

// load shows bs.
func (l *bylineList) load(bs []editor.Byline) {
	l.rows = l.rows[:0]
	for _, b := range bs {
		l.rows = append(l.rows, l.newRow(b))
	}
	l.rebuild()
	l.setEnabled(l.enabled)
}

// bylines returns the lines with a name; a line just added and not yet
// filled in is left out, so that it does not stop the draft being saved.
func (l *bylineList) bylines() []editor.Byline {
	var out []editor.Byline
	for _, r := range l.rows {
		name := strings.TrimSpace(r.name.Text)
		if name == "" {
			continue
		}
		role := editor.RoleWriter
		for k, label := range roleLabels {
			if label == r.role.Selected {
				role = k
			}
		}
		out = append(out, editor.Byline{Name: name, Role: role, Title: strings.Join(strings.Fields(r.title.Text), " ")})
	}
	return out
}

func (l *bylineList) setEnabled(on bool) {
	l.enabled = on
	for _, r := range l.rows {
		for _, d := range []fyne.Disableable{r.name, r.role, r.title, r.del} {
			if on {
				d.Enable()
			} else {
				d.Disable()
			}
		}
	}
	if on {
		l.add.Enable()
	} else {
		l.add.Disable()
	}
	l.rebuild()
}

// tagChips shows the tags as chips (remove with ×) and an entry that adds
// a tag on Return, suggesting tags already in the library.
type tagChips struct {
	w           *Window
	tags        []string
	chips       *fyne.Container
	entry       *fieldEntry
	suggestions *fyne.Container
	content     fyne.CanvasObject
	known       []string // tags in the library, most used first
	changed     func()
	enabled     bool
}

// maxSuggestions is how many library tags are offered under the entry.
const maxSuggestions = 6

func newTagChips(w *Window, changed func()) *tagChips {
	t := &tagChips{w: w, changed: changed, enabled: true,
		chips:       container.New(layout.NewRowWrapLayout()),
		suggestions: container.New(layout.NewRowWrapLayout())}
	t.entry = newFieldEntry(w, false)
	t.entry.SetPlaceHolder("Add a tag and press Return")
	t.entry.OnChanged = func(string) { t.suggest() }
	t.entry.OnSubmitted = func(s string) { t.add(s) }
	t.content = container.NewVBox(t.chips, t.entry, t.suggestions)
	return t
}

// add adds tag unless the story has it already (in any case).
func (t *tagChips) add(tag string) {
	tag = strings.Join(strings.Fields(tag), " ")
	if tag == "" {
		return
	}
	t.entry.SetText("")
	norm := editor.NormalizeTags(append(append([]string(nil), t.tags...), tag))
	if len(norm) == len(t.tags) {
		return
	}
	t.tags = norm
	t.rebuild()
	t.changed()
}

func (t *tagChips) remove(tag string) {
	for i, x := range t.tags {
		if x == tag {
			t.tags = append(t.tags[:i], t.tags[i+1:]...)
			break
		}
	}
	t.rebuild()
	t.changed()
}

func (t *tagChips) load(tags []string) {
	t.tags = append([]string(nil), tags...)
	t.entry.SetText("")
	t.rebuild()
}

func (t *tagChips) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(t.tags))
	for _, tag := range t.tags {
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

// setKnown gives the tags in the library for suggestions.
func (t *tagChips) setKnown(tags []string) { t.known = tags }

// suggest offers library tags that start with (or contain) what is typed.
func (t *tagChips) suggest() {
	q := editor.TagKey(t.entry.Text)
	var objs []fyne.CanvasObject
	if q != "" {
		var starts, contains []string
		for _, k := range t.known {
			key := editor.TagKey(k)
			if hasTag(t.tags, k) {
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
				t.w.win.Canvas().Focus(t.entry) // go on typing tags
			})
			b.Importance = widget.LowImportance
			objs = append(objs, b)
		}
	}
	t.suggestions.Objects = objs
	t.suggestions.Refresh()
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
		t.entry.Enable()
	} else {
		t.entry.Disable()
	}
	t.rebuild()
}
