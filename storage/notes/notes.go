// Package notes keeps what the desk says about the copy without being the
// copy: the decisions of a review (which changes were accepted or
// rejected, by whom, why) and the comments anchored to passages. They are
// not content, so they are not revisions: they are kept as the store's
// settings under reserved names ("review/…", "comment/…"), one record a
// setting, which every store already holds, lists (SettingNames) and
// carries in backups and migrate. A review's revision names its record in
// its note, so the chain hash covers the link.
package notes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"copydesk/storage"
)

// Lister is what a store must offer to list records: every store in this
// module does (the same method storage/backup uses).
type Lister interface {
	SettingNames(ctx context.Context) ([]string, error)
}

// Decision is what was decided about one change of a review.
type Decision struct {
	Change   string    `json:"change"` // "C3"
	Kind     string    `json:"kind"`   // "words", "field", "moved" …
	Field    string    `json:"field"`  // "body", "headline" …
	Summary  string    `json:"summary"`
	Accepted bool      `json:"accepted"`
	Reason   string    `json:"reason,omitempty"`
	Author   string    `json:"author,omitempty"`
	Time     time.Time `json:"time"`
}

// Review is the record of one finished review.
type Review struct {
	ID        string     `json:"id"`
	ArticleID string     `json:"article_id"`
	From      uint64     `json:"from"` // revision A
	To        uint64     `json:"to"`   // revision B; 0 is the draft
	Author    string     `json:"author,omitempty"`
	Time      time.Time  `json:"time"`
	Decisions []Decision `json:"decisions"`
}

const (
	reviewPrefix  = "review/"
	commentPrefix = storage.CommentSettingPrefix
	// noteTag starts the revision note that names the review record.
	noteTag = "review "
)

func reviewName(articleID, reviewID string) string {
	return reviewPrefix + articleID + "/" + reviewID
}

// Accepted and Rejected count the decisions.
func (r *Review) Accepted() (accepted, rejected int) {
	for _, d := range r.Decisions {
		if d.Accepted {
			accepted++
		} else {
			rejected++
		}
	}
	return accepted, rejected
}

// Note is the revision note of the review: it names the record (so the
// chain hash covers the link) and sums the decisions up for History.
func (r *Review) Note() string {
	acc, rej := r.Accepted()
	var ids []string
	for _, d := range r.Decisions {
		if !d.Accepted {
			ids = append(ids, d.Change)
		}
	}
	to := "draft"
	if r.To != 0 {
		to = fmt.Sprintf("r%d", r.To)
	}
	note := fmt.Sprintf("%s%s: r%d→%s, %d accepted, %d rejected", noteTag, r.ID, r.From, to, acc, rej)
	if len(ids) > 0 {
		note += " (" + strings.Join(ids, ", ") + ")"
	}
	return note
}

// SaveReview keeps the record. Call it before writing the review's
// revision (with Note as the revision's note): a record without its
// revision is harmless, a revision without its record would lose the
// decisions.
func SaveReview(ctx context.Context, s storage.Store, r *Review) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, reviewName(r.ArticleID, r.ID), data)
}

// ReviewOf returns the record a revision's note names, or nil when the
// revision is not a review.
func ReviewOf(ctx context.Context, s storage.Store, rev storage.Revision) (*Review, error) {
	id, ok := strings.CutPrefix(rev.Note, noteTag)
	if !ok || rev.Kind != storage.KindReview && rev.Kind != storage.KindCorrection {
		return nil, nil
	}
	id, _, _ = strings.Cut(id, ":")
	data, err := s.Setting(ctx, reviewName(rev.ArticleID, id))
	if errors.Is(err, storage.ErrNotFound) {
		return nil, fmt.Errorf("revision %d names review %s, whose decisions are not in the store: restore them from a backup", rev.Seq, id)
	}
	if err != nil {
		return nil, err
	}
	var r Review
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("the decisions of review %s (revision %d) are damaged: %v", id, rev.Seq, err)
	}
	return &r, nil
}

// names lists the store's record names under prefix, sorted.
func names(ctx context.Context, s storage.Store, prefix string) ([]string, error) {
	l, ok := s.(Lister)
	if !ok {
		return nil, errors.New("this store cannot list its records (it has no SettingNames)")
	}
	all, err := l.SettingNames(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range all {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

// Reviews lists an article's review records, oldest first.
func Reviews(ctx context.Context, s storage.Store, articleID string) ([]*Review, error) {
	ns, err := names(ctx, s, reviewPrefix+articleID+"/")
	if err != nil {
		return nil, err
	}
	var out []*Review
	for _, n := range ns {
		data, err := s.Setting(ctx, n)
		if err != nil {
			return nil, err
		}
		var r Review
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("record %s is damaged: %v", n, err)
		}
		out = append(out, &r)
	}
	slices.SortStableFunc(out, func(a, b *Review) int { return a.Time.Compare(b.Time) })
	return out, nil
}

// NoteSummary is what a review revision's note says of its decisions
// ("3 accepted, 1 rejected (C2)"), read from the note alone so that a
// list of revisions needs no record per row; "" for any other note.
func NoteSummary(rev storage.Revision) string {
	rest, ok := strings.CutPrefix(rev.Note, noteTag)
	if !ok || rev.Kind != storage.KindReview && rev.Kind != storage.KindCorrection {
		return ""
	}
	_, counts, ok := strings.Cut(rest, ", ")
	if !ok {
		return ""
	}
	return counts
}
