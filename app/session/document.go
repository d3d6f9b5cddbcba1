package session

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/record"
)

// ErrNoHeadline: a new story is not stored until it has a headline (the
// store files nothing without one), so its first autosave waits.
var ErrNoHeadline = errors.New("a new story is kept once it has a headline")

// Document is an open article and what the window knows of its stored
// copy. Base carries the fields the window does not edit (ID, created,
// language, embargo …). The store-side fields are guarded by mu, which also
// puts this article's writes in order.
type Document struct {
	ID   string          // never changes; goroutines may read it
	Base *editor.Article // the UI goroutine's only

	stored atomic.Bool // Create has been called

	mu      sync.Mutex
	version uint64 // draft version, for SaveDraft and DraftVersion
	seq     uint64 // newest revision
	// hash is the content hash of the copy last read or written here: a
	// stored draft that still has it holds nothing of anyone else's.
	hash string

	// writes counts the writes in flight, so that the lock is released
	// only after the checkpoint made on leaving.
	writes sync.WaitGroup
}

// Opened is a stored article as the store gave it.
func Opened(d storage.Draft) *Document {
	doc := &Document{ID: d.Article.ID, Base: d.Article, version: d.Version, seq: d.Seq, hash: d.Article.ContentHash()}
	doc.stored.Store(true)
	return doc
}

// New is a new story, not stored until it has a headline.
func New(a *editor.Article) *Document { return &Document{ID: a.ID, Base: a} }

// Stored is a stored story known only by its ID: one whose lock is to be
// given back although it could not be opened.
func Stored(id string) *Document {
	doc := &Document{ID: id}
	doc.stored.Store(true)
	return doc
}

// IsStored reports whether the story is in the store.
func (d *Document) IsStored() bool { return d.stored.Load() }

// Seq is the newest revision's number; it waits for a write in flight.
func (d *Document) Seq() uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.seq
}

// StartWrite counts a write in flight; WriteDone ends it.
func (d *Document) StartWrite() { d.writes.Add(1) }

// WriteDone ends a write StartWrite counted.
func (d *Document) WriteDone() { d.writes.Done() }

// WaitWrites returns when the writes in flight have ended.
func (d *Document) WaitWrites() { d.writes.Wait() }

// Draft writes a as the working draft. A draft changed elsewhere
// (ErrStale) is first kept as a revision, so neither copy is lost; kept
// is that revision's number.
func (d *Document) Draft(ctx context.Context, s storage.Store, a *editor.Article, author string) (kept uint64, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.draftLocked(ctx, s, a, author)
}

// draftLocked is Draft, called with mu held.
func (d *Document) draftLocked(ctx context.Context, s storage.Store, a *editor.Article, author string) (kept uint64, err error) {
	if !d.stored.Load() {
		_, err := d.create(ctx, s, a, storage.Meta{Author: author, Kind: storage.KindCheckpoint, Label: "new story"})
		return 0, err
	}
	v, err := s.SaveDraft(ctx, a, d.version)
	if errors.Is(err, storage.ErrStale) {
		if kept, err = d.keepOther(ctx, s, author); err != nil {
			return 0, err
		}
		v, err = s.SaveDraft(ctx, a, d.version)
	}
	if err != nil {
		return kept, err
	}
	d.version, d.hash = v, a.ContentHash()
	return kept, nil
}

// Revision makes a an immutable revision (and the draft). A checkpoint
// of a change to a published story that has no new correction note is
// kept as the draft only (see RevisionOrDraft).
func (d *Document) Revision(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	rev, _, err := d.RevisionOrDraft(ctx, s, a, m)
	return rev, err
}

// RevisionOrDraft is Revision, reporting whether a checkpoint was kept as
// the draft because it would have filed a correction without a note. A
// change to a published story with its note becomes a correction.
func (d *Document) RevisionOrDraft(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.stored.Load() {
		rev, err := d.create(ctx, s, a, m)
		return rev, false, err
	}
	kind, asDraft, err := d.revisionKind(ctx, s, a, m.Kind)
	if err != nil {
		return storage.Revision{}, false, err
	}
	if asDraft {
		if _, err := d.draftLocked(ctx, s, a, m.Author); err != nil {
			return storage.Revision{}, false, err
		}
		return storage.Revision{Seq: d.seq}, true, nil
	}
	m.Kind = kind
	rev, err := d.save(ctx, s, a, m)
	return rev, false, err
}

