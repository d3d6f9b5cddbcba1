package pgstore

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"copydesk/storage/pgtest"
)

// TestLostConnectionSaysNothingWasSaved: a write whose connection the
// server drops mid-transaction fails with a message that says nothing
// was saved and what to do (it said "unexpected EOF" alone), and what it
// wrote is not there.
func TestLostConnectionSaysNothingWasSaved(t *testing.T) {
	// Failover < 0: no rerun, the error as a desk would see it at last.
	s := mustOpen(t, pgtest.Database(t), Options{Failover: -1})
	ctx := context.Background()
	if _, err := s.pool.Exec(ctx, "CREATE TABLE probe (n int)"); err != nil {
		t.Fatal(err)
	}
	err := s.retry(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "INSERT INTO probe VALUES (1)"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "SELECT pg_terminate_backend(pg_backend_pid())")
		return err
	})
	var lost *ConnectionLostError
	if !errors.As(err, &lost) || lost.Committing || !strings.Contains(err.Error(), "nothing was saved; check the connection and retry") {
		t.Fatalf("got %v; want a lost connection, nothing saved", err)
	}
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM probe").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows saved (%v), want none", n, err)
	}
}

// TestConnectionLostClasses: what counts as a lost connection, and the
// message when the commit itself was cut off.
func TestConnectionLostClasses(t *testing.T) {
	for _, err := range []error{io.ErrUnexpectedEOF, io.EOF, errors.New("conn closed")} {
		if !connectionLost(err) {
			t.Errorf("%v is not taken for a lost connection", err)
		}
	}
	for _, err := range []error{context.Canceled, errors.New("article not found")} {
		if connectionLost(err) {
			t.Errorf("%v is taken for a lost connection", err)
		}
	}
	msg := (&ConnectionLostError{Location: "db", Committing: true, Err: io.ErrUnexpectedEOF}).Error()
	if !strings.Contains(msg, "may or may not have been saved") || strings.Contains(msg, "nothing was saved") {
		t.Errorf("commit cut off: %q", msg)
	}
}
