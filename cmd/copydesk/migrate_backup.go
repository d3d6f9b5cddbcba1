package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// backupBeforeMigrate copies a database directory aside before its schema
// is migrated: "DIR.schema-1-backup-20261127-041500". The store is closed
// while this runs, so a file copy is a whole, consistent database (still
// encrypted, if it was). A failure stops the migration.
func (e *env) backupBeforeMigrate(dir string, from, to int) error {
	dest := fmt.Sprintf("%s.schema-%d-backup-%s", filepath.Clean(dir), from, time.Now().Format("20060102-150405"))
	fmt.Fprintf(e.io.err, "copydesk: the database %s uses schema %d; this Copydesk uses %d. Copying it to %s first…\n", dir, from, to, dest)
	if err := copyDir(dir, dest); err != nil {
		os.RemoveAll(dest)
		return fmt.Errorf("backing up before migrating schema %d to %d: %w", from, to, err)
	}
	return nil
}

// copyDir copies the regular files of dir (a Badger directory is flat)
// into a new directory dest, syncing each.
func copyDir(dir, dest string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if err := os.Mkdir(dest, 0o700); err != nil {
		return err
	}
	for _, ent := range entries {
		if !ent.Type().IsRegular() || ent.Name() == "copydesk.lock" {
			continue
		}
		if err := copyFile(filepath.Join(dir, ent.Name()), filepath.Join(dest, ent.Name())); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}
