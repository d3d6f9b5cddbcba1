package main

import (
	"fmt"
	"os"
	"path/filepath"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/inbox"
)

func init() {
	register(command{"inbox", "DIR [--once]", "import the files dropped into the wire inbox DIR (each once; a newer agency version revises its story; bad files to DIR/rejected/); watches until interrupted, or --once", cmdInbox})
}

// cmdInbox: copydesk inbox DIR [--once]
func cmdInbox(e *env, args []string) error {
	fs := e.newFlags("inbox")
	once := fs.Bool("once", false, "import what is in DIR now and exit (exit status 1 when a file was rejected)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "inbox DIR"); err != nil {
		return err
	}
	dir := pos[0]
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("the inbox %s is not a folder: create it (mkdir -p %s) or name another", dir, dir)
	}
	return e.withStore(func(s storage.Store) error {
		in := &inbox.Inbox{Dir: dir, Store: s, Author: e.author}
		if !*once {
			fmt.Fprintf(e.io.err, "watching %s (Ctrl+C to stop)\n", dir)
			return in.Watch(e.ctx, func(r inbox.Result) { printResult(e, r) })
		}
		if err := in.Prepare(); err != nil {
			return err
		}
		rs, err := in.Scan(e.ctx)
		rejected := 0
		for _, r := range rs {
			printResult(e, r)
			if r.Rejected != nil {
				rejected++
			}
		}
		if err != nil {
			return err
		}
		if rejected > 0 {
			return fmt.Errorf("%d of %d files rejected: see %s and the .why.txt beside each", rejected, len(rs), dir+"/"+inbox.RejectedDir)
		}
		return nil
	})
}

// watchInbox starts the window's wire inbox dir (--inbox DIR, else the
// one set in Settings) on s, and returns the store the window uses: it
// shows each imported story in the library as it arrives. What becomes of
// each file is printed on stderr. dir "" is no inbox.
func (e *env) watchInbox(s storage.Store, dir string) storage.Store {
	if dir == "" {
		return s
	}
	ws, _ := inbox.StartLive(e.ctx, dir, s, e.author, func(r inbox.Result) {
		fmt.Fprintln(e.io.err, "inbox:", r)
	})
	return ws
}

// printResult says what became of a file on stdout, and the importer's
// warnings on stderr, as import does.
func printResult(e *env, r inbox.Result) {
	fmt.Fprintln(e.io.out, r)
	for _, w := range r.Warnings {
		fmt.Fprintf(e.io.err, "%s: warning: %s\n", editor.PrintableName(filepath.Base(r.File)), w)
	}
}
