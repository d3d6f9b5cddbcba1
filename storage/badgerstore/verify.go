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
			seen[w.id] = true
			rep.Articles++
			h, ok := drafts[w.id]
			switch {
			case !ok:
				w.problem(0, "has revisions but no draft")
			case h.err != nil:
				w.problem(0, "the draft cannot be read: "+h.err.Error())
			case w.last != nil && h.header.Seq != w.last.Seq:
				w.problem(0, fmt.Sprintf("the draft says the newest revision is %d, but it is %d", h.header.Seq, w.last.Seq))
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

// chainWalk follows one article's revisions in order.
type chainWalk struct {
	rep  *storage.Report
	id   string
	last *storage.Revision // the previous revision, nil before the first
	// lost is set when the previous revision could not be read: the next
	// one is then checked against what it claims about its parent.
	lost bool
}

func (w *chainWalk) start(id string) {
	w.id, w.last, w.lost = id, nil, false
}

func (w *chainWalk) problem(seq uint64, what string) {
	w.rep.Problems = append(w.rep.Problems, storage.Problem{ArticleID: w.id, Seq: seq, What: what})
}

func (w *chainWalk) check(seq uint64, val []byte) {
	rec, content, err := decodeRevision(val)
	if err != nil {
		w.problem(seq, "cannot be read: "+err.Error())
		w.last, w.lost = &storage.Revision{ArticleID: w.id, Seq: seq}, true
		return
	}
	if rec.Seq != seq {
		w.problem(seq, fmt.Sprintf("is stored as revision %d but its record says %d", seq, rec.Seq))
	}
	prev := w.last
	if w.lost {
		stand := *w.last
		stand.Hash = rec.ParentHash
		prev = &stand
	}
	for _, what := range storage.CheckRevision(w.id, prev, rec, content) {
		w.problem(seq, what)
	}
	w.last, w.lost = &rec, false
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
