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
	"sync/atomic"
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

	// gate: Close waits for calls in flight; calls that start after it
	// fail with ErrClosed.
	gate storage.Gate
	// clock stamps writes; two never share a modification time in the
	// indexes.
	clock storage.Clock

	// The background work (history compaction, the full-text indexer,
	// idle value-log GC) runs until stop is closed; stopCtx is cancelled
	// with it so that a long run gives way to Close.
	stop        chan struct{}
	stopCtx     context.Context
	cancelStop  context.CancelFunc
	background  sync.WaitGroup
	compactKick chan struct{}
	indexKick   chan struct{}
	// keyframes: every keyframes-th revision is kept whole (keyframeEvery;
	// benchmarks vary it).
	keyframes uint64
	// schema is the database's schema version: SchemaVersion, or 1 for a
	// version-1 database opened read-only (not migrated).
	schema int
	// lib is the library in memory, for List (libcache.go).
	lib libraryCache
	// tags is the answer of Tags while no write changes it (tagcache.go).
	tags tagCache
	// tagScans counts the walks of the tag index (tests).
	tagScans atomic.Int64
	// lastWrite is when the store last wrote, for the idle GC.
	lastWrite atomicTime

	// minFree is the free-space floor of writes (space.go); tests lower
	// the disk's free space by raising it.
	minFree atomic.Int64
	// cutIndex stops every batched index run after one batch (tests).
	cutIndex atomic.Bool

	// noSync skips the durable sync after revisions: for filling large
	// databases in benchmarks only.
	noSync bool
}

// Open opens (and, unless opts.ReadOnly, creates) the database in dir.
// A database open elsewhere — in this process or another — gives a
// *storage.LockedError naming the holder's pid; one written by a newer
// Copydesk gives a *storage.SchemaError.
func Open(dir string, opts Options) (*Store, error) {
	return open(dir, opts, false)
}

// open opens dir; backedUp says that opts.BeforeMigrate has been called
// for this open already.
func open(dir string, opts Options, backedUp bool) (*Store, error) {
	dir, err := checkDir(dir, opts)
	if err != nil {
		return nil, err
	}
	lock, err := lockDir(dir, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	if err := beforeBadger(dir, opts); err != nil {
		lock.release()
		return nil, err
	}
	db, err := openBadger(dir, opts)
	if err != nil {
		lock.release()
		return nil, openError(dir, err)
	}
	s := &Store{dir: dir, opts: opts, db: db, lock: lock, keyframes: keyframeEvery,
		stop: make(chan struct{}), compactKick: make(chan struct{}, 1), indexKick: make(chan struct{}, 1)}
	s.stopCtx, s.cancelStop = context.WithCancel(context.Background())
	s.minFree.Store(opts.minFree())
	fail := func(err error) (*Store, error) {
		db.Close()
		lock.release()
		return nil, err
	}
	found, err := s.checkSchema()
	if err != nil {
		return fail(err)
	}
	if found != 0 && found < SchemaVersion && !opts.ReadOnly {
		if opts.BeforeMigrate != nil && !backedUp {
			// The caller backs the database up as it is, which needs it
			// closed; then it is opened again and migrated.
			db.Close()
			lock.release()
			if err := opts.BeforeMigrate(dir, found, SchemaVersion); err != nil {
				return nil, fmt.Errorf("database %s was not migrated from schema version %d to %d: %w", dir, found, SchemaVersion, err)
			}
			return open(dir, opts, true)
		}
		if err := s.migrate(found); err != nil {
			return fail(err)
		}
	}
	if err := s.checkOpened(found); err != nil {
		return fail(err)
	}
	s.start()
	return s, nil
}

// checkDir checks what open is asked before it touches dir: a directory
// (absolute from here on), a key of a length AES takes, and a directory
// that exists (read-only) or is made and holds no foreign files.
func checkDir(dir string, opts Options) (string, error) {
	if dir == "" {
		return "", errors.New("no database directory given")
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	switch len(opts.EncryptionKey) {
	case 0, 16, 24, 32:
	default:
		return "", fmt.Errorf("database %s: the encryption key is %d bytes; it must be 16, 24 or 32", dir, len(opts.EncryptionKey))
	}
	if opts.ReadOnly {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return "", fmt.Errorf("database %s cannot be opened read-only: there is no such directory", dir)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating database directory: %w", err)
	} else if err := checkForeignFiles(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// beforeBadger checks the locked directory's files, and for a writer the
// free space, and removes the empty logs a crash can leave.
func beforeBadger(dir string, opts Options) error {
	if err := preflight(dir, opts); err != nil {
		return err
	}
	if opts.ReadOnly {
		return nil
	}
	if err := checkSpace(dir, opts.minFree()); err != nil {
		return err
	}
	return removeEmptyLogs(dir)
}

// checkOpened notes the schema the store now has (found, for a reader
// of an older one) and checks the full-text index and the counts.
func (s *Store) checkOpened(found int) error {
	s.schema = SchemaVersion
	if s.opts.ReadOnly && found != 0 {
		s.schema = found
	}
	if err := s.checkFullText(); err != nil {
		return err
	}
	if err := s.checkCounts(context.Background()); err != nil {
		return fmt.Errorf("database %s: %w", s.dir, err)
	}
	return nil
}

// start starts the background work: a writer's garbage collection,
// compaction and indexing, and everyone's work after start-up.
func (s *Store) start() {
	if !s.opts.ReadOnly {
		s.background.Add(3)
		go s.collectGarbage()
		go s.compactor()
		go s.indexer()
	}
	s.background.Add(1)
	go s.afterStartup()
}

// startupGrace is how long after Open the store waits before the work
// nobody is waiting for: reading the library into memory (for searches),
// and history compaction and indexing a crash left undone. Done at once,
// it competes for the CPU with the window's first frame — on two cores
// the first page of the library took 13 ms beside it instead of 7 ms.
// A search in the meantime reads the library itself; writes kick the
// compactor and the indexer as ever; Close finishes both.
const startupGrace = time.Second

func (s *Store) afterStartup() {
	defer s.background.Done()
	t := time.NewTimer(startupGrace)
	defer t.Stop()
	select {
	case <-s.stop:
		return
	case <-t.C:
	}
	if !s.opts.ReadOnly {
		s.kickCompactor()
		s.kickIndexer()
	}
	// The first search should not wait for the library to be read.
	if err := s.lib.load(s.stopCtx, s.db); err != nil && !errors.Is(err, context.Canceled) {
		s.logger().Warn("reading the library", "err", err)
	}
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
		// Badger writes MANIFEST-REWRITE and REWRITE-KEYREGISTRY first and
		// renames them into place: a first Open killed in between leaves them.
		case name == lockFileName, name == "LOCK", name == "KEYREGISTRY", name == "DISCARD",
			name == "MANIFEST-REWRITE", name == badger.KeyRegistryRewriteFileName,
			strings.HasSuffix(name, ".sst"), strings.HasSuffix(name, ".vlog"), strings.HasSuffix(name, ".mem"):
		// The key header of an encrypted desk (storage/keyfile) comes
		// before the database, so that a crash cannot leave an encrypted
		// database without the header that unlocks it.
		case strings.HasPrefix(name, "copydesk.key"),
			name == "copydesk.incomplete", name == "copydesk.head": // storage/backup
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

// removeEmptyLogs deletes 0-byte memtable and value-log files. A process
// killed between Badger creating such a file and sizing it leaves one,
// and Badger 4.9.6 then refuses every Open ("Create a new file",
// dgraph-io/badger#2207). An empty file holds no write, so nothing is lost.
func removeEmptyLogs(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading database directory: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".mem") && !strings.HasSuffix(name, ".vlog") {
			continue
		}
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return fmt.Errorf("database %s: removing the empty %s a crash left: %w", dir, name, err)
			}
		}
	}
	return nil
}

// openBadger is badger.Open with its panics (on files preflight could
// not judge) turned into errors. Panics in the goroutines Open starts
// cannot be caught here; preflight keeps the known ones from happening.
func openBadger(dir string, opts Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, &damagedError{dir: dir, file: "a database file", what: fmt.Sprintf("made the database library fail (%v)", firstLine(fmt.Sprint(r)))}
		}
	}()
	return badger.Open(badgerOptions(dir, opts))
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
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
	case strings.Contains(msg, "checksum for data key"):
		return &damagedError{dir: dir, file: badger.KeyRegistryFileName, what: "fails its checksum: the keys the encrypted tables were written with cannot be read"}
	case strings.Contains(msg, badger.ErrTruncateNeeded.Error()):
		return fmt.Errorf("database %s was not closed cleanly and cannot be opened read-only: open it once for writing to recover it (%w)", dir, err)
	}
	return fmt.Errorf("opening database %s: %w", dir, err)
}

