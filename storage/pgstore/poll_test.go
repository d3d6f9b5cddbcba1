package pgstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"copydesk/storage"
	"copydesk/storage/pgtest"
	"copydesk/storage/storetest"
)

// openPolled opens a desk whose Watch polls the change feed. Without
// notify it also sends no notices, as a desk on CockroachDB does.
func openPolled(t testing.TB, url string, opt Options, notify bool) *Store {
	t.Helper()
	opt.Poll = true
	s := mustOpen(t, url, opt)
	s.notify = s.notify && notify
	return s
}

// nextChange is the next change on ch, failing the test when none comes
// within 30 s or the watch ends.
func nextChange(t *testing.T, ch <-chan storage.Change, what string) storage.Change {
	t.Helper()
	select {
	case c, open := <-ch:
		if !open {
			t.Fatalf("%s: the watch ended", what)
		}
		return c
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: no change within 30 s", what)
	}
	return storage.Change{}
}

// wantChange fails unless the next change on ch is want.
func wantChange(t *testing.T, ch <-chan storage.Change, what string, want storage.Change) {
	t.Helper()
	if got := nextChange(t, ch, what); got != want {
		t.Errorf("%s: change %+v, want %+v", what, got, want)
	}
}

// TestSharedPolled runs the shared-store suite with both desks polling
// the feed and sending no notices, as on CockroachDB.
func TestSharedPolled(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) (a, b storage.Store) {
		url := pgtest.Database(t)
		opt := Options{LockTTL: 2 * time.Second}
		return openPolled(t, url, opt, false), openPolled(t, url, opt, false)
	})
}

// TestPolledSeesOtherDesk: a polling desk sees each of another desk's
// writes once, in order, signed with the desk that made it — whether the
// writer also notifies (PostgreSQL with Options.Poll) or not (CockroachDB).
func TestPolledSeesOtherDesk(t *testing.T) {
	for _, notify := range []bool{false, true} {
		t.Run(fmt.Sprintf("notify=%v", notify), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			url := pgtest.Database(t)
			a := openPolled(t, url, Options{Desk: "newsroom-1/100/aaaa"}, notify)
			b := openPolled(t, url, Options{Desk: "newsroom-2/200/bbbb"}, notify)
			// A change made before the watch starts is not reported.
			before := storetest.Article("Before the watch", 40, 8)
			if _, err := a.Create(ctx, before, storage.Meta{}); err != nil {
				t.Fatal(err)
			}
			ch, err := b.Watch(ctx)
			if err != nil {
				t.Fatal(err)
			}
			story := storetest.Article("Polled changes", 80, 9)
			id, desk := story.ID, a.Desk()
			if _, err := a.Create(ctx, story, storage.Meta{}); err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "Create", storage.Change{ArticleID: id, Kind: storage.ChangeCreate, Seq: 1, Version: 1, Desk: desk})
			draft := story.Clone()
			draft.Body += " A fresh paragraph."
			v, err := a.SaveDraft(ctx, draft, 1)
			if err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "SaveDraft", storage.Change{ArticleID: id, Kind: storage.ChangeDraft, Seq: 1, Version: v, Desk: desk})
			rev, err := a.SaveRevision(ctx, draft, storage.Meta{Author: "Anna Petrova"})
			if err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "SaveRevision", storage.Change{ArticleID: id, Kind: storage.ChangeRevision, Seq: rev.Seq, Version: v + 1, Desk: desk})
			if err := a.SetLabel(ctx, id, rev.Seq, "legal ok"); err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "SetLabel", storage.Change{ArticleID: id, Kind: storage.ChangeLabel, Seq: rev.Seq, Desk: desk})
			holder := storage.Holder{Name: "Anna Petrova", Desk: "laptop/7/cccc"}
			if _, err := a.Acquire(ctx, id, holder); err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "Acquire", storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: holder.Desk})
			if err := a.Release(ctx, id, holder); err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "Release", storage.Change{ArticleID: id, Kind: storage.ChangeLock, Desk: holder.Desk})
			// The watching desk's own changes come too, signed with its ID.
			own := storetest.Article("The watcher's own story", 40, 10)
			if _, err := b.Create(ctx, own, storage.Meta{}); err != nil {
				t.Fatal(err)
			}
			wantChange(t, ch, "own Create", storage.Change{ArticleID: own.ID, Kind: storage.ChangeCreate, Seq: 1, Version: 1, Desk: b.Desk()})

			var rows int
			if err := a.pool.QueryRow(ctx, `SELECT count(*) FROM changes WHERE article_id = $1`, id).Scan(&rows); err != nil {
				t.Fatal(err)
			}
			if rows != 6 {
				t.Errorf("%d rows in the feed for 6 writes", rows)
			}
		})
	}
}

