// Package hacluster starts a throwaway replicated PostgreSQL cluster for
// the failover test: a pg_auto_failover monitor and two data nodes on
// loopback ports, in a temporary directory, from Debian's
// postgresql-15-auto-failover (pg_autoctl). It can kill the primary's
// postgres with SIGKILL and wait until the standby is promoted and the old
// primary is back as a standby; Stop ends every process it started and
// removes the directory.
//
// pg_autoctl keeps its state under XDG_CONFIG_HOME and XDG_DATA_HOME; both
// point into the temporary directory so nothing reaches a home directory.
// Run as root, everything runs as the "postgres" user (postgres refuses
// root).
package hacluster

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage/pgtest"
)

// ErrNoAutoFailover says pg_autoctl is not installed.
var ErrNoAutoFailover = errors.New("no pg_auto_failover: install Debian's postgresql-15-auto-failover (make ha-test and make test do)")

// Cluster is a running monitor and two data nodes.
type Cluster struct {
	// URL reaches database copydesk on whichever node is the primary
	// (both hosts, target_session_attrs=read-write), as user postgres.
	URL string

	dir     string
	bin     string // the PostgreSQL programs
	cred    *syscall.Credential
	role    string // the database superuser
	quick   bool
	env     []string
	monPort int
	ports   [2]int
	procs   []*exec.Cmd // pg_autoctl run, one per service, each its own process group
	node    [2]*exec.Cmd
	log     func(string)
}

// Options tune Start.
type Options struct {
	// Log receives progress lines (nil: none).
	Log func(string)
	// Quick shortens the monitor's timeouts so that a dead primary is
	// replaced in seconds, not a minute: health checks every second, a
	// node unhealthy after 5 s unheard, a primary that cannot confirm its
	// demotion given up on after 5 s. Defaults (pg_auto_failover 2.0): 5 s,
	// 20 s, 30 s.
	Quick bool
}

// Start creates and starts the cluster and waits until node 1 is the
// primary and node 2 a synchronous standby. On error everything started
// is stopped again.
func Start(ctx context.Context, opt Options) (c *Cluster, err error) {
	if _, err := exec.LookPath("pg_autoctl"); err != nil {
		return nil, ErrNoAutoFailover
	}
	c = &Cluster{log: opt.Log}
	if c.log == nil {
		c.log = func(string) {}
	}
	if c.bin, err = pgtest.BinDir(); err != nil {
		return nil, err
	}
	// The database's superuser is the account pg_autoctl runs as.
	role := "postgres"
	if os.Geteuid() == 0 {
		if c.cred, err = pgtest.PostgresUser(); err != nil {
			return nil, err
		}
	} else if u, err := user.Current(); err == nil {
		role = u.Username
	}
	c.role = role
	if c.dir, err = os.MkdirTemp("/tmp", "copydesk-ha-"); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			_ = c.Stop()
			c = nil
		}
	}()
	if c.cred != nil {
		if err := os.Chown(c.dir, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			return c, err
		}
	}
	c.env = []string{
		"PATH=" + c.bin + ":/usr/bin:/bin", "PG_CONFIG=" + filepath.Join(c.bin, "pg_config"),
		"XDG_CONFIG_HOME=" + filepath.Join(c.dir, "config"), "XDG_DATA_HOME=" + filepath.Join(c.dir, "share"),
		"XDG_RUNTIME_DIR=" + filepath.Join(c.dir, "run"), "HOME=" + c.dir, "LC_ALL=C",
	}
	for i, p := range []*int{&c.monPort, &c.ports[0], &c.ports[1]} {
		if *p, err = pgtest.FreePort(); err != nil {
			return c, fmt.Errorf("port %d: %w", i, err)
		}
	}
	c.URL = fmt.Sprintf("postgres://"+c.role+"@127.0.0.1:%d,127.0.0.1:%d/copydesk?target_session_attrs=read-write&sslmode=disable&connect_timeout=5",
		c.ports[0], c.ports[1])
	c.quick = opt.Quick
	return c, c.create(ctx)
}

