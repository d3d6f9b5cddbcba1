package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/storage"
)

// The window's dialogs: a revision's label, Settings, Help › Keyboard
// shortcuts and About, and how a dialog closes with Escape.

// labelDialog asks for a label, then saves a revision (Ctrl+Shift+S).
func (w *Window) labelDialog() {
	if w.doc == nil {
		return
	}
	label := escape.NewEntry(w.win.Canvas())
	label.SetPlaceHolder(i18n.T("e.g. sent to the night desk"))
	label.Validator = storage.CheckLabel
	d := dialog.NewForm(i18n.T("Save labelled revision"), i18n.T("Save"), i18n.T("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(i18n.T("Label"), label)}, func(ok bool) {
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
		it.Checked = it.Label == themeLabel(w.settings.Theme())
	}
	if m := w.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// settingsDialog: your name, dateline house style, theme.
func (w *Window) settingsDialog() {
	name := escape.NewEntry(w.win.Canvas())
	name.SetText(w.settings.Name())
	name.SetPlaceHolder(i18n.T("Your name, as in a byline"))
	var styles []string
	for _, s := range editor.Styles {
		styles = append(styles, s.Label())
	}
	style := escape.NewSelect(w.win.Canvas(), styles, nil)
	style.SetSelected(w.settings.Style().Label())
	var themeLabels []string
	for _, t := range themes {
		themeLabels = append(themeLabels, themeLabel(t))
	}
	themeRadio := escape.NewRadioGroup(w.win.Canvas(), themeLabels, nil)
	themeRadio.Horizontal = true
	themeRadio.SetSelected(themeLabel(w.settings.Theme()))
	langItem, saveLang := i18n.LanguageFormItem(w.win.Canvas(), w.settings.p)
	inbox := w.inboxSetting()
	d := dialog.NewForm(i18n.T("Settings"), i18n.T("Save"), i18n.T("Cancel"), []*widget.FormItem{
		widget.NewFormItem(i18n.T("Your name"), name),
		widget.NewFormItem(i18n.T("Dateline style"), style),
		widget.NewFormItem(i18n.T("Theme"), themeRadio),
		langItem,
		inbox.item,
	}, func(ok bool) {
		if !ok {
			return
		}
		inbox.save()
		saveLang()
		w.settings.SetName(strings.TrimSpace(name.Text))
		for _, s := range editor.Styles {
			if s.Label() == style.Selected && s != w.settings.Style() {
				w.settings.SetStyle(s)
				w.meta.StyleChanged()
			}
		}
		if i := slices.Index(themeLabels, themeRadio.Selected); i >= 0 {
			w.setTheme(themes[i])
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

func (w *Window) shortcutsDialog() {
	grid := container.New(&twoColumns{})
	for _, s := range shortcutRows(w.win.MainMenu()) {
		grid.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(s[1]))
	}
	d := dialog.NewCustom(i18n.T("Keyboard shortcuts"), i18n.T("Close"), container.NewVScroll(grid), w.win)
	d.Resize(fitted(fyne.NewSize(680, 600), w.win.Canvas().Size()))
	w.showClosable(d)
}

func (w *Window) aboutDialog() {
	version := w.cfg.Version
	if version == "" {
		version = i18n.T("development build")
	}
	text := i18n.Tf("Copydesk %s\nThe writing desk of a news agency in one window.\n\nDatabase: %s", version, w.cfg.DBDir)
	if st, err := w.store.Stats(w.ctx); err == nil {
		text += i18n.Tf("\n%s stories, %s revisions", field.Thousands(st.Articles), field.Thousands(st.Revisions))
	}
	w.showClosable(dialog.NewInformation(i18n.T("About Copydesk"), text, w.win))
}

// twoColumns lays out pairs: the first column as wide as its widest cell.
type twoColumns struct{}

// showClosable shows a dialog that Escape closes (with nothing focused,
// the window's canvas gets the key).
func (w *Window) showClosable(d sizedDialog) {
	w.escape = d.Hide
	d.SetOnClosed(func() { w.escape = nil })
	d.Show()
	w.escapeTop = w.win.Canvas().Overlays().Top()
}
