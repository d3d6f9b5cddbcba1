package main

import (
	"fmt"
	"sync"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/backup"
)

func init() {
	register(command{"backup", "FILE [--force]", "write the whole database (every article, revision and draft) to one compressed, checksummed file", cmdBackup})
	register(command{"restore", "FILE --db NEWDIR", "restore a backup into a new (or empty) database, then verify it", cmdRestore})
}

// cmdBackup: copydesk backup FILE [--force]
func cmdBackup(e *env, args []string) error {
	fs := e.newFlags("backup")
	force := fs.Bool("force", false, "replace FILE if it exists")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "backup FILE"); err != nil {
		return err
	}
	path := pos[0]
	if err := refuseOverwrite(path, *force); err != nil {
		return err
	}
	return e.withStore(func(s storage.Store) error {
		progress, done := e.progress("backing up")
		sum, err := backup.WriteFile(e.ctx, s, path, progress)
		done()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.io.err, "backed up %s, %s to %s: %s (%s uncompressed) in %v\n",
			editor.Plural(sum.Articles, "article"), editor.Plural(sum.Revisions, "revision"), path, backup.SizeText(sum.FileBytes), backup.SizeText(sum.Plain), sum.Elapsed.Round(time.Millisecond))
		if encrypted, _ := e.encrypted(); encrypted {
			fmt.Fprintf(e.io.err, "note: the database is encrypted, the backup is not: keep %s where only you can read it\n", path)
		}
		return nil
	})
}

// cmdRestore: copydesk restore FILE --db NEWDIR
func cmdRestore(e *env, args []string) error {
	fs := e.newFlags("restore")
	fs.StringVar(&e.dbDir, "db", e.dbDir, "the database to restore into: a new directory, or an empty database (made with copydesk init)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "backup FILE"); err != nil {
		return err
	}
	progress, done := e.progress("restoring")
	sum, err := backup.RestoreDir(e.ctx, pos[0], e.dbDir, func(string) (storage.Store, error) { return e.openStore() }, progress)
	done()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.err, "restored %s, %s from %s (written %s) into %s in %v; verify: OK\n",
		editor.Plural(sum.Articles, "article"), editor.Plural(sum.Revisions, "revision"), pos[0], sum.Created.Local().Format(time.DateTime), e.dbDir, sum.Elapsed.Round(time.Millisecond))
	return nil
}

// progress reports a long run on stderr, at most four times a second;
// done ends the line.
func (e *env) progress(what string) (storage.Progress, func()) {
	var (
		mu    sync.Mutex
		last  time.Time
		shown bool
	)
	report := func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if now := time.Now(); now.Sub(last) >= 250*time.Millisecond || done == total {
			last = now
			shown = true
			fmt.Fprintf(e.io.err, "\r%s: %d of %s", what, done, editor.Plural(total, "article"))
		}
	}
	return report, func() {
		mu.Lock()
		defer mu.Unlock()
		if shown {
			fmt.Fprintln(e.io.err)
		}
	}
}
