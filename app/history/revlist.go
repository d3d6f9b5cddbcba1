package history

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/storage"
)

// maxWordStats bounds how many revisions get their words added and
// removed worked out (newest first): each needs a rebuild and a compare.
const maxWordStats = 500

// revRow is one row of the revision list: "#3  save  “label”" above
// "anna · +12 -8 words" above "2 h ago · 16 Oct 2019 10:05". The row is
// a widget that holds its own labels: Fyne's list keeps spare rows in a
// sync.Pool, which drops them at each collection and makes new ones, so a
// side table from row to labels kept every row ever made (the soak's
// History views grew the heap with it).
type revRow struct {
	widget.BaseWidget
	head, kind, label, who, when *widget.Label
	box                          *fyne.Container
}

func newRevRow() *revRow {
	r := &revRow{
		head:  widget.NewLabelWithStyle("#000", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		kind:  widget.NewLabel(i18n.T("checkpoint")),
		label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
		who:   widget.NewLabel(""),
		when:  widget.NewLabel(""),
	}
	r.label.Truncation = fyne.TextTruncateEllipsis
	// Not LowImportance: Fyne draws that in the "disabled" colour,
	// 1.5:1 against the background — too faint for lines that are read.
	for _, l := range []*widget.Label{r.who, r.when} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	// The labels' own padding is dropped between the lines.
	r.box = container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()),
		container.NewBorder(nil, nil, container.NewHBox(r.head, r.kind), nil, r.label), r.who, r.when)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer shows the row's lines.
func (r *revRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (v *View) newRevisionList() *widget.List {
	l := widget.NewList(
		func() int { return len(v.revs) },
		func() fyne.CanvasObject { return newRevRow() },
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			r, ok := obj.(*revRow)
			if !ok || i < 0 || i >= len(v.revs) {
				return
			}
			// Newest first: the list shows the revisions in reverse.
			rev := v.revs[len(v.revs)-1-i]
			r.head.SetText(fmt.Sprintf("#%d", rev.Seq))
			r.kind.SetText(kindText(rev.Kind))
			r.kind.Importance = widget.MediumImportance
			r.kind.TextStyle = fyne.TextStyle{}
			if announced(rev.Kind) {
				// Corrections, kills and withholds are announced to
				// subscribers: they stand out.
				r.kind.Importance = widget.DangerImportance
				r.kind.TextStyle = fyne.TextStyle{Bold: true}
			}
			r.kind.Refresh()
			r.label.SetText(reviewLine(rev))
			r.who.SetText(v.revisionWho(rev))
			r.when.SetText(v.revisionWhen(rev))
		})
	l.OnSelected = func(i widget.ListItemID) {
		if v.quietList || i < 0 || i >= len(v.revs) {
			return
		}
		v.selected = len(v.revs) - 1 - i
		// Selecting a revision shows what it changed: its parent → it;
		// the first revision, what has changed since: it → the latest.
		seq := v.revs[v.selected].Seq
		if v.selected == 0 {
			v.selectSides(seq, v.revs[len(v.revs)-1].Seq)
		} else {
			v.selectSides(v.revs[v.selected-1].Seq, seq)
		}
		v.updateButtons()
	}
	l.OnUnselected = func(widget.ListItemID) {
		if !v.quietList {
			v.selected = -1
			v.updateButtons()
		}
	}
	return l
}

// kindText names a revision's kind as the list shows it.
func kindText(k storage.Kind) string {
	switch k {
	case storage.KindCorrection:
		return i18n.T("CORRECTION")
	case storage.KindKill:
		return i18n.T("KILL")
	case storage.KindWithhold:
		return i18n.T("WITHHOLD")
	}
	return i18n.T(string(k))
}

func quoteLabel(label string) string {
	if label == "" {
		return ""
	}
	return i18n.Tf("“%s”", label)
}

// statsLine is compare.StatsLine in the window's language: "1 word added,
// 2 removed; paragraphs: 1 changed".
func statsLine(s compare.Stats) string {
	words := i18n.Tf("%s added, %d removed", i18n.N("%d words", s.WordsAdded), s.WordsRemoved)
	var paras []string
	for _, p := range []struct {
		n    int
		what string
	}{
		{s.ParagraphsChanged, i18n.Key("%d changed")}, {s.ParagraphsInserted, i18n.Key("%d new")},
		{s.ParagraphsDeleted, i18n.Key("%d deleted")}, {s.ParagraphsMoved, i18n.Key("%d moved")},
	} {
		if p.n > 0 {
			paras = append(paras, i18n.Tf(p.what, p.n))
		}
	}
	if len(paras) == 0 {
		return words + i18n.T("; no paragraph changed")
	}
	return words + i18n.T("; paragraphs: ") + strings.Join(paras, ", ")
}

// revisionWho is the second line of a row: author and words added and removed.
func (v *View) revisionWho(r storage.Revision) string {
	words := i18n.N("%d words", r.Words)
	if s, ok := v.wordStats[r.Seq]; ok {
		// An ASCII minus: U+2212 is missing from the bundled font.
		words = i18n.Tf("+%d -%d words", s.WordsAdded, s.WordsRemoved)
	}
	if r.Author == "" {
		return words
	}
	return r.Author + " · " + words
}

// revisionWhen is the third line: relative and exact time.
func (v *View) revisionWhen(r storage.Revision) string {
	return relativeTime(v.now(), r.Time) + " · " + i18n.FormatTime(r.Time.In(v.loc), "2 Jan 2006 15:04")
}

