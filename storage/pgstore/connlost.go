package pgstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// transact runs fn in one transaction and commits it. A connection lost
// on the way is said plainly, with what became of the change: lost before
// the commit was sent, the server rolled it back and nothing was saved;
// lost during the commit, only the server knows (a bare "unexpected EOF"
// said neither).
func (s *Store) transact(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.lostBefore(err)
	}
	// A rollback after the commit does nothing; before it (fn failed or
	// panicked) it ends the transaction.
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	if err := fn(tx); err != nil {
		return s.lostBefore(err)
	}
	if err := tx.Commit(ctx); err != nil {
		if connectionLost(err) {
			return &ConnectionLostError{Location: s.location, Committing: true, Err: err}
		}
		return err
	}
	if s.lostAfterCommit != nil {
		if err := s.lostAfterCommit(); err != nil {
			return &ConnectionLostError{Location: s.location, Committing: true, Err: err}
		}
	}
	return nil
}

func (s *Store) lostBefore(err error) error {
	// A server that is no longer the primary refuses a write before it
	// does anything: as good as lost, nothing saved.
	if connectionLost(err) || notPrimary(err) {
		return &ConnectionLostError{Location: s.location, Err: err}
	}
	return err
}

// ConnectionLostError is a write cut off by a lost connection to the
// server.
type ConnectionLostError struct {
	Location string
	// Committing: the connection was lost while the commit was under way,
	// so whether it was saved is not known here.
	Committing bool
	Err        error
}

func (e *ConnectionLostError) Error() string {
	if e.Committing {
		return fmt.Sprintf("the connection to the shared store %s was lost while the change was being committed: it may or may not have been saved; once the server is back, check with copydesk history or list and retry if it is missing (%v)", e.Location, e.Err)
	}
	return fmt.Sprintf("the connection to the shared store %s was lost: nothing was saved; check the connection and retry (%v)", e.Location, e.Err)
}

func (e *ConnectionLostError) Unwrap() error { return e.Err }

// connectionLost reports whether err means the connection to the server
// broke (a reset, an EOF mid-reply, the server shutting down or
// terminating the session), not that the server refused the statement.
func connectionLost(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// 08: connection exception; 57P01–57P03: shutdown, crash, cannot
		// connect now.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.ECONNREFUSED),
		errors.As(err, &ne), errors.As(err, &ce), errors.Is(err, net.ErrClosed):
		return true
	}
	return strings.Contains(err.Error(), "conn closed")
}
