package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/editor"
	"copydesk/storage"
)

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// mainMenu is File, Edit, Article, View, Help. The shortcuts live on the
// menu items: the driver checks them before any widget, so they work while
// an entry has the keyboard.
func (w *Window) mainMenu() *fyne.MainMenu {
	file := fyne.NewMenu("File",
		item("New story", ctrl(fyne.KeyN), func() { w.leaveFirst(w.NewArticle) }),
		item("Import…", ctrl(fyne.KeyO), w.importDialog),
		item("Export…", ctrl(fyne.KeyE), w.exportDialog),
	)
	if f := w.cfg.Extensions.Backup; f != nil {
		file.Items = append(file.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Backup…", func() { f(w.win, w.store) }))
	}
	if f := w.cfg.Extensions.Restore; f != nil {
		file.Items = append(file.Items, fyne.NewMenuItem("Restore…", func() { f(w.win, w.store) }))
	}
	// Not Ctrl+Q: in the body that makes a quote, and menu shortcuts come first.
	quit := item("Quit", ctrlShift(fyne.KeyQ), w.requestClose)
	quit.IsQuit = true
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Settings…", w.settingsDialog), fyne.NewMenuItemSeparator(), quit)

	edit := fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, func() { w.toFocused(&fyne.ShortcutUndo{}) }),
		item("Redo", &fyne.ShortcutRedo{}, func() { w.toFocused(&fyne.ShortcutRedo{}) }),
		fyne.NewMenuItemSeparator(),
		item("Find…", ctrl(fyne.KeyF), func() { w.pane.find.show(false) }),
		item("Replace…", ctrl(fyne.KeyH), func() { w.pane.find.show(true) }),
		fyne.NewMenuItemSeparator(),
		item("Spelling suggestions", ctrl(fyne.KeyPeriod), w.spellAtCaret),
	)

	w.statusItems = w.statusItems[:0]
	for _, s := range editor.Statuses[:4] {
		w.statusItems = append(w.statusItems, fyne.NewMenuItem(s.Label(), func() {
			if w.doc != nil && s != w.meta.StatusOf {
				w.changeStatus(s)
			}
		}))
	}
	status := fyne.NewMenuItem("Status", nil)
	status.ChildMenu = fyne.NewMenu("", w.statusItems...)
	article := fyne.NewMenu("Article",
		item("Save revision", ctrl(fyne.KeyS), func() { w.SaveRevision("") }),
		item("Save labelled revision…", ctrlShift(fyne.KeyS), w.labelDialog),
		fyne.NewMenuItemSeparator(),
		status,
		fyne.NewMenuItem("Spike / unspike…", w.confirmSpike),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Review changes…", w.reviewChanges),
		item("Comments…", &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}, w.commentsDialog),
	)

	w.themeItems = w.themeItems[:0]
	for _, t := range []string{ThemeSystem, ThemeLight, ThemeDark} {
		it := fyne.NewMenuItem(editor.Capitalise(t), func() { w.setTheme(t) })
		it.Checked = w.settings.Theme() == t // the menu shows which is on
		w.themeItems = append(w.themeItems, it)
	}
	themeMenu := fyne.NewMenuItem("Theme", nil)
	themeMenu.ChildMenu = fyne.NewMenu("", w.themeItems...)
	view := fyne.NewMenu("View",
		item("Preview", ctrl(fyne.KeyP), w.ShowPreview),
		item("History", ctrlShift(fyne.KeyH), func() { w.centreTabs.SelectIndex(1) }),
		item("Editor", ctrlShift(fyne.KeyE), func() { w.centreTabs.SelectIndex(0) }),
		themeMenu,
	)
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", ctrl(fyne.KeySlash), w.shortcutsDialog),
		fyne.NewMenuItem("Open the log folder", w.openLogFolder),
		fyne.NewMenuItem("About Copydesk", w.aboutDialog),
	)
	m := fyne.NewMainMenu(file, edit, article, view, help)
	w.waitForDialogs(m.Items)
	return m
}

// waitForDialogs makes every item of the menus do nothing while a dialog
// (or a pop-up menu) is over the window. The driver checks main-menu
// shortcuts before anything else, overlays or not: Ctrl+S behind the
// label dialog saved a revision, Ctrl+N left the story. Undo and Redo
// still reach a field of the dialog itself (toFocused).
func (w *Window) waitForDialogs(menus []*fyne.Menu) {
	var wrap func(items []*fyne.MenuItem)
	wrap = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				wrap(it.ChildMenu.Items)
			}
			if it.Action == nil {
				continue
			}
			act, sc := it.Action, it.Shortcut
			it.Action = func() {
				if w.win.Canvas().Overlays().Top() == nil {
					act()
					return
				}
				switch sc.(type) {
				case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
					if w.win.Canvas().Focused() != nil {
						act()
					}
				}
			}
		}
	}
	for _, m := range menus {
		wrap(m.Items)
	}
}

