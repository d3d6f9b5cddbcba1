// Package app is Copydesk's Fyne shell: the window, library, body editor,
// metadata panel, history and comparison views, menus and dialogs. It
// talks to the editorial core (editor) and the store (storage) only
// through their APIs.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/storage"
)

// ID is the application ID: Fyne keeps preferences under it.
const ID = "org.copydesk.Copydesk"

// Config is what the composition root hands the window.
type Config struct {
	Store storage.Store
	DBDir string
}

// Run opens the main window and returns when it is closed.
func Run(cfg Config) error {
	a := fyneapp.NewWithID(ID)
	w := a.NewWindow("Copydesk")
	w.SetContent(container.NewCenter(widget.NewLabel("Copydesk — " + cfg.DBDir)))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return nil
}

// ShowFatal shows an error in a small window of its own and returns when
// the user closes it: for failures before the main window exists.
func ShowFatal(title string, err error) {
	a := fyneapp.NewWithID(ID)
	w := a.NewWindow(title)
	w.Resize(fyne.NewSize(520, 200))
	d := dialog.NewError(err, w)
	d.SetOnClosed(a.Quit)
	w.SetOnClosed(a.Quit)
	w.Show()
	d.Show()
	a.Run()
}
