package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// errNoHeadline: a new story is not stored until it has a headline (the
// store files nothing without one), so its first autosave waits.
var errNoHeadline = errors.New("a new story is kept once it has a headline")

// edited is called on every change in the editor or the metadata panel.
func (w *Window) edited() {
	if w.loading || w.doc == nil || w.readOnly() {
		return
	}
	w.editGen++
	if !w.dirty {
		w.status.setText("Unsaved changes")
	}
	w.dirty, w.sinceRevision = true, true
	w.scheduleAutosave()
	w.scheduleChecks()
}

// scheduleAutosave (re)starts the pause after which the draft is written.
func (w *Window) scheduleAutosave() {
	w.stopAutosave()
	w.cancelSave = w.cfg.after(w.cfg.AutosaveDelay, func() {
		w.cfg.do(w.autosave)
	})
}

func (w *Window) stopAutosave() {
	if w.cancelSave != nil {
		w.cancelSave()
		w.cancelSave = nil
	}
}

// saveResult is what a store write reports back to the UI goroutine.
type saveResult struct {
	doc   *document
	gen   uint64 // editGen when the copy was taken
	seq   uint64
	saved time.Time
	kept  uint64 // a revision made of a copy changed elsewhere (ErrStale), or 0
	rev   bool   // a revision was made
	// drafted: a checkpoint of a change to a published story, without a
	// correction note, was kept as the draft instead of a revision.
	drafted  bool
	headline string
	err      error
}

// autosave writes the draft in the background.
func (w *Window) autosave() {
	w.cancelSave = nil
	if w.doc == nil || !w.dirty || w.closing || w.readOnly() {
		return
	}
	doc, gen, a, author := w.doc, w.editGen, w.Article(), w.settings.Name()
	w.status.setText("Saving…")
	w.bg.Add(1)
	doc.writes.Add(1)
	go func() {
		defer w.bg.Done()
		defer doc.writes.Done()
		kept, err := doc.draft(w.ctx, w.store, a, author)
		r := saveResult{doc: doc, gen: gen, saved: w.cfg.Now(), kept: kept, err: err}
		doc.mu.Lock()
		r.seq = doc.seq
		doc.mu.Unlock()
		w.cfg.do(func() { w.saved(r) })
	}()
}

// writeRevision makes a revision of the open article in the background.
func (w *Window) writeRevision(m storage.Meta) {
	if w.doc == nil {
		return
	}
	if w.readOnly() {
		w.status.setText(readOnlyText(*w.heldBy))
		return
	}
	w.stopAutosave()
	doc, gen, a := w.doc, w.editGen, w.Article()
	m.Author = w.settings.Name()
	w.bg.Add(1)
	doc.writes.Add(1)
	go func() {
		defer w.bg.Done()
		defer doc.writes.Done()
		rev, drafted, err := doc.revisionOrDraft(w.ctx, w.store, a, m)
		r := saveResult{doc: doc, gen: gen, seq: rev.Seq, saved: rev.Time, rev: !drafted, drafted: drafted, headline: a.Headline, err: err}
		if drafted {
			r.saved = w.cfg.Now()
		}
		w.cfg.do(func() { w.saved(r) })
	}()
}

// meta0 is the metadata of a revision the person makes now.
func (w *Window) meta0(k storage.Kind, label string) storage.Meta {
	return storage.Meta{Author: w.settings.Name(), Kind: k, Label: label}
}

// saved applies a store write's outcome to the window, on the UI goroutine.
func (w *Window) saved(r saveResult) {
	current := w.doc == r.doc
	switch {
	case errors.Is(r.err, errNoHeadline):
		if current {
			w.status.setText("Not saved yet: " + errNoHeadline.Error())
		}
		return
	case r.err != nil:
		if current {
			// The text stays in the window; the next edit tries again.
			w.status.setText("Not saved: " + oneLine(r.err))
			slog.Error("shown in the status bar: not saved", "err", r.err)
			if r.rev {
				w.showError(fmt.Errorf("the revision was not saved: %w", r.err))
			}
		}
		return
	}
	if r.drafted && !current {
		w.status.setText(unfiledMessage(r.headline))
	}
	if current {
		w.lib.updateSpikeButton() // a new story is stored now
		w.lockStored(r.doc)
		if r.gen == w.editGen {
			w.dirty = false
			if r.rev {
				w.sinceRevision = false
			}
		}
		switch {
		case w.dirty:
			w.status.setText("Unsaved changes")
		case r.drafted:
			w.status.setText(unfiledMessage(r.headline))
			w.meta.unfiled.Show()
		case r.rev:
			w.status.setRevisionSaved(r.saved.In(w.cfg.Location), r.seq)
		default:
			w.status.setSaved(r.saved.In(w.cfg.Location), r.seq)
		}
		if r.rev && !w.sinceRevision {
			w.meta.unfiled.Hide()
		}
		if r.rev && w.centreTabs.Selected() != nil && w.centreTabs.Selected().Text == "History" {
			w.loadView(w.history) // show the new revision
		}
		if r.kept > 0 {
			w.showError(fmt.Errorf("this story had been changed elsewhere since you opened it: that copy is kept as revision %d, and yours is the draft now", r.kept))
		}
	}
	if r.rev {
		w.lib.refresh(true) // an explicit save: sort again
	} else {
		w.lib.refreshInPlace() // an autosave: the list keeps still under the pointer
	}
}

// draft writes a as the working draft. A draft changed elsewhere
// (ErrStale) is first kept as a revision, so neither copy is lost; kept
// is that revision's number.
func (d *document) draft(ctx context.Context, s storage.Store, a *editor.Article, author string) (kept uint64, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.draftLocked(ctx, s, a, author)
}

// draftLocked is draft, called with mu held.
func (d *document) draftLocked(ctx context.Context, s storage.Store, a *editor.Article, author string) (kept uint64, err error) {
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

// revision makes a an immutable revision (and the draft). A checkpoint
// of a change to a published story that has no new correction note is
// kept as the draft only (see revisionOrDraft).
func (d *document) revision(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	rev, _, err := d.revisionOrDraft(ctx, s, a, m)
	return rev, err
}

// revisionOrDraft is revision, reporting whether a checkpoint was kept as
// the draft because it would have filed a correction without a note. A
// change to a published story with its note becomes a correction.
func (d *document) revisionOrDraft(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, bool, error) {
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
func (d *document) save(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, error) {
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
func (d *document) create(ctx context.Context, s storage.Store, a *editor.Article, m storage.Meta) (storage.Revision, error) {
	if strings.TrimSpace(a.Headline) == "" {
		return storage.Revision{}, errNoHeadline
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
func (d *document) refresh(ctx context.Context, s storage.Store, id string) error {
	cur, err := s.Draft(ctx, id)
	if err != nil {
		return err
	}
	d.version, d.seq = cur.Version, cur.Seq
	return nil
}

// keepOther makes a revision of the draft someone else wrote, so that
// overwriting it loses nothing. Called with mu held.
func (d *document) keepOther(ctx context.Context, s storage.Store, author string) (uint64, error) {
	other, err := s.Draft(ctx, d.id)
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
	return rev.Seq, d.refresh(ctx, s, d.id)
}
