package pgstore

// How records map to columns: times as fixed-width text, the library's
// summary columns, and the scanning of revision rows.

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/storage"
)

// timeLayout keeps a time exact to the nanosecond (the chain hash covers
// RFC 3339 with nanoseconds; TIMESTAMPTZ keeps microseconds) and makes
// the text sort as the times do.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// Encodings of a revision's body.
const (
	encWhole = "whole"
	encDelta = "delta"
)

// changesChannel is the LISTEN/NOTIFY channel every write reports on.
const changesChannel = "copydesk_changes"

func timeKey(t time.Time) (string, error) {
	u := t.UTC()
	if y := u.Year(); y < 0 || y > 9999 {
		return "", fmt.Errorf("the time %v is outside the years 0–9999 the store keeps", t)
	}
	return u.Format(timeLayout), nil
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return t, fmt.Errorf("stored time %q is damaged", s)
	}
	return t, nil
}

// draftRow is what a write of the draft puts in the articles row.
type draftRow struct {
	id, hash, saved                           string
	content                                   []byte
	headline, slug, section, status, tagsText string
	search, terms                             string
	words                                     int64
	tags                                      []string
}

func newDraftRow(a *editor.Article, content []byte, words int, saved time.Time) (draftRow, error) {
	key, err := timeKey(saved)
	if err != nil {
		return draftRow{}, err
	}
	sum := storage.Summary{Headline: a.Headline, Slug: a.Slug, Tags: a.Tags}
	return draftRow{
		id: a.ID, hash: editor.HashBytes(content), saved: key, content: content,
		headline: a.Headline, slug: a.Slug, section: a.Section, status: string(a.Status),
		tagsText: strings.Join(a.Tags, "\n"), search: storage.SearchText(sum), terms: termsText(a.Body),
		words: int64(words), tags: a.Tags,
	}, nil
}

// termsText is the body's distinct lower-case words (runs of letters and
// digits), sorted, each with a space either side, so that a word is found
// with strpos(terms, ' word ').
func termsText(body string) string {
	seen := map[string]bool{}
	var terms []string
	for _, t := range splitTerms(editor.PlainBody(body)) {
		if !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	return " " + strings.Join(terms, " ") + " "
}

// splitTerms cuts text into lower-case runs of letters and digits, as the
// Badger store's full-text index does.
func splitTerms(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// insertDraft writes a new articles row; created is false when the ID is
// taken.
func insertDraft(ctx context.Context, tx pgx.Tx, d draftRow, version, seq uint64) (created bool, err error) {
	tag, err := tx.Exec(ctx, `INSERT INTO articles (id, content, content_hash, version, saved, seq,
			headline, slug, section, status, tags, words, search, terms)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (id) DO NOTHING`,
		d.id, d.content, d.hash, int64(version), d.saved, int64(seq),
		d.headline, d.slug, d.section, d.status, d.tagsText, d.words, d.search, d.terms)
	if err != nil {
		return false, err
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	return true, writeTags(ctx, tx, d.id, d.tags)
}

// writeTags replaces an article's rows in article_tags: one per tag key,
// spelt as the first tag with that key.
func writeTags(ctx context.Context, tx pgx.Tx, id string, tags []string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM article_tags WHERE article_id = $1`, id); err != nil {
		return err
	}
	seen := map[string]bool{}
	var b pgx.Batch
	for _, t := range tags {
		k := editor.TagKey(t)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		b.Queue(`INSERT INTO article_tags (article_id, tag_key, tag) VALUES ($1, $2, $3)`, id, k, t)
	}
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, &b).Close()
}

// revColumns are a revision row's columns in the order scanRevision reads.
const revColumns = `article_id, seq, time, author, kind, label, note, words, content_hash, parent_hash, hash`

// scanRevision reads revColumns (and extra destinations after them).
func scanRevision(row pgx.Row, extra ...any) (storage.Revision, error) {
	var (
		r         storage.Revision
		seq, word int64
		at, kind  string
	)
	dest := append([]any{&r.ArticleID, &seq, &at, &r.Author, &kind, &r.Label, &r.Note, &word, &r.ContentHash, &r.ParentHash, &r.Hash}, extra...)
	if err := row.Scan(dest...); err != nil {
		return r, err
	}
	r.Seq, r.Words, r.Kind = uint64(seq), int(word), storage.Kind(kind)
	t, err := parseTime(at)
	if err != nil {
		return r, fmt.Errorf("revision %d of article %s: %w", seq, r.ArticleID, err)
	}
	r.Time = t
	return r, nil
}

// insertRevision writes a revision whole.
func insertRevision(ctx context.Context, tx pgx.Tx, r storage.Revision, content []byte) error {
	at, err := timeKey(r.Time)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO revisions (`+revColumns+`, encoding, body)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		r.ArticleID, int64(r.Seq), at, r.Author, string(r.Kind), r.Label, r.Note, int64(r.Words),
		r.ContentHash, r.ParentHash, r.Hash, encWhole, content)
	return err
}

// lastRevision is the record of an article's newest revision, nil when
// it has none.
func lastRevision(ctx context.Context, tx pgx.Tx, id string) (*storage.Revision, error) {
	r, err := scanRevision(tx.QueryRow(ctx, `SELECT `+revColumns+` FROM revisions
		WHERE article_id = $1 ORDER BY seq DESC LIMIT 1`, id))
	if err == pgx.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}
