package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"copydesk/app/escape"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/storage/record"
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
	file := fyne.NewMenu(i18n.T("File"),
		item(i18n.T("New story"), ctrl(fyne.KeyN), func() { w.leaveFirst(w.NewArticle) }),
		item(i18n.T("Import…"), ctrl(fyne.KeyO), w.importDialog),
		item(i18n.T("Export…"), ctrl(fyne.KeyE), w.exportDialog),
		item(i18n.T("Send…"), ctrlShift(fyne.KeyT), w.sendDialog),
	)
	if f := w.cfg.Extensions.Backup; f != nil {
		file.Items = append(file.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(i18n.T("Backup…"), func() { f(w.win, w.store) }))
	}
	if f := w.cfg.Extensions.Restore; f != nil {
		file.Items = append(file.Items, fyne.NewMenuItem(i18n.T("Restore…"), func() { f(w.win, w.store) }))
	}
	// Not Ctrl+Q: in the body that makes a quote, and menu shortcuts come first.
	quit := item(i18n.T("Quit"), ctrlShift(fyne.KeyQ), w.requestClose)
	quit.IsQuit = true
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(i18n.T("Settings…"), w.settingsDialog), fyne.NewMenuItemSeparator(), quit)

	edit := fyne.NewMenu(i18n.T("Edit"),
		item(i18n.T("Undo"), &fyne.ShortcutUndo{}, func() { w.toFocused(&fyne.ShortcutUndo{}) }),
		item(i18n.T("Redo"), &fyne.ShortcutRedo{}, func() { w.toFocused(&fyne.ShortcutRedo{}) }),
		fyne.NewMenuItemSeparator(),
		item(i18n.T("Find…"), ctrl(fyne.KeyF), func() { w.pane.find.show(false) }),
		item(i18n.T("Replace…"), ctrl(fyne.KeyH), func() { w.pane.find.show(true) }),
		fyne.NewMenuItemSeparator(),
		item(i18n.T("Spelling suggestions"), ctrl(fyne.KeyPeriod), w.spellAtCaret),
	)

	w.statusItems = w.statusItems[:0]
	for _, s := range editor.Statuses[:4] {
		w.statusItems = append(w.statusItems, fyne.NewMenuItem(i18n.T(s.Label()), func() {
			if w.doc != nil && s != w.meta.StatusOf {
				w.changeStatus(s)
			}
		}))
	}
	status := fyne.NewMenuItem(i18n.T("Status"), nil)
	status.ChildMenu = fyne.NewMenu("", w.statusItems...)
	article := fyne.NewMenu(i18n.T("Article"),
		item(i18n.T("Save revision"), ctrl(fyne.KeyS), func() { w.SaveRevision("") }),
		item(i18n.T("Save labelled revision…"), ctrlShift(fyne.KeyS), w.labelDialog),
		fyne.NewMenuItemSeparator(),
		status,
		fyne.NewMenuItem(i18n.T("Spike / unspike…"), w.confirmSpike),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(i18n.T("Kill…"), func() { w.actDialog(record.Kill) }),
		fyne.NewMenuItem(i18n.T("Withhold…"), func() { w.actDialog(record.Withhold) }),
		fyne.NewMenuItem(i18n.T("Correct…"), func() { w.actDialog(record.Correct) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(i18n.T("Review changes…"), w.reviewChanges),
		item(i18n.T("Comments…"), &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}, w.commentsDialog),
	)

	w.themeItems = w.themeItems[:0]
	for _, t := range themes {
		it := fyne.NewMenuItem(themeLabel(t), func() { w.setTheme(t) })
		it.Checked = w.settings.Theme() == t // the menu shows which is on
		w.themeItems = append(w.themeItems, it)
	}
	themeMenu := fyne.NewMenuItem(i18n.T("Theme"), nil)
	themeMenu.ChildMenu = fyne.NewMenu("", w.themeItems...)
	view := fyne.NewMenu(i18n.T("View"),
		item(i18n.T("Preview"), ctrl(fyne.KeyP), w.ShowPreview),
		item(i18n.T("History"), ctrlShift(fyne.KeyH), func() { w.centreTabs.Select(w.historyTab) }),
		item(i18n.T("Editor"), ctrlShift(fyne.KeyE), func() { w.centreTabs.Select(w.editTab) }),
		themeMenu,
	)
	help := fyne.NewMenu(i18n.T("Help"),
		item(i18n.T("Keyboard shortcuts"), ctrl(fyne.KeySlash), w.shortcutsDialog),
		fyne.NewMenuItem(i18n.T("Open the log folder"), w.openLogFolder),
		fyne.NewMenuItem(i18n.T("About Copydesk"), w.aboutDialog),
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
		off := !slices.ContainsFunc(moves, func(s editor.Status) bool { return i18n.T(s.Label()) == it.Label })
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

// typedKey gets the keys no widget took: Escape closes the dialog shown
// with showClosable.
func (w *Window) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && w.escape != nil && w.win.Canvas().Overlays().Top() != w.escapeTop {
		w.escape = nil // another dialog is on top of it
	}
	if ev.Name == fyne.KeyEscape && w.escape != nil {
		hide := w.escape
		w.escape = nil
		hide()
	} else if ev.Name == fyne.KeyEscape {
		escape.DismissTop(w.win.Canvas()) // a dialog of Fyne's dialog package (app/escape)
	}
}
