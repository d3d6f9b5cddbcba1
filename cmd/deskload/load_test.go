package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/pgstore"
	"copydesk/storage/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestShortLoad is make loadtest in small: 4 desks, 60 revisions, on the
// test server (fsync off: latencies mean nothing here, correctness does).
func TestShortLoad(t *testing.T) {
	cfg := DefaultConfig()
	cfg.URL = pgtest.Database(t)
	cfg.Desks, cfg.Revisions, cfg.SharedShare = 4, 60, 0.6
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	report(&b, res)
	t.Log("\n" + b.String())
	if !res.OK() {
		t.Errorf("lost %d, broken %d, silently overwritten %d, unexplained %d", res.Lost, res.Broken, res.Overwrites, res.Unexplained)
	}
	if res.Revisions != cfg.Revisions || len(res.Latencies) != cfg.Revisions {
		t.Errorf("%d revisions acknowledged (%d timed), want %d", res.Revisions, len(res.Latencies), cfg.Revisions)
	}
	s, err := pgstore.Open(context.Background(), cfg.URL, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Verify(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := res.Created + res.Revisions + res.Kept; rep.Revisions != want {
		t.Errorf("the store holds %d revisions; %d first revisions + %d saved + %d kept at take-over = %d", rep.Revisions, res.Created, res.Revisions, res.Kept, want)
	}
}

// TestCheckFindsWhatWentWrong: the checks are not vacuous. Writes the
// desks were told of but the store does not hold — a revision under the
// wrong content, one missing, a marker the draft lacks — are each counted.
func TestCheckFindsWhatWentWrong(t *testing.T) {
	ctx := context.Background()
	s, err := pgstore.Open(ctx, pgtest.Database(t), pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newStory("checked story")
	if _, err := s.Create(ctx, a, storage.Meta{Author: "Test"}); err != nil {
		t.Fatal(err)
	}
	b := withMarker(a, "Take 1 from desk 1.")
	rev, err := s.SaveRevision(ctx, b, storage.Meta{Author: "Test", DraftVersion: 1})
	if err != nil {
		t.Fatal(err)
	}
	good := []ack{
		{article: a.ID, revision: true, seq: 1, hash: a.ContentHash()},
		{article: a.ID, marker: "Take 1 from desk 1.", revision: true, seq: rev.Seq, hash: b.ContentHash()},
	}
	tests := []struct {
		name                         string
		extra                        []ack
		lost, overwrites, unexplaind int
	}{
		{"all there", nil, 0, 0, 0},
		{"a revision never stored", []ack{{article: a.ID, marker: "Take 2 from desk 1.", revision: true, seq: 9, hash: "x"}}, 1, 1, 0},
		{"other content", []ack{{article: a.ID, revision: true, seq: 2, hash: "x"}}, 1, 0, 0},
		{"an autosave overwritten", []ack{{article: a.ID, marker: "Take 1 from desk 2."}}, 0, 1, 0},
		{"a prefix is not the marker", []ack{{article: a.ID, marker: "Take 1 from desk"}}, 0, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			acks := append(append([]ack{}, good...), tc.extra...)
			var res Result
			if err := check(ctx, s, []string{a.ID}, acks, &res); err != nil {
				t.Fatal(err)
			}
			if res.Lost != tc.lost || res.Overwrites != tc.overwrites || res.Unexplained != tc.unexplaind || res.Broken != 0 {
				t.Errorf("lost %d, overwrites %d, unexplained %d, broken %d; want %d, %d, %d, 0\n%s",
					res.Lost, res.Overwrites, res.Unexplained, res.Broken, tc.lost, tc.overwrites, tc.unexplaind, strings.Join(res.Problems, "\n"))
			}
		})
	}
	// A revision no desk was told of, not a take-over's checkpoint.
	var res Result
	if err := check(ctx, s, []string{a.ID}, good[:1], &res); err != nil {
		t.Fatal(err)
	}
	if res.Unexplained != 1 {
		t.Errorf("an unacknowledged save: unexplained %d, want 1", res.Unexplained)
	}
}

func TestPercentile(t *testing.T) {
	r := Result{Latencies: []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{{0, 1}, {0.5, 6}, {0.99, 10}, {1, 10}} {
		if got := r.Percentile(tc.p); got != tc.want {
			t.Errorf("Percentile(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// careless is a store that hands every desk the copy of a story it first
// read, however often the story was saved since, and does not check the
// version a save was made from: the lost update a shared store must
// refuse. Each save through it replaces the one before.
type careless struct {
	storage.Store
	first map[string]storage.Draft
}

func (c *careless) Draft(ctx context.Context, id string) (storage.Draft, error) {
	if d, ok := c.first[id]; ok {
		return d, nil
	}
	d, err := c.Store.Draft(ctx, id)
	if err == nil {
		c.first[id] = d
	}
	return d, err
}

func (c *careless) SaveRevision(ctx context.Context, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	m.DraftVersion = 0
	return c.Store.SaveRevision(ctx, a, m)
}

// TestLoadCatchesSilentOverwrites: the whole run, through a careless
// store, reports the overwrites (one desk, its own stories: no races, so
// the count is exact) and nothing lost or broken.
func TestLoadCatchesSilentOverwrites(t *testing.T) {
	cfg := DefaultConfig()
	cfg.URL = pgtest.Database(t)
	cfg.Desks, cfg.Revisions, cfg.OwnStories, cfg.OpenStories, cfg.LockedStories = 1, 10, 1, 0, 0
	cfg.open = func(ctx context.Context, url string, opt pgstore.Options) (storage.Store, error) {
		s, err := pgstore.Open(ctx, url, opt)
		return &careless{Store: s, first: map[string]storage.Draft{}}, err
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Every save but the last was replaced by the next.
	if res.OK() || res.Overwrites != cfg.Revisions-1 || res.Lost != 0 || res.Broken != 0 {
		t.Errorf("through a careless store: overwrites %d (want %d), lost %d, broken %d", res.Overwrites, cfg.Revisions-1, res.Lost, res.Broken)
	}
}
