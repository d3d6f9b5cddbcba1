package app

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/checks"
	"copydesk/app/field"
	"copydesk/editor"
	"copydesk/storage"
)

// libraryLimit is how many rows the library lists; the search box and the
// filters find the rest.
const libraryLimit = 500

// Labels of the library filters' "everything" entries.
const (
	allStatuses   = "All but spiked"
	allWithSpiked = "All, spiked too"
	allTags       = "All tags"
)

// library is the left pane: search, filters, New, Spike, and the stories
// newest change first. Rows are ticked to select several (for export).
type library struct {
	w        *Window
	search   *field.Entry
	status   *widget.Select
	tag      *widget.Select
	spike    *widget.Button
	list     *widget.List
	count    *widget.Label
	content  fyne.CanvasObject
	rows     []storage.Summary
	selected map[string]bool // ticked rows, by article ID
	opening  bool
	liveGen  uint64 // counts live reloads: an overtaken one is dropped
	// rowsGen and tagsGen count the reads of the rows and of the tags: a
	// read overtaken by a later one is not shown. loading says a read of
	// the rows runs off the UI goroutine, loadAgain that the query has
	// changed since it began (refresh).
	rowsGen, tagsGen   uint64
	loading, loadAgain bool
	// held are the stories other desks are editing, by article ID, on a
	// shared store; refreshed with every live reload.
	held map[string]storage.Lock
	// inPlace makes the next rows shown keep the order on screen (after an
	// autosave: the list does not re-sort under the pointer).
	inPlace bool
}

func newLibrary(w *Window) *library {
	l := &library{w: w, selected: map[string]bool{}, count: widget.NewLabel("")}
	l.search = newFieldEntry(w, false)
	l.search.SetPlaceHolder("Search headline, slug, tags, body")
	l.search.OnChanged = func(string) { l.refresh(false) }
	statuses := []string{allStatuses, allWithSpiked, inboxStories}
	for _, s := range editor.Statuses {
		statuses = append(statuses, s.Label())
	}
	l.status = widget.NewSelect(statuses, func(string) { l.refresh(false) })
	l.status.SetSelected(allStatuses)
	l.tag = widget.NewSelect([]string{allTags}, func(string) { l.refresh(false) })
	l.tag.SetSelected(allTags)
	newB := widget.NewButtonWithIcon("New", theme.DocumentCreateIcon(), func() { w.leaveFirst(w.NewArticle) })
	l.spike = widget.NewButtonWithIcon("Spike", theme.DeleteIcon(), w.confirmSpike)
	l.list = widget.NewList(func() int { return len(l.rows) }, l.newRow, l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		if l.opening || i < 0 || i >= len(l.rows) {
			return
		}
		id := l.rows[i].ID
		w.confirmDiscard(func() {
			w.leaveFirst(func() {
				if w.Open(id) != nil {
					l.list.UnselectAll()
				}
			})
		}, l.selectOpen)
	}
	top := container.NewVBox(
		l.search,
		container.NewGridWithColumns(2, l.status, l.tag),
		container.NewBorder(nil, nil, nil, container.NewHBox(newB, l.spike), l.count),
	)
	l.content = container.NewBorder(top, nil, nil, nil, l.list)
	return l
}

// libraryRow is one story in the list: a tick box, the headline, and
// status · words · time of the last change.
type libraryRow struct {
	widget.BaseWidget
	tick     *widget.Check
	headline *widget.Label
	detail   *widget.Label
	box      fyne.CanvasObject
}

