package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
)

// Commands that only read (list, show, history, export, verify, backup,
// diff, check, stats) open the desk read-only: they never create a desk
// where there is none (a mistyped --db made an empty, unencrypted one),
// they work in a directory they may not write and on a full disk (a
// writer's memory maps take SIGBUS there), and they change no file.

// noDeskError says there is no desk where one was expected.
type noDeskError struct{ dir string }

func (e *noDeskError) Error() string {
	return fmt.Sprintf("there is no desk at %s: create one with copydesk --db %s init (or import a story into it), or give the directory of an existing desk with --db", e.dir, e.dir)
}

// openReader opens the desk for a command that only reads.
func (e *env) openReader() (storage.Store, error) {
	if e.storeURL != "" {
		return e.openSharedStore()
	}
	switch found, err := badgerstore.Exists(e.dbDir); {
	case err != nil:
		return nil, err
	case !found:
		return nil, &noDeskError{e.dbDir}
	}
	// A restore or migration into the directory did not finish.
	if err := backup.CheckComplete(e.dbDir); err != nil {
		return nil, err
	}
	key, err := e.databaseKey()
	if err != nil {
		return nil, err
	}
	s, err := badgerstore.Open(e.dbDir, badgerstore.Options{EncryptionKey: key, ReadOnly: true, Logger: e.logger})
	if err != nil {
		if notClosedCleanly(err) {
			// A crash left the logs to be cut back, which only a writer may
			// do (the free-space guard refuses it on a full disk).
			return e.openWithKey(key)
		}
		return nil, err
	}
	if s.Schema() < badgerstore.SchemaVersion {
		// Written by an older Copydesk: migrate it first (after a copy).
		if err := s.Close(); err != nil {
			return nil, err
		}
		return e.openWithKey(key)
	}
	return s, nil
}

// notClosedCleanly reports Badger's refusal to open read-only a database
// whose logs a crash left for a writer to truncate.
func notClosedCleanly(err error) bool {
	return errors.Is(err, badger.ErrTruncateNeeded) || strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error())
}

// withReader is withStore for commands that only read.
func (e *env) withReader(fn func(s storage.Store) error) (err error) {
	s, err := e.openReader()
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return fn(s)
}
