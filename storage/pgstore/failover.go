package pgstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Riding through a failover. A desk given a URL with several hosts and
// target_session_attrs=read-write (postgres://h1:p1,h2:p2/db?…, which pgx
// understands) connects to whichever host is the primary. When the
// primary goes away, every call cut off by the lost connection is run
// again, on a new connection, until Options.Failover has passed:
//   - a call cut off before its commit was sent did nothing (the server
//     rolls an unfinished transaction back) and simply runs again;
//   - a call cut off during its commit may or may not have been saved (on
//     a replicated cluster it may even have committed on a server that
//     then lost it). Run again, it finds out: each write recognizes its
//     own effect (a revision with its content by its author at the next
//     sequence, a draft with its content at the next version) and
//     reports it as saved, once; otherwise the draft's version check
//     either lets it through (it was lost) or refuses it as stale
//     (another desk saved first) — never twice.
//
// A server that answers but is no longer the primary (SQLSTATE 25006, a
// read-only transaction, after a demotion) counts as lost too: the pool's
// connections are dropped and the next one finds the new primary.

// defaultFailover is how long a call rides through a lost connection:
// with pg_auto_failover's default timeouts the standby was writable 51 s
// after the primary died (11 s with shortened ones); 90 s leaves room.
const defaultFailover = 90 * time.Second

// ConnState is a change of the connection's state: the shared store went
// away (Up false, Err the reason; calls are being retried) or answers
// again (Up true).
type ConnState struct {
	Up  bool
	Err error
}

// SetOnConnection sets (nil: removes) the function that hears when the
// connection to the store is lost (up false, err the reason: calls are
// being retried; a window says "reconnecting…") and when the store
// answers again (up true). It replaces Options.OnConnection; it is called
// from the goroutine of whichever call noticed, never twice in a row with
// the same up, and must not block. Its plain types let a window use it
// through an interface without importing this package.
func (s *Store) SetOnConnection(fn func(up bool, err error)) {
	if fn == nil {
		s.fo.notify.Store(nil)
		return
	}
	s.fo.notify.Store(&fn)
}

// FailoverStats counts what calls did about lost connections.
type FailoverStats struct {
	Retried   int64 // calls run again after a lost connection
	Confirmed int64 // writes cut off during the commit and found saved when run again
	Refused   int64 // writes cut off during the commit and refused as stale when run again
}

// failover is a store's connection state and counters.
type failover struct {
	down                        atomic.Bool
	mu                          sync.Mutex // serializes OnConnection calls
	notify                      atomic.Pointer[func(up bool, err error)]
	retried, confirmed, refused atomic.Int64
}

// Failovers reports what the store's calls did about lost connections.
func (s *Store) Failovers() FailoverStats {
	return FailoverStats{Retried: s.fo.retried.Load(), Confirmed: s.fo.confirmed.Load(), Refused: s.fo.refused.Load()}
}

// Connected reports whether the last call reached the server.
func (s *Store) Connected() bool { return !s.fo.down.Load() }

// connUp notes that the server answered.
func (s *Store) connUp() {
	if s.fo.down.Load() {
		s.setConn(ConnState{Up: true})
	}
}

// connDown notes that the connection was lost.
func (s *Store) connDown(err error) {
	if !s.fo.down.Load() {
		s.setConn(ConnState{Err: err})
	}
}

func (s *Store) setConn(st ConnState) {
	s.fo.mu.Lock()
	defer s.fo.mu.Unlock()
	if s.fo.down.Load() == !st.Up {
		return
	}
	s.fo.down.Store(!st.Up)
	if st.Up {
		s.logger().Info("the shared store answers again", "database", s.location)
	} else {
		s.logger().Warn("lost the connection to the shared store; retrying", "database", s.location, "err", st.Err)
	}
	if fn := s.fo.notify.Load(); fn != nil {
		(*fn)(st.Up, st.Err)
	}
}

// rider paces the reruns of one call after lost connections.
type rider struct {
	s        *Store
	deadline time.Time
	pause    time.Duration
}

// again reports whether the call should run again after err: err is a
// lost connection (or a server that is no longer the primary) and there
// is time left; it waits a little first (50 ms doubling to 1 s, jittered).
// Anything else means the server answered.
func (r *rider) again(ctx context.Context, err error) bool {
	if err == nil || !(connectionLost(err) || notPrimary(err)) {
		if err == nil || !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
			r.s.connUp()
		}
		return false
	}
	r.s.connDown(err)
	if notPrimary(err) {
		r.s.pool.Reset()
	}
	if r.s.opts.Failover < 0 {
		return false
	}
	if r.deadline.IsZero() {
		r.deadline = time.Now().Add(r.s.opts.Failover)
		r.pause = 50 * time.Millisecond
	}
	if time.Now().After(r.deadline) {
		return false
	}
	wait := r.pause/2 + rand.N(r.pause)
	select {
	case <-ctx.Done():
		return false
	case <-time.After(wait):
	}
	r.pause = min(2*r.pause, time.Second)
	r.s.fo.retried.Add(1)
	return true
}

// notPrimary: the server refused a write because it is read-only now.
func notPrimary(err error) bool {
	return sqlState(err) == "25006"
}

// read runs fn, a call that changes nothing, again after lost
// connections.
func (s *Store) read(ctx context.Context, fn func() error) error {
	r := rider{s: s}
	for {
		err := fn()
		if !r.again(ctx, err) {
			return err
		}
	}
}