// TestPolledLateCommit: a change whose row is older than changes the
// watcher has delivered already (its transaction stayed open across a
// poll) is delivered when it commits, and once.
func TestPolledLateCommit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := pgtest.Database(t)
	a := openPolled(t, url, Options{}, false)
	b := openPolled(t, url, Options{}, false)
	ch, err := b.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := a.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback(ctx) }()
	late := storage.Change{ArticleID: storetest.Article("Late", 10, 11).ID, Kind: storage.ChangeDraft, Seq: 4, Version: 9, Desk: a.Desk()}
	if err := a.sendChange(ctx, tx, late); err != nil {
		t.Fatal(err)
	}
	// A change after it commits and is delivered: the watcher's cursor
	// is past the late row's time.
	first := storetest.Article("Delivered first", 20, 12)
	if _, err := a.Create(ctx, first, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	wantChange(t, ch, "the change made while the other was open", storage.Change{ArticleID: first.ID, Kind: storage.ChangeCreate, Seq: 1, Version: 1, Desk: a.Desk()})
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	var lateAt, firstAt time.Time
	if err := a.pool.QueryRow(ctx, `SELECT (SELECT at FROM changes WHERE article_id = $1), (SELECT at FROM changes WHERE article_id = $2)`,
		late.ArticleID, first.ID).Scan(&lateAt, &firstAt); err != nil {
		t.Fatal(err)
	}
	if !lateAt.Before(firstAt) {
		t.Fatalf("the late row's time %v is not before the delivered one's %v: the test made no late commit", lateAt, firstAt)
	}
	wantChange(t, ch, "the late change", late)
	// Every poll after the commit reads the late row again; the next
	// change delivered must be this one, not the late one twice.
	after := storetest.Article("Delivered after", 20, 13)
	if _, err := a.Create(ctx, after, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	wantChange(t, ch, "the change after", storage.Change{ArticleID: after.ID, Kind: storage.ChangeCreate, Seq: 1, Version: 1, Desk: a.Desk()})
}

// insertChangeAt writes a feed row with the given time.
func insertChangeAt(t *testing.T, s *Store, id string, at time.Time) {
	t.Helper()
	if _, err := s.pool.Exec(context.Background(), `INSERT INTO changes (id, at, article_id, kind, seq, version, desk)
		VALUES ($1, $2, $3, 'draft', 0, 0, 'test')`, id, at, "article-"+id); err != nil {
		t.Fatal(err)
	}
}

// TestFeedCursor: polls with an explicit cursor over rows of chosen
// times: new rows once, late rows within the overlap once, rows behind
// the horizon never, a page's worth of rows of one time all, once.
func TestFeedCursor(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, pgtest.Database(t), Options{})
	const overlap = 10 * time.Second
	t0, err := s.databaseClock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t0 = t0.Truncate(time.Second)
	cur := newFeedCursor(t0, overlap)
	ids := func(cs []storage.Change) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ArticleID[len("article-"):])
		}
		return out
	}
	steps := []struct {
		name   string
		insert map[string]time.Duration // id → time after t0
		want   []string
	}{
		{"new rows, in time order", map[string]time.Duration{"r2": 2 * time.Second, "r1": time.Second}, []string{"r1", "r2"}},
		{"nothing new", nil, nil},
		{"a late row within the overlap", map[string]time.Duration{"late": 1500 * time.Millisecond}, []string{"late"}},
		{"a row behind the horizon is missed", map[string]time.Duration{"lost": -9 * time.Second}, nil},
		{"the horizon moves on", map[string]time.Duration{"r3": 30 * time.Second}, []string{"r3"}},
		{"rows behind the new horizon are not read again", nil, nil},
	}
	for _, st := range steps {
		for id, d := range st.insert {
			insertChangeAt(t, s, id, t0.Add(d))
		}
		got, err := s.pollChanges(ctx, cur, overlap)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ids(got)) != fmt.Sprint(st.want) {
			t.Errorf("%s: polled %v, want %v", st.name, ids(got), st.want)
		}
	}
	if want := t0.Add(20 * time.Second); !cur.horizon.Equal(want) || len(cur.seen) != 1 {
		t.Errorf("cursor horizon %v with %d IDs remembered; want %v and only r3", cur.horizon, len(cur.seen), want)
	}

	// More rows of one time than a page: read across pages, each once.
	same := t0.Add(40 * time.Second)
	var want []string
	for i := range feedPage + 5 {
		id := fmt.Sprintf("p%04d", i)
		insertChangeAt(t, s, id, same)
		want = append(want, id)
	}
	for round := range 2 {
		got, err := s.pollChanges(ctx, cur, overlap)
		if err != nil {
			t.Fatal(err)
		}
		if round == 1 {
			want = nil
		}
		if fmt.Sprint(ids(got)) != fmt.Sprint(want) {
			t.Errorf("poll %d over %d rows of one time: %d changes, want %d", round+1, feedPage+5, len(got), len(want))
		}
	}
}

