package app

import (
	"strings"

	"fyne.io/fyne/v2"
)

// Help › Keyboard shortcuts lists the menus' shortcuts as the menus have
// them, so the list cannot drift from the keys; then the keys of the
// body, which are no menu items.

// shortcutNotes say more about a menu item in the list, by its path.
var shortcutNotes = map[string]string{
	"Edit › Undo":                 "across paragraphs in the body",
	"Edit › Find…":                "in the body",
	"Edit › Replace…":             "in the body",
	"Edit › Spelling suggestions": "for the underlined word at the caret; or right-click it",
	"Article › Comments…":         "on the selected words",
}

// bodyKeys are the keys of the editor itself.
var bodyKeys = [][2]string{
	{"Enter", "New paragraph (in the body); next field (headline, standfirst)"},
	{"Backspace at the start", "Join with the paragraph above"},
	{"Ctrl+1 / Ctrl+2 / Ctrl+Q", "Paragraph / subhead / quote"},
	{"Shift+Up/Down at a paragraph's edge", "Select whole paragraphs"},
	{"Ctrl+A twice", "Select the whole body"},
}

// shortcutRows are the rows of Help › Keyboard shortcuts: key, what it
// does.
func shortcutRows(m *fyne.MainMenu) [][2]string {
	var rows [][2]string
	var visit func(path string, items []*fyne.MenuItem)
	visit = func(path string, items []*fyne.MenuItem) {
		for _, it := range items {
			p := path + " › " + it.Label
			if it.ChildMenu != nil {
				visit(p, it.ChildMenu.Items)
			}
			if it.Shortcut == nil {
				continue
			}
			what := p
			if n := shortcutNotes[p]; n != "" {
				what += " (" + n + ")"
			}
			rows = append(rows, [2]string{shortcutName(it.Shortcut), what})
		}
	}
	if m != nil {
		for _, menu := range m.Items {
			visit(menu.Label, menu.Items)
		}
	}
	return append(rows, bodyKeys...)
}

// shortcutName is a shortcut as a person types it: Ctrl+Shift+S.
func shortcutName(s fyne.Shortcut) string {
	ks, ok := s.(fyne.KeyboardShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	mod := ks.Mod()
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, "Super"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}} {
		if mod&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, string(ks.Key())), "+")
}
