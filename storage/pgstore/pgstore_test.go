package pgstore

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
	"copydesk/storage/pgtest"
	"copydesk/storage/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// mustOpen opens a store on url, closed when the test ends.
func mustOpen(t testing.TB, url string, opt Options) *Store {
	t.Helper()
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	s, err := Open(context.Background(), url, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storage.Store {
		return mustOpen(t, pgtest.Database(t), Options{})
	})
}

func TestShared(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) (a, b storage.Store) {
		url := pgtest.Database(t)
		opt := Options{LockTTL: 2 * time.Second}
		return mustOpen(t, url, opt), mustOpen(t, url, opt)
	})
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://anna:secret@db.example:5432/news?sslmode=disable", "postgres://anna@db.example:5432/news?sslmode=disable"},
		{"postgresql://anna@db/news", "postgresql://anna@db/news"},
		{"postgres://db/news?password=secret&sslmode=require", "postgres://db/news?sslmode=require"},
		{"host=db user=anna password=secret dbname=news", "host=db user=anna password=xxxxx dbname=news"},
		{"host=db password='se cret' dbname=news", "host=db password=xxxxx dbname=news"},
	}
	for _, tc := range tests {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSchemaNewer: a database migrated by a newer Copydesk is refused,
// naming it without the password.
func TestSchemaNewer(t *testing.T) {
	url := pgtest.Database(t)
	s := mustOpen(t, url, Options{})
	if _, err := s.pool.Exec(context.Background(), `UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), url, Options{})
	var se *storage.SchemaError
	if !errors.As(err, &se) || !errors.Is(err, storage.ErrSchema) {
		t.Fatalf("Open of a newer schema: %v, want a *storage.SchemaError", err)
	}
	if se.Found != 99 || se.Supported != SchemaVersion() || se.Path != Redact(url) {
		t.Errorf("SchemaError %+v", se)
	}
}

// TestOpenConcurrently: desks starting together on a new database migrate
// it once between them.
func TestOpenConcurrently(t *testing.T) {
	url := pgtest.Database(t)
	const desks = 4
	var wg sync.WaitGroup
	errs := make([]error, desks)
	for i := range desks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), url, Options{})
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	s := mustOpen(t, url, Options{})
	var v int
	if err := s.pool.QueryRow(context.Background(), `SELECT version FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion() {
		t.Errorf("schema version %d, %v; want %d", v, err, SchemaVersion())
	}
}

// TestCompactHistory: superseded revisions become deltas, keyframes and
// the newest stay whole, and every revision still rebuilds.
func TestCompactHistory(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, pgtest.Database(t), Options{})
	a := storetest.Article("Compacted story", 2000, 70)
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	const n = 40
	arts := []string{string(a.Encode())}
	cur := a
	for i := 2; i <= n; i++ {
		cur = cur.Clone()
		cur.Body += " More copy."
		if _, err := s.SaveRevision(ctx, cur, storage.Meta{}); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, string(cur.Encode()))
		// Compaction runs after each save; wait for it so the layout is known.
		if err := s.compactArticle(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.pool.Query(ctx, `SELECT seq, encoding FROM revisions WHERE article_id = $1 ORDER BY seq`, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	type layout struct {
		Seq      int64
		Encoding string
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[layout])
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		want := encDelta
		if r.Seq == n || r.Seq%keyframeEvery == 0 {
			want = encWhole
		}
		if r.Encoding != want {
			t.Errorf("revision %d kept %s, want %s", r.Seq, r.Encoding, want)
		}
	}
	for seq := uint64(1); seq <= n; seq++ {
		got, _, err := s.Revision(ctx, a.ID, seq)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Encode()) != arts[seq-1] {
			t.Errorf("revision %d rebuilds to other content", seq)
		}
	}
	if rep, err := s.Verify(ctx, nil); err != nil || !rep.OK() || rep.Revisions != n {
		t.Errorf("Verify: %+v, %v", rep, err)
	}
}

// TestWatchReconnects: a watcher whose connection is cut says "reload
// all" and goes on delivering.
func TestWatchReconnects(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := mustOpen(t, pgtest.Database(t), Options{})
	ch, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`); err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch, "after the cut"); c != (storage.Change{}) {
		t.Errorf("first change after the cut = %+v, want the empty reload-all change", c)
	}
	a := storetest.Article("After reconnecting", 50, 71)
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	if c := nextChange(t, ch, "after reconnecting"); c.ArticleID != a.ID || c.Kind != storage.ChangeCreate {
		t.Errorf("change after reconnecting = %+v", c)
	}
	cancel()
	for range ch {
	}
}

// TestCloseEndsWatch: closing the store closes its watchers' channels,
// listening or polling.
func TestCloseEndsWatch(t *testing.T) {
	for name, opt := range map[string]Options{"listening": {}, "polling": {Poll: true, Logger: slog.New(slog.DiscardHandler)}} {
		t.Run(name, func(t *testing.T) {
			s, err := Open(context.Background(), pgtest.Database(t), opt)
			if err != nil {
				t.Fatal(err)
			}
			ch, err := s.Watch(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			for range ch {
			}
			if _, err := s.Watch(context.Background()); !errors.Is(err, storage.ErrClosed) {
				t.Errorf("Watch after Close: %v", err)
			}
		})
	}
}

// BenchmarkSaveRevision saves revisions of a 10,000-word story, each a
// small edit, as a desk does on Ctrl+S (compaction runs after each, in
// the background, as in use).
func BenchmarkSaveRevision(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, pgtest.Database(b), Options{})
	a := storetest.Article("Long read", 10000, 80)
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c := a.Clone()
		c.Body += " Edit."
		a = c
		if _, err := s.SaveRevision(ctx, c, storage.Meta{Author: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestChangesAreSigned: every change carries the desk that made it, so a
// window can drop its own; a lock change carries the holder's desk.
func TestChangesAreSigned(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := pgtest.Database(t)
	a := mustOpen(t, url, Options{Desk: "newsroom-1/100/aaaa"})
	b := mustOpen(t, url, Options{})
	if b.Desk() == "" || b.Desk() == a.Desk() {
		t.Fatalf("desk IDs %q and %q", a.Desk(), b.Desk())
	}
	ch, err := b.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	story := storetest.Article("Signed changes", 80, 5)
	if _, err := a.Create(ctx, story, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveDraft(ctx, story, 1); err != nil {
		t.Fatal(err)
	}
	holder := storage.Holder{Name: "Anna Petrova", Desk: "laptop/7/bbbb"}
	if _, err := a.Acquire(ctx, story.ID, holder); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind storage.ChangeKind
		desk string
	}{{storage.ChangeCreate, a.Desk()}, {storage.ChangeDraft, a.Desk()}, {storage.ChangeLock, holder.Desk}}
	for _, w := range want {
		if c := nextChange(t, ch, string(w.kind)); c.Kind != w.kind || c.Desk != w.desk || c.ArticleID != story.ID {
			t.Errorf("change %+v, want %s from %s", c, w.kind, w.desk)
		}
	}
}
