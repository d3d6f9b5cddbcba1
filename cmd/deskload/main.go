// Command deskload is the shared store's load test: N simulated desks,
// each with a connection of its own, save revisions to their own stories
// and to stories they share — some edited with version checks only, some
// under locks with take-overs — and then the store is checked against
// what every desk was told: no acknowledged revision lost, no broken
// chain, no acknowledged write silently overwritten. It prints those
// counts and the save latencies, and exits 1 if any count is not zero.
//
// Without --store it starts a throwaway PostgreSQL server (fsync on, as a
// real one runs) and removes it afterwards; make loadtest runs it so.
//
// With --failovers N it starts a throwaway pg_auto_failover cluster
// instead (a monitor and two nodes, synchronous replication), kills the
// primary N times during the run, and reports how long each failover
// took, what the desks' stores retried, and the live updates a listening
// desk missed; make ha-test runs it so.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"copydesk/storage/pgtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, out, errw io.Writer) int {
	cfg := DefaultConfig()
	fs := flag.NewFlagSet("deskload", flag.ContinueOnError)
	fs.SetOutput(errw)
	fs.StringVar(&cfg.URL, "store", "", "a postgres:// database to load (its other articles are left alone); default: a throwaway server")
	fs.IntVar(&cfg.Desks, "desks", cfg.Desks, "simulated desks, each with its own connection")
	fs.IntVar(&cfg.Revisions, "revisions", cfg.Revisions, "revisions to save in all")
	fs.IntVar(&cfg.OwnStories, "own", cfg.OwnStories, "stories each desk has to itself")
	fs.IntVar(&cfg.OpenStories, "open", cfg.OpenStories, "shared stories edited with version checks only")
	fs.IntVar(&cfg.LockedStories, "locked", cfg.LockedStories, "shared stories edited under locks")
	fs.Float64Var(&cfg.SharedShare, "shared", cfg.SharedShare, "part of the saves that go to shared stories")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the desks' choices")
	hc := HAConfig{Gap: 3 * time.Second}
	fs.IntVar(&hc.Failovers, "failovers", 0, "run on a throwaway pg_auto_failover cluster (a monitor, two nodes) and kill the primary this many times")
	fs.BoolVar(&hc.Quick, "quick", false, "with --failovers: shorten the monitor's timeouts (a dead primary is replaced in seconds, not a minute)")
	cluster := fs.Bool("cluster", false, "only start a throwaway pg_auto_failover cluster, print its URL, and kill its primary at each line \"fail\" on stdin; stop at the end of stdin")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(errw, "deskload: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *cluster {
		return serveCluster(ctx, hc.Quick, os.Stdin, out, errw)
	}
	if hc.Failovers > 0 {
		if cfg.URL != "" {
			fmt.Fprintln(errw, "deskload: --failovers starts its own cluster: leave out --store")
			return 2
		}
		hc.Log = func(s string) { fmt.Fprintf(errw, "deskload: %s %s\n", time.Now().Format("15:04:05"), s) }
		res, fails, err := RunHA(ctx, cfg, hc)
		if err != nil {
			fmt.Fprintln(errw, "deskload:", err)
			return 1
		}
		reportHA(out, res, fails)
		if !res.OK() {
			return 1
		}
		return 0
	}
	if cfg.URL == "" {
		startCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		srv, err := pgtest.Start(startCtx, pgtest.Options{Durable: true})
		if err == nil {
			cfg.URL, err = srv.Database(startCtx)
		}
		cancel()
		defer func() {
			if err := srv.Stop(); err != nil {
				fmt.Fprintln(errw, "deskload:", err)
			}
		}()
		if err != nil {
			fmt.Fprintln(errw, "deskload: starting a PostgreSQL server:", err)
			return 1
		}
		fmt.Fprintln(errw, "deskload: started a throwaway PostgreSQL server (fsync on)")
	}
	res, err := Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(errw, "deskload:", err)
		return 1
	}
	report(out, res)
	if !res.OK() {
		return 1
	}
	return 0
}

func report(w io.Writer, r Result) {
	fmt.Fprintf(w, "desks:              %d (one connection each)\n", r.Desks)
	fmt.Fprintf(w, "revisions saved:    %d (and %d stories created, %d autosaves)\n", r.Revisions, r.Created, r.Autosaves)
	fmt.Fprintf(w, "stale refusals:     %d (the desk read again and saved again)\n", r.Stale)
	fmt.Fprintf(w, "locks:              %d refused, %d taken over, %d lost before saving, %d checkpoints kept at take-over\n", r.Held, r.TakeOvers, r.LostLocks, r.Kept)
	fmt.Fprintf(w, "lost revisions:     %d\n", r.Lost)
	fmt.Fprintf(w, "broken chains:      %d\n", r.Broken)
	fmt.Fprintf(w, "silent overwrites:  %d\n", r.Overwrites)
	if r.Unexplained > 0 {
		fmt.Fprintf(w, "unexplained:        %d revisions no desk was told of\n", r.Unexplained)
	}
	fmt.Fprintf(w, "save latency:       median %s, p99 %s\n", ms(r.Percentile(0.5)), ms(r.Percentile(0.99)))
	fmt.Fprintf(w, "throughput:         %.0f revisions/s (%d in %s)\n", r.Throughput(), r.Revisions, r.Elapsed.Round(time.Millisecond))
	for _, p := range r.Problems {
		fmt.Fprintln(w, "  "+p)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
