package pgstore

// Compact history. A save writes its revision whole, so that the
// transaction holding the article's row stays short; just after it
// commits, the compactor rewrites the revisions it superseded as reverse
// deltas against their successors (storage/delta). Every keyframeEvery-th
// revision stays whole, so rebuilding one applies fewer than keyframeEvery
// deltas. Which revisions still wait is read from the table itself (whole,
// not the newest, not a keyframe), so a crash or a full queue leaves work
// for the article's next save, never a broken chain. A revision's content
// never changes, only how it is kept, so the rewrite needs no lock: each
// UPDATE is valid on its own, and a reader's one query sees one snapshot.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
	"copydesk/storage/delta"
)

// keyframeEvery: revisions whose sequence number is a multiple of it are
// kept whole, as in the Badger store (see its BenchmarkKeyframes).
const keyframeEvery = 16

// storedRevision is a revision row before its content is rebuilt.
type storedRevision struct {
	rec      storage.Revision
	encoding string
	body     []byte
}

// rebuild reads revision seq and rebuilds its content: its own body if
// whole, else the deltas up to the next whole revision, applied newest
// first. One query reads them all, from one snapshot.
func (s *Store) rebuild(ctx context.Context, id string, seq uint64) (storage.Revision, []byte, error) {
	if seq == 0 || seq > 1<<62 {
		return storage.Revision{}, nil, s.revisionOrArticleNotFound(ctx, id, seq)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+revColumns+`, encoding, body FROM revisions
		WHERE article_id = $1 AND seq >= $2 AND seq <= COALESCE(
			(SELECT min(seq) FROM revisions WHERE article_id = $1 AND seq >= $2 AND encoding = 'whole'), $2)
		ORDER BY seq`, id, int64(seq))
	if err != nil {
		return storage.Revision{}, nil, err
	}
	var revs []storedRevision
	for rows.Next() {
		var sr storedRevision
		if sr.rec, err = scanRevision(rows, &sr.encoding, &sr.body); err != nil {
			rows.Close()
			return storage.Revision{}, nil, err
		}
		revs = append(revs, sr)
	}
	if err := rows.Err(); err != nil {
		return storage.Revision{}, nil, err
	}
	if len(revs) == 0 || revs[0].rec.Seq != seq {
		return storage.Revision{}, nil, s.revisionOrArticleNotFound(ctx, id, seq)
	}
	contents, errs := rebuildAll(revs)
	if errs[0] != nil {
		return revs[0].rec, nil, fmt.Errorf("revision %d of article %s: %w", seq, id, errs[0])
	}
	return revs[0].rec, contents[0], nil
}

func (s *Store) revisionOrArticleNotFound(ctx context.Context, id string, seq uint64) error {
	if err := s.mustExist(ctx, id); err != nil {
		return err
	}
	return storage.RevisionNotFound(id, seq)
}

// rebuildAll turns consecutive stored revisions (oldest first) into their
// contents, newest first through the deltas. One that cannot be rebuilt
// gets a nil content and an error.
func rebuildAll(revs []storedRevision) (contents [][]byte, errs []error) {
	return storage.RebuildContents(len(revs), func(i int) ([]byte, bool, error) {
		switch revs[i].encoding {
		case encWhole:
			return revs[i].body, true, nil
		case encDelta:
			return revs[i].body, false, nil
		}
		return nil, false, fmt.Errorf("its content is kept as %q, which this Copydesk does not read", revs[i].encoding)
	})
}

// compactJob asks for an article's history to be compacted. content,
// when set, is the content of revision seq, just written: the revision
// it superseded then becomes a delta against it without reading it back.
type compactJob struct {
	id      string
	seq     uint64
	content []byte
}

// kickCompactor asks for article id's history to be compacted soon. A
// full queue drops the request: the article's next save asks again.
func (s *Store) kickCompactor(job compactJob) {
	select {
	case s.compact <- job:
	default:
	}
}

