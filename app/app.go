// Package app is Copydesk's Fyne shell: the main window with the library,
// the article editor, the metadata panel and the status bar; menus,
// shortcuts, dialogs and settings; autosave and revisions. It talks to the
// editorial core (editor) and the store (storage) only through their APIs.
//
// Threading: everything that touches a widget runs on the Fyne UI
// goroutine. Store writes (autosave, revisions) run on goroutines of their
// own and report back through fyne.Do, so typing never waits for the disk.
package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"copydesk/editor"
	"copydesk/storage"
)

// ID is the application ID: Fyne keeps preferences under it.
const ID = "org.copydesk.Copydesk"

// DefaultAutosaveDelay is how long after the last keystroke the draft is
// written: under the 2 s a crash may lose, and long enough that a pause
// between words does not write.
const DefaultAutosaveDelay = 1500 * time.Millisecond

// Config is what the composition root hands the window.
type Config struct {
	Store storage.Store
	DBDir string
	// Author and Style are the defaults from the command line and the
	// environment, until the person sets their own in Settings.
	Author string
	Style  editor.Style
	// Version is shown in Help › About.
	Version string
	// Extensions are the views and commands other packages add.
	Extensions Extensions
	// Context, when it ends (SIGTERM, Ctrl+C in the terminal), closes the
	// window as File › Quit does: unsaved changes become a checkpoint.
	Context context.Context

	// Desk is who this window is to the other desks of a shared store
	// (locks, live updates). Empty fields are filled in: Name from the
	// settings, else the login name; Desk from host, process and a
	// random part.
	Desk storage.Holder

	// AutosaveDelay is the pause after typing before the draft is saved;
	// 0 means DefaultAutosaveDelay.
	AutosaveDelay time.Duration
	// Now is the clock (tests set it); nil means time.Now.
	Now func() time.Time
	// Location is the time zone times are shown in; nil means time.Local.
	Location *time.Location

	// after schedules f after d and returns a function that cancels it;
	// nil means time.AfterFunc. Tests replace it to fire autosave by hand.
	after func(d time.Duration, f func()) (cancel func())
	// every calls f every d, on a goroutine of its own, until stop is
	// called; nil means a time.Ticker. Tests beat the locks' heartbeat by hand.
	every func(d time.Duration, f func()) (stop func())
	// liveDelay is how long other desks' changes are gathered before the
	// window shows them; 0 means DefaultLiveDelay.
	liveDelay time.Duration
	// do runs f on the UI goroutine; nil means fyne.Do. The test driver's
	// fyne.Do runs f at once on the calling goroutine, so tests queue f and
	// run it on the test's goroutine, as the desktop driver would.
	do func(f func())
}

// Run opens the main window and returns when it is closed.
func Run(cfg Config) error {
	if cfg.Store != nil {
		go warmStore(cfg.Store)
	}
	a := fyneapp.NewWithID(ID)
	w := NewWindow(a, cfg)
	w.openNewestAfterFirstFrame(a)
	if cfg.Context != nil {
		stop := context.AfterFunc(cfg.Context, func() { fyne.Do(w.requestClose) })
		defer stop()
	}
	w.Window().ShowAndRun()
	return w.finish()
}

// warmStore asks the store, on a goroutine of its own, for what the first
// frame shows — the library's first page and the tags — while the UI
// goroutine builds the widgets, so that the same reads there find Badger's
// caches warm: with 10,000 stories 8 ms instead of 24 ms on the UI
// goroutine. The answers are dropped; errors are the real reads' to report.
func warmStore(s storage.Store) {
	ctx := context.Background()
	if _, _, err := s.List(ctx, storage.Query{Limit: libraryLimit}); err != nil {
		return
	}
	_, _ = s.Tags(ctx)
}

// ShowFatal shows an error in a small window of its own and returns when
// the user closes it: for failures before the main window exists, such as
// a database that another Copydesk holds.
func ShowFatal(title string, err error) {
	a := fyneapp.NewWithID(ID)
	newFatalWindow(a, title, err)
	a.Run()
}

// newFatalWindow is ShowFatal's window; closing it or its dialog (OK,
// Return or Escape) quits.
func newFatalWindow(a fyne.App, title string, err error) fyne.Window {
	w := a.NewWindow(title)
	w.Resize(fyne.NewSize(560, 220))
	msg := err.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	d := dialog.NewInformation(title, msg, w)
	d.SetOnClosed(a.Quit)
	w.SetOnClosed(a.Quit)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
			a.Quit()
		}
	})
	w.Show()
	d.Show()
	return w
}
