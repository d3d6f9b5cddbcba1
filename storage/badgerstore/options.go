package badgerstore

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Options adjusts how a store is opened. The zero value is a quiet,
// read-write, unencrypted store.
type Options struct {
	// Logger receives Badger's messages at every level; its handler
	// decides what to keep. nil sends warnings and errors to slog.Default.
	Logger *slog.Logger
	// ReadOnly opens the database for reading; writes fail with
	// ErrReadOnly. Other read-only opens may share the directory.
	ReadOnly bool
	// EncryptionKey, when set, encrypts the database with AES: 16, 24 or
	// 32 bytes. A database must always be opened with the key it was
	// created with.
	EncryptionKey []byte
	// SyncEveryWrite makes Badger sync inside every write. By default the
	// store syncs once after each revision, draft (autosave) and setting,
	// which is as durable; background work (compaction of old revisions,
	// the search index) is not synced and is redone after a crash.
	SyncEveryWrite bool
	// NoSync skips the sync after revisions and settings: for filling a
	// library from an archive, and for benchmarks. A crash of the process
	// loses nothing (the writes are in the page cache); a power cut may
	// lose the latest writes. Close still writes everything out.
	NoSync bool
	// BeforeMigrate, when set, is called before a database written by an
	// older Copydesk (schema version from) is migrated to this one's (to),
	// with the database closed, so that the caller can back it up. An
	// error leaves the database unmigrated and fails Open with it.
	BeforeMigrate func(dir string, from, to int) error
	// MinFreeBytes is the free disk space below which the store refuses
	// to open for writing, and to write (space.go): 0 means 64 MB, a
	// negative value turns the guard off.
	MinFreeBytes int64
}

// Sizes for a desktop: Badger's defaults are for servers (64 MB memtables
// ×5, a 256 MB block cache, 1 GB value-log files).
const (
	memTableSize = 4 << 20
	// valueThreshold keeps values up to 256 KB (a story of ~30,000 words)
	// inside the LSM tree, where compaction drops overwritten drafts; only
	// larger ones go to the value log. Two such values (a draft and a
	// revision) plus indexes must fit in one transaction, which Badger
	// caps at 15% of the memtable (≈ 614 KB).
	valueThreshold   = 256 << 10
	blockCacheSize   = 4 << 20
	indexCacheSize   = 2 << 20
	valueLogFileSize = 16 << 20
)

// tableCompression is what new tables are compressed with (a variable for
// the test that opens a desk written with ZSTD).
var tableCompression = options.Snappy

// badgerOptions are the Badger options for a store in dir.
func badgerOptions(dir string, opts Options) badger.Options {
	return badger.DefaultOptions(dir).
		WithMemTableSize(memTableSize).
		WithNumMemtables(2).
		WithValueThreshold(valueThreshold).
		WithBlockCacheSize(blockCacheSize).
		// Encryption needs an index cache (without one a background
		// goroutine panics at the first flush); a small one costs little.
		WithIndexCacheSize(indexCacheSize).
		WithValueLogFileSize(valueLogFileSize).
		// Snappy, not ZSTD: Badger compresses a table's blocks with one
		// package-level ZSTD encoder that keeps the last table builder's
		// buffers reachable, 16–18 MB after a desk's first memtable flush,
		// for as long as the window runs (heap profiles of `make soak`).
		// With Snappy the builder's buffers go back to the Go runtime a few
		// seconds after the flush. Story text compresses about as well, and
		// each table records its own compression, so desks written with
		// ZSTD still open.
		WithCompression(tableCompression).
		WithMetricsEnabled(false).
		WithNumCompactors(2).
		// Compacting L0 on close gives value-log GC the discard statistics
		// it needs to find anything to reclaim.
		WithCompactL0OnClose(true).
		WithSyncWrites(opts.SyncEveryWrite).
		WithReadOnly(opts.ReadOnly).
		WithEncryptionKey(opts.EncryptionKey).
		WithLogger(newLogger(opts.Logger))
}

// slogLogger routes Badger's printf-style messages to slog.
type slogLogger struct {
	log *slog.Logger
	min slog.Level
}

func newLogger(l *slog.Logger) *slogLogger {
	if l == nil {
		return &slogLogger{log: slog.Default(), min: slog.LevelWarn}
	}
	return &slogLogger{log: l, min: slog.LevelDebug}
}

func (l *slogLogger) emit(level slog.Level, format string, args ...any) {
	if level < l.min || !l.log.Enabled(context.Background(), level) {
		return
	}
	msg := strings.TrimRight(fmt.Sprintf(format, args...), "\n")
	l.log.Log(context.Background(), level, msg, "component", "badger")
}

func (l *slogLogger) Errorf(f string, a ...any)   { l.emit(slog.LevelError, f, a...) }
func (l *slogLogger) Warningf(f string, a ...any) { l.emit(slog.LevelWarn, f, a...) }
func (l *slogLogger) Infof(f string, a ...any)    { l.emit(slog.LevelInfo, f, a...) }
func (l *slogLogger) Debugf(f string, a ...any)   { l.emit(slog.LevelDebug, f, a...) }
