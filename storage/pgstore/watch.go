package pgstore

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

// probeNotify reports whether the engine has pg_notify, by calling it in
// a transaction that is rolled back (so nothing is sent).
func (s *Store) probeNotify(ctx context.Context) bool {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, `SELECT pg_notify($1, '')`, changesChannel); err != nil {
		s.logger().Warn("the database cannot notify other desks of changes", "database", s.location, "err", err)
		return false
	}
	return true
}

// Watch delivers every change any desk makes from the moment it returns
// until ctx ends (or the store closes); then the channel is closed.
//
// Where the engine has pg_notify it listens on a connection of its own,
// outside the pool; when that is lost it reconnects with backoff and sends
// Change{} ("reload all"). Where the engine has no pg_notify (CockroachDB)
// or refuses LISTEN, or with Options.Poll, it polls the change feed
// instead (poll.go).
func (s *Store) Watch(ctx context.Context) (<-chan storage.Change, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	if s.opts.Poll || !s.notify {
		return s.watchFeed(ctx)
	}
	conn, err := s.listen(ctx)
	if st := sqlState(err); strings.HasPrefix(st, "0A") || strings.HasPrefix(st, "42") {
		// pg_notify worked but LISTEN is refused (not supported, or
		// switched off, as YugabyteDB allows): the feed has every change.
		s.logger().Warn("the database refuses LISTEN; polling for other desks' changes", "database", s.location, "err", err)
		return s.watchFeed(ctx)
	}
	if err != nil {
		return nil, err
	}
	ch := make(chan storage.Change, 64)
	s.background.Add(1)
	go s.watch(ctx, conn, ch)
	return ch, nil
}

// listen opens a connection and listens on the changes channel.
func (s *Store) listen(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, s.url)
	if err != nil {
		return nil, redactErr(err, s.url)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		_ = conn.Close(context.Background())
		return nil, err
	}
	return conn, nil
}

func (s *Store) watch(ctx context.Context, conn *pgx.Conn, ch chan<- storage.Change) {
	ctx, send, end := s.feedScope(ctx, ch)
	defer end()
	defer func() {
		if conn != nil {
			_ = conn.Close(context.Background())
		}
	}()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err == nil {
			var c storage.Change
			if err := json.Unmarshal([]byte(n.Payload), &c); err != nil || c.Kind == "" {
				s.logger().Warn("ignoring a malformed change notice", "payload", n.Payload, "err", err)
				continue
			}
			if !send(c) {
				return
			}
			continue
		}
		_ = conn.Close(context.Background())
		conn = nil
		if ctx.Err() != nil {
			return
		}
		s.logger().Warn("lost the connection that listens for changes; reconnecting", "database", s.location, "err", err)
		// An idle window hears of a failover here first.
		s.connDown(err)
		if conn = s.reconnect(ctx); conn == nil {
			return
		}
		s.connUp()
		if !send(storage.Change{}) {
			return
		}
	}
}

// feedScope is what a goroutine feeding a Watch channel needs: a context
// that ends with ctx or at Close, and send, which gives up when it ends.
// The goroutine defers end, which closes ch and tells Close it is done.
func (s *Store) feedScope(ctx context.Context, ch chan<- storage.Change) (context.Context, func(storage.Change) bool, func()) {
	ctx, cancel := context.WithCancel(ctx)
	stopWith := context.AfterFunc(s.stopCtx, cancel)
	send := func(c storage.Change) bool {
		select {
		case ch <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}
	end := func() {
		stopWith()
		cancel()
		close(ch)
		s.background.Done()
	}
	return ctx, send, end
}

// reconnect listens again, pausing longer after each failure (up to 2 s:
// a failover takes seconds, and a desk should hear again soon after);
// nil when ctx ends first.
func (s *Store) reconnect(ctx context.Context) *pgx.Conn {
	pause := 100 * time.Millisecond
	for {
		wait := pause/2 + rand.N(pause)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		conn, err := s.listen(ctx)
		if err == nil {
			return conn
		}
		s.logger().Debug("reconnecting for changes", "err", err)
		pause = min(2*pause, 2*time.Second)
	}
}
