package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/pgstore"
)

// Config says how hard to load the shared store.
type Config struct {
	URL       string // the database; its other contents are left alone
	Desks     int    // simulated desks, each with one connection of its own
	Revisions int    // revisions to save in all (first revisions not counted)
	// OwnStories is how many stories each desk has to itself.
	OwnStories int
	// OpenStories are edited by every desk with version checks only, as
	// copydesk revise does: these give the stale refusals.
	OpenStories int
	// LockedStories are edited by every desk under the story's lock, as the
	// window does, with a take-over now and then.
	LockedStories int
	// SharedShare is the part of the saves that go to shared stories.
	SharedShare float64
	Seed        uint64

	// Until, if set, keeps the desks saving past Revisions until it is
	// closed (the failover test closes it after the last failover).
	Until <-chan struct{}
	// Watch has one more desk listen for live updates all along and
	// count the acknowledged writes it never heard of (Result.Missed).
	Watch bool
	// Started, if set, is called when the desks start saving.
	Started func()
	// Logger is the stores'; nil: warnings and errors to stderr.
	Logger *slog.Logger

	// open opens one desk's store; nil means pgstore.Open. Tests put a
	// faulty store in front to see that the checks catch it.
	open func(ctx context.Context, url string, opt pgstore.Options) (storage.Store, error)
}

// going reports whether Until is set and still open.
func (c Config) going() bool {
	if c.Until == nil {
		return false
	}
	select {
	case <-c.Until:
		return false
	default:
		return true
	}
}

// DefaultConfig is the load make loadtest runs: 20 desks, 1,000 revisions.
func DefaultConfig() Config {
	return Config{Desks: 20, Revisions: 1000, OwnStories: 2, OpenStories: 2, LockedStories: 2, SharedShare: 0.3, Seed: 1}
}

// Result is what a load run did and what the checks found.
type Result struct {
	Desks       int
	Revisions   int // acknowledged revisions, first revisions not counted
	Created     int // stories created (one first revision each)
	Autosaves   int // acknowledged draft writes
	Stale       int // saves refused with ErrStale (the desk read again and retried)
	Held        int // locks refused: another desk was editing
	TakeOvers   int
	LostLocks   int // a desk found its lock taken over before it saved
	Kept        int // checkpoint revisions kept at take-over
	Lost        int // acknowledged revisions missing or with other content
	Broken      int // problems Verify reported
	Overwrites  int // acknowledged writes whose text a later write dropped
	Unexplained int // revisions in the store that no desk was told of
	// What the desks' stores did about lost connections (pgstore.FailoverStats).
	Retried, Confirmed, Refused int64
	Missed                      int // acknowledged writes the watching desk never heard of (Config.Watch)
	Reloads                     int // times it reloaded everything after reconnecting
	// The library counted through a desk reading it from the standby, and
	// on the primary (RunHA).
	StandbyStories, PrimaryStories int
	Writes                         []span          // of every acknowledged write the desks made, by end
	Latencies                      []time.Duration // of acknowledged SaveRevision calls, sorted
	Elapsed                        time.Duration   // the desks' run, setup and checks not counted
	Problems                       []string        // the first few findings, for the report
}

// OK reports whether nothing was lost, broken or silently overwritten.
func (r Result) OK() bool {
	return r.Lost == 0 && r.Broken == 0 && r.Overwrites == 0 && r.Unexplained == 0 && r.Missed == 0 &&
		r.StandbyStories == r.PrimaryStories
}

// span is when a desk asked for a write and when it was told it was done.
type span struct{ start, end time.Time }

// FirstWriteAfter is how long after t the first write asked for after t
// was acknowledged; -1 if none was.
func (r Result) FirstWriteAfter(t time.Time) time.Duration {
	for _, w := range r.Writes {
		if w.start.After(t) {
			return w.end.Sub(t)
		}
	}
	return -1
}

// Percentile is the latency below which p (0…1) of the saves took.
func (r Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	i := int(p*float64(len(r.Latencies)-1) + 0.5)
	return r.Latencies[i]
}

// Throughput is acknowledged revisions per second of the run.
func (r Result) Throughput() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Revisions) / r.Elapsed.Seconds()
}

// quiet keeps the stores' notes (schema created, …) out of the report;
// warnings and errors still show.
var quiet = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

// story kinds.
const (
	own = iota
	open
	locked
)

type story struct {
	id   string
	kind int
}

// ack is one write the store acknowledged. marker is the sentence the
// write appended to the body: no other write has it.
type ack struct {
	article  string
	marker   string
	revision bool
	seq      uint64 // revisions only
	version  uint64 // autosaves only: the draft version it made
	hash     string // content hash of what was written
	// start and end: when the desk asked and when it was told (not for
	// the stories created before the desks start).
	start, end time.Time
}

// ledger collects the acknowledged writes of every desk.
type ledger struct {
	mu   sync.Mutex
	acks []ack
}

func (l *ledger) add(a ack) {
	l.mu.Lock()
	l.acks = append(l.acks, a)
	l.mu.Unlock()
}

// counters are shared by the desks.
type counters struct {
	revisions, autosaves, stale, held, takeOvers, lostLocks atomic.Int64
	slots                                                   atomic.Int64
	mu                                                      sync.Mutex
	latencies                                               []time.Duration
}

func (c *counters) latency(d time.Duration) {
	c.mu.Lock()
	c.latencies = append(c.latencies, d)
	c.mu.Unlock()
}

