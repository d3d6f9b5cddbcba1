package main

import (
	"fmt"
	"log/slog"
	"sync/atomic"

	"copydesk/app/applog"
)

// windowLog is the window's log while it is open, nil otherwise: guarded
// writes a recovered panic's stack there too.
var windowLog atomic.Pointer[applog.File]

// openLog sets up the window's log (app/applog) in the user's state
// directory: the stores and slog.Default write to it, and so does the
// runtime when it crashes. It returns the log's folder for Help › "Open the
// log folder" ("" when there is none) and what to call when the window has
// closed. The command line does not call it: it reports on stderr, as
// before. A log that cannot be opened is said on stderr; the window opens
// without it.
func (e *env) openLog() (dir string, closeLog func()) {
	dir, err := applog.Dir(e.getenv)
	var f *applog.File
	if err == nil {
		f, err = applog.Open(dir)
	}
	if err != nil {
		fmt.Fprintln(e.io.err, "copydesk: working without a log file:", oneLine(err))
		return "", func() {}
	}
	e.logger = applog.New(f)
	if err := f.CaptureCrashes(); err != nil {
		e.logger.Warn("a crash will not be logged here", "err", err)
	}
	prev := slog.Default()
	slog.SetDefault(e.logger)
	windowLog.Store(f)
	e.logger.Info("window opening", "version", buildVersion(), "desk", e.location())
	return dir, func() {
		e.logger.Info("window closed")
		windowLog.Store(nil)
		slog.SetDefault(prev)
		e.logger = nil
		f.Close()
	}
}
