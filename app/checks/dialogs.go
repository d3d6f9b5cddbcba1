package checks

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/check"
)

// The dialogs the window shows when a workflow rule stops the editor: a
// story over its limits going to Ready, a change to a published story,
// an export before the embargo. Each returns the dialog shown, so the
// window (and tests) can close or submit it.

// LimitLabel is the "72/90" counter beside a field: plain under 90% of
// the limit, a warning from there, danger past it.
type LimitLabel struct {
	widget.Label
}

// NewLimitLabel returns an empty counter.
func NewLimitLabel() *LimitLabel {
	l := &LimitLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// Set shows a count; a count without a limit hides the label.
func (l *LimitLabel) Set(c editor.LimitCount) {
	if c.Max <= 0 {
		l.Hide()
		return
	}
	switch {
	case c.Over():
		l.Importance = widget.DangerImportance
	case c.Used*10 >= c.Max*9:
		l.Importance = widget.WarningImportance
	default:
		l.Importance = widget.LowImportance
	}
	l.SetText(c.String())
	l.Show()
}

// ConfirmOverride asks whether to set a story that is over its section's
// limits to Ready anyway, and why. onConfirm gets the note to record with
// the status revision (storage.Meta.Note); it is not called on cancel.
func ConfirmOverride(w fyne.Window, over []editor.LimitCount, onConfirm func(note string)) *dialog.FormDialog {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(i18n.T("e.g. the desk chief agreed: breaking news"))
	reason.Validator = needText(i18n.T("say why the limit does not apply"))
	// Fyne holds a focused entry's error back until it loses focus; the
	// confirm button must follow every keystroke.
	reason.AlwaysShowValidationError = true
	lines := make([]string, len(over))
	for i, c := range over {
		lines[i] = "• " + LimitText(c)
	}
	what := widget.NewLabel(i18n.T("Over the section's limit:\n") + strings.Join(lines, "\n"))
	what.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(i18n.T("Set to Ready over the limit?"), i18n.T("Set to Ready"), i18n.T("Cancel"),
		[]*widget.FormItem{
			{Widget: what},
			{Text: i18n.T("Why"), Widget: reason, HintText: i18n.T("recorded with the revision")},
		}, func(ok bool) {
			if ok && reason.Validate() == nil {
				onConfirm(editor.OverrideNote(over, reason.Text))
			}
		}, w)
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
	w.Canvas().Focus(reason) // type the reason at once
	return d
}

// AskCorrection asks for the public correction note a change to a
// published story needs. last is the note of the previous correction,
// shown for reference; onSave gets the new note (different from last).
func AskCorrection(w fyne.Window, last string, onSave func(note string)) *dialog.FormDialog {
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(3)
	note.SetPlaceHolder(i18n.T("An earlier version of this story said … It is …"))
	note.AlwaysShowValidationError = true
	note.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			return errors.New(i18n.T("say for readers what was wrong and what is right now"))
		case s == strings.TrimSpace(last):
			return errors.New(i18n.T("this is the last correction's note: say what this change corrects"))
		}
		return nil
	}
	why := widget.NewLabel(i18n.T("The story is published: this change is a correction, announced to readers in every export."))
	why.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{{Widget: why}}
	if last != "" {
		prev := widget.NewLabel(last)
		prev.Wrapping = fyne.TextWrapWord
		prev.Importance = widget.LowImportance
		items = append(items, &widget.FormItem{Text: i18n.T("Last note"), Widget: prev})
	}
	items = append(items, &widget.FormItem{Text: i18n.T("Correction"), Widget: note})
	d := dialog.NewForm(i18n.T("Publish a correction"), i18n.T("Save correction"), i18n.T("Cancel"), items, func(ok bool) {
		if ok && note.Validate() == nil {
			onSave(strings.TrimSpace(note.Text))
		}
	}, w)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
	w.Canvas().Focus(note) // type the note at once
	return d
}

// ConfirmEmbargo says that a story is under embargo and asks whether to
// export it anyway; onForce is called only when the editor forces it
// (record check.ForcedExportNote then).
func ConfirmEmbargo(w fyne.Window, e *check.EmbargoError, onForce func()) *dialog.ConfirmDialog {
	msg := widget.NewLabel(editor.Capitalise(e.Error()) + ".")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(i18n.T("Embargoed story"), i18n.T("Export anyway"), i18n.T("Hold it"), container.NewPadded(msg), func(ok bool) {
		if ok {
			onForce()
		}
	}, w)
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
	return d
}

func needText(problem string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(problem)
		}
		return nil
	}
}
