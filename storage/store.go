// Package storage defines what Copydesk expects of a store of articles,
// drafts and revisions — the Store interface, its records and its errors —
// independent of the engine behind it. The embedded Badger store lives in
// storage/badgerstore; storage/storetest is the behaviour suite every
// implementation must pass. Nothing here imports Fyne.
package storage

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"time"

	"copydesk/editor"
)

// Kind says why a revision was made.
type Kind string

// The kinds of revision.
const (
	KindSave       Kind = "save"       // explicit save (Ctrl+S, copydesk revise)
	KindCheckpoint Kind = "checkpoint" // automatic: after a stretch of editing, on switching article or closing
	KindImport     Kind = "import"     // the article came in from a file
	KindRestore    Kind = "restore"    // an older revision was made current again
	KindStatus     Kind = "status"     // the workflow status changed
	KindCorrection Kind = "correction" // a change to a published story
	KindReview     Kind = "review"     // the outcome of a review: B with the rejected changes reverted
	KindKill       Kind = "kill"       // a kill notice: the story is spiked, subscribers told not to use it
	KindWithhold   Kind = "withhold"   // a withhold notice: subscribers told not to use it until released
)

// Meta is what the caller says about a revision it asks the store to make.
type Meta struct {
	Author string
	Kind   Kind
	Label  string
	// Note records a decision made with the save, e.g. "override: headline
	// over the section's limit" or "forced export before embargo".
	Note string
	// Time is when the revision was made; zero means now. Set it only when
	// copying history that already happened (migration, restore of a backup).
	Time time.Time
	// DraftVersion, when not zero, must equal the stored draft's version:
	// the save is refused with ErrStale otherwise, so that a desk working
	// from an old copy cannot silently overwrite newer work.
	DraftVersion uint64
}

// Revision describes one immutable snapshot of an article.
type Revision struct {
	ArticleID string    `json:"article_id"`
	Seq       uint64    `json:"seq"` // 1, 2, 3 … per article
	Time      time.Time `json:"time"`
	Author    string    `json:"author,omitempty"`
	Kind      Kind      `json:"kind"`
	Label     string    `json:"label,omitempty"` // may be changed after the fact; not hashed
	Note      string    `json:"note,omitempty"`
	Words     int       `json:"words"`
	// ContentHash is editor.HashBytes of the article's canonical encoding.
	ContentHash string `json:"content_hash"`
	// ParentHash is the Hash of revision Seq-1, "" for the first.
	ParentHash string `json:"parent_hash,omitempty"`
	// Hash links the chain: see ChainHash.
	Hash string `json:"hash"`
}

// ChainHash is the hash that links a revision to its parent: SHA-256 over
// the article ID, sequence, time, author, kind, note, content hash and
// parent hash. Changing any of them, or the content, breaks the chain from
// that revision on. The label is left out so it can be edited later.
func ChainHash(r Revision) string {
	h := sha256.New()
	field := func(s string) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(r.ArticleID)
	var seq [8]byte
	binary.BigEndian.PutUint64(seq[:], r.Seq)
	h.Write(seq[:])
	field(r.Time.UTC().Format(time.RFC3339Nano))
	field(r.Author)
	field(string(r.Kind))
	field(r.Note)
	field(r.ContentHash)
	field(r.ParentHash)
	return hex.EncodeToString(h.Sum(nil))
}

// Draft is the working copy of an article: autosaved, not a revision.
type Draft struct {
	Article *editor.Article
	// Version counts writes of the draft (autosaves and revisions); pass it
	// back to detect a concurrent change.
	Version uint64
	Saved   time.Time
	// Seq is the newest revision when the draft was written.
	Seq uint64
}

// Summary is the small record the library lists without decoding bodies.
type Summary struct {
	ID       string        `json:"id"`
	Slug     string        `json:"slug,omitempty"`
	Section  string        `json:"section,omitempty"`
	Headline string        `json:"headline"`
	Status   editor.Status `json:"status"`
	Tags     []string      `json:"tags,omitempty"`
	Words    int           `json:"words"`
	Modified time.Time     `json:"modified"`
	Seq      uint64        `json:"revisions"` // newest revision
}

