package pgstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/storage"
)

// List returns the library's rows for q, newest change first, and how
// many match in all, from one snapshot. A word of q.Text is found in the
// headline, slug or tags anywhere (strpos over storage.SearchText, which
// is exactly storage.MatchText's rule), or as a whole word of the body
// (every run of letters and digits of the word among the body's terms), as
// the Badger store finds it. No body is read.
func (s *Store) List(ctx context.Context, q storage.Query) ([]storage.Summary, int, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, 0, err
	}
	defer s.gate.Exit()
	if err := q.Check(); err != nil {
		return nil, 0, err
	}
	var (
		where []string
		args  []any
	)
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.Status == "" {
		where = append(where, "a.status <> "+arg(string(editor.StatusSpiked)))
	} else {
		where = append(where, "a.status = "+arg(string(q.Status)))
	}
	if q.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_key = "+arg(editor.TagKey(q.Tag))+")")
	}
	if q.IDs != nil {
		where = append(where, "a.id = ANY("+arg(q.IDs)+")")
	}
	for _, w := range storage.TextWords(q.Text) {
		cond := "strpos(a.search, " + arg(w) + ") > 0"
		if terms := splitTerms(w); len(terms) > 0 {
			var body []string
			for _, t := range terms {
				body = append(body, "strpos(a.terms, "+arg(" "+t+" ")+") > 0")
			}
			cond = "(" + cond + " OR (" + strings.Join(body, " AND ") + "))"
		}
		where = append(where, cond)
	}
	filter := " FROM articles a WHERE " + strings.Join(where, " AND ")
	page := `SELECT a.id, a.slug, a.section, a.headline, a.status, a.tags, a.words, a.saved, a.seq` + filter +
		` ORDER BY a.saved DESC, a.id DESC`
	if q.Limit > 0 {
		page += " LIMIT " + strconv.Itoa(q.Limit)
	}
	if q.Offset > 0 {
		page += " OFFSET " + strconv.Itoa(q.Offset)
	}
	var (
		rows  []storage.Summary
		total int
	)
	// Run again after a lost connection: it has no side effects.
	err := s.read(ctx, func() error {
		return s.librarySnapshot(ctx, func(tx pgx.Tx) error {
			if err := tx.QueryRow(ctx, "SELECT count(*)"+filter, args...).Scan(&total); err != nil {
				return err
			}
			if q.Offset >= total {
				rows = []storage.Summary{}
				return nil
			}
			r, err := tx.Query(ctx, page, args...)
			if err != nil {
				return err
			}
			rows, err = pgx.CollectRows(r, scanSummary)
			return err
		})
	})
	if err != nil {
		return nil, 0, err
	}
	return rows, total, nil
}

func scanSummary(row pgx.CollectableRow) (storage.Summary, error) {
	var (
		sum          storage.Summary
		status, tags string
		saved        string
		words, seq   int64
	)
	if err := row.Scan(&sum.ID, &sum.Slug, &sum.Section, &sum.Headline, &status, &tags, &words, &saved, &seq); err != nil {
		return sum, err
	}
	t, err := parseTime(saved)
	if err != nil {
		return sum, fmt.Errorf("article %s: %w", sum.ID, err)
	}
	sum.Status, sum.Words, sum.Modified, sum.Seq = editor.Status(status), int(words), t, uint64(seq)
	if tags != "" {
		sum.Tags = strings.Split(tags, "\n")
	}
	return sum, nil
}

// snapshot runs fn in a read-only transaction that sees one snapshot.
func (s *Store) snapshot(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

// Tags lists the tags in use with how many articles carry each (spiked
// ones included), most used first, then alphabetically. Tags that differ
// only in case count as one, spelt as on the most recently changed story.
func (s *Store) Tags(ctx context.Context) ([]storage.TagCount, error) {
	if err := s.gate.Enter(ctx); err != nil {
		return nil, err
	}
	defer s.gate.Exit()
	var tags []storage.TagCount
	err := s.read(ctx, func() (err error) {
		tags, err = s.tags(ctx)
		return err
	})
	return tags, err
}

func (s *Store) tags(ctx context.Context) ([]storage.TagCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT (array_agg(t.tag ORDER BY a.saved DESC, a.id DESC))[1], count(*)
		FROM article_tags t JOIN articles a ON a.id = t.article_id
		GROUP BY t.tag_key ORDER BY count(*) DESC, t.tag_key`)
	if err != nil {
		return nil, err
	}
	tags, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (storage.TagCount, error) {
		var tc storage.TagCount
		var n int64
		err := row.Scan(&tc.Tag, &n)
		tc.Count = int(n)
		return tc, err
	})
	if err != nil {
		return nil, err
	}
	return tags, nil
}
