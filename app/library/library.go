package library

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/storage"
)

// Limit is how many rows the library lists; the search box and the
// filters find the rest.
const Limit = 500

// Labels of the library filters' "everything" entries: dictionary keys,
// shown and compared as i18n.T(label).
const (
	AllStatuses   = "All but spiked"
	AllWithSpiked = "All, spiked too"
	AllTags       = "All tags"
)

// Library is the left pane: search, filters, New, Spike, and the stories
// newest change first. Rows are ticked to select several (for export).
type Library struct {
	w        Window
	Search   *field.Entry
	Status   *widget.Select
	Tag      *widget.Select
	Spike    *widget.Button
	List     *widget.List
	Count    *widget.Label
	Content  fyne.CanvasObject
	Rows     []storage.Summary
	Selected map[string]bool // ticked rows, by article ID
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
	// embargo is what was read of the stories' embargoes (embargo.go).
	embargo map[string]embargoRead
}

// New builds the library pane of w; the window lists the stories
// (Reload) once it is laid out.
func New(w Window) *Library {
	l := &Library{w: w, Selected: map[string]bool{}, Count: widget.NewLabel("")}
	l.Search = w.NewEntry(false)
	l.Search.SetPlaceHolder(i18n.T("Search headline, slug, tags, body"))
	l.Search.OnChanged = func(string) { l.Refresh(false) }
	statuses := []string{i18n.T(AllStatuses), i18n.T(AllWithSpiked), i18n.T(InboxStories)}
	for _, s := range editor.Statuses {
		statuses = append(statuses, i18n.T(s.Label()))
	}
	l.Status = widget.NewSelect(statuses, func(string) { l.Refresh(false) })
	l.Status.SetSelected(i18n.T(AllStatuses))
	l.Tag = widget.NewSelect([]string{i18n.T(AllTags)}, func(string) { l.Refresh(false) })
	l.Tag.SetSelected(i18n.T(AllTags))
	newB := widget.NewButtonWithIcon(i18n.T("New"), theme.DocumentCreateIcon(), w.NewStory)
	l.Spike = widget.NewButtonWithIcon(i18n.T("Spike"), theme.DeleteIcon(), w.Spike)
	l.List = widget.NewList(func() int { return len(l.Rows) }, l.newRow, l.updateRow)
	l.List.OnSelected = func(i widget.ListItemID) {
		if l.opening || i < 0 || i >= len(l.Rows) {
			return
		}
		id := l.Rows[i].ID
		w.OpenRow(id)
	}
	top := container.NewVBox(
		l.Search,
		container.NewGridWithColumns(2, l.Status, l.Tag),
		container.NewBorder(nil, nil, nil, container.NewHBox(newB, l.Spike), l.Count),
	)
	l.Content = container.NewBorder(top, nil, nil, nil, l.List)
	return l
}

// row is one story in the list: a tick box, the headline, and
// status · words · time of the last change.
type row struct {
	widget.BaseWidget
	tick     *widget.Check
	headline *widget.Label
	detail   *widget.Label
	box      fyne.CanvasObject
}

func (l *Library) newRow() fyne.CanvasObject {
	r := &row{headline: widget.NewLabel(""), detail: widget.NewLabel("")}
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
func (r *row) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (l *Library) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r, ok := o.(*row)
	if !ok || i >= len(l.Rows) {
		return
	}
	s := l.Rows[i]
	h := s.Headline
	if h == "" {
		h = i18n.T("(no headline)")
	}
	r.headline.SetText(h)
	detail := i18n.Tf("%s · %s words · %s", i18n.T(s.Status.Label()), field.Thousands(s.Words), l.when(s.Modified))
	if lk, ok := l.held[s.ID]; ok { // first: the narrow list truncates the end
		detail = lk.Holder.Name + i18n.T(" is editing · ") + detail
	}
	if mark := l.embargoMark(s); mark != "" {
		detail = mark + " · " + detail
	}
	r.detail.SetText(detail)
	r.tick.OnChanged = nil
	r.tick.SetChecked(l.Selected[s.ID])
	id := s.ID
	r.tick.OnChanged = func(on bool) {
		if on {
			l.Selected[id] = true
		} else {
			delete(l.Selected, id)
		}
	}
}

// when is the time of a change as the list shows it: the time today, the
// date otherwise.
func (l *Library) when(t time.Time) string {
	t = t.In(l.w.Location())
	now := l.w.Now().In(l.w.Location())
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return t.Format("15:04")
	}
	if t.Year() == now.Year() {
		return i18n.FormatTime(t, "2 Jan 15:04")
	}
	return i18n.FormatTime(t, "2 Jan 2006")
}

// query is the store query for the search box and filters; spikedToo
// says the filter asks for every story, spiked ones as well, which the
// store lists apart (listRows).
func (l *Library) query() (q storage.Query, spikedToo bool) {
	q = storage.Query{Text: l.Search.Text, Limit: Limit}
	for _, s := range editor.Statuses {
		if i18n.T(s.Label()) == l.Status.Selected {
			q.Status = s
		}
	}
	if l.Tag.Selected != i18n.T(AllTags) {
		q.Tag = l.Tag.Selected
	}
	if l.Status.Selected == i18n.T(InboxStories) {
		q.IDs = []string{} // filled by listRows, off the UI goroutine (inbox.go)
	}
	return q, l.Status.Selected == i18n.T(AllWithSpiked)
}

