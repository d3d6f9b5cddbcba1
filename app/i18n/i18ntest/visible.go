// Package i18ntest finds the text a window shows, for tests that fail on
// untranslated text. It imports Fyne's test driver, so only tests use it.
package i18ntest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"reflect"
)

// VisibleTexts lists the text a person can read in obj and everything in
// it that is showing: labels, buttons, checks, radio options, selects,
// entries' placeholders, tabs, rich text: whatever ends up as a
// canvas.Text. Entries' own content is the person's text, not the
// window's, and is left out. Hidden objects and their children are
// skipped. Tests use it to find untranslated text in a rendered window.
//
// skip, when not nil, leaves out an object and everything in it: the
// story's own text (the block editor's rows), which is the person's.
func VisibleTexts(obj fyne.CanvasObject, skip func(fyne.CanvasObject) bool) []string {
	var out []string
	walkVisible(obj, skip, func(s string) {
		if s != "" {
			out = append(out, s)
		}
	})
	return out
}

// CanvasTexts is VisibleTexts over a whole canvas: its content, its
// overlays (dialogs, pop-ups) and the texts of its main menu when it has one.
func CanvasTexts(c fyne.Canvas, skip func(fyne.CanvasObject) bool) []string {
	var out []string
	if c.Content() != nil {
		out = append(out, VisibleTexts(c.Content(), skip)...)
	}
	for _, o := range c.Overlays().List() {
		out = append(out, VisibleTexts(o, skip)...)
	}
	return out
}

// MenuTexts lists the labels of a main menu: menus, items, child menus.
func MenuTexts(m *fyne.MainMenu) []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, menu := range m.Items {
		out = append(out, menu.Label)
		out = append(out, menuItemTexts(menu.Items)...)
	}
	return out
}

func menuItemTexts(items []*fyne.MenuItem) []string {
	var out []string
	for _, it := range items {
		if it.IsSeparator {
			continue
		}
		out = append(out, it.Label)
		if it.ChildMenu != nil {
			out = append(out, it.ChildMenu.Label)
			out = append(out, menuItemTexts(it.ChildMenu.Items)...)
		}
	}
	return out
}

// walkVisible calls found for each text of obj and its visible children.
// Widgets are entered through their renderers, so a widget's own
// composition (a button's label, a select's shown option) is covered
// without knowing every widget type.
func walkVisible(obj fyne.CanvasObject, skip func(fyne.CanvasObject) bool, found func(string)) {
	if obj == nil || !obj.Visible() || (skip != nil && skip(obj)) {
		return
	}
	switch o := obj.(type) {
	case *canvas.Text:
		found(o.Text)
		return
	case *widget.Entry:
		entryTexts(o, found)
		return
	case *fyne.Container:
		for _, child := range o.Objects {
			walkVisible(child, skip, found)
		}
		return
	case fyne.Widget:
		if e := embeddedEntry(o); e != nil {
			entryTexts(e, found)
			return
		}
		r := test.WidgetRenderer(o)
		for _, child := range r.Objects() {
			walkVisible(child, skip, found)
		}
	}
}

// entryTexts: the person's text is not the window's; the placeholder is,
// and it shows only while the entry is empty.
func entryTexts(e *widget.Entry, found func(string)) {
	if e.Text == "" {
		found(e.PlaceHolder)
	}
}

// embeddedEntry is the widget.Entry that the window's own entry types
// (field.Entry, the dialogs' entries that close on Escape) embed, or nil.
func embeddedEntry(w fyne.Widget) *widget.Entry {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Entry")
	if !f.IsValid() || !f.CanAddr() || f.Type() != reflect.TypeOf(widget.Entry{}) {
		return nil
	}
	return f.Addr().Interface().(*widget.Entry)
}