// compactor compacts the articles it is asked to until Close, then those
// still queued.
func (s *Store) compactor() {
	defer s.background.Done()
	run := func(ctx context.Context, job compactJob) {
		err := s.compactPrevious(ctx, job)
		if err == nil {
			err = s.compactArticle(ctx, job.id)
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			s.logger().Warn("compacting history", "article", job.id, "err", err)
		}
	}
	for {
		select {
		case job := <-s.compact:
			run(s.stopCtx, job)
		case <-s.stopCtx.Done():
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			for {
				select {
				case job := <-s.compact:
					run(ctx, job)
				default:
					return
				}
			}
		}
	}
}

// compactPrevious rewrites revision job.seq-1 as a delta against
// job.content, the common case after a save.
func (s *Store) compactPrevious(ctx context.Context, job compactJob) error {
	prev := job.seq - 1
	if job.content == nil || job.seq < 2 || prev%keyframeEvery == 0 {
		return nil
	}
	var body []byte
	err := s.pool.QueryRow(ctx, `SELECT body FROM revisions WHERE article_id = $1 AND seq = $2 AND encoding = 'whole'`,
		job.id, int64(prev)).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil // already a delta
	}
	if err != nil {
		return err
	}
	return s.storeDelta(ctx, job.id, prev, job.content, body)
}

// storeDelta rewrites revision seq, whose content is older, as a delta
// against newer, the content of revision seq+1; a delta no smaller than
// the content leaves it whole.
func (s *Store) storeDelta(ctx context.Context, id string, seq uint64, newer, older []byte) error {
	d, ok, err := delta.Make(newer, older)
	if err != nil {
		s.logger().Warn("keeping a revision whole", "article", id, "seq", seq, "err", err)
	}
	if !ok {
		return nil
	}
	_, err = s.pool.Exec(ctx, `UPDATE revisions SET encoding = 'delta', body = $3
		WHERE article_id = $1 AND seq = $2 AND encoding = 'whole'`, id, int64(seq), d)
	return err
}

// compactArticle rewrites the article's whole revisions that are neither
// its newest nor keyframes as deltas, one block of keyframeEvery
// revisions at a time, newest block first.
func (s *Store) compactArticle(ctx context.Context, id string) error {
	rows, err := s.pool.Query(ctx, `SELECT seq FROM revisions
		WHERE article_id = $1 AND encoding = 'whole' ORDER BY seq DESC`, id)
	if err != nil {
		return err
	}
	var whole []uint64
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			rows.Close()
			return err
		}
		whole = append(whole, uint64(seq))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(whole) < 2 {
		return nil
	}
	var max int64
	if err := s.pool.QueryRow(ctx, `SELECT max(seq) FROM revisions WHERE article_id = $1`, id).Scan(&max); err != nil {
		return err
	}
	newest := uint64(max)
	done := map[uint64]bool{} // blocks handled
	for _, seq := range whole {
		if seq >= newest || seq%keyframeEvery == 0 {
			continue
		}
		block := seq / keyframeEvery
		if done[block] {
			continue
		}
		done[block] = true
		top := min((block+1)*keyframeEvery, newest)
		if err := s.compactBlock(ctx, id, block*keyframeEvery+1, top); err != nil {
			return err
		}
	}
	return nil
}

// compactBlock rewrites the whole revisions in [from, top) as deltas;
// revision top is whole (a keyframe or the newest).
func (s *Store) compactBlock(ctx context.Context, id string, from, top uint64) error {
	rows, err := s.pool.Query(ctx, `SELECT seq, encoding, body FROM revisions
		WHERE article_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq DESC`, id, int64(from), int64(top))
	if err != nil {
		return err
	}
	type row struct {
		seq      uint64
		encoding string
		body     []byte
	}
	var got []row
	for rows.Next() {
		var r row
		var seq int64
		if err := rows.Scan(&seq, &r.encoding, &r.body); err != nil {
			rows.Close()
			return err
		}
		r.seq = uint64(seq)
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(got) == 0 || got[0].seq != top || got[0].encoding != encWhole {
		return nil // the history moved on or is damaged; Verify reports the latter
	}
	next := got[0].body
	for _, r := range got[1:] {
		if r.encoding == encDelta {
			c, err := delta.Apply(next, r.body)
			if err != nil {
				return fmt.Errorf("revision %d: %w", r.seq, err)
			}
			next = c
			continue
		}
		if err := s.storeDelta(ctx, id, r.seq, next, r.body); err != nil {
			return err
		}
		next = r.body
	}
	return nil
}
