package check

import "copydesk/editor"

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
