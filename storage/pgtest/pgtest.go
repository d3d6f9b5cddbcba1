// Package pgtest starts a throwaway PostgreSQL server for tests, load tests
// and benchmarks: initdb in a temporary directory, pg_ctl on a loopback
// port, no system service. A package's TestMain calls Main once; each test
// then asks Database for a database of its own on that server.
//
// Where the server comes from:
//   - COPYDESK_TEST_POSTGRES=postgres://… uses a running server instead
//     (another engine, CockroachDB or YugabyteDB, is tried this way);
//   - otherwise Debian's postgresql binaries (/usr/lib/postgresql/N/bin, or
//     initdb and pg_ctl on PATH) start one; run as root, the server runs as
//     the "postgres" user the package creates, because initdb refuses root.
//
// Without either, tests that need the server are skipped with a message
// saying what to install — unless COPYDESK_REQUIRE_POSTGRES=1 (make test
// sets it), which makes them fail instead.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a PostgreSQL server started for tests.
type Server struct {
	// URL reaches the server's "postgres" database as a superuser.
	URL string

	dir   string // data directory (and socket directory); "" for an outside server
	bin   string
	cred  *syscall.Credential
	count atomic.Int64
}

// ErrNoPostgres is returned by Start when no server can be had.
var ErrNoPostgres = errors.New("no PostgreSQL server: install Debian's postgresql package (make test does) or set COPYDESK_TEST_POSTGRES=postgres://…")

// Options tune a started server.
type Options struct {
	// Durable keeps fsync on, as a real server runs: the load test's
	// latencies mean something only then. Tests leave it off for speed.
	Durable bool
	// Log, if set, receives the server's log file path.
	Log func(path string)
}

// Start starts a server (or returns the outside one of
// COPYDESK_TEST_POSTGRES). Stop it with Stop.
func Start(ctx context.Context, opt Options) (*Server, error) {
	if u := os.Getenv("COPYDESK_TEST_POSTGRES"); u != "" {
		return &Server{URL: u}, nil
	}
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin}
	if os.Geteuid() == 0 {
		cred, err := PostgresUser()
		if err != nil {
			return nil, err
		}
		s.cred = cred
	}
	if s.dir, err = os.MkdirTemp(tempBase(s.cred != nil), "copydesk-pg-"); err != nil {
		return nil, err
	}
	if s.cred != nil {
		if err := os.Chown(s.dir, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
			s.removeDir()
			return nil, err
		}
	}
	data := filepath.Join(s.dir, "data")
	if out, err := s.run(ctx, "initdb", "-D", data, "-U", "copydesk", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		s.removeDir()
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := FreePort()
	if err != nil {
		s.removeDir()
		return nil, err
	}
	settings := fmt.Sprintf("-h 127.0.0.1 -p %d -k %s -c max_connections=200", port, s.dir)
	if !opt.Durable {
		settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	logFile := filepath.Join(s.dir, "server.log")
	if opt.Log != nil {
		opt.Log(logFile)
	}
	if out, err := s.run(ctx, "pg_ctl", "-D", data, "-l", logFile, "-o", settings, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(logFile)
		s.removeDir()
		return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	s.URL = fmt.Sprintf("postgres://copydesk@127.0.0.1:%d/postgres?sslmode=disable", port)
	return s, nil
}

// Stop stops a started server and removes its files.
func (s *Server) Stop() error {
	if s == nil || s.dir == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := s.run(ctx, "pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "fast", "-w", "stop")
	s.removeDir()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// Database creates a new empty database on the server and returns its URL.
func (s *Server) Database(ctx context.Context) (string, error) {
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("copydesk_test_%d_%d", os.Getpid(), s.count.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

var shared struct {
	sync.Mutex
	server *Server
	err    error
}

// Main runs a package's tests with a shared server started lazily by the
// first Database call, and stops it afterwards. Call it from TestMain:
// os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	shared.Lock()
	defer shared.Unlock()
	if err := shared.server.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	return code
}

// Database returns the URL of a fresh database on the package's shared
// server (see Main). It skips the test when there is no server, or fails
// it when COPYDESK_REQUIRE_POSTGRES=1.
func Database(tb testing.TB) string {
	tb.Helper()
	shared.Lock()
	if shared.server == nil && shared.err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		shared.server, shared.err = Start(ctx, Options{})
		cancel()
	}
	s, err := shared.server, shared.err
	shared.Unlock()
	if err != nil {
		if errors.Is(err, ErrNoPostgres) && os.Getenv("COPYDESK_REQUIRE_POSTGRES") != "1" {
			tb.Skip(err)
		}
		tb.Fatal(err)
	}
	u, err := s.Database(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

func (s *Server) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	return cmd.CombinedOutput()
}

func (s *Server) removeDir() {
	if s.dir != "" {
		_ = os.RemoveAll(s.dir)
	}
}

// tempBase is where the server's directory goes: the usual temporary
// directory, unless the server runs as another user who could not reach
// it (a TMPDIR inside root's home) — then /tmp.
func tempBase(otherUser bool) string {
	base := os.TempDir()
	if !otherUser {
		return base
	}
	for d := base; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil || fi.Mode().Perm()&0o001 == 0 {
			return "/tmp"
		}
		if d == filepath.Dir(d) {
			return base
		}
	}
}

// BinDir finds the newest installed server's programs (Debian puts them
// under /usr/lib/postgresql/N/bin, off the PATH).
func BinDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	return "", ErrNoPostgres
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// PostgresUser is the account a root-run test starts a server as:
// PostgreSQL refuses to run as root.
func PostgresUser() (*syscall.Credential, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, the server must run as another user and there is no \"postgres\" user (%v): install Debian's postgresql package", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// FreePort is a TCP port on loopback that nothing listens on now.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	_, port, _ := strings.Cut(l.Addr().String(), ":")
	return strconv.Atoi(port)
}
