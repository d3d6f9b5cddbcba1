package transmit

import (
	"context"
	"fmt"
	"time"
)

// Policy bounds the retries of a failed delivery: at most Attempts tries,
// waiting Wait before the second, then twice as long each time, never
// more than MaxWait. The default (DefaultPolicy) is 4 attempts waiting
// 2 s, 4 s and 8 s: a send gives up after about 14 s plus the attempts.
type Policy struct {
	Attempts int
	Wait     time.Duration
	MaxWait  time.Duration
	// Sleep waits d or until ctx is done; nil is a timer. Tests pass
	// one that returns at once.
	Sleep func(ctx context.Context, d time.Duration) error
}

// DefaultPolicy is the retry schedule of `copydesk send` and File › Send….
var DefaultPolicy = Policy{Attempts: 4, Wait: 2 * time.Second, MaxWait: time.Minute}

// MaxAttempts caps Policy.Attempts, so a typo cannot retry for hours.
const MaxAttempts = 10

// Waits is the schedule: how long Send waits before attempts 2, 3 ….
func (p Policy) Waits() []time.Duration {
	n := p.Attempts
	if n < 1 {
		n = 1
	}
	if n > MaxAttempts {
		n = MaxAttempts
	}
	var out []time.Duration
	w := p.Wait
	for i := 1; i < n; i++ {
		if p.MaxWait > 0 && w > p.MaxWait {
			w = p.MaxWait
		}
		out = append(out, w)
		w *= 2
	}
	return out
}

func (p Policy) sleep(ctx context.Context, d time.Duration) error {
	if p.Sleep != nil {
		return p.Sleep(ctx, d)
	}
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Attempt is one try at a delivery.
type Attempt struct {
	N     int       `json:"n"` // 1, 2 …
	Time  time.Time `json:"time"`
	Error string    `json:"error,omitempty"` // "" when it went through
	// Wait is how long Send waits before the next attempt; 0 after the
	// last (or a permanent failure).
	Wait time.Duration `json:"wait,omitempty"`
}

// Deliverer makes one attempt; Deliver is the real one.
type Deliverer func(ctx context.Context, t Target, name string, data []byte, cfg Config) (string, error)

// Result is what Send did: every attempt, where the data went, and the
// final error (nil when an attempt went through).
type Result struct {
	Attempts []Attempt
	Where    string
	Err      error
}

// Send delivers data to t with retries by p, calling onAttempt (when not
// nil) after each attempt, from the calling goroutine. It stops at the
// first success, a permanent failure, the last attempt or when ctx is
// done. It blocks: the window runs it in a goroutine.
func Send(ctx context.Context, t Target, name string, data []byte, cfg Config, p Policy, deliver Deliverer, onAttempt func(Attempt)) Result {
	if deliver == nil {
		deliver = Deliver
	}
	waits := p.Waits()
	var r Result
	for n := 1; ; n++ {
		a := Attempt{N: n, Time: time.Now().UTC()}
		where, err := deliver(ctx, t, name, data, cfg)
		last := err == nil || IsPermanent(err) || n > len(waits) || ctx.Err() != nil
		if err != nil {
			a.Error = err.Error()
			if !last {
				a.Wait = waits[n-1]
			}
		}
		r.Attempts = append(r.Attempts, a)
		if onAttempt != nil {
			onAttempt(a)
		}
		if err == nil {
			r.Where, r.Err = where, nil
			return r
		}
		r.Err = err
		if last {
			break
		}
		if serr := p.sleep(ctx, a.Wait); serr != nil {
			r.Err = fmt.Errorf("%w (gave up waiting to retry: %v)", err, serr)
			break
		}
	}
	if len(r.Attempts) > 1 {
		r.Err = fmt.Errorf("%w (%d attempts)", r.Err, len(r.Attempts))
	}
	return r
}