// save files a revision of a stored story. Called with mu held.
func (d *Document) save(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	m.DraftVersion = d.version
	rev, err := s.SaveRevision(ctx, a, m)
	if errors.Is(err, storage.ErrStale) {
		if _, err = d.keepOther(ctx, s, m.Author); err != nil {
			return storage.Revision{}, err
		}
		m.DraftVersion = d.version
		rev, err = s.SaveRevision(ctx, a, m)
	}
	if err != nil {
		return storage.Revision{}, err
	}
	d.seq, d.hash = rev.Seq, a.ContentHash()
	return rev, d.refresh(ctx, s, a.ID)
}

// create stores a new story with its first revision. Called with mu held.
func (d *Document) create(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	if strings.TrimSpace(a.Headline) == "" {
		return storage.Revision{}, ErrNoHeadline
	}
	rev, err := s.Create(ctx, a, m)
	if err != nil {
		return storage.Revision{}, err
	}
	d.stored.Store(true)
	d.hash = a.ContentHash()
	return rev, d.refresh(ctx, s, a.ID)
}

// refresh reads the stored draft's version and newest revision. Called
// with mu held.
func (d *Document) refresh(ctx context.Context, s storage.Store, id string) error {
	cur, err := s.Draft(ctx, id)
	if err != nil {
		return err
	}
	d.version, d.seq = cur.Version, cur.Seq
	return nil
}

// keepOther makes a revision of the draft someone else wrote, so that
// overwriting it loses nothing. Called with mu held.
func (d *Document) keepOther(ctx context.Context, s storage.Store, author string) (uint64, error) {
	other, err := s.Draft(ctx, d.ID)
	if err != nil {
		return 0, err
	}
	if other.Article.ContentHash() == d.hash {
		// Only the version moved (another desk kept a copy of its own as
		// a revision and put this one back): nothing of theirs to keep.
		d.version, d.seq = other.Version, other.Seq
		return 0, nil
	}
	rev, err := s.SaveRevision(ctx, other.Article, storage.Meta{Author: author, Kind: storage.KindCheckpoint,
		Label: "kept: changed elsewhere while open in the window", DraftVersion: other.Version})
	if err != nil {
		return 0, fmt.Errorf("the story was changed elsewhere, and that copy could not be kept: %w", err)
	}
	return rev.Seq, d.refresh(ctx, s, d.ID)
}

// KeepAside files a, the copy of a desk that lost the story, as a
// checkpoint revision, then puts the stored draft back as the holder
// left it: their work stays the working copy. It returns the revision,
// or 0 when the stored draft already had a's copy.
func (d *Document) KeepAside(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (uint64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	cur, err := s.Draft(ctx, d.ID)
	if err != nil {
		return 0, err
	}
	if cur.Article.ContentHash() == a.ContentHash() {
		return 0, nil
	}
	m.DraftVersion = cur.Version
	rev, err := s.SaveRevision(ctx, a, m)
	if err != nil {
		return 0, err
	}
	mine, err := s.Draft(ctx, d.ID)
	if err != nil {
		return rev.Seq, err
	}
	// ErrStale: the holder has written meanwhile, and theirs is the
	// draft already.
	if _, err := s.SaveDraft(ctx, cur.Article, mine.Version); err != nil && !errors.Is(err, storage.ErrStale) {
		return rev.Seq, err
	}
	return rev.Seq, nil
}

// Filed is the story as its newest revision holds it (nil for a story
// not stored or with no revision); it waits for a write in flight.
func (d *Document) Filed(ctx context.Context, s storage.Store) (*editor.Article, error) {
	if !d.stored.Load() {
		return nil, nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.filed(ctx, s)
}

// filed is Filed, called with mu held.
func (d *Document) filed(ctx context.Context, s storage.Store) (*editor.Article, error) {
	if d.seq == 0 {
		return nil, nil
	}
	a, _, err := s.Revision(ctx, d.ID, d.seq)
	return a, err
}

// revisionKind is the kind the revision of a takes, and whether a
// checkpoint must be kept as the draft instead: a change to a published
// story is a correction and needs a new note. Called with mu held.
func (d *Document) revisionKind(ctx context.Context, s storage.Store, a *editor.Article, kind storage.Kind) (storage.Kind, bool, error) {
	if a.Status != editor.StatusPublished || (kind != storage.KindSave && kind != storage.KindCheckpoint && kind != storage.KindCorrection) {
		return kind, false, nil
	}
	prev, err := d.filed(ctx, s)
	if err != nil || prev == nil {
		return kind, false, err
	}
	k, err := record.RevisionKind(prev, a, kind)
	if err != nil {
		var fe *editor.FieldError
		if kind == storage.KindCheckpoint && errors.As(err, &fe) {
			return kind, true, nil
		}
		return kind, false, err
	}
	return k, false, nil
}
