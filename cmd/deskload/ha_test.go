package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"copydesk/storage/pgtest/hacluster"
)

// TestFailover is make ha-test in small (make test runs it): a monitor
// and two nodes on loopback, 4 desks and a listening one, the primary
// killed once mid-run with the monitor's timeouts shortened. Nothing
// acknowledged may be lost, broken, overwritten or unheard, and the
// desks must have written again after the kill. Skipped only where
// pg_auto_failover is not installed (make test installs it).
func TestFailover(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Desks, cfg.Revisions, cfg.SharedShare = 4, 100, 0.6
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	res, fails, err := RunHA(ctx, cfg, HAConfig{Failovers: 1, Gap: time.Second, Quick: true, Log: func(s string) { t.Log(s) }})
	if errors.Is(err, hacluster.ErrNoAutoFailover) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	reportHA(&b, res, fails)
	t.Log("\n" + b.String())
	if !res.OK() {
		t.Errorf("lost %d, broken %d, silently overwritten %d, unexplained %d, live updates missed %d",
			res.Lost, res.Broken, res.Overwrites, res.Unexplained, res.Missed)
	}
	if len(fails) != 1 || fails[0].Write < 0 {
		t.Errorf("failovers %+v: want one, with a write acknowledged after the kill", fails)
	}
	if res.Retried == 0 || res.Reloads == 0 {
		t.Errorf("%d calls retried, %d reloads by the listening desk: the kill was not noticed", res.Retried, res.Reloads)
	}
}
