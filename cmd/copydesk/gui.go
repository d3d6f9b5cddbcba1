package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"

	"copydesk/app"
	"copydesk/app/checks"
	"copydesk/app/history"
	"copydesk/app/transfer"
	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/keyfile"
)

// runGUI opens the window on the desk's database. A database held by
// another Copydesk is reported in a dialog naming the database and the pid
// that holds it, then we exit. An encrypted desk without
// $COPYDESK_PASSPHRASE_FILE asks for its passphrase in a window, and a
// first run (no database directory yet) offers to encrypt the new desk.
func runGUI(e *env) int {
	logDir, closeLog := e.openLog()
	code := runWindow(e, logDir)
	// Not deferred: after a panic the log must stay open for guarded
	// (main.go) to write the stack to.
	closeLog()
	return code
}

func runWindow(e *env, logDir string) int {
	cfg := app.Config{DBDir: e.location(), Author: e.author, Style: e.style, Version: buildVersion(), Context: e.ctx, LogDir: logDir}
	cfg.InboxFlag = e.inbox
	cfg.Send = e.sendConfig()
	cfg.Extensions = extensions(e)
	gate, err := e.gate()
	if err != nil {
		return guiFailed(e, err)
	}
	if gate != nil {
		if err := app.RunGated(cfg, *gate); err != nil {
			fmt.Fprintln(e.io.err, "copydesk:", oneLine(err))
			return exitUser
		}
		return exitOK
	}
	openFailed := false
	cfg.Open = func() (storage.Store, error) {
		s, err := e.openStore()
		if err != nil {
			// Said at once, not when the window that shows it is closed.
			openFailed = true
			fmt.Fprintln(e.io.err, "copydesk:", oneLine(err))
			return s, err
		}
		// The setting is read here: Run has made the app, and with it
		// the preferences, before it opens the store.
		settings := app.NewSettings(fyne.CurrentApp().Preferences(), "", "")
		return e.watchInbox(s, settings.Inbox(e.inbox)), nil
	}
	windowGC()
	defer trimMemory()()
	defer debugStats(e.io.err)()
	if err := app.Run(cfg); err != nil {
		if !openFailed {
			fmt.Fprintln(e.io.err, "copydesk:", oneLine(err))
		}
		return exitUser
	}
	return exitOK
}

func guiFailed(e *env, err error) int {
	fmt.Fprintln(e.io.err, "copydesk:", oneLine(err))
	app.ShowFatal(err)
	return exitUser
}

// gate says what the window must ask before the desk opens: nil when the
// store can simply be opened.
func (e *env) gate() (*app.Gate, error) {
	if e.storeURL != "" { // key headers and first runs are a desk directory's
		return nil, nil
	}
	encrypted, err := keyfile.Exists(e.dbDir)
	if err != nil {
		return nil, err
	}
	if encrypted {
		if e.getenv(envPassphraseFile) != "" {
			return nil, nil
		}
		return &app.Gate{Unlock: func(pass []byte) (storage.Store, error) {
			key, err := keyfile.Unlock(e.dbDir, pass)
			if err != nil {
				return nil, err
			}
			return e.openWithKey(key)
		}}, nil
	}
	if _, err := os.Stat(e.dbDir); !errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return &app.Gate{Create: e.createDesk}, nil
}

// extensions wires the views and flows of app's sub-packages into the window.
func extensions(e *env) app.Extensions {
	return app.Extensions{
		History: func(w fyne.Window, s storage.Store, o app.HistoryOptions) app.ArticleView {
			return history.New(w, s, history.Options{Author: o.Author, Style: o.Style, OnRestored: o.OnRestored})
		},
		Checks: func(w fyne.Window, s storage.Store, o app.ChecksOptions) app.ChecksView {
			return checks.New(checks.Options{Store: s, Style: o.Style(), OnFix: o.Fix,
				OnJump: func(f check.Finding) { o.Jump(f.Place.Field, f.Place.Block, f.Place.Start, f.Place.End) }})
		},
		Export: func(w fyne.Window, s storage.Store, ids []string, style editor.Style, open *editor.Article) {
			load := transfer.StoreLoader(s, style)
			if open != nil {
				load = transfer.WithWorkingCopy(load, open)
			}
			settings := app.NewSettings(fyne.CurrentApp().Preferences(), "", "")
			last := formats.Format(settings.ExportFormat(string(formats.HTML)))
			transfer.ExportHolding(w, s, ids, load, last, func(f formats.Format) { settings.SetExportFormat(string(f)) }, e.author)
		},
		Backup: func(w fyne.Window, s storage.Store) {
			encrypted, _ := e.encrypted()
			transfer.Backup(w, s, encrypted)
		},
		Restore: func(w fyne.Window, _ storage.Store) {
			transfer.Restore(w, func(dir string) (storage.Store, error) {
				return badgerstore.Open(dir, badgerstore.Options{Logger: e.logger})
			})
		},
	}
}

// windowGC sets the window's garbage-collection target to 20 unless GOGC
// says otherwise. The window allocates about 10 MB a second while a person
// types (each keystroke re-renders rows of text) over a live heap of
// 35–50 MB; the runtime lets the heap grow by GOGC per cent of what is live
// before it collects, and keeps those pages. At Go's default of 100 that
// was most of a day's RSS growth in the soak (58 → 144 MB); at 20 the heap
// stays within a fifth of what is live, for a collection about every
// second while typing, each 10–15 ms of one core (measured with
// GODEBUG=gctrace=1): 1–2 % of a core, beside the 20 ms a keystroke's
// frame costs. The command line keeps the default.
func windowGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(20)
	}
}
