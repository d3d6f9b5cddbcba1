package i18n

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
)

// choiceLabels are the Settings options. The languages' names are written
// in their own language, so a person who cannot read the window can still
// find theirs; "System" is translated.
var choiceLabels = []struct{ code, label string }{
	{System, Key("As the system")},
	{English, "English"},
	{Russian, "Русский"},
}

// LanguageFormItem is the Settings dialog's "Language" row: a choice of
// System, English and Русский, showing the stored preference. save writes
// the choice to p (call it when the dialog is confirmed). The window's
// language changes at the next start; the hint says so. Escape in the
// choice closes the dialog shown on c.
func LanguageFormItem(c fyne.Canvas, p fyne.Preferences) (item *widget.FormItem, save func()) {
	labels := make([]string, len(choiceLabels))
	for i, c := range choiceLabels {
		labels[i] = c.label
		if c.code == System {
			labels[i] = T(c.label)
		}
	}
	sel := escape.NewSelect(c, labels, nil)
	stored := p.StringWithFallback(PrefKey, System)
	sel.SetSelectedIndex(0)
	for i, c := range choiceLabels {
		if c.code == stored {
			sel.SetSelectedIndex(i)
		}
	}
	item = widget.NewFormItem(T("Language of the window"), sel)
	item.HintText = T("Takes effect at the next start.")
	return item, func() {
		if i := sel.SelectedIndex(); i >= 0 {
			p.SetString(PrefKey, choiceLabels[i].code)
		}
	}
}
