package app

import (
	"errors"
	"net/url"

	"copydesk/app/i18n"
	"fyne.io/fyne/v2/dialog"
)

// openLogFolder is Help › "Open the log folder": the folder of the
// window's log (app/applog) in the file manager, so that the log — and a
// crash's stack in it — can be attached to a bug report.
func (w *Window) openLogFolder() {
	if w.cfg.LogDir == "" {
		dialog.ShowInformation(i18n.T("No log"), i18n.T("This window keeps no log: the log folder could not be made (the reason was printed when Copydesk started)."), w.win)
		return
	}
	u := &url.URL{Scheme: "file", Path: w.cfg.LogDir}
	if err := w.app.OpenURL(u); err != nil {
		w.showError(errors.New(i18n.T("cannot open the log folder ") + w.cfg.LogDir + ": " + err.Error() + i18n.T(" — open it in your file manager")))
	}
}
