package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"copydesk/storage"
	"copydesk/storage/pgstore"
)

// failoverWait is how long a desk's call rides through a lost connection:
// with pg_auto_failover's default timeouts a dead primary is replaced in
// about a minute (25 s to call it unhealthy, up to 30 s more waiting for
// it to confirm its demotion).
const failoverWait = 3 * time.Minute

// watcher is one more desk that only listens for live updates, as a
// window does: it learns of a write from its notice, or, after its
// listening connection was lost and re-established ("reload all"), by
// reading every story again. A write it learned of neither way is a live
// update missed.
type watcher struct {
	s      *pgstore.Store
	ids    []string
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	heard   map[string]bool   // notices, by key
	seq     map[string]uint64 // newest revision read at a reload, per story
	version map[string]uint64 // newest draft version read at a reload
	reloads int
}

func watch(ctx context.Context, cfg Config, ids []string) (*watcher, error) {
	s, err := pgstore.Open(ctx, cfg.URL, pgstore.Options{MaxConns: 1, Logger: cfg.Logger, Failover: failoverWait})
	if err != nil {
		return nil, fmt.Errorf("watching desk: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	ch, err := s.Watch(ctx)
	if err != nil {
		cancel()
		s.Close()
		return nil, fmt.Errorf("watching desk: %w", err)
	}
	w := &watcher{s: s, ids: ids, cancel: cancel, done: make(chan struct{}),
		heard: map[string]bool{}, seq: map[string]uint64{}, version: map[string]uint64{}}
	go w.run(ctx, ch)
	return w, nil
}

func revisionKey(id string, seq uint64) string  { return fmt.Sprintf("%s/rev/%d", id, seq) }
func draftKey(id string, version uint64) string { return fmt.Sprintf("%s/draft/%d", id, version) }
func (w *watcher) close()                       { w.cancel(); <-w.done; w.s.Close() }
func (w *watcher) note(key string)              { w.mu.Lock(); w.heard[key] = true; w.mu.Unlock() }
func (w *watcher) reloaded(id string, d storage.Draft) {
	w.mu.Lock()
	w.seq[id] = max(w.seq[id], d.Seq)
	w.version[id] = max(w.version[id], d.Version)
	w.mu.Unlock()
}

func (w *watcher) run(ctx context.Context, ch <-chan storage.Change) {
	defer close(w.done)
	for c := range ch {
		switch {
		case c.ArticleID == "":
			w.mu.Lock()
			w.reloads++
			w.mu.Unlock()
			for _, id := range w.ids {
				d, err := w.s.Draft(ctx, id)
				if err != nil {
					continue // ctx ended; a real failure shows as misses
				}
				w.reloaded(id, d)
			}
		case c.Kind == storage.ChangeRevision || c.Kind == storage.ChangeCreate:
			w.note(revisionKey(c.ArticleID, c.Seq))
		case c.Kind == storage.ChangeDraft:
			w.note(draftKey(c.ArticleID, c.Version))
		}
	}
}

// missed counts the acknowledged writes of the desks (not the stories'
// creation, made before the watch began) that the watcher learned of
// neither way, waiting up to limit for the last notices to arrive.
func (w *watcher) missed(acks []ack, limit time.Duration, res *Result) int {
	deadline := time.Now().Add(limit)
	for {
		var miss []ack
		w.mu.Lock()
		for _, a := range acks {
			if a.end.IsZero() {
				continue
			}
			switch {
			case a.revision && (w.heard[revisionKey(a.article, a.seq)] || a.seq <= w.seq[a.article]):
			case !a.revision && (w.heard[draftKey(a.article, a.version)] || a.version <= w.version[a.article]):
			default:
				miss = append(miss, a)
			}
		}
		w.mu.Unlock()
		if len(miss) == 0 || time.Now().After(deadline) {
			for _, a := range miss {
				if len(res.Problems) < maxProblems {
					res.Problems = append(res.Problems, fmt.Sprintf("article %s: the watching desk never heard of the write acknowledged at %s (revision %d, draft version %d)",
						a.article, a.end.Format("15:04:05.000"), a.seq, a.version))
				}
			}
			return len(miss)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Reloads is how often the watching desk reloaded everything after its
// listening connection came back.
func (w *watcher) Reloads() int { w.mu.Lock(); defer w.mu.Unlock(); return w.reloads }
