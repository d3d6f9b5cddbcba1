package library

// Live updates, for a store that reports every desk's changes: the list is
// read again after other desks' saves, and marks who is editing what.

// ReloadLive lists the stories again after other desks' changes: the
// store is asked off the UI goroutine, and the list keeps its scroll
// position and the open story selected.
func (l *Library) ReloadLive() {
	w := l.w
	if w.Store() == nil {
		return
	}
	l.liveGen++
	l.rowsGen++
	l.tagsGen++
	gen, rowsGen, tagsGen := l.liveGen, l.rowsGen, l.tagsGen
	q, spikedToo := l.query()
	w.Go(func() {
		rows, total, err := l.listRows(q, spikedToo)
		tcs, terr := w.Store().Tags(w.Context())
		held := l.w.OthersLocks()
		w.Do(func() {
			if gen != l.liveGen || w.Closing() {
				return
			}
			l.held = held
			if rowsGen == l.rowsGen {
				off := l.List.GetScrollOffset()
				l.show(rows, total, err)
				l.List.ScrollToOffset(off)
			} else {
				l.List.Refresh() // newer rows are shown or coming; mark who holds what
			}
			if tagsGen == l.tagsGen {
				l.showTags(tcs, terr)
			}
		})
	})
}

// MarkLocks marks the stories other desks are editing, once the store
// says which: the list itself is already shown.
func (l *Library) MarkLocks() {
	w := l.w
	gen := l.liveGen
	w.Go(func() {
		held := l.w.OthersLocks()
		w.Do(func() {
			if gen != l.liveGen || w.Closing() { // a live reload has newer marks
				return
			}
			l.held = held
			l.List.Refresh()
		})
	})
}
