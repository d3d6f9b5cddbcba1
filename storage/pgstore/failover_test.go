package pgstore

import (
	"context"
	"errors"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
	"copydesk/storage/pgtest"
	"copydesk/storage/storetest"
)

// cutOnce makes the next commits' replies of s go missing, n of them,
// after running between (another desk's write, say) once.
func cutOnce(s *Store, n int, between func()) {
	var mu sync.Mutex
	s.lostAfterCommit = func() error {
		mu.Lock()
		defer mu.Unlock()
		if n == 0 {
			return nil
		}
		n--
		if between != nil {
			between()
			between = nil
		}
		return io.ErrUnexpectedEOF
	}
}

// TestCommitCutOffIsSavedOnce: a write whose commit reply is lost (the
// server went away just after committing) is run again; it finds itself
// saved and is acknowledged once, not written twice. Before, it failed
// with "may or may not have been saved" and a desk retrying by hand made
// a second revision.
func TestCommitCutOffIsSavedOnce(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, pgtest.Database(t), Options{})
	a := storetest.Article("Cut off", 60, 90)
	tests := []struct {
		name  string
		write func() (seq, version uint64, err error)
	}{
		{"create", func() (uint64, uint64, error) {
			rev, err := s.Create(ctx, a, storage.Meta{Author: "Anna"})
			return rev.Seq, 1, err
		}},
		{"autosave", func() (uint64, uint64, error) {
			b := *a
			b.Body += "\n\nAn autosaved sentence."
			v, err := s.SaveDraft(ctx, &b, 1)
			return 1, v, err
		}},
		{"revision", func() (uint64, uint64, error) {
			b := *a
			b.Body += "\n\nA saved sentence."
			rev, err := s.SaveRevision(ctx, &b, storage.Meta{Author: "Anna", DraftVersion: 2})
			return rev.Seq, 3, err
		}},
	}
	for _, tc := range tests {
		before := s.Failovers()
		cutOnce(s, 1, nil)
		seq, version, err := tc.write()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		revs, err := s.Revisions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.Draft(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if uint64(len(revs)) != seq || d.Seq != seq || d.Version != version {
			t.Errorf("%s: %d revisions, draft at revision %d version %d; want %d, %d, %d", tc.name, len(revs), d.Seq, d.Version, seq, seq, version)
		}
		if got := s.Failovers(); got.Confirmed != before.Confirmed+1 || got.Retried != before.Retried+1 {
			t.Errorf("%s: failover counts %+v after %+v, want one more retried and confirmed", tc.name, got, before)
		}
	}
}

// TestCommitCutOffThenOtherDesk: when the commit's reply was lost and the
// write did not take (here: another desk saved in between and this one's
// commit is simulated lost after it), the rerun is refused as stale —
// the desk merges — never saved over the other desk's work.
func TestCommitCutOffThenOtherDesk(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Database(t)
	s, other := mustOpen(t, url, Options{}), mustOpen(t, url, Options{})
	a := storetest.Article("Raced", 60, 91)
	if _, err := s.Create(ctx, a, storage.Meta{Author: "Anna"}); err != nil {
		t.Fatal(err)
	}
	// Anna's autosave commits, its reply is lost; Boris saves from the
	// version it made before Anna's desk runs the call again.
	cutOnce(s, 1, func() {
		b := *a
		b.Body += "\n\nBoris's sentence."
		if _, err := other.SaveRevision(ctx, &b, storage.Meta{Author: "Boris", DraftVersion: 2}); err != nil {
			t.Error(err)
		}
	})
	mine := *a
	mine.Body += "\n\nAnna's sentence."
	_, err := s.SaveDraft(ctx, &mine, 1)
	if !errors.Is(err, storage.ErrStale) {
		t.Fatalf("rerun after another desk's save: %v, want ErrStale", err)
	}
	if f := s.Failovers(); f.Refused != 1 || f.Confirmed != 0 {
		t.Errorf("failover counts %+v, want one refused", f)
	}
	d, err := s.Draft(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != 3 || d.Seq != 2 {
		t.Errorf("draft version %d at revision %d, want Boris's: 3, 2", d.Version, d.Seq)
	}
}

// TestLostConnectionRunsAgain: a write whose connection dies before the
// commit runs again on a new connection and succeeds; the window hears
// "lost" and then "answers again", once each.
func TestLostConnectionRunsAgain(t *testing.T) {
	ctx := context.Background()
	var (
		mu     sync.Mutex
		states []ConnState
	)
	s := mustOpen(t, pgtest.Database(t), Options{OnConnection: func(up bool, err error) {
		mu.Lock()
		states = append(states, ConnState{Up: up, Err: err})
		mu.Unlock()
	}})
	if _, err := s.pool.Exec(ctx, "CREATE TABLE probe (n int)"); err != nil {
		t.Fatal(err)
	}
	runs := 0
	err := s.retry(ctx, func(tx pgx.Tx) error {
		runs++
		if _, err := tx.Exec(ctx, "INSERT INTO probe VALUES ($1)", runs); err != nil {
			return err
		}
		if runs == 1 {
			_, err := tx.Exec(ctx, "SELECT pg_terminate_backend(pg_backend_pid())")
			return err
		}
		return nil
	})
	if err != nil || runs != 2 {
		t.Fatalf("after a lost connection: %v after %d runs, want success on the second", err, runs)
	}
	var n, last int
	if err := s.pool.QueryRow(ctx, "SELECT count(*), max(n) FROM probe").Scan(&n, &last); err != nil || n != 1 || last != 2 {
		t.Errorf("%d rows, the last from run %d (%v); want the second run's only", n, last, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(states) != 2 || states[0].Up || states[0].Err == nil || !states[1].Up {
		t.Errorf("connection states %+v, want lost then up", states)
	}
	if !s.Connected() {
		t.Error("Connected() is false after a call succeeded")
	}
}

// TestFailoverGivesUp: with the server gone for good, a call returns the
// lost connection once Options.Failover has passed.
func TestFailoverGivesUp(t *testing.T) {
	s := mustOpen(t, pgtest.Database(t), Options{Failover: 300 * time.Millisecond})
	ctx := context.Background()
	runs := 0
	err := s.retry(ctx, func(tx pgx.Tx) error {
		runs++
		_, err := tx.Exec(ctx, "SELECT pg_terminate_backend(pg_backend_pid())")
		return err
	})
	var lost *ConnectionLostError
	if !errors.As(err, &lost) || runs < 2 {
		t.Errorf("%v after %d runs, want a lost connection after more than one", err, runs)
	}
}

// TestStandbyReadsWithoutStandby: a desk asked to read the library from a
// standby, on a server with none, reads it from the primary — the same
// rows — and counts each read as a fallback, none as served.
func TestStandbyReadsWithoutStandby(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Database(t)
	s := mustOpen(t, url, Options{StandbyReads: true})
	for i := range 3 {
		if _, err := s.Create(ctx, storetest.Article("Standby story", 40, uint64(100+i)), storage.Meta{Author: "Anna"}); err != nil {
			t.Fatal(err)
		}
	}
	rows, total, err := s.List(ctx, storage.Query{})
	if err != nil || total != 3 || len(rows) != 3 {
		t.Fatalf("List: %d rows of %d (%v), want 3", len(rows), total, err)
	}
	if served, fellBack := s.StandbyReads(); served != 0 || fellBack != 1 {
		t.Errorf("standby reads: %d served, %d fell back; want 0, 1", served, fellBack)
	}
}
