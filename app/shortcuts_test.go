package app

import (
	"slices"
	"strings"
	"testing"
)

// Help › Keyboard shortcuts is made from the menus: every menu shortcut
// is listed with the item it runs (Ctrl+/, which the hand-written list
// left out, among them), and every note names an item that has one.
func TestShortcutListFollowsTheMenus(t *testing.T) {
	h := newHarness(t)
	rows := shortcutRows(h.w.win.MainMenu())
	has := func(key, what string) bool {
		return slices.ContainsFunc(rows, func(r [2]string) bool { return r[0] == key && strings.HasPrefix(r[1], what) })
	}
	for _, want := range [][2]string{
		{"Ctrl+N", "File › New story"}, {"Ctrl+Shift+Q", "File › Quit"},
		{"Ctrl+Z", "Edit › Undo (across paragraphs in the body)"}, {"Ctrl+.", "Edit › Spelling suggestions ("},
		{"Ctrl+S", "Article › Save revision"}, {"Ctrl+Shift+S", "Article › Save labelled revision…"},
		{"Ctrl+Alt+M", "Article › Comments…"}, {"Ctrl+Shift+H", "View › History"},
		{"Ctrl+/", "Help › Keyboard shortcuts"}, {"Enter", "New paragraph"},
	} {
		if !has(want[0], want[1]) {
			t.Errorf("no row %q %q in %q", want[0], want[1], rows)
		}
	}
	for path := range notesByPath() {
		if !slices.ContainsFunc(rows, func(r [2]string) bool { return strings.HasPrefix(r[1], path+" (") }) {
			t.Errorf("the note on %q names no menu item with a shortcut", path)
		}
	}
}