// Run creates the stories, runs the desks until cfg.Revisions revisions
// are saved, then checks the store against what the desks were told.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Desks < 1 || cfg.Revisions < 0 || cfg.OwnStories < 1 {
		return Result{}, errors.New("deskload: at least one desk with one story of its own")
	}
	if cfg.open == nil {
		cfg.open = func(ctx context.Context, url string, opt pgstore.Options) (storage.Store, error) {
			return pgstore.Open(ctx, url, opt)
		}
	}
	if cfg.Logger == nil {
		cfg.Logger = quiet
	}
	setup, err := pgstore.Open(ctx, cfg.URL, pgstore.Options{MaxConns: 2, Logger: cfg.Logger})
	if err != nil {
		return Result{}, err
	}
	defer setup.Close()
	led := &ledger{}
	stories, err := createStories(ctx, setup, cfg, led)
	if err != nil {
		return Result{}, err
	}

	stores := make([]storage.Store, cfg.Desks)
	defer func() {
		for _, s := range stores {
			if s != nil {
				s.Close()
			}
		}
	}()
	for i := range stores {
		if stores[i], err = cfg.open(ctx, cfg.URL, pgstore.Options{MaxConns: 1, Logger: cfg.Logger, Failover: failoverWait}); err != nil {
			return Result{}, fmt.Errorf("desk %d: %w", i+1, err)
		}
	}

	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.id
	}
	var c counters
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var w *watcher
	if cfg.Watch {
		if w, err = watch(runCtx, cfg, ids); err != nil {
			return Result{}, err
		}
		defer w.close()
	}
	errs := make(chan error, cfg.Desks)
	if cfg.Started != nil {
		cfg.Started()
	}
	start := time.Now()
	var wg sync.WaitGroup
	for i := range cfg.Desks {
		d := newDesk(i, cfg, stores[i], stories, led, &c)
		wg.Go(func() {
			if err := d.run(runCtx); err != nil {
				errs <- fmt.Errorf("desk %d: %w", i+1, err)
				cancel()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	if err := errors.Join(collect(errs)...); err != nil {
		return Result{}, err
	}

	res := Result{
		Desks: cfg.Desks, Revisions: int(c.revisions.Load()), Created: len(stories), Autosaves: int(c.autosaves.Load()),
		Stale: int(c.stale.Load()), Held: int(c.held.Load()), TakeOvers: int(c.takeOvers.Load()), LostLocks: int(c.lostLocks.Load()),
		Latencies: c.latencies, Elapsed: elapsed,
	}
	slices.Sort(res.Latencies)
	for _, s := range stores {
		if f, ok := s.(interface{ Failovers() pgstore.FailoverStats }); ok {
			st := f.Failovers()
			res.Retried, res.Confirmed, res.Refused = res.Retried+st.Retried, res.Confirmed+st.Confirmed, res.Refused+st.Refused
		}
	}
	for _, a := range led.acks {
		if !a.end.IsZero() {
			res.Writes = append(res.Writes, span{a.start, a.end})
		}
	}
	slices.SortFunc(res.Writes, func(a, b span) int { return a.end.Compare(b.end) })
	if w != nil {
		res.Missed = w.missed(led.acks, 10*time.Second, &res)
		res.Reloads = w.Reloads()
	}
	if err := check(ctx, setup, ids, led.acks, &res); err != nil {
		return res, err
	}
	return res, nil
}

func collect(errs <-chan error) []error {
	var all []error
	for err := range errs {
		if !errors.Is(err, context.Canceled) || len(all) == 0 {
			all = append(all, err)
		}
	}
	return all
}

// createStories makes each desk's own stories and the shared ones.
func createStories(ctx context.Context, s storage.Store, cfg Config, led *ledger) ([]story, error) {
	var stories []story
	add := func(kind int, name string) error {
		a := newStory(name)
		rev, err := s.Create(ctx, a, storage.Meta{Author: "Deskload", Kind: storage.KindImport})
		if err != nil {
			return fmt.Errorf("creating %s: %w", name, err)
		}
		led.add(ack{article: a.ID, revision: true, seq: rev.Seq, hash: a.ContentHash()})
		stories = append(stories, story{id: a.ID, kind: kind})
		return nil
	}
	for d := range cfg.Desks {
		for n := range cfg.OwnStories {
			if err := add(own, fmt.Sprintf("desk %d story %d", d+1, n+1)); err != nil {
				return nil, err
			}
		}
	}
	for n := range cfg.OpenStories {
		if err := add(open, fmt.Sprintf("open story %d", n+1)); err != nil {
			return nil, err
		}
	}
	for n := range cfg.LockedStories {
		if err := add(locked, fmt.Sprintf("locked story %d", n+1)); err != nil {
			return nil, err
		}
	}
	return stories, nil
}

func newStory(name string) *editor.Article {
	a := editor.New(time.Now())
	a.Headline = "Load test: " + name
	a.Slug = "load-" + slug(name)
	a.Section = "All news"
	a.Body = "The first take of " + name + "."
	a.Dateline = editor.Dateline{Place: "SOCHI", Region: "Russia", Date: time.Now().Format(editor.DateLayout), Source: "TASS"}
	a.Bylines = []editor.Byline{{Name: "Deskload", Role: editor.RoleWriter}}
	return a
}

func slug(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == ' ' {
			b[i] = '-'
		}
	}
	return string(b)
}

func hostName() string {
	h, err := os.Hostname()
	if err != nil {
		return "host"
	}
	return h
}
