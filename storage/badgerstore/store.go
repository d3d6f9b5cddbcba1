// Package badgerstore is Copydesk's embedded store: one Badger v4
// database in a directory on the desk's own machine, tuned for a desktop
// (small memtables and caches, Badger's logger routed to log/slog), with
// a lock that names the process holding it, versioned keys with a schema
// version, and secondary indexes so the library lists without decoding
// bodies. It implements storage.Store and passes storetest.Run.
package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

var _ storage.Store = (*Store)(nil)

// ErrReadOnly is returned by writes to a store opened with ReadOnly.
var ErrReadOnly = errors.New("the database is open read-only")

const (
	// lockFileName is the file in the database directory that a store
	// holds an flock on while it is open. Badger locks the directory too,
	// but its refusal is a plain string without the holder; ours names
	// the pid.
	lockFileName = "copydesk.lock"
	// gcInterval is how often the idle value-log GC runs.
	gcInterval = 5 * time.Minute
	// gcDiscardRatio: rewrite a value-log file when half of it is garbage.
	gcDiscardRatio = 0.5
	// maxConflictRetries bounds the retries of a transaction that lost a
	// race with another writer to the same article.
	maxConflictRetries = 1000
)

// Store is an open Badger database of articles. It is safe for
// concurrent use.
type Store struct {
	dir  string
	opts Options
	db   *badger.DB
	lock *dirLock

	// The gate: calls in flight, and whether Close has begun. Close waits
	// for calls in flight; calls that start after it fail with ErrClosed.
	mu     sync.Mutex
	idle   *sync.Cond
	active int
	closed bool

	clockMu sync.Mutex
	last    time.Time

	stopGC chan struct{}
	gcDone sync.WaitGroup

	// noSync skips the durable sync after revisions: for filling large
	// databases in benchmarks only.
	noSync bool
}

// Open opens (and, unless opts.ReadOnly, creates) the database in dir.
// A database open elsewhere — in this process or another — gives a
// *storage.LockedError naming the holder's pid; one written by a newer
// Copydesk gives a *storage.SchemaError.
func Open(dir string, opts Options) (*Store, error) {
	if dir == "" {
		return nil, errors.New("no database directory given")
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	switch len(opts.EncryptionKey) {
	case 0, 16, 24, 32:
	default:
		return nil, fmt.Errorf("database %s: the encryption key is %d bytes; it must be 16, 24 or 32", dir, len(opts.EncryptionKey))
	}
	if opts.ReadOnly {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("database %s cannot be opened read-only: there is no such directory", dir)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating database directory: %w", err)
	} else if err := checkForeignFiles(dir); err != nil {
		return nil, err
	}
	lock, err := lockDir(dir, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	db, err := badger.Open(badgerOptions(dir, opts))
	if err != nil {
		lock.release()
		return nil, openError(dir, err)
	}
	s := &Store{dir: dir, opts: opts, db: db, lock: lock, stopGC: make(chan struct{})}
	s.idle = sync.NewCond(&s.mu)
	if err := s.checkSchema(); err != nil {
		db.Close()
		lock.release()
		return nil, err
	}
	if !opts.ReadOnly {
		s.gcDone.Add(1)
		go s.collectGarbage()
	}
	return s, nil
}

// checkForeignFiles refuses to start a database in a directory that holds
// other files (say, a home directory typed as --db): Badger would scatter
// its files among them.
func checkForeignFiles(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading database directory: %w", err)
	}
	var foreign []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == "MANIFEST":
			return nil // a Badger database: checkSchema decides whose
		case name == lockFileName, name == "LOCK", name == "KEYREGISTRY", name == "DISCARD",
			strings.HasSuffix(name, ".sst"), strings.HasSuffix(name, ".vlog"), strings.HasSuffix(name, ".mem"):
		default:
			foreign = append(foreign, name)
		}
	}
	if len(foreign) > 0 {
		if len(foreign) > 3 {
			foreign = append(foreign[:3], "…")
		}
		return fmt.Errorf("directory %s holds other files (%s) and no database: choose an empty or new directory for the database", dir, strings.Join(foreign, ", "))
	}
	return nil
}

