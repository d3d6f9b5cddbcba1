package badgerstore

import (
	"context"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
)

// Verify walks every revision chain in one consistent snapshot: each
// revision's content is rebuilt and hashed, and its links to its parent
// checked (storage.CheckRevision). It also reports revisions without a
// draft, drafts without revisions or a summary, and drafts that do not
// name the newest revision. progress, if not nil, is told after each
// article.
func (s *Store) Verify(ctx context.Context, progress storage.Progress) (storage.Report, error) {
	if err := s.enter(ctx); err != nil {
		return storage.Report{}, err
	}
	defer s.exit()
	var rep storage.Report
	err := s.db.View(func(txn *badger.Txn) error {
		drafts, err := draftHeaders(txn)
		if err != nil {
			return err
		}
		total := len(drafts)
		seen := make(map[string]bool, total)
		w := chainWalk{rep: &rep}
		report := func(done int) {
			if progress != nil {
				// Revisions without a draft make articles the count missed.
				total = max(total, done)
				progress(done, total)
			}
		}
		finish := func() {
			if w.id == "" {
				return
			}
			w.flush()
			seen[w.id] = true
			rep.Articles++
			h, ok := drafts[w.id]
			switch {
			case !ok:
				w.problem(0, "has revisions but no draft")
			case h.err != nil:
				w.problem(0, "the draft cannot be read: "+h.err.Error())
			case w.last() != nil && h.header.Seq != w.last().Seq:
				w.problem(0, fmt.Sprintf("the draft says the newest revision is %d, but it is %d", h.header.Seq, w.last().Seq))
			}
			if ok {
				if found, err := exists(txn, summaryKey(w.id)); err == nil && !found {
					w.problem(0, "has no summary, so the library does not list it")
				}
			}
			report(len(seen))
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixRev})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			item := it.Item()
			id, seq, ok := revKeyParts(item.Key())
			if !ok {
				rep.Problems = append(rep.Problems, storage.Problem{What: fmt.Sprintf("the revision key %q is damaged", item.Key())})
				continue
			}
			if id != w.id {
				finish()
				w.start(id)
			}
			rep.Revisions++
			err := item.Value(func(v []byte) error {
				w.check(seq, v)
				return nil
			})
			if err != nil {
				return err
			}
		}
		finish()
		// Drafts whose article has no revision at all.
		var orphans []string
		for id := range drafts {
			if !seen[id] {
				orphans = append(orphans, id)
			}
		}
		sort.Strings(orphans)
		for _, id := range orphans {
			seen[id] = true
			rep.Articles++
			rep.Problems = append(rep.Problems, storage.Problem{ArticleID: id, What: "has a draft but no revisions"})
			report(len(seen))
		}
		return nil
	})
	if err != nil {
		return storage.Report{}, err
	}
	return rep, nil
}

// chainWalk follows one article's revisions in order. They are gathered
// first and checked at flush: a revision kept as a delta is rebuilt from
// the ones after it.
type chainWalk struct {
	rep  *storage.Report
	id   string
	seqs []uint64
	revs []storedRevision
	bad  []error // why a revision could not be read, or nil
}

func (w *chainWalk) start(id string) {
	w.id, w.seqs, w.revs, w.bad = id, nil, nil, nil
}

func (w *chainWalk) problem(seq uint64, what string) {
	w.rep.Problems = append(w.rep.Problems, storage.Problem{ArticleID: w.id, Seq: seq, What: what})
}

func (w *chainWalk) check(seq uint64, val []byte) {
	sr, err := decodeStored(val)
	if err != nil {
		sr = storedRevision{rec: storage.Revision{ArticleID: w.id, Seq: seq}}
	}
	w.seqs = append(w.seqs, seq)
	w.revs = append(w.revs, sr)
	w.bad = append(w.bad, err)
}

// flush rebuilds the gathered revisions and checks each link.
func (w *chainWalk) flush() {
	contents, rebuildErrs := rebuildAll(w.revs)
	var last *storage.Revision
	// lost is set when the previous revision could not be read: the next
	// one is then checked against what it claims about its parent.
	lost := false
	for i, sr := range w.revs {
		seq := w.seqs[i]
		if w.bad[i] != nil {
			w.problem(seq, "cannot be read: "+w.bad[i].Error())
			last, lost = &storage.Revision{ArticleID: w.id, Seq: seq}, true
			continue
		}
		rec := sr.rec
		if rec.Seq != seq {
			w.problem(seq, fmt.Sprintf("is stored as revision %d but its record says %d", seq, rec.Seq))
		}
		prev := last
		if lost {
			stand := *last
			stand.Hash = rec.ParentHash
			prev = &stand
		}
		if rebuildErrs[i] != nil {
			w.problem(seq, "cannot be rebuilt: "+rebuildErrs[i].Error())
		} else {
			for _, what := range storage.CheckRevision(w.id, prev, rec, contents[i]) {
				w.problem(seq, what)
			}
		}
		r := rec
		last, lost = &r, false
	}
}

// last is the newest revision gathered, nil when none.
func (w *chainWalk) last() *storage.Revision {
	if len(w.revs) == 0 {
		return nil
	}
	return &w.revs[len(w.revs)-1].rec
}

type draftInfo struct {
	header draftHeader
	err    error
}

// draftHeaders reads every draft's header, keyed by article ID.
func draftHeaders(txn *badger.Txn) (map[string]draftInfo, error) {
	out := map[string]draftInfo{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixDraft})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		id := string(item.Key()[len(prefixDraft):])
		var d draftInfo
		err := item.Value(func(v []byte) error {
			d.header, d.err = decodeDraftHeader(v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		out[id] = d
	}
	return out, nil
}