// listRows lists the stories for q; with spikedToo, the spiked ones as
// well (a store lists them only when asked for by status), merged newest
// change first.
func (l *Library) listRows(q storage.Query, spikedToo bool) ([]storage.Summary, int, error) {
	if err := l.inboxIDs(&q); err != nil {
		return nil, 0, err
	}
	rows, total, err := l.w.Store().List(l.w.Context(), q)
	if err != nil || !spikedToo {
		return rows, total, err
	}
	q.Status = editor.StatusSpiked
	spiked, n, err := l.w.Store().List(l.w.Context(), q)
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

// RefreshInPlace reads the rows again like refresh, but keeps the order
// on screen: after an autosave the open story's row shows its new
// headline and words where it is, not at the top (an explicit save, a
// status change or a new search sorts again).
func (l *Library) RefreshInPlace() {
	l.inPlace = true
	l.Refresh(true)
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

// Reload lists the stories again at once, keeping the open story selected,
// and reads the tags off the UI goroutine: for a caller that goes on to
// select a story it has just stored.
func (l *Library) Reload() {
	if l.ReloadRows() {
		l.LoadTags()
	}
}

// ReloadRows lists the stories again and keeps the open one selected; it
// says whether there is a store to list.
func (l *Library) ReloadRows() bool {
	if l.w.Store() == nil || l.List == nil {
		return false
	}
	l.rowsGen++ // a read off the UI goroutine that began before is stale
	q, spikedToo := l.query()
	if !spikedToo {
		if rows, total, err, ok := l.w.FirstPage(q); ok {
			l.show(rows, total, err)
			return true
		}
	}
	rows, total, err := l.listRows(q, spikedToo)
	l.show(rows, total, err)
	return true
}

// Refresh reads the stories for the search and filters as they are now
// (and the tags, when tags is set) off the UI goroutine, then shows them.
// With 100,000 stories a search takes up to 60 ms: the search box would
// stall on every key if it waited. One read of the rows runs at a time;
// asked again while it runs, the library is read once more when it ends,
// with the query as it is then, so fast typing queues one search, not one
// a key.
func (l *Library) Refresh(tags bool) {
	w := l.w
	if w.Store() == nil || l.List == nil {
		return
	}
	if tags {
		l.LoadTags()
	}
	l.rowsGen++
	if l.loading {
		l.loadAgain = true
		return
	}
	l.loading = true
	gen := l.rowsGen
	q, spikedToo := l.query()
	w.Go(func() {
		rows, total, err := l.listRows(q, spikedToo)
		w.Do(func() {
			l.loading = false
			switch {
			case w.Closing():
			case l.loadAgain:
				l.loadAgain = false
				l.Refresh(false)
			case gen == l.rowsGen:
				l.show(rows, total, err)
			}
		})
	})
}

// LoadTags reads the tags off the UI goroutine, then shows them.
func (l *Library) LoadTags() {
	w := l.w
	if w.Store() == nil {
		return
	}
	l.tagsGen++
	gen := l.tagsGen
	w.Go(func() {
		tcs, err := w.Store().Tags(w.Context())
		w.Do(func() {
			if gen == l.tagsGen && !w.Closing() {
				l.showTags(tcs, err)
			}
		})
	})
}

// show lists rows (total: how many match in all), or the store's error.
func (l *Library) show(rows []storage.Summary, total int, err error) {
	if err != nil {
		l.Count.SetText(i18n.T("Cannot list: ") + field.OneLine(err))
		return
	}
	if l.inPlace {
		l.inPlace = false
		rows = keepOrder(l.Rows, rows)
	}
	l.Rows = rows
	if total > len(rows) {
		l.Count.SetText(i18n.N("%s of %s stories", total, field.Thousands(len(rows)), field.Thousands(total)))
	} else {
		l.Count.SetText(i18n.N("%s stories", total, field.Thousands(total)))
	}
	l.List.Refresh()
	l.SelectOpen()
}

// SelectOpen shows the open story as selected without opening it again.
func (l *Library) SelectOpen() {
	l.opening = true
	defer func() { l.opening = false }()
	if id := l.w.OpenID(); id != "" {
		for i, r := range l.Rows {
			if r.ID == id {
				l.List.Select(i)
				return
			}
		}
	}
	l.List.UnselectAll()
}

// showTags fills the tag filter and the suggestions with tcs.
func (l *Library) showTags(tcs []storage.TagCount, err error) {
	if err != nil {
		return
	}
	opts := []string{i18n.T(AllTags)}
	known := make([]string, 0, len(tcs))
	for _, tc := range tcs {
		opts = append(opts, tc.Tag)
		known = append(known, tc.Tag)
	}
	l.Tag.Options = opts
	l.Tag.Refresh()
	l.w.KnownTags(known)
}

// SelectRow opens the story in row i.
func (l *Library) SelectRow(i int) { l.List.Select(i) }

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

// ShowSpike names the Spike button for what it would do to the open
// story: Unspike when it is spiked; disabled when it cannot be spiked
// here (a new story is spiked by discarding it, one another desk holds
// is theirs to spike).
func (l *Library) ShowSpike(enabled, spiked bool) {
	if !enabled {
		l.Spike.SetText(i18n.T("Spike"))
		l.Spike.Disable()
		return
	}
	l.Spike.Enable()
	if spiked {
		l.Spike.SetText(i18n.T("Unspike"))
	} else {
		l.Spike.SetText(i18n.T("Spike"))
	}
}

// Ticked are the ticked stories, in the list's order.
func (l *Library) Ticked() []string {
	var ids []string
	for _, r := range l.Rows {
		if l.Selected[r.ID] {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
