package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/i18n"
	"copydesk/editor"
)

// InboxDir is the wire inbox folder set in Settings; "" for none.
func (s *Settings) InboxDir() string { return s.p.String(prefInbox) }

// SetInboxDir changes the wire inbox folder; "" turns the inbox off.
func (s *Settings) SetInboxDir(dir string) { s.p.SetString(prefInbox, dir) }

// Inbox is the folder a run watches: flag (--inbox) when given, which
// wins for that run, else the one set in Settings.
func (s *Settings) Inbox(flag string) string {
	if flag != "" {
		return flag
	}
	return s.InboxDir()
}

// checkInboxDir says what is wrong with a folder typed in Settings: it
// must be a full path (the window may be started from anywhere).
func checkInboxDir(dir string) error {
	if dir == "" || filepath.IsAbs(dir) {
		return nil
	}
	return &editor.FieldError{Field: i18n.T("wire inbox"), Problem: i18n.Tf("%q is not a full path", dir),
		Fix: i18n.T("give the folder from the root, e.g. /home/you/wire, or leave it empty for no inbox")}
}

// inboxField is the Settings dialog's wire inbox row and what Save does
// with it.
type inboxField struct {
	item *widget.FormItem
	save func()
}

// inboxSetting makes the wire inbox row of File › Settings…. The watch
// starts with the window (the inbox wraps the store the window opens), so
// a change takes effect at the next start, as the hint says.
func (w *Window) inboxSetting() inboxField {
	dir := escape.NewEntry(w.win.Canvas())
	dir.SetText(w.settings.InboxDir())
	dir.SetPlaceHolder(i18n.T("Folder the agencies' files are dropped into"))
	item := widget.NewFormItem(i18n.T("Wire inbox"), dir)
	item.HintText = i18n.T("Takes effect at the next start.")
	if f := w.cfg.InboxFlag; f != "" {
		item.HintText = i18n.T("Takes effect at the next start; this run watches ") + f + i18n.T(" (--inbox wins).")
	}
	return inboxField{item: item, save: func() {
		d := strings.TrimSpace(dir.Text)
		if err := checkInboxDir(d); err != nil {
			w.showError(err)
			return
		}
		if d != "" {
			d = filepath.Clean(d)
		}
		w.settings.SetInboxDir(d)
	}}
}