// Dir is the database directory.
func (s *Store) Dir() string { return s.dir }

// Close waits for calls in flight, runs value-log GC once, closes the
// database and releases the lock. Calls after Close fail with ErrClosed.
func (s *Store) Close() error {
	if err := s.gate.Close(); err != nil {
		return err
	}

	close(s.stop)
	s.cancelStop()
	s.background.Wait()
	var err error
	if !s.opts.ReadOnly {
		// Finish what the background left: the history the last saves
		// superseded, and the full-text index. Neither is lost if this
		// is cut short; the next Open resumes it.
		err = errors.Join(s.unlessNoSpace(s.compactAll(context.Background())), s.unlessNoSpace(s.indexAll(context.Background())))
		_ = s.db.RunValueLogGC(gcDiscardRatio) // nothing to reclaim is the usual answer
	}
	err = errors.Join(err, s.db.Close())
	if lerr := s.lock.release(); err == nil {
		err = lerr
	}
	if err != nil {
		return fmt.Errorf("closing database %s: %w", s.dir, err)
	}
	return nil
}

// unlessNoSpace drops a refusal of the free-space guard from background
// work finished at Close: what the caller asked for is saved (or was
// refused, saying so), and this work waits for the next open.
func (s *Store) unlessNoSpace(err error) error {
	if errors.Is(err, ErrNoSpace) {
		s.logger().Warn("history compaction and indexing wait for free space", "dir", s.dir)
		return nil
	}
	return err
}

// update runs fn in a read-write transaction, again from the start when
// another writer committed a change to what fn read.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	if s.opts.ReadOnly {
		return fmt.Errorf("database %s: %w", s.dir, ErrReadOnly)
	}
	if err := checkSpace(s.dir, s.minFree.Load()); err != nil {
		return err
	}
	s.lastWrite.set(time.Now())
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
	if s.opts.SyncEveryWrite || s.opts.NoSync || s.noSync {
		return nil
	}
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("database %s: syncing to disk: %w", s.dir, err)
	}
	return nil
}

// Schema is the database's schema version: SchemaVersion, or an older
// one for a database opened read-only and not migrated.
func (s *Store) Schema() int { return s.schema }
