package app

import (
	"strings"

	"fyne.io/fyne/v2"

	"copydesk/app/i18n"
)

// Help › Keyboard shortcuts lists the menus' shortcuts as the menus have
// them, so the list cannot drift from the keys; then the keys of the
// body, which are no menu items.

// shortcutNotes say more about a menu item in the list, by its path in
// English (menu, item); the menus carry their labels translated, so the
// list looks the notes up by the translated path (notesByPath).
var shortcutNotes = []struct{ menu, item, note string }{
	{i18n.Key("Edit"), i18n.Key("Undo"), i18n.Key("across paragraphs in the body")},
	{i18n.Key("Edit"), i18n.Key("Find…"), i18n.Key("in the body")},
	{i18n.Key("Edit"), i18n.Key("Replace…"), i18n.Key("in the body")},
	{i18n.Key("Edit"), i18n.Key("Spelling suggestions"), i18n.Key("for the underlined word at the caret; or right-click it")},
	{i18n.Key("Article"), i18n.Key("Comments…"), i18n.Key("on the selected words")},
}

// notesByPath are shortcutNotes by the path as the menus show it, in the
// window's language.
func notesByPath() map[string]string {
	m := make(map[string]string, len(shortcutNotes))
	for _, n := range shortcutNotes {
		m[i18n.T(n.menu)+" › "+i18n.T(n.item)] = i18n.T(n.note)
	}
	return m
}

// bodyKeys are the keys of the editor itself.
// Both columns are dictionary keys, translated where the list is made.
var bodyKeys = [][2]string{
	{"Enter", i18n.Key("New paragraph (in the body); next field (headline, standfirst)")},
	{i18n.Key("Backspace at the start"), i18n.Key("Join with the paragraph above")},
	{"Ctrl+1 / Ctrl+2 / Ctrl+Q", i18n.Key("Paragraph / subhead / quote")},
	{i18n.Key("Shift+Up/Down at a paragraph's edge"), i18n.Key("Select whole paragraphs")},
	{i18n.Key("Ctrl+A twice"), i18n.Key("Select the whole body")},
}

// shortcutRows are the rows of Help › Keyboard shortcuts: key, what it
// does.
func shortcutRows(m *fyne.MainMenu) [][2]string {
	var rows [][2]string
	notes := notesByPath()
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
			if n := notes[p]; n != "" {
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
	for _, k := range bodyKeys {
		rows = append(rows, [2]string{i18n.T(k[0]), i18n.T(k[1])})
	}
	return rows
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
