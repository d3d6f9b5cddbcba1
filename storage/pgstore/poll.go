package pgstore

// The watcher that polls the change feed, for engines without
// LISTEN/NOTIFY (CockroachDB) and for Options.Poll.

import (
	"context"
	"math/rand/v2"
	"time"

	"copydesk/storage"
)

// watchFeed starts a watcher that polls the change feed. Before it
// returns it reads the rows already in the overlap window as delivered,
// so the watch reports the changes made after it started, each once.
func (s *Store) watchFeed(ctx context.Context) (<-chan storage.Change, error) {
	timing := s.feed
	start, err := s.databaseClock(ctx)
	if err != nil {
		return nil, err
	}
	cur := newFeedCursor(start, timing.overlap)
	if _, err := s.pollChanges(ctx, cur, timing.overlap); err != nil {
		return nil, err
	}
	ch := make(chan storage.Change, 64)
	s.background.Add(1)
	go s.pollFeed(ctx, cur, timing, ch)
	return ch, nil
}

// pollFeed polls every timing.every until ctx ends or the store closes. A
// poll that fails is tried again after a growing pause (up to 5 s); when
// no poll succeeded for half the rows' lifetime, rows may have been pruned
// unread, so it sends Change{} ("reload all") before going on.
func (s *Store) pollFeed(ctx context.Context, cur *feedCursor, timing feedTiming, ch chan<- storage.Change) {
	ctx, send, end := s.feedScope(ctx, ch)
	defer end()
	timer := time.NewTimer(timing.every)
	defer timer.Stop()
	lastRead := time.Now()
	pause := timing.every
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		readAt := time.Now()
		changes, err := s.pollChanges(ctx, cur, timing.overlap)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			if !failing {
				s.logger().Warn("cannot read other desks' changes; trying again", "database", s.location, "err", err)
			}
			failing = true
			pause = min(2*pause, 5*time.Second)
			timer.Reset(pause/2 + rand.N(pause))
			continue
		}
		if failing {
			s.logger().Info("reading other desks' changes again", "database", s.location)
			failing, pause = false, timing.every
		}
		if readAt.Sub(lastRead) > timing.keep/2 && !send(storage.Change{}) {
			return
		}
		lastRead = readAt
		for _, c := range changes {
			if !send(c) {
				return
			}
		}
		timer.Reset(timing.every)
	}
}
