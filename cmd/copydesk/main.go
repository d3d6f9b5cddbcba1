// Command copydesk is the Copydesk editorial workstation: without a
// subcommand it opens the window; with one it works on the same database
// from the command line and never needs a display.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	// Before Fyne's packages: it sets how long Fyne keeps renderings.
	_ "copydesk/cmd/copydesk/internal/rendercache"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := guarded(os.Stderr, func() int {
		return run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}, os.Getenv)
	})
	stop()
	os.Exit(code)
}

// guarded runs fn and turns a panic on its goroutine — a bug, or a fault
// reading a database file Badger maps into memory when the disk is full
// or the file damaged — into one line on stderr and exit status 1. Left
// to the runtime it was a goroutine dump and status 2, which says "you
// typed the command wrong". (A fault on one of Badger's own goroutines
// cannot be caught here; the free-space check before writes keeps a full
// disk from reaching them.) While the window is open the stack goes to
// its log (log.go), where the runtime's own crash output goes too.
func guarded(stderr io.Writer, fn func() int) (code int) {
	debug.SetPanicOnFault(true)
	defer func() {
		if r := recover(); r != nil {
			report := "the command you ran"
			if l := windowLog.Load(); l != nil { // the window's log, with what led to it
				fmt.Fprintf(l, "panic: %v\n\n%s\n", r, debug.Stack())
				report = l.Path() + " and what you were doing"
			} else if f, err := os.CreateTemp("", "copydesk-crash-*.txt"); err == nil {
				fmt.Fprintf(f, "%v\n\n%s", r, debug.Stack())
				f.Close()
				report = f.Name() + " and the command you ran"
			}
			fmt.Fprintf(stderr, "copydesk: stopped by an internal error (%v); nothing more was written. If the disk is full, free space and retry; run copydesk verify to check the desk; if it happens again, report it with %s\n", r, report)
			code = exitUser
		}
	}()
	return fn()
}
