package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"copydesk/storage"
	"copydesk/storage/pgstore"
	"copydesk/storage/pgtest/hacluster"
)

// HAConfig is the failover test: the load of Config on a replicated
// cluster whose primary is killed Failovers times.
type HAConfig struct {
	Failovers int
	// Gap is how long the desks save between one failover's end (the old
	// primary back as a standby) and the next kill.
	Gap time.Duration
	// Quick shortens the monitor's timeouts (hacluster.Options.Quick).
	Quick bool
	Log   func(string)
}

// Failover is what one kill of the primary measured.
type Failover struct {
	Node     int           // the node killed (1 or 2)
	Promoted time.Duration // kill → the monitor has the other node as primary
	Write    time.Duration // kill → the first write asked for after the kill acknowledged
	Rejoined time.Duration // kill → the old primary restarted and back as a synchronous standby
	killed   time.Time
}

// RunHA starts a monitor and two nodes, runs the load on them and kills
// the primary's postgres (and its pg_autoctl) mid-run, hc.Failovers
// times: each time the standby is promoted, the old primary is started
// again and rejoins as the standby, and after hc.Gap the next kill comes.
// The desks keep saving until the last failover is over and cfg.Revisions
// are saved; then the store is checked as in Run, and one more desk that
// listened all along says which acknowledged writes it never heard of.
func RunHA(ctx context.Context, cfg Config, hc HAConfig) (Result, []Failover, error) {
	c, err := hacluster.Start(ctx, hacluster.Options{Log: hc.Log, Quick: hc.Quick})
	if err != nil {
		return Result{}, nil, err
	}
	defer func() {
		if err := c.Stop(); err != nil && hc.Log != nil {
			hc.Log("stopping the cluster: " + err.Error())
		}
	}()
	cfg.URL, cfg.Watch = c.URL, true
	until := make(chan struct{})
	cfg.Until = until
	started := make(chan struct{})
	cfg.Started = func() { close(started) }
	if cfg.Logger == nil {
		// Every desk says so when it loses the connection: one line per
		// desk and failover is noise here.
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var fails []Failover
	ctlErr := make(chan error, 1)
	go func() {
		defer close(until)
		select {
		case <-started:
		case <-runCtx.Done():
			ctlErr <- nil // Run says why
			return
		}
		for range hc.Failovers {
			f, err := failOnce(runCtx, c, hc)
			if err != nil {
				ctlErr <- err
				cancel()
				return
			}
			fails = append(fails, f)
		}
		ctlErr <- nil
	}()
	res, err := Run(runCtx, cfg)
	// Run may have failed before the desks started: end the controller's
	// wait. (After a good run it is done already.)
	cancel()
	cerr := <-ctlErr
	if err := errors.Join(cerr, err); err != nil {
		return res, fails, err
	}
	for i := range fails {
		fails[i].Write = res.FirstWriteAfter(fails[i].killed)
	}
	if err := libraryFromStandby(ctx, c.URL, &res); err != nil {
		return res, fails, err
	}
	return res, fails, nil
}

// libraryFromStandby lists the library through a desk that reads it from
// the standby (pgstore.Options.StandbyReads) and compares it with the
// primary's: the same stories, and read on the standby once it has caught
// up (ten tries 100 ms apart).
func libraryFromStandby(ctx context.Context, url string, res *Result) error {
	primary, err := pgstore.Open(ctx, url, pgstore.Options{MaxConns: 1, Logger: quiet})
	if err != nil {
		return err
	}
	defer primary.Close()
	s, err := pgstore.Open(ctx, url, pgstore.Options{MaxConns: 1, Logger: quiet, StandbyReads: true})
	if err != nil {
		return err
	}
	defer s.Close()
	for range 10 {
		_, want, err := primary.List(ctx, storage.Query{Limit: 1})
		if err != nil {
			return err
		}
		_, got, err := s.List(ctx, storage.Query{Limit: 1})
		if err != nil {
			return err
		}
		if served, _ := s.StandbyReads(); served > 0 {
			res.StandbyStories, res.PrimaryStories = got, want
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("the library was never read from the standby: it did not catch up in 1 s")
}

func failOnce(ctx context.Context, c *hacluster.Cluster, hc HAConfig) (Failover, error) {
	select {
	case <-ctx.Done():
		return Failover{}, ctx.Err()
	case <-time.After(hc.Gap):
	}
	old, at, err := c.KillPrimary(ctx)
	if err != nil {
		return Failover{}, err
	}
	f := Failover{Node: old + 1, killed: at}
	if err := c.WaitPromoted(ctx, old); err != nil {
		return f, err
	}
	f.Promoted = time.Since(at)
	if err := c.Restart(old); err != nil {
		return f, err
	}
	if err := c.WaitFailover(ctx, old); err != nil {
		return f, err
	}
	f.Rejoined = time.Since(at)
	if hc.Log != nil {
		hc.Log(fmt.Sprintf("node %d promoted %s after the kill, node %d back as standby after %s", 2-old, secs(f.Promoted), old+1, secs(f.Rejoined)))
	}
	return f, nil
}

func secs(d time.Duration) string {
	if d < 0 {
		return "never"
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func reportHA(w io.Writer, r Result, fails []Failover) {
	report(w, r)
	fmt.Fprintf(w, "retried after a lost connection: %d calls; cut off while committing and found saved: %d; refused as stale: %d\n",
		r.Retried, r.Confirmed, r.Refused)
	fmt.Fprintf(w, "live updates missed:             %d (the watching desk reloaded everything %d times after reconnecting)\n", r.Missed, r.Reloads)
	fmt.Fprintf(w, "library read from the standby:  %d stories (the primary: %d)\n", r.StandbyStories, r.PrimaryStories)
	fmt.Fprintln(w, "failover  killed  promoted  first write  old primary back as standby")
	for i, f := range fails {
		fmt.Fprintf(w, "%8d  node %d  %8s  %11s  %s\n", i+1, f.Node, secs(f.Promoted), secs(f.Write), secs(f.Rejoined))
	}
}
