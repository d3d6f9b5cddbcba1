package pgstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"regexp"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"copydesk/storage"
)

var (
	_ storage.Store   = (*Store)(nil)
	_ storage.Locker  = (*Store)(nil)
	_ storage.Watcher = (*Store)(nil)
	_ storage.Signer  = (*Store)(nil)
)

// Options tune a store.
type Options struct {
	Logger   *slog.Logger // nil: slog.Default()
	MaxConns int32        // pool size; 0: pgx default
	// LockTTL is how long a lock lives without a heartbeat; 0:
	// storage.LockTTL. Tests shorten it.
	LockTTL time.Duration
	// Desk signs every change this store sends (storage.Change.Desk), so
	// that a window can tell its own changes from other desks'; "" makes
	// a new one (storage.NewDeskID).
	Desk string
	// Poll makes Watch read the change feed (the changes table, every
	// 250 ms) instead of listening with LISTEN/NOTIFY. Watch polls anyway
	// on an engine without pg_notify; Poll forces it where notify works,
	// so that tests exercise the fallback on PostgreSQL.
	Poll bool
	// Failover is how long a call cut off by a lost connection is run
	// again (failover.go) before its error is returned; 0: 90 s; < 0:
	// never run again.
	Failover time.Duration
	// OnConnection, if set, hears when the connection to the store is
	// lost and when the store answers again (a window says
	// "reconnecting…" in between); see SetOnConnection.
	OnConnection func(up bool, err error)
	// StandbyReads sends the library's reads (List) to a standby of a
	// replicated cluster when it has caught up (standby.go); the URL names
	// its hosts. Without a standby they go to the primary.
	StandbyReads bool
}

// maxRetries bounds how often one write is run again after losing a
// serialization conflict or a deadlock.
const maxRetries = 30

// Store is an open shared store. It is safe for concurrent use.
type Store struct {
	url      string // as given, for the watchers' own connections
	location string // without the password
	opts     Options
	pool     *pgxpool.Pool
	schema   int
	notify   bool // the engine has pg_notify
	standby  *standby
	feed     feedTiming

	fo failover
	// lostAfterCommit, in tests, cuts the connection off right after a
	// commit when it returns an error: the reply that never came.
	lostAfterCommit func() error
	gate            storage.Gate
	clock           storage.Clock // this desk's, for revisions and drafts

	// Background work (compaction, watchers) ends when stop is cancelled.
	stopCtx    context.Context
	stop       context.CancelFunc
	background sync.WaitGroup
	compact    chan compactJob
}

// Open connects to the database at url (postgres://… or key=value form),
// creates or migrates its schema, and returns the store. A database
// written by a newer Copydesk gives a *storage.SchemaError.
func Open(ctx context.Context, url string, opt Options) (*Store, error) {
	loc := Redact(url)
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", loc, redactErr(err, url))
	}
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	if opt.LockTTL <= 0 {
		opt.LockTTL = storage.LockTTL
	}
	if opt.Failover == 0 {
		opt.Failover = defaultFailover
	}
	if opt.Desk == "" {
		opt.Desk = storage.NewDeskID()
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", loc, redactErr(err, url))
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting to database %s: %w", loc, redactErr(err, url))
	}
	s := &Store{url: url, location: loc, opts: opt, pool: pool, feed: defaultFeedTiming(), compact: make(chan compactJob, 256)}
	s.stopCtx, s.stop = context.WithCancel(context.Background())
	s.SetOnConnection(opt.OnConnection)
	if s.schema, err = s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	s.notify = s.probeNotify(ctx)
	if opt.StandbyReads {
		if s.standby, err = openStandby(ctx, url); err != nil {
			pool.Close()
			return nil, fmt.Errorf("database %s: %w", loc, redactErr(err, url))
		}
	}
	s.background.Add(2)
	go s.compactor()
	go s.pruner(s.feed.pruneEvery, s.feed.keep)
	return s, nil
}

// Desk is the desk ID this store signs its changes with.
func (s *Store) Desk() string { return s.opts.Desk }

// Location is the database's URL without its password.
func (s *Store) Location() string { return s.location }

// Close waits for calls in flight, stops the background work and the
// watchers, and closes the connections.
func (s *Store) Close() error {
	if err := s.gate.Close(); err != nil {
		return err
	}
	s.stop()
	s.background.Wait()
	s.pool.Close()
	if s.standby != nil {
		s.standby.pool.Close()
	}
	return nil
}

func (s *Store) logger() *slog.Logger {
	if s.opts.Logger != nil {
		return s.opts.Logger
	}
	return slog.Default()
}

// retry runs fn in a transaction and commits it, again from the start
// (after a jittered, growing pause) when the database reports a
// serialization failure or a deadlock, or when the connection was lost
// (failover.go). Errors of fn itself end it.
func (s *Store) retry(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return s.retryWrite(ctx, func(tx pgx.Tx, _ bool) error { return fn(tx) })
}

// retryWrite is retry for a write that must recognize its own effect:
// uncertain is true once a run was cut off during its commit, so the
// change may be in the database already.
func (s *Store) retryWrite(ctx context.Context, fn func(tx pgx.Tx, uncertain bool) error) error {
	pause := time.Millisecond
	r := rider{s: s}
	uncertain := false
	for attempt := 1; ; {
		err := s.transact(ctx, func(tx pgx.Tx) error { return fn(tx, uncertain) })
		var lost *ConnectionLostError
		if errors.As(err, &lost) && r.again(ctx, err) {
			uncertain = uncertain || lost.Committing
			continue
		}
		if err == nil || !retryable(err) {
			if err == nil || lost == nil {
				s.connUp()
			}
			return err
		}
		if attempt == maxRetries {
			return fmt.Errorf("database %s is too busy: %d attempts lost to other writers: %w", s.location, attempt, err)
		}
		attempt++
		wait := pause/2 + rand.N(pause)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// retryable reports a serialization failure or a deadlock: the
// transaction did nothing and may simply run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	return false
}

// sqlState is the SQLSTATE of err, or "".
func sqlState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

var passwordKV = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)`)

// Redact returns a connection string without its password, for messages
// and Stats.Location.
func Redact(conn string) string {
	if u, err := url.Parse(conn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		if u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.User(u.User.Username())
			}
		}
		q := u.Query()
		if q.Has("password") {
			q.Del("password")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	return passwordKV.ReplaceAllString(conn, "${1}xxxxx")
}

// redactErr keeps a password that pgx quotes in an error out of messages.
func redactErr(err error, conn string) error {
	if u, perr := url.Parse(conn); perr == nil && u.User != nil {
		if pw, has := u.User.Password(); has && pw != "" {
			return redacted{err, pw}
		}
	}
	return err
}

type redacted struct {
	err error
	pw  string
}

func (r redacted) Error() string {
	return regexp.MustCompile(regexp.QuoteMeta(r.pw)).ReplaceAllString(r.err.Error(), "xxxxx")
}

func (r redacted) Unwrap() error { return r.err }
