package transfer

import (
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showError shows err in a dialog over win and logs it to the window's log
// (app/applog), so that what the user saw can be sent with a bug report.
func showError(err error, win fyne.Window) {
	slog.Error("shown to the user", "err", err)
	dialog.ShowError(err, win)
}

// unfocusName takes the keyboard from a file save dialog's name field,
// which Fyne focuses: a focused entry takes Escape, and the window closes
// the dialog on Escape only when no widget has the key. The name is filled
// in already; a click puts the caret in it.
func unfocusName(win fyne.Window) {
	win.Canvas().Unfocus()
}
