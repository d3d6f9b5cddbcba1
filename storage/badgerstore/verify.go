package badgerstore

import (
	"context"
	"fmt"
	"maps"

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
	if err := s.gate.Enter(ctx); err != nil {
		return storage.Report{}, err
	}
	defer s.gate.Exit()
	var audit *storage.Audit
	err := s.db.View(func(txn *badger.Txn) error {
		drafts, err := draftHeaders(txn)
		if err != nil {
			return err
		}
		audit = storage.NewAudit(len(drafts), progress)
		w := chainWalk{audit: audit}
		finish := func() {
			if w.id == "" {
				return
			}
			w.flush()
			h, ok := drafts[w.id]
			switch {
			case !ok:
				audit.NoDraft(w.id)
			case h.err != nil:
				w.problem(0, "the draft cannot be read: "+h.err.Error())
			case w.last() != nil:
				audit.CheckNewest(w.id, h.header.Seq, w.last().Seq)
			}
			if ok {
				if found, err := exists(txn, summaryKey(w.id)); err == nil && !found {
					w.problem(0, "has no summary, so the library does not list it")
				}
			}
			audit.Done(w.id)
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
				audit.Problem("", 0, fmt.Sprintf("the revision key %q is damaged", item.Key()))
				continue
			}
			if id != w.id {
				finish()
				w.start(id)
			}
			audit.AddRevisions(1)
			err := item.Value(func(v []byte) error {
				w.check(seq, v)
				return nil
			})
			if err != nil {
				return err
			}
		}
		finish()
		audit.DraftsWithoutRevisions(maps.Keys(drafts))
		return nil
	})
	if err == nil {
		err = s.checkDerived(ctx, audit) // verify_index.go
	}
	if err != nil {
		return storage.Report{}, err
	}
	return audit.Report(), nil
}

// chainWalk follows one article's revisions in order. They are gathered
// first and checked at flush: a revision kept as a delta is rebuilt from
// the ones after it.
type chainWalk struct {
	audit *storage.Audit
	id    string
	seqs  []uint64
	revs  []storedRevision
	bad   []error // why a revision could not be read, or nil
}

func (w *chainWalk) start(id string) {
	w.id, w.seqs, w.revs, w.bad = id, nil, nil, nil
}

func (w *chainWalk) problem(seq uint64, what string) {
	w.audit.Problem(w.id, seq, what)
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
		w.audit.CheckLink(w.id, seq, prev, rec, contents[i], rebuildErrs[i])
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