// enableStatusItems enables the items of Article › Status that moves
// holds: the others are steps the workflow forbids from here.
func (w *Window) enableStatusItems(moves []editor.Status) {
	changed := false
	for _, it := range w.statusItems {
		off := !slices.ContainsFunc(moves, func(s editor.Status) bool { return s.Label() == it.Label })
		if it.Disabled != off {
			it.Disabled, changed = off, true
		}
	}
	if m := w.win.MainMenu(); changed && m != nil {
		m.Refresh()
	}
}

// toFocused hands a shortcut to the widget with the keyboard (Edit › Undo
// is checked before the widget, so it must pass the key on itself); with
// no widget focused it acts on the body.
func (w *Window) toFocused(s fyne.Shortcut) {
	if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	w.pane.body.ApplyShortcut(s)
}

// shortcut runs the menu item that carries s. Entries call it with the
// shortcuts they do not use, for drivers that hand those to the focused
// widget rather than the menu. It returns false if no item carries s.
func (w *Window) shortcut(s fyne.Shortcut) bool {
	it := findShortcut(w.win.MainMenu(), s)
	if it == nil || it.Action == nil || it.Disabled {
		return false
	}
	switch s.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		return false // the focused widget undoes for itself
	}
	it.Action()
	return true
}

func findShortcut(m *fyne.MainMenu, s fyne.Shortcut) *fyne.MenuItem {
	if m == nil {
		return nil
	}
	var walk func(items []*fyne.MenuItem) *fyne.MenuItem
	walk = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				return it
			}
			if it.ChildMenu != nil {
				if f := walk(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	for _, menu := range m.Items {
		if f := walk(menu.Items); f != nil {
			return f
		}
	}
	return nil
}

// SaveRevision makes a revision of the open story (Ctrl+S), with an
// optional label.
// Without changes since the newest revision nothing new is stored: a label
// is put on the newest revision instead.
func (w *Window) SaveRevision(label string) {
	if w.doc == nil {
		return
	}
	if !w.dirty && !w.sinceRevision && w.doc.IsStored() {
		w.labelNewest(label)
		return
	}
	// A change to a published story is a correction: it needs a note for
	// readers first.
	w.correctionFirst(func() {
		w.status.setText("Saving revision…")
		w.writeRevision(storage.Meta{Kind: storage.KindSave, Label: label})
	}, func() {
		w.status.setText("Not saved as a revision: a change to a published story is filed as a correction, with a note for readers")
	})
}

// labelNewest labels the newest revision (or says there is nothing to save).
func (w *Window) labelNewest(label string) {
	doc := w.doc
	seq := doc.Seq()
	if label == "" {
		w.status.setText(fmt.Sprintf("No changes since revision %d: nothing to save", seq))
		return
	}
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		err := w.store.SetLabel(w.ctx, doc.ID, seq, label)
		w.cfg.do(func() {
			switch {
			case err != nil:
				w.showError(fmt.Errorf("cannot label revision %d: %w", seq, err))
			case w.doc == doc:
				w.status.setText(fmt.Sprintf("No changes since revision %d: labelled it “%s”", seq, label))
				if w.centreTabs.Selected() != nil && w.centreTabs.Selected().Text == "History" {
					w.loadView(w.history)
				}
			}
		})
	}()
}

// labelDialog asks for a label, then saves a revision (Ctrl+Shift+S).
func (w *Window) labelDialog() {
	if w.doc == nil {
		return
	}
	label := widget.NewEntry()
	label.SetPlaceHolder("e.g. sent to the night desk")
	label.Validator = storage.CheckLabel
	d := dialog.NewForm("Save labelled revision", "Save", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Label", label)}, func(ok bool) {
			if ok {
				w.SaveRevision(strings.TrimSpace(label.Text))
			}
		}, w.win)
	label.OnSubmitted = func(string) { d.Submit() } // Enter saves, as in any form
	d.Resize(fyne.NewSize(460, 160))
	d.Show()
	w.win.Canvas().Focus(label)
}

