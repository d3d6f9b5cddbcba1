package storage

import (
	"context"
	"sync"
	"time"
)

// Gate admits a store's calls until the store closes. Close waits for
// the calls in flight; calls that start after it fail with ErrClosed.
// The zero Gate is open.
type Gate struct {
	mu     sync.Mutex
	idle   *sync.Cond // signalled when active drops to 0
	active int
	closed bool
}

// Enter admits a call; every Enter that returns nil is paired with Exit.
// A cancelled ctx is refused before the store is touched.
func (g *Gate) Enter(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return ErrClosed
	}
	g.active++
	return nil
}

// Exit ends a call Enter admitted.
func (g *Gate) Exit() {
	g.mu.Lock()
	g.active--
	if g.active == 0 && g.idle != nil {
		g.idle.Broadcast()
	}
	g.mu.Unlock()
}

// Close shuts the gate and waits for the calls in flight. It returns
// ErrClosed if the gate was shut already: only the first Close of a
// store goes on to release what the store holds.
func (g *Gate) Close() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return ErrClosed
	}
	g.closed = true
	if g.idle == nil {
		g.idle = sync.NewCond(&g.mu)
	}
	for g.active > 0 {
		g.idle.Wait()
	}
	return nil
}

// Clock is a store's clock for revisions and drafts: UTC, and strictly
// increasing, so that one store's writes never share a time (the
// library's indexes sort by it). The zero Clock is ready.
type Clock struct {
	mu   sync.Mutex
	last time.Time
}

// Now is the current time, or a nanosecond after the last time Now
// returned if the system clock has not moved past it.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := time.Now().UTC().Round(0)
	if !t.After(c.last) {
		t = c.last.Add(time.Nanosecond)
	}
	c.last = t
	return t
}
