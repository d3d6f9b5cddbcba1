package check

import (
	"copydesk/editor"
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

// ReadyCheck is what the window and the command line call before a
// status change: the workflow, and the section's limits under these rules
// for a move to ready. With override set, the move is allowed and note is
// what to record in storage.Meta.Note ("" when nothing was over).
func (r *Rules) ReadyCheck(a *editor.Article, to editor.Status, override bool, reason string) (note string, err error) {
	counts := r.Counts(a)
	if err := editor.CheckMove(a.Status, to, counts, override); err != nil {
		return "", err
	}
	if to == editor.StatusReady && a.Status != editor.StatusReady && override {
		note = editor.OverrideNote(counts, reason)
	}
	return note, nil
}