func (w *Window) setTheme(t string) {
	w.settings.SetTheme(t)
	w.settings.ApplyTheme(w.app)
	for _, it := range w.themeItems {
		it.Checked = strings.EqualFold(it.Label, w.settings.Theme())
	}
	if m := w.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// settingsDialog: your name, dateline house style, theme.
func (w *Window) settingsDialog() {
	name := widget.NewEntry()
	name.SetText(w.settings.Name())
	name.SetPlaceHolder("Your name, as in a byline")
	var styles []string
	for _, s := range editor.Styles {
		styles = append(styles, s.Label())
	}
	style := widget.NewSelect(styles, nil)
	style.SetSelected(w.settings.Style().Label())
	themes := widget.NewRadioGroup([]string{"System", "Light", "Dark"}, nil)
	themes.Horizontal = true
	themes.SetSelected(editor.Capitalise(w.settings.Theme()))
	inbox := w.inboxSetting()
	d := dialog.NewForm("Settings", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Your name", name),
		widget.NewFormItem("Dateline style", style),
		widget.NewFormItem("Theme", themes),
		inbox.item,
	}, func(ok bool) {
		if !ok {
			return
		}
		inbox.save()
		w.settings.SetName(strings.TrimSpace(name.Text))
		for _, s := range editor.Styles {
			if s.Label() == style.Selected && s != w.settings.Style() {
				w.settings.SetStyle(s)
				w.meta.StyleChanged()
			}
		}
		w.setTheme(strings.ToLower(themes.Selected))
	}, w.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// shortcutList is Help › Keyboard shortcuts.
var shortcutList = [][2]string{
	{"Ctrl+N", "New story"}, {"Ctrl+O", "Import a file"}, {"Ctrl+E", "Export"},
	{"Ctrl+S", "Save revision"}, {"Ctrl+Shift+S", "Save labelled revision"},
	{"Ctrl+Z / Ctrl+Y", "Undo / redo (across paragraphs in the body)"},
	{"Ctrl+F / Ctrl+H", "Find / replace in the body"},
	{"Ctrl+.", "Spelling: suggestions for the underlined word at the caret (or right-click it)"},
	{"Ctrl+P", "Preview"}, {"Ctrl+Shift+H / Ctrl+Shift+E", "History / back to the editor"},
	{"Enter", "New paragraph (in the body); next field (headline, standfirst)"},
	{"Backspace at the start", "Join with the paragraph above"},
	{"Ctrl+1 / Ctrl+2 / Ctrl+Q", "Paragraph / subhead / quote"},
	{"Shift+Up/Down at a paragraph's edge", "Select whole paragraphs"},
	{"Ctrl+A twice", "Select the whole body"},
	{"Ctrl+Alt+M", "Comment on the selected words (Article › Comments…)"},
	{"Ctrl+Shift+Q", "Quit"},
}

func (w *Window) shortcutsDialog() {
	grid := container.New(&twoColumns{})
	for _, s := range shortcutList {
		grid.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(s[1]))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), w.win)
	d.Resize(fitted(fyne.NewSize(680, 600), w.win.Canvas().Size()))
	w.showClosable(d)
}

func (w *Window) aboutDialog() {
	version := w.cfg.Version
	if version == "" {
		version = "development build"
	}
	text := fmt.Sprintf("Copydesk %s\nThe writing desk of a news agency in one window.\n\nDatabase: %s", version, w.cfg.DBDir)
	if st, err := w.store.Stats(w.ctx); err == nil {
		text += fmt.Sprintf("\n%s stories, %s revisions", field.Thousands(st.Articles), field.Thousands(st.Revisions))
	}
	w.showClosable(dialog.NewInformation("About Copydesk", text, w.win))
}

// twoColumns lays out pairs: the first column as wide as its widest cell.
type twoColumns struct{}

func (*twoColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var left float32
	for i := 0; i < len(objs); i += 2 {
		left = max(left, objs[i].MinSize().Width)
	}
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(left, h))
		objs[i+1].Move(fyne.NewPos(left, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-left, h))
		y += h
	}
}

func (*twoColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var left, right, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		left = max(left, objs[i].MinSize().Width)
		right = max(right, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(left+right, h)
}

// showClosable shows a dialog that Escape closes (with nothing focused,
// the window's canvas gets the key).
func (w *Window) showClosable(d sizedDialog) {
	w.escape = d.Hide
	d.SetOnClosed(func() { w.escape = nil })
	d.Show()
}

// typedKey gets the keys no widget took: Escape closes the dialog shown
// with showClosable.
func (w *Window) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && w.escape != nil {
		hide := w.escape
		w.escape = nil
		hide()
	}
}
