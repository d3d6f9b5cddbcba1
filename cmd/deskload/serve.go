package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"copydesk/storage/pgtest/hacluster"
)

// serveCluster is --cluster: it starts a cluster, prints its URL, and then
// obeys one command a line from in until in ends (or ctx does), when it
// stops the cluster: "fail" kills the primary as the failover test does,
// waits for the standby's promotion, brings the old primary back as the
// standby and says so. Scripts driving real windows through a failover
// use it (testdata/two-desks-failover.sh).
func serveCluster(ctx context.Context, quick bool, in io.Reader, out, errw io.Writer) int {
	logf := func(s string) { fmt.Fprintf(errw, "deskload: %s %s\n", time.Now().Format("15:04:05"), s) }
	c, err := hacluster.Start(ctx, hacluster.Options{Log: logf, Quick: quick})
	if err != nil {
		fmt.Fprintln(errw, "deskload:", err)
		return 1
	}
	defer func() {
		if err := c.Stop(); err != nil {
			fmt.Fprintln(errw, "deskload: stopping the cluster:", err)
		}
	}()
	fmt.Fprintln(out, "url:", c.URL)
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			lines <- strings.TrimSpace(sc.Text())
		}
	}()
	for {
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			return 0
		case line, ok = <-lines:
		}
		switch {
		case !ok:
			return 0
		case line == "fail":
			f, err := failOnce(ctx, c, HAConfig{Log: logf})
			if err != nil {
				fmt.Fprintln(errw, "deskload:", err)
				return 1
			}
			fmt.Fprintf(out, "failed over: node %d killed, promoted after %s, back as standby after %s\n", f.Node, secs(f.Promoted), secs(f.Rejoined))
		case line != "":
			fmt.Fprintf(errw, "deskload: unknown command %q (fail, or end the input to stop)\n", line)
		}
	}
}