func (l *library) newRow() fyne.CanvasObject {
	r := &libraryRow{headline: widget.NewLabel(""), detail: widget.NewLabel("")}
	r.headline.TextStyle = fyne.TextStyle{Bold: true}
	r.headline.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.tick = widget.NewCheck("", nil)
	r.box = container.NewBorder(nil, nil, r.tick, nil,
		container.New(&tightVBox{}, r.headline, r.detail))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *libraryRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (l *library) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r, ok := o.(*libraryRow)
	if !ok || i >= len(l.rows) {
		return
	}
	s := l.rows[i]
	h := s.Headline
	if h == "" {
		h = "(no headline)"
	}
	r.headline.SetText(h)
	detail := fmt.Sprintf("%s · %s words · %s", s.Status.Label(), thousands(s.Words), l.when(s.Modified))
	if lk, ok := l.held[s.ID]; ok { // first: the narrow list truncates the end
		detail = lk.Holder.Name + " is editing · " + detail
	}
	r.detail.SetText(detail)
	r.tick.OnChanged = nil
	r.tick.SetChecked(l.selected[s.ID])
	id := s.ID
	r.tick.OnChanged = func(on bool) {
		if on {
			l.selected[id] = true
		} else {
			delete(l.selected, id)
		}
	}
}

// when is the time of a change as the list shows it: the time today, the
// date otherwise.
func (l *library) when(t time.Time) string {
	t = t.In(l.w.cfg.Location)
	now := l.w.cfg.Now().In(l.w.cfg.Location)
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return t.Format("15:04")
	}
	if t.Year() == now.Year() {
		return t.Format("2 Jan 15:04")
	}
	return t.Format("2 Jan 2006")
}

// query is the store query for the search box and filters; spikedToo
// says the filter asks for every story, spiked ones as well, which the
// store lists apart (listRows).
func (l *library) query() (q storage.Query, spikedToo bool) {
	q = storage.Query{Text: l.search.Text, Limit: libraryLimit}
	for _, s := range editor.Statuses {
		if s.Label() == l.status.Selected {
			q.Status = s
		}
	}
	if l.tag.Selected != allTags {
		q.Tag = l.tag.Selected
	}
	if l.status.Selected == inboxStories {
		q.IDs = []string{} // filled by listRows, off the UI goroutine (inboxfilter.go)
	}
	return q, l.status.Selected == allWithSpiked
}

// listRows lists the stories for q; with spikedToo, the spiked ones as
// well (a store lists them only when asked for by status), merged newest
// change first.
func (l *library) listRows(q storage.Query, spikedToo bool) ([]storage.Summary, int, error) {
	if err := l.inboxIDs(&q); err != nil {
		return nil, 0, err
	}
	rows, total, err := l.w.store.List(l.w.ctx, q)
	if err != nil || !spikedToo {
		return rows, total, err
	}
	q.Status = editor.StatusSpiked
	spiked, n, err := l.w.store.List(l.w.ctx, q)
	if err != nil {
		return nil, 0, err
	}
	rows = append(rows, spiked...)
	slices.SortStableFunc(rows, func(a, b storage.Summary) int { return b.Modified.Compare(a.Modified) })
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
	}
	return rows, total + n, nil
}

// refreshInPlace reads the rows again like refresh, but keeps the order
// on screen: after an autosave the open story's row shows its new
// headline and words where it is, not at the top (an explicit save, a
// status change or a new search sorts again).
func (l *library) refreshInPlace() {
	l.inPlace = true
	l.refresh(true)
}

// keepOrder puts rows in the order of shown: rows not shown before come
// first (newest first, as listed), then the others where they were.
func keepOrder(shown, rows []storage.Summary) []storage.Summary {
	at := make(map[string]int, len(shown))
	for i, r := range shown {
		at[r.ID] = i
	}
	out := append([]storage.Summary(nil), rows...)
	slices.SortStableFunc(out, func(a, b storage.Summary) int {
		ia, okA := at[a.ID]
		ib, okB := at[b.ID]
		switch {
		case okA && okB:
			return ia - ib
		case okA:
			return 1
		case okB:
			return -1
		}
		return 0
	})
	return out
}

// reload lists the stories again at once, keeping the open story selected,
// and reads the tags off the UI goroutine: for a caller that goes on to
// select a story it has just stored.
func (l *library) reload() {
	if l.reloadRows() {
		l.loadTags()
	}
}

