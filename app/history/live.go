package history

// What the window asks of the view when a store is shared by several
// desks: another desk's saves show up in the list, and a story another
// desk holds cannot be restored from here.

// Reload reads the revision list again, after another desk saved or
// labelled a revision. The revision picked in the list stays picked; a
// comparison that ended at the latest revision moves on to the new
// latest, one between older revisions stays as it is.
func (v *View) Reload() {
	if v.id == "" {
		return
	}
	v.refreshDraft()
	from, to := v.from, v.to
	if n := len(v.revs); n == 0 || to == v.revs[n-1].Seq {
		from, to = 0, 0
	}
	v.reload(from, to)
}

// SetReadOnly stops (or allows again) restores: while another desk holds
// the story, a restore from this one would overwrite their draft.
// Labels stay allowed: they change no copy.
func (v *View) SetReadOnly(ro bool) {
	v.readOnly = ro
	v.updateButtons()
}