// Query selects articles for the library. Results are sorted by last
// change, newest first.
type Query struct {
	// Status keeps only articles with this status; "" means every status
	// but spiked (spiked stories are hidden unless asked for).
	Status editor.Status
	// Tag keeps only articles with this tag (compared case-insensitively).
	Tag string
	// Text keeps articles whose headline, slug or tags contain every word
	// of it, case-insensitively. A store with a full-text index (the
	// Badger store has one) also counts a word found as a whole word of
	// the body: runs of letters and digits, case-insensitively, so "duma"
	// finds "Duma," but "postpone" does not find "postponed".
	Text string
	// IDs, when not nil, keeps only the articles with these IDs (an empty,
	// non-nil list keeps none): a set of stories known elsewhere, such as
	// those the wire inbox brought (storage/inbox.Stories), listed with
	// the store's filters, order and counts.
	IDs    []string
	Offset int
	Limit  int // 0: no limit
}

// TagCount is a tag in use and how many articles carry it.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}

// History is one article's whole stored history, for backup, restore and
// moving between stores.
type History struct {
	Draft     Draft
	Revisions []StoredRevision // oldest first
}

// StoredRevision is a revision with its content.
type StoredRevision struct {
	Revision Revision
	Article  *editor.Article
}

// Problem is one fault that Verify found.
type Problem struct {
	ArticleID string `json:"article_id"`
	Seq       uint64 `json:"seq,omitempty"`
	What      string `json:"what"`
}

func (p Problem) String() string {
	if p.ArticleID == "" { // about the desk, not one article
		return p.What
	}
	if p.Seq == 0 {
		return "article " + p.ArticleID + ": " + p.What
	}
	return "article " + p.ArticleID + " revision " + strconv.FormatUint(p.Seq, 10) + ": " + p.What
}

// Report is the outcome of Verify.
type Report struct {
	Articles  int       `json:"articles"`
	Revisions int       `json:"revisions"`
	Problems  []Problem `json:"problems,omitempty"`
}

// OK reports whether Verify found nothing wrong.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// Stats describes the store for Help › About and `copydesk stats`.
type Stats struct {
	Location  string `json:"location"` // directory or connection (without password)
	Bytes     int64  `json:"bytes"`    // on disk, where known
	Articles  int    `json:"articles"`
	Revisions int    `json:"revisions"`
	Schema    int    `json:"schema"`
}

// Progress is told how far a long operation has got; total is 0 when unknown.
type Progress func(done, total int)

// Store is what the window and the command line need of a store. Every
// method is safe for concurrent use. Implementations: badgerstore (the
// embedded desk) and, later, a shared PostgreSQL store; both must pass
// storetest.Run.
type Store interface {
	// Create stores a new article, its draft and its first revision.
	// It fails with an *editor.ValidationError for an invalid article and
	// ErrExists when the ID is taken.
	Create(ctx context.Context, a *editor.Article, m Meta) (Revision, error)

	// SaveDraft writes the working draft (autosave). version is the
	// version of the draft the caller started from: a mismatch gives
	// ErrStale and nothing is written. It returns the new version.
	SaveDraft(ctx context.Context, a *editor.Article, version uint64) (uint64, error)

	// Draft returns the working draft, or ErrNotFound.
	Draft(ctx context.Context, id string) (Draft, error)

	// SaveRevision makes an immutable, durable revision of a and makes a the
	// draft too. A revision whose content equals the newest revision's is
	// still made (the caller asked for it) — callers skip empty saves.
	SaveRevision(ctx context.Context, a *editor.Article, m Meta) (Revision, error)

	// Revisions lists an article's revisions, oldest first.
	Revisions(ctx context.Context, id string) ([]Revision, error)

	// Revision rebuilds revision seq of an article.
	Revision(ctx context.Context, id string, seq uint64) (*editor.Article, Revision, error)

	// SetLabel changes a revision's label after the fact.
	SetLabel(ctx context.Context, id string, seq uint64, label string) error

	// List returns the library's rows for q, and how many match in all.
	List(ctx context.Context, q Query) ([]Summary, int, error)

	// Tags lists the tags in use, most used first (for autocomplete).
	Tags(ctx context.Context) ([]TagCount, error)

	// Verify walks every revision chain, rebuilding each revision and
	// checking its content hash and links.
	Verify(ctx context.Context, progress Progress) (Report, error)

	// Dump calls fn with each article's whole history.
	Dump(ctx context.Context, fn func(History) error) error

	// Load stores a history exactly as given (hashes, times and sequence
	// numbers kept). It fails with ErrExists if the article is there.
	Load(ctx context.Context, h History) error

	// Setting and SetSetting keep small per-desk values (the desk
	// dictionary, house-style rules). Setting returns ErrNotFound when unset.
	Setting(ctx context.Context, name string) ([]byte, error)
	SetSetting(ctx context.Context, name string, value []byte) error

	// Stats describes the store.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the store. Further calls fail with ErrClosed.
	Close() error
}