// reloadRows lists the stories again and keeps the open one selected; it
// says whether there is a store to list.
func (l *library) reloadRows() bool {
	if l.w.store == nil || l.list == nil {
		return false
	}
	l.rowsGen++ // a read off the UI goroutine that began before is stale
	q, spikedToo := l.query()
	if first := l.w.cfg.firstPage; first != nil && !spikedToo && reflect.DeepEqual(first.query, q) {
		// Read while the window was being made (Run); only once, as
		// later reloads come after changes.
		l.w.cfg.firstPage = nil
		l.show(first.rows, first.total, first.err)
		return true
	}
	rows, total, err := l.listRows(q, spikedToo)
	l.show(rows, total, err)
	return true
}

// refresh reads the stories for the search and filters as they are now
// (and the tags, when tags is set) off the UI goroutine, then shows them.
// With 100,000 stories a search takes up to 60 ms: the search box would
// stall on every key if it waited. One read of the rows runs at a time;
// asked again while it runs, the library is read once more when it ends,
// with the query as it is then, so fast typing queues one search, not one
// a key.
func (l *library) refresh(tags bool) {
	w := l.w
	if w.store == nil || l.list == nil {
		return
	}
	if tags {
		l.loadTags()
	}
	l.rowsGen++
	if l.loading {
		l.loadAgain = true
		return
	}
	l.loading = true
	gen := l.rowsGen
	q, spikedToo := l.query()
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		rows, total, err := l.listRows(q, spikedToo)
		w.cfg.do(func() {
			l.loading = false
			switch {
			case w.closing:
			case l.loadAgain:
				l.loadAgain = false
				l.refresh(false)
			case gen == l.rowsGen:
				l.show(rows, total, err)
			}
		})
	}()
}

// loadTags reads the tags off the UI goroutine, then shows them.
func (l *library) loadTags() {
	w := l.w
	if w.store == nil {
		return
	}
	l.tagsGen++
	gen := l.tagsGen
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		tcs, err := w.store.Tags(w.ctx)
		w.cfg.do(func() {
			if gen == l.tagsGen && !w.closing {
				l.showTags(tcs, err)
			}
		})
	}()
}

// show lists rows (total: how many match in all), or the store's error.
func (l *library) show(rows []storage.Summary, total int, err error) {
	if err != nil {
		l.count.SetText("Cannot list: " + oneLine(err))
		return
	}
	if l.inPlace {
		l.inPlace = false
		rows = keepOrder(l.rows, rows)
	}
	l.rows = rows
	switch {
	case total == 1:
		l.count.SetText("1 story")
	case total > len(rows):
		l.count.SetText(fmt.Sprintf("%s of %s stories", thousands(len(rows)), thousands(total)))
	default:
		l.count.SetText(thousands(total) + " stories")
	}
	l.list.Refresh()
	l.selectOpen()
}

// selectOpen shows the open story as selected without opening it again.
func (l *library) selectOpen() {
	l.opening = true
	defer func() { l.opening = false }()
	if l.w.doc != nil {
		for i, r := range l.rows {
			if r.ID == l.w.doc.Base.ID {
				l.list.Select(i)
				return
			}
		}
	}
	l.list.UnselectAll()
}

// showTags fills the tag filter and the suggestions with tcs.
func (l *library) showTags(tcs []storage.TagCount, err error) {
	if err != nil {
		return
	}
	opts := []string{allTags}
	known := make([]string, 0, len(tcs))
	for _, tc := range tcs {
		opts = append(opts, tc.Tag)
		known = append(known, tc.Tag)
	}
	l.tag.Options = opts
	l.tag.Refresh()
	if l.w.meta != nil {
		l.w.meta.Tags.SetKnown(known)
	}
}

// selectRow opens the story in row i.
func (l *library) selectRow(i int) { l.list.Select(i) }

