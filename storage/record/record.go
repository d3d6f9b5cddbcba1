// Package record files the desk's workflow decisions in a store's history:
// which kind of revision a save makes (a correction of a published story
// or not) and the revision a forced export leaves. It sits above both the
// core (editor, editor/check) and the store, so that the core never
// imports storage: the window and the command line both call it.
package record

import (
	"context"
	"time"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/storage"
)

// RevisionKind is the kind of revision a save of next over prev makes:
// storage.KindCorrection when prev is published and the copy readers see
// has changed — and then next must carry a new public correction note, or
// the save is refused with the *editor.FieldError of
// editor.CheckCorrection — and kind otherwise.
func RevisionKind(prev, next *editor.Article, kind storage.Kind) (storage.Kind, error) {
	if !editor.IsCorrection(prev, next) || next.Status == editor.StatusSpiked {
		return kind, nil
	}
	if err := editor.CheckCorrection(prev, next); err != nil {
		return "", err
	}
	return storage.KindCorrection, nil
}

// ForcedExport files what a forced export did in the story's history: a
// revision of its draft labelled "forced export" whose note is
// check.ForcedExportNote. The window and the command line both record it
// so.
func ForcedExport(ctx context.Context, s storage.Store, id, format, author string, now time.Time) error {
	d, err := s.Draft(ctx, id)
	if err != nil {
		return err
	}
	_, err = s.SaveRevision(ctx, d.Article, storage.Meta{Author: author, Kind: storage.KindSave,
		Label: "forced export", Note: check.ForcedExportNote(d.Article, now, format), DraftVersion: d.Version})
	return err
}