// shortenTimeouts sets the monitor's timeouts for Options.Quick, once the
// monitor answers.
func (c *Cluster) shortenTimeouts(ctx context.Context) error {
	url := fmt.Sprintf("postgres://%s@127.0.0.1:%d/pg_auto_failover?sslmode=disable&connect_timeout=5", c.role, c.monPort)
	var err error
	for range 60 {
		var conn *pgx.Conn
		if conn, err = pgx.Connect(ctx, url); err == nil {
			for _, set := range []string{"health_check_period = 1000", "health_check_retry_delay = 500",
				"node_considered_unhealthy_timeout = 5000", "primary_demote_timeout = 5000"} {
				if _, err = conn.Exec(ctx, "ALTER SYSTEM SET pgautofailover."+set); err != nil {
					break
				}
			}
			if err == nil {
				_, err = conn.Exec(ctx, "SELECT pg_reload_conf()")
			}
			_ = conn.Close(ctx)
			if err == nil {
				return nil
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("shortening the monitor's timeouts: %w", err)
}

// common are the pg_autoctl create options every service gets.
var common = []string{"--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl"}

func (c *Cluster) create(ctx context.Context) error {
	c.log("starting the monitor")
	args := append([]string{"create", "monitor", "--pgdata", c.data("monitor"), "--pgport", strconv.Itoa(c.monPort)}, common...)
	if out, err := c.run(ctx, args...); err != nil {
		return fmt.Errorf("pg_autoctl create monitor: %v\n%s", err, tail(out))
	}
	if _, err := c.spawn("monitor", "run", "--pgdata", c.data("monitor")); err != nil {
		return err
	}
	if c.quick {
		if err := c.shortenTimeouts(ctx); err != nil {
			return err
		}
	}
	monitor := fmt.Sprintf("postgres://autoctl_node@127.0.0.1:%d/pg_auto_failover?sslmode=disable", c.monPort)
	for i := range 2 {
		c.log(fmt.Sprintf("starting node %d", i+1))
		name := nodeName(i)
		args := append([]string{"create", "postgres", "--pgdata", c.data(name), "--pgport", strconv.Itoa(c.ports[i]),
			"--monitor", monitor, "--dbname", "copydesk", "--name", name, "--run"}, common...)
		if err := c.spawnNode(i, args...); err != nil {
			return err
		}
		// The second node starts once the first is the primary: it
		// copies the first with pg_basebackup.
		want := map[int]string{0: "single"}
		if i == 1 {
			want = map[int]string{0: "primary", 1: "secondary"}
		}
		if err := c.wait(ctx, 3*time.Minute, want); err != nil {
			return err
		}
	}
	return nil
}

func (c *Cluster) data(name string) string { return filepath.Join(c.dir, name) }

// spawn starts pg_autoctl args in the background, in a process group of
// its own so that Stop can end it and every child.
func (c *Cluster) spawn(name string, args ...string) (*exec.Cmd, error) {
	logf, err := os.OpenFile(filepath.Join(c.dir, name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	cmd := c.command(args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr.Setpgid = true
	// If this process dies without Stop (a test binary killed at its
	// timeout), pg_autoctl hears SIGTERM and stops its postgres.
	cmd.SysProcAttr.Pdeathsig = syscall.SIGTERM
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("pg_autoctl %s: %w", args[0], err)
	}
	c.procs = append(c.procs, cmd)
	go func() { _ = cmd.Wait() }()
	return cmd, nil
}

func (c *Cluster) command(args ...string) *exec.Cmd {
	cmd := exec.Command("pg_autoctl", args...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	return cmd
}

func (c *Cluster) run(ctx context.Context, args ...string) ([]byte, error) {
	cmd := c.command(args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.Bytes(), err
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		<-done
		return out.Bytes(), ctx.Err()
	}
}

// Node is one data node as the monitor reports it.
type Node struct {
	Port     int    `json:"nodeport"`
	Name     string `json:"nodename"`
	Health   int    `json:"health"`
	Reported string `json:"current_group_state"`
	Assigned string `json:"assigned_group_state"`
}

// Nodes asks the monitor for the data nodes' states, in node order
// (index 0 is node 1).
func (c *Cluster) Nodes(ctx context.Context) ([2]Node, error) {
	var nodes [2]Node
	out, err := c.run(ctx, "show", "state", "--pgdata", c.data("monitor"), "--json")
	if err != nil {
		return nodes, fmt.Errorf("pg_autoctl show state: %v\n%s", err, tail(out))
	}
	var list []Node
	if err := json.Unmarshal(jsonPart(out), &list); err != nil {
		return nodes, fmt.Errorf("pg_autoctl show state: %v\n%s", err, tail(out))
	}
	for _, n := range list {
		for i, p := range c.ports {
			if n.Port == p {
				nodes[i] = n
			}
		}
	}
	return nodes, nil
}

// jsonPart drops the log lines pg_autoctl may print before its JSON.
func jsonPart(out []byte) []byte {
	if i := bytes.IndexByte(out, '['); i >= 0 {
		return out[i:]
	}
	return out
}

// wait polls the monitor until every node in want has reached the state
// given, both reported and assigned. Meanwhile it asks the primary for a
// CHECKPOINT now and then: a node joining as a standby copies the primary
// with pg_basebackup, which otherwise waits for the next scheduled
// checkpoint (minutes; measured: 90 s for an idle primary).
func (c *Cluster) wait(ctx context.Context, limit time.Duration, want map[int]string) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	var last [2]Node
	for tick := 0; ; tick++ {
		nodes, err := c.Nodes(ctx)
		if err == nil {
			last = nodes
			ok := true
			for i, st := range want {
				ok = ok && nodes[i].Reported == st && nodes[i].Assigned == st
			}
			if ok {
				return nil
			}
			if tick%4 == 3 {
				c.checkpoint(ctx, nodes)
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the cluster did not reach %v within %s: node 1 %s/%s, node 2 %s/%s (logs in %s)",
				want, limit, last[0].Reported, last[0].Assigned, last[1].Reported, last[1].Assigned, c.dir)
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func (c *Cluster) checkpoint(ctx context.Context, nodes [2]Node) {
	for i, n := range nodes {
		if n.Reported != "primary" && n.Reported != "wait_primary" && n.Reported != "single" {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if conn, err := pgx.Connect(cctx, c.nodeURL(i)); err == nil {
			_, _ = conn.Exec(cctx, "CHECKPOINT")
			_ = conn.Close(cctx)
		}
		cancel()
	}
}

func (c *Cluster) nodeURL(i int) string {
	return fmt.Sprintf("postgres://"+c.role+"@127.0.0.1:%d/copydesk?sslmode=disable&connect_timeout=5", c.ports[i])
}

// Primary is the index (0 or 1) of the node the monitor has as primary.
func (c *Cluster) Primary(ctx context.Context) (int, error) {
	nodes, err := c.Nodes(ctx)
	if err != nil {
		return -1, err
	}
	for i, n := range nodes {
		if n.Reported == "primary" && n.Assigned == "primary" {
			return i, nil
		}
	}
	return -1, fmt.Errorf("no primary: node 1 %s/%s, node 2 %s/%s", nodes[0].Reported, nodes[0].Assigned, nodes[1].Reported, nodes[1].Assigned)
}

// KillPrimary crashes the primary: SIGKILL to its postmaster and every
// one of its processes, and to the node's pg_autoctl (its process group),
// which would otherwise restart postgres in place within a second, often
// before the monitor noticed (measured: one kill in two then caused no
// failover). It returns the node's index and the moment of the kill.
func (c *Cluster) KillPrimary(ctx context.Context) (int, time.Time, error) {
	p, err := c.Primary(ctx)
	if err != nil {
		return -1, time.Time{}, err
	}
	pid, err := postmasterPID(c.data(nodeName(p)))
	if err != nil {
		return p, time.Time{}, err
	}
	pids := append([]int{pid}, children(pid)...)
	at := time.Now()
	if cmd := c.node[p]; cmd != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	for _, q := range pids {
		_ = syscall.Kill(q, syscall.SIGKILL)
	}
	c.log(fmt.Sprintf("killed node %d's postgres (%d processes) and its pg_autoctl", p+1, len(pids)))
	return p, at, nil
}

// WaitPromoted waits until the monitor has made the node other than old
// the primary (alone: wait_primary, or with a standby: primary).
func (c *Cluster) WaitPromoted(ctx context.Context, old int) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	for {
		nodes, err := c.Nodes(ctx)
		if n := nodes[1-old]; err == nil && (n.Assigned == "wait_primary" || n.Assigned == "primary") && n.Reported == n.Assigned {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("node %d was not promoted within 3 min: %s/%s (logs in %s)", 2-old, nodes[1-old].Reported, nodes[1-old].Assigned, c.dir)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// Restart starts node i's pg_autoctl again after KillPrimary: it rejoins
// as a standby of the new primary (pg_rewind).
func (c *Cluster) Restart(i int) error {
	c.log(fmt.Sprintf("restarting node %d", i+1))
	return c.spawnNode(i, "run", "--pgdata", c.data(nodeName(i)))
}

// WaitFailover waits until node old, the primary killed, is a standby
// again and the other node the primary, both healthy.
func (c *Cluster) WaitFailover(ctx context.Context, old int) error {
	return c.wait(ctx, 3*time.Minute, map[int]string{1 - old: "primary", old: "secondary"})
}

func nodeName(i int) string { return fmt.Sprintf("node%d", i+1) }

func (c *Cluster) spawnNode(i int, args ...string) error {
	cmd, err := c.spawn(nodeName(i), args...)
	c.node[i] = cmd
	return err
}

// Stop stops the services (pg_autoctl stop, then SIGKILL to any process
// group still there after 30 s) and removes the directory.
func (c *Cluster) Stop() error {
	if c == nil || c.dir == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, name := range []string{"node2", "node1", "monitor"} {
		if _, err := os.Stat(c.data(name)); err == nil {
			_, _ = c.run(ctx, "stop", "--pgdata", c.data(name))
		}
	}
	for _, cmd := range c.procs {
		pgid := cmd.Process.Pid
		for syscall.Kill(-pgid, 0) == nil && ctx.Err() == nil {
			time.Sleep(100 * time.Millisecond)
		}
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
	}
	// A postgres that pg_autoctl restarted outside the groups.
	for _, name := range []string{"node1", "node2", "monitor"} {
		if pid, err := postmasterPID(c.data(name)); err == nil {
			for _, q := range append([]int{pid}, children(pid)...) {
				_ = syscall.Kill(q, syscall.SIGKILL)
			}
		}
	}
	return os.RemoveAll(c.dir)
}

// Dir is the cluster's directory (logs: monitor.log, node1.log, node2.log).
func (c *Cluster) Dir() string { return c.dir }

func postmasterPID(data string) (int, error) {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strconv.Atoi(strings.TrimSpace(line))
}

// children lists the processes whose parent is pid (from /proc).
func children(pid int) []int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if err != nil {
		return nil
	}
	var out []int
	for _, f := range strings.Fields(string(b)) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func tail(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var keep []string
	for _, l := range lines {
		if !strings.Contains(l, "Permission denied") {
			keep = append(keep, l)
		}
	}
	if len(keep) > 15 {
		keep = keep[len(keep)-15:]
	}
	return strings.Join(keep, "\n")
}