// SelectedIDs are the ticked stories, or the open one when none is ticked:
// what File › Export… works on.
func (w *Window) SelectedIDs() []string {
	var ids []string
	for _, r := range w.lib.rows {
		if w.lib.selected[r.ID] {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 && w.doc != nil && w.doc.IsStored() {
		ids = []string{w.doc.Base.ID}
	}
	return ids
}

// updateSpikeButton names the button for what it would do to the open story.
func (l *library) updateSpikeButton() {
	if l.w.doc == nil || !l.w.doc.IsStored() || l.w.readOnly() {
		// A new story is spiked by discarding it; it is not stored yet.
		// One that another desk holds is theirs to spike.
		l.spike.SetText("Spike")
		l.spike.Disable()
		return
	}
	l.spike.Enable()
	if l.w.meta.StatusOf == editor.StatusSpiked {
		l.spike.SetText("Unspike")
	} else {
		l.spike.SetText("Spike")
	}
}

// confirmSpike spikes or unspikes the open story after asking.
func (w *Window) confirmSpike() {
	if w.doc == nil || w.readOnly() {
		return
	}
	h := w.pane.headline.Text
	if w.meta.StatusOf == editor.StatusSpiked {
		dialog.ShowConfirm("Unspike the story?", fmt.Sprintf("“%s” goes back to the library.", h), func(ok bool) {
			if ok {
				a := w.doc.Base.Clone()
				if err := a.Unspike(); err != nil {
					w.showError(err)
					return
				}
				w.changeStatus(a.Status)
			}
		}, w.win)
		return
	}
	dialog.ShowConfirm("Spike the story?", fmt.Sprintf("“%s” is killed: it leaves the library but is not deleted (filter by Spiked to find it and unspike it).", h), func(ok bool) {
		if ok {
			w.changeStatus(editor.StatusSpiked)
		}
	}, w.win)
}

// changeStatus moves the open story to status to and makes a revision of
// kind status. Every way of changing the status (the panel's select, the
// Article › Status menu, Spike / Unspike) comes here. A move the workflow
// refuses is explained and undone; a move to ready over the section's
// length limits asks for an override and its reason, which the revision
// records (storage.Meta.Note).
func (w *Window) changeStatus(to editor.Status) {
	if w.doc == nil {
		return
	}
	if w.readOnly() {
		w.showStatus(w.meta.StatusOf)
		w.status.setText(readOnlyText(*w.heldBy))
		return
	}
	a := w.Article()
	if to == editor.StatusReady && a.Status != editor.StatusSpiked {
		_, err := w.pane.limits.rules().ReadyCheck(a, to, false, "")
		var over *editor.OverLimitError
		if errors.As(err, &over) {
			w.showStatus(w.meta.StatusOf) // until the override is confirmed
			doc := w.doc
			checks.ConfirmOverride(w.win, over.Over, func(note string) {
				if w.doc == doc {
					w.moveStatus(to, note)
				}
			})
			return
		}
	}
	w.moveStatus(to, "")
}

// moveStatus makes the move, with note (an override's) on the revision.
func (w *Window) moveStatus(to editor.Status, note string) {
	a := w.Article()
	var err error
	if a.Status == editor.StatusSpiked && to != editor.StatusSpiked {
		if err = a.Unspike(); err == nil && a.Status != to {
			err = fmt.Errorf("a spiked story goes back to %s when it is unspiked: choose %s, or use Unspike", a.Status.Label(), a.Status.Label())
		}
	} else {
		err = a.SetStatus(to)
	}
	if err != nil {
		w.showStatus(w.meta.StatusOf)
		w.showError(err)
		return
	}
	w.doc.Base.Status, w.doc.Base.SpikedFrom = a.Status, a.SpikedFrom
	w.showStatus(a.Status)
	w.lib.updateSpikeButton()
	w.editGen++
	w.dirty, w.sinceRevision = true, true
	w.writeRevision(storage.Meta{Kind: storage.KindStatus, Label: "status: " + a.Status.Label(), Note: note})
}

// showStatus shows s in the panel's select without treating it as a change.
func (w *Window) showStatus(s editor.Status) {
	var spikedFrom editor.Status
	if w.doc != nil {
		spikedFrom = w.doc.Base.SpikedFrom
	}
	w.loading = true
	w.meta.SetStatus(s, spikedFrom)
	w.loading = false
}

// tightVBox stacks a row's two labels with no padding between them.
type tightVBox struct{}

func (*tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		y += h
	}
}

func (*tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height - theme.Padding()
	}
	return fyne.NewSize(w, h+theme.Padding())
}