// openError explains why Badger would not open dir. Badger's errors are
// mostly strings, hence the matching on text.
func openError(dir string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Cannot acquire directory lock"):
		return &storage.LockedError{Path: dir, PID: livePID(readPID(filepath.Join(dir, "LOCK")))}
	case errors.Is(err, badger.ErrEncryptionKeyMismatch) || strings.Contains(msg, badger.ErrEncryptionKeyMismatch.Error()):
		return fmt.Errorf("database %s: the encryption key does not match the one it was created with: %w", dir, badger.ErrEncryptionKeyMismatch)
	case strings.Contains(msg, badger.ErrTruncateNeeded.Error()):
		return fmt.Errorf("database %s was not closed cleanly and cannot be opened read-only: open it once for writing to recover it (%w)", dir, err)
	}
	return fmt.Errorf("opening database %s: %w", dir, err)
}

// Dir is the database directory.
func (s *Store) Dir() string { return s.dir }

// enter admits a call through the gate; every successful enter is paired
// with exit.
func (s *Store) enter(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return storage.ErrClosed
	}
	s.active++
	return nil
}

func (s *Store) exit() {
	s.mu.Lock()
	s.active--
	if s.active == 0 {
		s.idle.Broadcast()
	}
	s.mu.Unlock()
}

// Close waits for calls in flight, runs value-log GC once, closes the
// database and releases the lock. Calls after Close fail with ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return storage.ErrClosed
	}
	s.closed = true
	for s.active > 0 {
		s.idle.Wait()
	}
	s.mu.Unlock()

	close(s.stopGC)
	s.gcDone.Wait()
	if !s.opts.ReadOnly {
		_ = s.db.RunValueLogGC(gcDiscardRatio) // nothing to reclaim is the usual answer
	}
	err := s.db.Close()
	if lerr := s.lock.release(); err == nil {
		err = lerr
	}
	if err != nil {
		return fmt.Errorf("closing database %s: %w", s.dir, err)
	}
	return nil
}

// collectGarbage reclaims value-log space every gcInterval until Close.
func (s *Store) collectGarbage() {
	defer s.gcDone.Done()
	tick := time.NewTicker(gcInterval)
	defer tick.Stop()
	for {
		select {
		case <-s.stopGC:
			return
		case <-tick.C:
			// Each successful run rewrites one file; stop when one finds nothing.
			for i := 0; i < 10 && s.db.RunValueLogGC(gcDiscardRatio) == nil; i++ {
			}
		}
	}
}

// now is the store's clock: UTC, and strictly increasing, so that two
// writes never share a modification time in the indexes.
func (s *Store) now() time.Time {
	s.clockMu.Lock()
	defer s.clockMu.Unlock()
	t := time.Now().UTC().Round(0)
	if !t.After(s.last) {
		t = s.last.Add(time.Nanosecond)
	}
	s.last = t
	return t
}

// update runs fn in a read-write transaction, again from the start when
// another writer committed a change to what fn read.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	if s.opts.ReadOnly {
		return fmt.Errorf("database %s: %w", s.dir, ErrReadOnly)
	}
	for attempt := 0; ; attempt++ {
		err := s.db.Update(fn)
		if !errors.Is(err, badger.ErrConflict) {
			return err
		}
		if attempt == maxConflictRetries {
			return fmt.Errorf("database %s is too busy: %d attempts lost to other writers: %w", s.dir, attempt+1, err)
		}
		runtime.Gosched()
	}
}

// sync makes what was committed durable: explicit saves must survive a
// power cut, not only a crash of the process.
func (s *Store) sync() error {
	if s.opts.SyncEveryWrite || s.noSync {
		return nil
	}
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("database %s: syncing to disk: %w", s.dir, err)
	}
	return nil
}
