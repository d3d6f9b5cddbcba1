package app

import (
	"log/slog"

	"copydesk/app/i18n"
)

// A shared store on a replicated cluster loses its server in a failover
// and finds the new primary within seconds (storage/pgstore). Meanwhile
// the window keeps the typed text: an autosave in flight is retried by
// the store, one that fails leaves the edits in the window (dirty), and
// the draft is written again once the store answers.

// connectionNews is what a store that tells of its connection offers
// (pgstore.Store); the window needs no import of the driver.
type connectionNews interface {
	SetOnConnection(func(up bool, err error))
}

// watchConnection has the store tell the window when it loses and finds
// its server again.
func (w *Window) watchConnection() {
	c, ok := w.store.(connectionNews)
	if !ok {
		return
	}
	c.SetOnConnection(func(up bool, err error) {
		w.cfg.do(func() { w.connection(up, err) })
	})
	w.unwatch = func() { c.SetOnConnection(nil) }
}

// unwatchConnection stops the news when the window closes.
func (w *Window) unwatchConnection() {
	if w.unwatch != nil {
		w.unwatch()
		w.unwatch = nil
	}
}

// connection shows the store's state, on the UI goroutine: while it is
// down the status bar says so; when it is back, edits not yet saved are
// saved.
func (w *Window) connection(up bool, err error) {
	if w.closing {
		return
	}
	w.offline = !up
	if !up {
		slog.Warn("the shared store's connection is lost; reconnecting", "err", err)
		w.status.setText(w.savingNotice())
		return
	}
	w.status.setText(i18n.T("Connected to the shared store again"))
	if w.dirty && w.doc != nil {
		w.scheduleAutosave()
	}
}

// savingNotice is what the status bar says while a draft is written:
// during a failover the save waits for the new server, and "Saving…"
// alone would hide why.
func (w *Window) savingNotice() string {
	if w.offline {
		return i18n.T("Reconnecting to the shared store… what you type is kept")
	}
	return i18n.T("Saving…")
}
