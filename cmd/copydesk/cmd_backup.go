package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/backup"
)

func init() {
	register(command{"backup", "FILE [--force] [--damaged-ok]", "verify the desk, then write it (every article, revision, draft and setting) to one compressed, checksummed file; encrypted if the desk is", cmdBackup})
	register(command{"restore", "FILE --db NEWDIR [--salvage] [--plain]", "check a backup whole, restore it into a new (or empty) database, then verify it", cmdRestore})
}

// cmdBackup: copydesk backup FILE [--force] [--damaged-ok]
//
// The desk is verified first. A damaged desk is not backed up by default:
// a backup that looks fine and restores nothing is worse than none, and
// the editor must learn of the damage now, while older copies still
// exist. --damaged-ok writes it all the same, the damaged articles as they
// are and named in the file, so that restore --salvage brings back every
// intact one.
func cmdBackup(e *env, args []string) error {
	fs := e.newFlags("backup")
	force := fs.Bool("force", false, "replace FILE if it exists")
	damagedOK := fs.Bool("damaged-ok", false, "back up a desk that verify finds damaged: the damaged articles go in as they are, named, and restore --salvage leaves them out")
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
	return e.withReader(func(s storage.Store) error {
		progress, done := e.progress("verifying")
		damaged, err := backup.Damage(e.ctx, s, progress)
		done()
		if err != nil {
			return err
		}
		var lost []string
		if e.storeURL == "" {
			if lost, _, err = backup.CheckNoted(e.ctx, s, e.dbDir); err != nil {
				return err
			}
		}
		if len(lost) > 0 && !*damagedOK {
			return fmt.Errorf("the desk has lost what it held when its head was noted: %s (%d problems in all); no backup was written: keep your older backups and restore from one, or backup --damaged-ok to write what is left", lost[0], len(lost))
		}
		if len(damaged) > 0 && !*damagedOK {
			return &backup.DamagedDeskError{Damaged: damaged}
		}
		progress, done = e.progress("backing up")
		sum, err := backup.WriteFileWith(e.ctx, s, path, backup.WriteOptions{Progress: progress, Damaged: damaged})
		done()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.io.err, "backed up %s, %s to %s: %s (%s uncompressed) in %v\n",
			editor.Plural(sum.Articles, "article"), editor.Plural(sum.Revisions, "revision"), path, backup.SizeText(sum.FileBytes), backup.SizeText(sum.Plain), sum.Elapsed.Round(time.Millisecond))
		if sum.Head != nil {
			fmt.Fprintf(e.io.err, "head: %s\n", sum.Head)
		}
		if sum.Sealed != nil {
			fmt.Fprintln(e.io.err, "the backup is encrypted with the desk's key: restoring it needs the desk's passphrase (as it is now)")
		}
		if len(damaged) > 0 {
			fmt.Fprintf(e.io.err, "warning: %s in the backup as they are and will not be restored: %s\n", editor.Plural(len(damaged), "damaged article"), backup.ListDamaged(damaged, 20))
		}
		return nil
	})
}

// cmdRestore: copydesk restore FILE --db NEWDIR [--salvage] [--plain]
func cmdRestore(e *env, args []string) error {
	fs := e.newFlags("restore")
	fs.StringVar(&e.dbDir, "db", e.dbDir, "the database to restore into: a new directory, or an empty database (made with copydesk init)")
	salvage := fs.Bool("salvage", false, "restore every intact article of a damaged or altered backup and list the others, instead of refusing the whole file")
	plain := fs.Bool("plain", false, "make an unencrypted desk from an encrypted backup (by default it stays encrypted, with the passphrase it had)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "backup FILE"); err != nil {
		return err
	}
	var pass []byte
	if e.getenv(envPassphraseFile) != "" {
		if pass, err = e.passphrase(envPassphraseFile); err != nil {
			return err
		}
	}
	progress, done := e.progress("restoring")
	sum, err := backup.RestoreInto(e.ctx, pos[0], e.dbDir, backup.DirOptions{
		Passphrase: pass, Plain: *plain, Salvage: *salvage, Progress: progress,
		Open: func(dir string, key []byte) (storage.Store, error) {
			d := *e
			d.dbDir, d.filling = dir, true
			return d.openWithKey(key)
		},
		DirKey: func(dir string) ([]byte, error) {
			d := *e
			d.dbDir = dir
			return d.databaseKey()
		},
	})
	done()
	if errors.Is(err, backup.ErrNeedPassphrase) {
		return fmt.Errorf("%s is an encrypted backup: put the passphrase of the desk it was made from in a file only you can read and set %s to its path", pos[0], envPassphraseFile)
	}
	if err != nil {
		return err
	}
	kind := ""
	if sum.Sealed != nil && !*plain {
		kind = " (encrypted, with the passphrase the desk had)"
	}
	fmt.Fprintf(e.io.err, "restored %s, %s from %s (written %s) into %s%s in %v; verify: OK\n",
		editor.Plural(sum.Restored, "article"), editor.Plural(sum.RestoredRevisions, "revision"), pos[0], sum.Created.Local().Format(time.DateTime), e.dbDir, kind, sum.Elapsed.Round(time.Millisecond))
	if sum.Head != nil {
		fmt.Fprintf(e.io.err, "head of the backup: %s\n", sum.Head)
	}
	if len(sum.Skipped) == 0 && sum.HeadProblem == "" {
		return nil
	}
	for _, d := range sum.Skipped {
		fmt.Fprintf(e.io.err, "not restored: %s\n", d)
	}
	msg := fmt.Sprintf("salvaged %d of %d articles into %s", sum.Restored, sum.Restored+len(sum.Skipped), e.dbDir)
	if len(sum.Skipped) > 0 {
		msg += fmt.Sprintf("; %d were not restored (listed above)", len(sum.Skipped))
	}
	if sum.HeadProblem != "" {
		msg += "; the backup does not match its head, so more may be missing or altered: " + sum.HeadProblem
	}
	return errors.New(msg)
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
