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
