package storage

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestGateWaitsForCallsInFlight: Close waits for a call admitted before
// it, refuses calls after it, and a second Close says ErrClosed.
func TestGateWaitsForCallsInFlight(t *testing.T) {
	var g Gate
	ctx := context.Background()
	if err := g.Enter(ctx); err != nil {
		t.Fatal(err)
	}
	closed := make(chan error, 1)
	go func() { closed <- g.Close() }()
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) with a call in flight", err)
	case <-time.After(50 * time.Millisecond): // Close is still waiting, as it should
	}
	// Until the call in flight ends, a new one is refused.
	for deadline := time.Now().Add(10 * time.Second); ; {
		if err := g.Enter(ctx); errors.Is(err, ErrClosed) {
			break
		} else if err == nil {
			g.Exit() // Close had not taken the lock yet
		}
		if time.Now().After(deadline) {
			t.Fatal("the gate still admits calls after Close")
		}
		time.Sleep(time.Millisecond)
	}
	g.Exit()
	if err := <-closed; err != nil {
		t.Fatalf("first Close: %v", err)
	}
	if err := g.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second Close: %v, want ErrClosed", err)
	}
}

func TestGateRefusesCancelledContext(t *testing.T) {
	var g Gate
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.Enter(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Enter with a cancelled context: %v", err)
	}
	if err := g.Close(); err != nil {
		t.Errorf("Close after a refused Enter: %v (the refused call counted as in flight?)", err)
	}
}

// TestClockStrictlyIncreases: many goroutines never get one time twice.
func TestClockStrictlyIncreases(t *testing.T) {
	var (
		c    Clock
		mu   sync.Mutex
		seen = map[time.Time]bool{}
		wg   sync.WaitGroup
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				now := c.Now()
				mu.Lock()
				if seen[now] {
					t.Errorf("time %v given twice", now)
				}
				seen[now] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if now := c.Now(); now.Location() != time.UTC {
		t.Errorf("clock in %v, want UTC", now.Location())
	}
}
