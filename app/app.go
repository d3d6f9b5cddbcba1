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
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/outputs/transmit"
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
	// Store is the desk's store; when it is nil, Run opens it with Open.
	Store storage.Store
	// Open opens the store for Run, which calls it on a goroutine while
	// Fyne loads its fonts and the UI goroutine makes the window, so that
	// start-up waits for the slowest of them instead of all three. An
	// error is shown in a window, then returned.
	Open func() (storage.Store, error)

	DBDir string
	// Author and Style are the defaults from the command line and the
	// environment, until the person sets their own in Settings.
	Author string
	Style  editor.Style
	// Version is shown in Help › About.
	Version string
	// LogDir is the folder of the window's log (app/applog), which Help ›
	// "Open the log folder" opens; "" when there is no log.
	LogDir string
	// Extensions are the views and commands other packages add.
	Extensions Extensions
	// Context, when it ends (SIGTERM, Ctrl+C in the terminal), closes the
	// window as File › Quit does: unsaved changes become a checkpoint.
	Context context.Context
	// InboxFlag is the wire inbox named on the command line (--inbox),
	// which wins over the one set in Settings for this run; "" when none.
	InboxFlag string

	// Send is the credentials and SSH trust of File › Send… and of the
	// notices of Article › Kill, Withhold and Correct: the command line
	// reads them from the environment, as `copydesk send` does.
	Send transmit.Config

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
	// fontsLoaded, when set, waits until the fonts Run started loading
	// are in Fyne's cache: NewWindow calls it before it builds widgets,
	// which measure text.
	fontsLoaded func()
	// tagsAfterFirstFrame leaves the library's tags to be read once the
	// window is up (Run); tests' windows read them at once.
	tagsAfterFirstFrame bool
	// win is the desktop window, when Run has made it already. Run sets
	// the app's theme before it makes the window: NewWindow does not set
	// it again, which would race with the fonts being loaded.
	win fyne.Window
	// sendPolicy, when set, replaces transmit.DefaultPolicy (tests wait
	// no time between attempts).
	sendPolicy *transmit.Policy
	// firstPage is the library's first page, when Run has read it already.
	firstPage *listing
}

// Run opens the main window and returns when it is closed.
func Run(cfg Config) error {
	a := fyneapp.NewWithID(ID)
	setupLanguage(a)
	NewSettings(a.Preferences(), cfg.Author, cfg.Style).ApplyTheme(a)
	cfg.tagsAfterFirstFrame = true
	cfg.fontsLoaded = loadFonts()
	open := cfg.Open
	if given := cfg.Store; given != nil {
		open = func() (storage.Store, error) { return given, nil }
	}
	desk := openAhead(open)
	// The desktop window is made while the fonts load and the store opens.
	cfg.win = a.NewWindow("Copydesk")
	s, first, err := desk.wait()
	if err != nil {
		cfg.fontsLoaded()
		cfg.win.Close()
		newFatalWindow(a, fatalTitle(err), err)
		a.Run()
		return err
	}
	if cfg.Store == nil {
		defer s.Close()
		cfg.Store = s
	}
	cfg.firstPage = first
	w := NewWindow(a, cfg)
	w.openNewestAfterFirstFrame(a)
	if cfg.Context != nil {
		stop := context.AfterFunc(cfg.Context, func() { fyne.Do(w.requestClose) })
		defer stop()
	}
	w.Window().ShowAndRun()
	return w.finish()
}

// setupLanguage chooses the window's language from the system locale
// and the Settings choice; it runs before the first window, as Fyne's own
// dialogs take their words from the same choice. The command line never
// calls it: it stays English.
func setupLanguage(a fyne.App) {
	if _, err := i18n.SetupFromPreferences(a.Preferences()); err != nil {
		fyne.LogError("window language", err)
	}
}

// ShowFatal shows an error in a small window of its own and returns when
// the user closes it: for failures before the main window exists, such as
// a database that another Copydesk holds.
func ShowFatal(err error) {
	a := fyneapp.NewWithID(ID)
	setupLanguage(a)
	newFatalWindow(a, fatalTitle(err), err)
	a.Run()
}

// newFatalWindow is ShowFatal's window; closing it or its dialog (OK,
// Return or Escape) quits.
func newFatalWindow(a fyne.App, title string, err error) fyne.Window {
	w := a.NewWindow(title)
	w.Resize(fyne.NewSize(560, 220))
	msg := editor.Capitalise(err.Error())
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
