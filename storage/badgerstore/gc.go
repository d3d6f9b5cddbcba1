package badgerstore

// Reclaiming space. Most values live inside the LSM tree (valueThreshold),
// where compaction drops what drafts and compacted revisions overwrote;
// the value log holds only very long stories. Badger's value-log GC finds
// nothing to rewrite until compactions have recorded discard statistics,
// so GC compacts the tree first.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// idleAfter is how long the store must have gone without writes before
// the periodic GC runs.
const idleAfter = time.Minute

// GC finishes pending history compaction and full-text indexing, compacts
// the LSM tree and rewrites value-log files that are mostly garbage. It
// can take seconds on a large library; the window calls it when idle.
func (s *Store) GC(ctx context.Context) error {
	if err := s.gate.Enter(ctx); err != nil {
		return err
	}
	defer s.gate.Exit()
	if s.opts.ReadOnly {
		return fmt.Errorf("database %s: %w", s.dir, ErrReadOnly)
	}
	if err := s.compactAll(ctx); err != nil {
		return err
	}
	if err := s.indexAll(ctx); err != nil {
		return err
	}
	if err := s.db.Flatten(2); err != nil {
		return fmt.Errorf("database %s: compacting: %w", s.dir, err)
	}
	return s.valueLogGC(ctx)
}

// valueLogGC rewrites value-log files until one run finds nothing.
func (s *Store) valueLogGC(ctx context.Context) error {
	for ctx.Err() == nil {
		err := s.db.RunValueLogGC(gcDiscardRatio)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("database %s: value-log GC: %w", s.dir, err)
		}
	}
	return ctx.Err()
}

// collectGarbage runs the value-log GC every gcInterval while the store
// has been idle for idleAfter, until Close.
func (s *Store) collectGarbage() {
	defer s.background.Done()
	tick := time.NewTicker(gcInterval)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
			if time.Since(s.lastWrite.get()) < idleAfter {
				continue
			}
			if err := s.valueLogGC(s.stopCtx); err != nil && !errors.Is(err, context.Canceled) {
				s.logger().Warn("value-log GC", "err", err)
			}
		}
	}
}

// logger is where the store's own warnings go.
func (s *Store) logger() *slog.Logger {
	if s.opts.Logger != nil {
		return s.opts.Logger
	}
	return slog.Default()
}

// atomicTime is a time read and written from several goroutines.
type atomicTime struct {
	mu sync.Mutex
	t  time.Time
}

func (a *atomicTime) set(t time.Time) {
	a.mu.Lock()
	a.t = t
	a.mu.Unlock()
}

func (a *atomicTime) get() time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.t
}