// TestPruneChanges: rows older than the retention go, in several bounded
// DELETEs; newer rows stay.
func TestPruneChanges(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, pgtest.Database(t), Options{})
	const old = 2*pruneBatch + 7
	if _, err := s.pool.Exec(ctx, `INSERT INTO changes (id, at, article_id, kind, seq, version, desk)
		SELECT 'old-' || i, clock_timestamp() - INTERVAL '1 hour', 'gone', 'draft', 0, 0, 'test'
		FROM generate_series(1, $1::INT) AS i`, old); err != nil {
		t.Fatal(err)
	}
	story := storetest.Article("Still in the feed", 40, 14)
	if _, err := s.Create(ctx, story, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	// Another desk's pruner may run meanwhile: what counts is what is left.
	if _, err := s.pruneChanges(ctx, 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	var gone, kept int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE article_id = 'gone'), count(*) FILTER (WHERE article_id = $1) FROM changes`,
		story.ID).Scan(&gone, &kept); err != nil {
		t.Fatal(err)
	}
	if gone != 0 || kept != 1 {
		t.Errorf("after pruning: %d of %d old rows left, %d of 1 new row", gone, old, kept)
	}
	if n, err := s.pruneChanges(ctx, 10*time.Minute); err != nil || n != 0 {
		t.Errorf("pruning again deleted %d rows, %v; want 0", n, err)
	}
}

// TestMigrateAddsFeed: a database of schema 1 gains the change feed on
// Open, and its writes then reach a polling desk.
func TestMigrateAddsFeed(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := pgtest.Database(t)
	old := mustOpen(t, url, Options{})
	if _, err := old.pool.Exec(ctx, `DROP TABLE changes; UPDATE schema_version SET version = 1`); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	a := openPolled(t, url, Options{}, false)
	if a.schema != SchemaVersion() || SchemaVersion() < 2 {
		t.Fatalf("schema %d after Open, want %d (at least 2)", a.schema, SchemaVersion())
	}
	ch, err := a.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	story := storetest.Article("After the migration", 30, 15)
	if _, err := a.Create(ctx, story, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	wantChange(t, ch, "Create", storage.Change{ArticleID: story.ID, Kind: storage.ChangeCreate, Seq: 1, Version: 1, Desk: a.Desk()})
}
