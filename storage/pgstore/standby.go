package pgstore

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Reading the library from a standby (Options.StandbyReads). The library's
// query is the one that scans the articles table; on a replicated cluster
// it can run on the standby, which a hot standby allows (read-only
// transactions). Everything else — drafts, revisions, locks, every write
// — stays on the primary.
//
// Staleness accepted: none at the moment of the call. A standby applies
// the primary's changes a little after the primary committed them
// (synchronous replication waits for the standby to have the change, not
// to show it), and a window refreshes its library as soon as a change
// notice arrives — from the primary, possibly before the standby shows
// the change. So each library read first asks the primary how far its
// log is (pg_current_wal_lsn, no table read) and uses the standby only if
// the standby has replayed that far; otherwise it reads the primary. A
// library read therefore shows every change committed before it began,
// wherever it ran.

// standby is the store's second pool, connected to a standby when one
// answers (target_session_attrs=prefer-standby over the URL's hosts).
type standby struct {
	pool     *pgxpool.Pool
	served   atomic.Int64 // library reads the standby answered
	fellBack atomic.Int64 // library reads sent to the primary: the standby was behind or gone
}

func openStandby(ctx context.Context, url string) (*standby, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	cfg.ConnConfig.ValidateConnect = pgconn.ValidateConnectTargetSessionAttrsPreferStandby
	cfg.MaxConns = 2
	// Lazily connected: a cluster whose standby is down opens all the same.
	cfg.MinConns = 0
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &standby{pool: pool}, nil
}

// StandbyReads reports how many library reads a standby answered and how
// many went to the primary instead (Options.StandbyReads).
func (s *Store) StandbyReads() (served, fellBack int64) {
	if s.standby == nil {
		return 0, 0
	}
	return s.standby.served.Load(), s.standby.fellBack.Load()
}

// librarySnapshot runs fn, a library read, in one read-only snapshot: on
// the standby when it has caught up with the primary's log as of now,
// else on the primary.
func (s *Store) librarySnapshot(ctx context.Context, fn func(tx pgx.Tx) error) error {
	if s.standby == nil {
		return s.snapshot(ctx, fn)
	}
	var lsn string
	if err := s.pool.QueryRow(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&lsn); err != nil {
		return err
	}
	var onStandby, current bool
	err := pgx.BeginTxFunc(ctx, s.standby.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		// With the standby down, prefer-standby connects to the
		// primary: current, and counted as a fallback.
		err := tx.QueryRow(ctx, `SELECT pg_is_in_recovery(), NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= $1::pg_lsn`, lsn).
			Scan(&onStandby, &current)
		if err != nil {
			return err
		}
		if !current {
			return errBehind
		}
		return fn(tx)
	})
	if err == nil {
		if onStandby {
			s.standby.served.Add(1)
		} else {
			s.standby.fellBack.Add(1)
		}
		return nil
	}
	if err != errBehind && !connectionLost(err) {
		return err
	}
	s.standby.fellBack.Add(1)
	return s.snapshot(ctx, fn)
}

var errBehind = fmt.Errorf("the standby has not replayed the primary's latest changes yet")
