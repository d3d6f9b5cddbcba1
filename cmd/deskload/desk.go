package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// maxTries bounds the re-reads of one save: a desk that keeps losing the
// race for this long means the store stopped moving, not contention.
const maxTries = 1000

// desk is one simulated desk: its own store (one connection), its own
// stories and a share of the shared ones.
type desk struct {
	n       int
	s       storage.Store
	lk      storage.Locker
	who     storage.Holder
	rng     *rand.Rand
	cfg     Config
	mine    []string
	open    []string
	locked  []string
	led     *ledger
	c       *counters
	written int // markers made, for unique ones
}

func newDesk(i int, cfg Config, s storage.Store, stories []story, led *ledger, c *counters) *desk {
	d := &desk{
		n: i + 1, s: s, cfg: cfg, led: led, c: c,
		rng: rand.New(rand.NewPCG(cfg.Seed, uint64(i+1))),
		who: storage.Holder{Name: fmt.Sprintf("Desk %d", i+1), Desk: fmt.Sprintf("deskload/%s/%d/%d", hostName(), os.Getpid(), i+1)},
	}
	d.lk, _ = s.(storage.Locker)
	for j, st := range stories {
		switch {
		case st.kind == own && j/cfg.OwnStories == i:
			d.mine = append(d.mine, st.id)
		case st.kind == open:
			d.open = append(d.open, st.id)
		case st.kind == locked:
			d.locked = append(d.locked, st.id)
		}
	}
	return d
}

// run saves revisions until the run's total is reached. Each claimed
// slot ends in one acknowledged revision; a lock refused or lost sends
// the desk to another story for the same slot.
func (d *desk) run(ctx context.Context) error {
	for d.c.slots.Add(1) <= int64(d.cfg.Revisions) || d.cfg.going() {
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			saved, err := d.edit(ctx)
			if err != nil {
				return err
			}
			if saved {
				break
			}
		}
	}
	return nil
}

// edit picks a story and tries to save one revision of it.
func (d *desk) edit(ctx context.Context) (bool, error) {
	shared := d.rng.Float64() < d.cfg.SharedShare
	switch {
	case shared && len(d.locked) > 0 && d.lk != nil && (len(d.open) == 0 || d.rng.IntN(2) == 0):
		return d.editLocked(ctx, d.locked[d.rng.IntN(len(d.locked))])
	case shared && len(d.open) > 0:
		return true, d.editOpen(ctx, d.open[d.rng.IntN(len(d.open))])
	default:
		return true, d.editOpen(ctx, d.mine[d.rng.IntN(len(d.mine))])
	}
}

// editOpen reads the draft, adds a sentence and saves a revision from the
// version read; refused as stale, it reads again and redoes the edit on
// the newer text, as an editor merging by hand would.
func (d *desk) editOpen(ctx context.Context, id string) error {
	marker := d.marker()
	for range maxTries {
		dr, err := d.s.Draft(ctx, id)
		if err != nil {
			return err
		}
		err = d.saveRevision(ctx, withMarker(dr.Article, marker), dr.Version)
		if errors.Is(err, storage.ErrStale) {
			d.c.stale.Add(1)
			continue
		}
		return err
	}
	return fmt.Errorf("article %s: still stale after %d tries", id, maxTries)
}

// editLocked edits as the window does: take the lock (or, now and then,
// take it over from the desk holding it), autosave, renew the lock, save
// a revision, let go. It returns false when no revision was made: the
// lock was refused, or lost to a take-over before the save.
func (d *desk) editLocked(ctx context.Context, id string) (bool, error) {
	if _, err := d.lk.Acquire(ctx, id, d.who); err != nil {
		if !errors.Is(err, storage.ErrHeld) {
			return false, err
		}
		d.c.held.Add(1)
		if d.rng.IntN(3) != 0 {
			return false, nil
		}
		if _, err := d.lk.TakeOver(ctx, id, d.who); err != nil {
			return false, err
		}
		d.c.takeOvers.Add(1)
	}
	defer d.lk.Release(context.WithoutCancel(ctx), id, d.who)
	for range maxTries {
		dr, err := d.s.Draft(ctx, id)
		if err != nil {
			return false, err
		}
		draft := withMarker(dr.Article, d.marker())
		start := time.Now()
		v, err := d.s.SaveDraft(ctx, draft, dr.Version)
		if errors.Is(err, storage.ErrStale) {
			d.c.stale.Add(1)
			continue
		}
		if err != nil {
			return false, err
		}
		d.c.autosaves.Add(1)
		d.led.add(ack{article: id, marker: lastMarker(draft), hash: draft.ContentHash(), version: v, start: start, end: time.Now()})

		// The pause of an editor at work: another desk may take the
		// story over meanwhile. Renewing the lock tells this desk so.
		time.Sleep(time.Duration(d.rng.IntN(2000)) * time.Microsecond)
		if _, err := d.lk.Acquire(ctx, id, d.who); err != nil {
			if errors.Is(err, storage.ErrHeld) {
				d.c.lostLocks.Add(1)
				return false, nil
			}
			return false, err
		}
		err = d.saveRevision(ctx, withMarker(draft, d.marker()), v)
		if errors.Is(err, storage.ErrStale) {
			d.c.stale.Add(1)
			continue
		}
		return err == nil, err
	}
	return false, fmt.Errorf("article %s: still stale after %d tries", id, maxTries)
}

// saveRevision saves a from version and records it when acknowledged.
func (d *desk) saveRevision(ctx context.Context, a *editor.Article, version uint64) error {
	start := time.Now()
	rev, err := d.s.SaveRevision(ctx, a, storage.Meta{Author: d.who.Name, Kind: storage.KindSave, DraftVersion: version})
	if err != nil {
		return err
	}
	end := time.Now()
	d.c.latency(end.Sub(start))
	d.c.revisions.Add(1)
	d.led.add(ack{article: a.ID, marker: lastMarker(a), revision: true, seq: rev.Seq, hash: a.ContentHash(), start: start, end: end})
	return nil
}

// marker is a sentence no other write in the run has: "Take 17 from desk 3."
// The full stop ends it, so "Take 1 " is never found inside "Take 17".
func (d *desk) marker() string {
	d.written++
	return fmt.Sprintf("Take %d from desk %d.", d.written, d.n)
}

// withMarker is a copy of a with one more paragraph.
func withMarker(a *editor.Article, marker string) *editor.Article {
	b := *a
	b.Body = a.Body + "\n\n" + marker
	b.Modified = time.Now().UTC().Truncate(time.Millisecond)
	return &b
}

// lastMarker is the paragraph withMarker added.
func lastMarker(a *editor.Article) string {
	for i := len(a.Body) - 1; i > 0; i-- {
		if a.Body[i] == '\n' {
			return a.Body[i+1:]
		}
	}
	return a.Body
}