// relativeTime says how long ago t was, in the words of a desk.
func relativeTime(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < 0:
		return i18n.T("just now")
	case d < time.Minute:
		return i18n.T("just now")
	case d < time.Hour:
		return i18n.N("%d min ago", int(d/time.Minute))
	case d < 24*time.Hour:
		return i18n.N("%d h ago", int(d/time.Hour))
	case d < 48*time.Hour:
		return i18n.T("yesterday")
	case d < 60*24*time.Hour:
		return i18n.N("%d days ago", int(d/(24*time.Hour)))
	case d < 730*24*time.Hour:
		return i18n.N("%d months ago", int(d/(30*24*time.Hour)))
	}
	return i18n.N("%d years ago", int(d/(365*24*time.Hour)))
}

// setRevisions fills the list and the pickers, and picks from and to (0,
// 0: the previous revision and the latest; a single revision against the
// draft when the draft differs, else against itself).
func (v *View) setRevisions(revs []storage.Revision, from, to uint64) {
	keep, hadSelection := uint64(0), v.selected >= 0 && v.selected < len(v.revs)
	if hadSelection {
		keep = v.revs[v.selected].Seq
	}
	v.revs = revs
	v.sides = v.sides[:0]
	var opts []string
	for i := len(revs) - 1; i >= 0; i-- {
		r := revs[i]
		v.sides = append(v.sides, r.Seq)
		opts = append(opts, v.sideText(r))
	}
	draftText := i18n.T("Draft (as saved)")
	if v.draft != nil {
		draftText = i18n.T("Draft (same as the latest revision)")
		if v.draftDiffers() {
			// Autosaved, but in no revision yet: "unsaved" contradicted
			// the status bar's "Draft saved".
			draftText = i18n.Tf("Draft (changes since #%d)", revs[len(revs)-1].Seq)
		}
	}
	v.sides = append([]uint64{draftSide}, v.sides...)
	opts = append([]string{draftText}, opts...)
	v.sides, opts = v.withSentSides(v.sides, opts)
	v.fromSel.SetOptions(opts)
	v.toSel.SetOptions(opts)
	if from == 0 && to == 0 && len(revs) > 0 {
		last := revs[len(revs)-1].Seq
		from, to = last, last
		if len(revs) > 1 {
			from = revs[len(revs)-2].Seq
		} else if v.draftDiffers() {
			to = draftSide
		}
	}
	// The revision picked in the list stays picked (after a label, a
	// restore), without comparing it anew.
	v.quietList = true
	v.selected = -1
	v.list.UnselectAll()
	for i, r := range revs {
		if hadSelection && r.Seq == keep {
			v.selected = i
			v.list.Select(len(revs) - 1 - i)
		}
	}
	v.quietList = false
	v.list.Refresh()
	v.setPickers(from, to)
	v.updateButtons()
}

// sideText is a revision as the pickers offer it.
func (v *View) sideText(r storage.Revision) string {
	s := fmt.Sprintf("#%d · %s · %s", r.Seq, i18n.FormatTime(r.Time.In(v.loc), "2 Jan 15:04"), kindText(r.Kind))
	if r.Author != "" {
		s += " · " + r.Author
	}
	if r.Label != "" {
		s += " · " + quoteLabel(r.Label)
	}
	return s
}

// setPickers shows from and to in the pickers without comparing.
func (v *View) setPickers(from, to uint64) {
	v.from, v.to = from, to
	onF, onT := v.fromSel.OnChanged, v.toSel.OnChanged
	v.fromSel.OnChanged, v.toSel.OnChanged = nil, nil
	v.fromSel.SetSelectedIndex(v.sideIndex(from))
	v.toSel.SetSelectedIndex(v.sideIndex(to))
	v.fromSel.OnChanged, v.toSel.OnChanged = onF, onT
}

// selectSides picks from and to and compares them.
func (v *View) selectSides(from, to uint64) {
	if from == v.from && to == v.to && v.result != nil {
		return
	}
	v.setPickers(from, to)
	v.compareSides()
}

func (v *View) sideIndex(seq uint64) int {
	for i, s := range v.sides {
		if s == seq {
			return i
		}
	}
	return -1
}

func (v *View) sideAt(i int) (uint64, bool) {
	if i < 0 || i >= len(v.sides) {
		return 0, false
	}
	return v.sides[i], true
}

// computeWordStats works out, off the UI goroutine, the words each
// revision added and removed against its parent, newest first, and
// refreshes the list when done. Revisions never change, so the numbers
// are kept for as long as the article is shown.
func (v *View) computeWordStats() {
	id := v.id
	var todo []uint64
	for i := len(v.revs) - 1; i >= 0 && len(todo) < maxWordStats; i-- {
		if _, ok := v.wordStats[v.revs[i].Seq]; !ok {
			todo = append(todo, v.revs[i].Seq)
		}
	}
	if len(todo) == 0 {
		return
	}
	v.goBackground(func() {
		got := make(map[uint64]compare.Stats, len(todo))
		cache := map[uint64]*editor.Article{}
		load := func(seq uint64) (*editor.Article, error) {
			if a, ok := cache[seq]; ok {
				return a, nil
			}
			a, _, err := v.store.Revision(v.ctx, id, seq)
			cache[seq] = a
			return a, err
		}
		for _, seq := range todo {
			b, err := load(seq)
			if err != nil {
				break
			}
			var a *editor.Article
			if seq > 1 {
				if a, err = load(seq - 1); err != nil {
					break
				}
			}
			got[seq] = compare.Compare(a, b, compare.Options{}).Stats
			delete(cache, seq) // newest first: seq is not needed again
		}
		v.do(func() {
			if v.wordStatsID != id {
				return
			}
			for seq, s := range got {
				v.wordStats[seq] = s
			}
			v.list.Refresh()
		})
	})
}
