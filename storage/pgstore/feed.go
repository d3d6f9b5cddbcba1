package pgstore

// The change feed: the changes table every write adds a row to, read by
// desks that poll (engines without LISTEN/NOTIFY, or Options.Poll), and
// pruned by every desk.

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

// feedTiming is how the feed is read and kept. Open sets the defaults;
// tests shorten them.
type feedTiming struct {
	// every is the pause between two polls: a change shows at another
	// desk within every plus one query.
	every time.Duration
	// overlap is how far behind the newest time it has seen a poller
	// reads again. A change whose row commits later than overlap after
	// its time (clock_timestamp() at the INSERT) — a commit stalled that
	// long, or a node's clock that far behind the others' — is missed.
	overlap time.Duration
	// keep is how long rows stay; a poller that could not read for half
	// of it sends "reload all", as rows it never read may be gone.
	keep time.Duration
	// pruneEvery is the pause between two prunes by one desk (jittered).
	pruneEvery time.Duration
}

func defaultFeedTiming() feedTiming {
	return feedTiming{
		every:      250 * time.Millisecond,
		overlap:    10 * time.Second,
		keep:       10 * time.Minute,
		pruneEvery: time.Minute,
	}
}

// feedPage bounds the rows one query of a poll reads; a poll reads on
// until a page comes back short.
const feedPage = 500

// pruneBatch bounds the rows one DELETE removes, and pruneBatches the
// DELETEs of one prune, so that a prune is never a long transaction.
const (
	pruneBatch   = 1000
	pruneBatches = 20
)

// sendChange reports a change to every watcher when tx commits: a row in
// the changes table for desks that poll and, where the engine has
// pg_notify, a notice for desks that listen. Both go in one round trip.
// Callers make it the last statement of the transaction where they can,
// so the row's time is close to its commit.
func (s *Store) sendChange(ctx context.Context, tx pgx.Tx, c storage.Change) error {
	if c.Desk == "" {
		c.Desk = s.opts.Desk
	}
	var b pgx.Batch
	b.Queue(`INSERT INTO changes (id, at, article_id, kind, seq, version, desk)
		VALUES ($1, clock_timestamp(), $2, $3, $4, $5, $6)`,
		newChangeID(), c.ArticleID, string(c.Kind), int64(c.Seq), int64(c.Version), c.Desk)
	if s.notify {
		payload, err := json.Marshal(c)
		if err != nil {
			return err
		}
		b.Queue(`SELECT pg_notify($1, $2)`, changesChannel, string(payload))
	}
	return tx.SendBatch(ctx, &b).Close()
}

// newChangeID is a random 128-bit ID: desks make IDs without asking each
// other, and their order means nothing (the feed orders by time).
func newChangeID() string {
	var b [16]byte
	_, _ = crand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// feedCursor is where a poller is in the feed.
type feedCursor struct {
	// newest is the newest time seen in a row, or the database's clock
	// when the watch started.
	newest time.Time
	// horizon is newest less the overlap: rows before it are never read
	// again. It only moves forward.
	horizon time.Time
	// seen holds the IDs delivered (or present when the watch started)
	// whose time is at or after the horizon, with that time.
	seen map[string]time.Time
}

func newFeedCursor(start time.Time, overlap time.Duration) *feedCursor {
	return &feedCursor{newest: start, horizon: start.Add(-overlap), seen: map[string]time.Time{}}
}

// take records a row read by a poll; false when it was delivered before.
func (c *feedCursor) take(id string, at time.Time) bool {
	if _, dup := c.seen[id]; dup {
		return false
	}
	c.seen[id] = at
	if at.After(c.newest) {
		c.newest = at
	}
	return true
}

// advance moves the horizon to overlap behind the newest time and forgets
// the IDs before it, which no poll reads again.
func (c *feedCursor) advance(overlap time.Duration) {
	h := c.newest.Add(-overlap)
	if !h.After(c.horizon) {
		return
	}
	c.horizon = h
	for id, at := range c.seen {
		if at.Before(h) {
			delete(c.seen, id)
		}
	}
}

// pollChanges returns the changes at or after the cursor's horizon that it
// has not delivered, oldest first, and advances it. Each query is a range
// of the changes_by_at index.
func (s *Store) pollChanges(ctx context.Context, cur *feedCursor, overlap time.Duration) ([]storage.Change, error) {
	var out []storage.Change
	afterAt, afterID := cur.horizon, "" // (at, id) > (horizon, "") is at >= horizon: IDs are never empty
	for {
		rows, err := s.pool.Query(ctx, `SELECT id, at, article_id, kind, seq, version, desk FROM changes
			WHERE (at, id) > ($1, $2) ORDER BY at, id LIMIT $3`, afterAt, afterID, feedPage)
		if err != nil {
			return nil, err
		}
		n := 0
		for rows.Next() {
			var (
				id, kind     string
				at           time.Time
				seq, version int64
				c            storage.Change
			)
			if err := rows.Scan(&id, &at, &c.ArticleID, &kind, &seq, &version, &c.Desk); err != nil {
				rows.Close()
				return nil, err
			}
			n++
			afterAt, afterID = at, id
			if !cur.take(id, at) {
				continue
			}
			c.Kind, c.Seq, c.Version = storage.ChangeKind(kind), uint64(seq), uint64(version)
			out = append(out, c)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if n < feedPage {
			break
		}
	}
	cur.advance(overlap)
	return out, nil
}

// databaseClock is the database's clock_timestamp(), the clock the rows'
// times come from.
func (s *Store) databaseClock(ctx context.Context) (time.Time, error) {
	var t time.Time
	err := s.pool.QueryRow(ctx, `SELECT clock_timestamp()`).Scan(&t)
	return t, err
}

// pruneChanges deletes the rows older than keep by the database's clock,
// pruneBatch at a time, at most pruneBatches times; it returns how many
// it deleted. Desks pruning at once are harmless: a row is deleted once.
func (s *Store) pruneChanges(ctx context.Context, keep time.Duration) (int64, error) {
	var total int64
	for range pruneBatches {
		var n int64
		err := s.retry(ctx, func(tx pgx.Tx) error {
			tag, err := tx.Exec(ctx, `DELETE FROM changes WHERE id IN (
				SELECT id FROM changes WHERE at < now() - $1::INTERVAL ORDER BY at LIMIT $2)`,
				keep, pruneBatch)
			n = tag.RowsAffected()
			return err
		})
		total += n
		if err != nil || n < pruneBatch {
			return total, err
		}
	}
	return total, nil
}

// pruner deletes the rows older than keep after each pause until Close.
// The pauses are jittered so that desks opened together do not prune
// together.
func (s *Store) pruner(pause, keep time.Duration) {
	defer s.background.Done()
	wait := rand.N(pause) // the first soon after Open
	for {
		select {
		case <-s.stopCtx.Done():
			return
		case <-time.After(wait):
		}
		if _, err := s.pruneChanges(s.stopCtx, keep); err != nil && s.stopCtx.Err() == nil {
			s.logger().Warn("pruning the change feed", "database", s.location, "err", err)
		}
		wait = pause/2 + rand.N(pause)
	}
}
