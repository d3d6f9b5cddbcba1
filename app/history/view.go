// Package history is the History tab of the main window: an article's
// revisions, the comparison of any two of them (or of a revision and the
// unsaved draft) inline or side by side, with the metadata changes as a
// table on top and the changed numbers and quotes listed apart; a
// read-only preview of a revision, Restore (which makes a new revision, so
// nothing is ever lost), labels after the fact and the printable redline.
//
// Threading: store reads, comparisons and writes run on goroutines of
// their own; their results reach the widgets through fyne.Do. A
// generation counter drops results that a newer request has overtaken.
package history

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/storage"
	"copydesk/storage/notes"
	"copydesk/storage/record"
)

// Options are what the window gives the view.
type Options struct {
	// Author is the person's name, for the revisions the view makes.
	Author func() string
	// Style is the dateline house style.
	Style func() editor.Style
	// OnRestored is called on the UI goroutine once a restore has made a
	// the current copy as revision rev: the window loads a into the editor.
	OnRestored func(a *editor.Article, rev storage.Revision)
}

// View is the History tab. Make it with New; tell it the open article
// with Load.
type View struct {
	widget.BaseWidget

	win   fyne.Window
	store storage.Store
	opt   Options
	ctx   context.Context

	// now and loc are the clock and the time zone times are shown in;
	// tests pin them.
	now func() time.Time
	loc *time.Location

	id      string
	draftFn func() *editor.Article
	draft   *editor.Article // the window's copy when Load was called
	revs    []storage.Revision
	// latestSeq and latestCopy: the newest revision's number and its
	// copyHash, to tell a draft that was only restamped from a changed one.
	latestSeq  uint64
	latestCopy string
	// sides lists what the From and To pickers offer: revision numbers,
	// and draftSide for the working draft.
	sides []uint64
	// sent is the newest transmission to each target (sent.go): the
	// pickers offer each as a side, numbered from the top of uint64. The
	// comparisons read it off the UI goroutine, hence the atomic.
	sent     atomic.Pointer[[]record.Sent]
	from, to uint64
	selected int // index in revs of the list's selection; -1 for none
	// quietList is set while the view itself changes the list's
	// selection: the list's callbacks then do nothing.
	quietList bool
	// readOnly is set while another desk holds the story: a restore would
	// write under their feet, so it is not offered.
	readOnly bool

	wordStats   map[uint64]compare.Stats // per revision, against its parent
	wordStatsID string

	result *compare.Result
	meta   compare.ReportMeta
	gen    uint64         // bumped by every request whose answer may be overtaken
	bg     sync.WaitGroup // background work in flight (tests wait for it)
	uiMu   sync.Mutex     // see do

	list                             *widget.List
	fromSel, toSel                   *widget.Select
	mode                             *widget.RadioGroup
	stats                            *widget.Label
	prevBtn, nextBtn, saveBtn        *widget.Button
	previewBtn, restoreBtn, labelBtn *widget.Button
	fieldsBox, checksBox, textBox    *fyne.Container
	scroll                           *container.Scroll
	body                             fyne.CanvasObject
	placeholder                      *widget.Label

	text diffText // the rows of the comparison shown now

	// The review decisions and comment events (notes.go).
	decisionsBtn *widget.Button
	decisions    *widget.Label // the last Decisions dialog's text (tests read it)
	events       []commentEvent
	eventsBox    *fyne.Container
	eventsItem   *widget.AccordionItem
	eventsAcc    *widget.Accordion
}

// draftSide stands for the working draft among the sides of a comparison.
const draftSide = 0

// New makes the History view for win on store s.
func New(win fyne.Window, s storage.Store, opt Options) *View {
	v := &View{win: win, store: s, opt: opt, ctx: context.Background(), now: time.Now, loc: time.Local, selected: -1,
		wordStats: map[uint64]compare.Stats{}}
	v.ExtendBaseWidget(v)
	v.build()
	v.addShortcuts()
	return v
}

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.body, container.NewCenter(v.placeholder)))
}

func (v *View) build() {
	v.list = v.newRevisionList()
	v.fromSel = widget.NewSelect(nil, func(string) { v.picked() })
	v.fromSel.PlaceHolder = i18n.T("(pick a revision)")
	v.toSel = widget.NewSelect(nil, func(string) { v.picked() })
	v.toSel.PlaceHolder = i18n.T("(pick a revision)")
	v.mode = widget.NewRadioGroup([]string{i18n.T(modeInline), i18n.T(modeSideBySide)}, func(string) { v.showResult() })
	v.mode.Horizontal = true
	v.mode.Required = true
	v.mode.Selected = i18n.T(modeInline)
	v.prevBtn = widget.NewButtonWithIcon(i18n.T("Previous change"), theme.MoveUpIcon(), v.prevChange)
	v.nextBtn = widget.NewButtonWithIcon(i18n.T("Next change"), theme.MoveDownIcon(), v.nextChange)
	v.saveBtn = widget.NewButton(i18n.T("Save redline…"), v.saveRedline)
	v.previewBtn = widget.NewButton(i18n.T("Preview"), v.previewSelected)
	v.restoreBtn = widget.NewButton(i18n.T("Restore…"), v.restoreSelected)
	v.labelBtn = widget.NewButton(i18n.T("Label…"), v.labelSelected)
	v.decisionsBtn = widget.NewButton(i18n.T("Decisions…"), v.decisionsSelected)
	v.stats = widget.NewLabel("")
	v.stats.Wrapping = fyne.TextWrapWord

	v.fieldsBox = container.NewVBox()
	v.checksBox = container.NewVBox()
	v.textBox = container.NewVBox()
	// Scrolled both ways: a vertical scroll is as wide as its content, and
	// the window grew to hold whatever did not wrap (issue 13).
	v.scroll = container.NewScroll(container.NewVBox(v.fieldsBox, v.checksBox, v.textBox))

	pickers := container.New(layout.NewFormLayout(),
		widget.NewLabel(i18n.T("From")), v.fromSel,
		widget.NewLabel(i18n.T("To")), v.toSel)
	// Two rows, which fit the pane on a 1280-px screen; narrower, they
	// scroll sideways rather than widen the window.
	tools := container.NewHScroll(container.NewVBox(
		container.NewHBox(v.mode, layout.NewSpacer(), v.saveBtn),
		container.NewHBox(v.prevBtn, v.nextBtn)))
	top := container.NewVBox(pickers, tools, v.stats, widget.NewSeparator())
	right := container.NewBorder(top, nil, nil, nil, v.scroll)

	actions := container.NewGridWithColumns(2, v.previewBtn, v.restoreBtn, v.labelBtn, v.decisionsBtn)
	v.eventsAcc = v.newCommentsSection()
	left := container.NewBorder(widget.NewLabelWithStyle(i18n.T("Revisions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(actions, v.eventsAcc), nil, nil, v.list)
	split := container.NewHSplit(left, right)
	split.Offset = 0.32
	v.body = split
	v.placeholder = widget.NewLabel(i18n.T("No story open: choose one in the library to see its history."))
	v.placeholder.Wrapping = fyne.TextWrapWord
	v.placeholder.Alignment = fyne.TextAlignCenter
	v.setOpen(false)
}

// setOpen shows the view's body when a story is open, else the placeholder.
func (v *View) setOpen(open bool) {
	if open {
		v.body.Show()
		v.placeholder.Hide()
	} else {
		v.body.Hide()
		v.placeholder.Show()
	}
	v.updateButtons()
}

// Keys for the next and previous change: Alt+↓ and Alt+↑.
var (
	nextChangeKey = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	prevChangeKey = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
)

// addShortcuts binds the change keys on the window's canvas. They act
// only while the view is on screen (its tab is selected).
func (v *View) addShortcuts() {
	if v.win == nil {
		return
	}
	c := v.win.Canvas()
	c.AddShortcut(nextChangeKey, v.shortcut)
	c.AddShortcut(prevChangeKey, v.shortcut)
}

// shortcut handles the change keys.
func (v *View) shortcut(s fyne.Shortcut) {
	if !v.Visible() {
		return
	}
	switch s.ShortcutName() {
	case nextChangeKey.ShortcutName():
		v.nextChange()
	case prevChangeKey.ShortcutName():
		v.prevChange()
	}
}

// Load shows the history of article id; draft returns the copy as edited
// in the window now (it is called here, on the UI goroutine). An empty id
// clears the view.
func (v *View) Load(id string, draft func() *editor.Article) {
	v.gen++
	same := id != "" && id == v.id && v.result != nil
	v.id, v.draftFn, v.draft = id, draft, nil
	if id == "" {
		v.revs, v.sides, v.result = nil, nil, nil
		v.selected = -1
		v.showResult()
		v.setOpen(false)
		return
	}
	if !same {
		v.selected = -1
		v.latestSeq, v.latestCopy = 0, ""
	}
	v.refreshDraft()
	if v.wordStatsID != id {
		v.wordStats, v.wordStatsID = map[uint64]compare.Stats{}, id
	}
	v.setOpen(true)
	v.stats.SetText(i18n.T("Reading the history…"))
	if same {
		// Back on the tab with the same story: keep the pair picked.
		v.reload(v.from, v.to)
		return
	}
	v.reload(0, 0)
}

// refreshDraft takes a fresh copy of the window's draft (on the UI
// goroutine, as Load's contract asks).
func (v *View) refreshDraft() {
	if v.draftFn == nil {
		return
	}
	if a := v.draftFn(); a != nil && a.ID == v.id {
		v.draft = a.Clone()
	}
}

// reload reads the revision list in the background, then compares from
// and to (0, 0: the default pair, the previous revision and the latest).
func (v *View) reload(from, to uint64) {
	v.gen++
	gen, id := v.gen, v.id
	v.goBackground(func() {
		revs, err := v.store.Revisions(v.ctx, id)
		// Comments are read alongside; a store that cannot list its
		// records has none to show, which is no reason to hide History.
		cs, _ := notes.Comments(v.ctx, v.store, id)
		// Likewise the targets it went to: without them, no "last sent" side.
		sent, _ := record.SentTargets(v.ctx, v.store, id)
		var latestSeq uint64
		var latestCopy string
		if err == nil && len(revs) > 0 {
			var latest *editor.Article
			latestSeq = revs[len(revs)-1].Seq
			if latest, _, err = v.store.Revision(v.ctx, id, latestSeq); err == nil {
				latestCopy = copyHash(latest)
			}
		}
		v.do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.stats.SetText(i18n.T("Cannot read the history: ") + err.Error())
				return
			}
			v.latestSeq, v.latestCopy = latestSeq, latestCopy
			v.setComments(cs)
			v.sent.Store(&sent)
			v.setRevisions(revs, from, to)
			v.compareSides()
			v.computeWordStats()
		})
	})
}

// do runs f on the UI goroutine (fyne.Do). The mutex matters only where
// fyne.Do runs f at once on the calling goroutine, as the test driver
// does: there it keeps two background results from updating widgets at
// the same time. On the real driver every f runs on the one UI goroutine
// and the lock is never contended.
func (v *View) do(f func()) {
	fyne.Do(func() {
		v.uiMu.Lock()
		defer v.uiMu.Unlock()
		f()
	})
}

// Wait waits for the reads and comparisons running in the background
// (tests of the window wait for them before looking).
func (v *View) Wait() { v.bg.Wait() }

// goBackground runs f on a goroutine of its own, counted in v.bg.
func (v *View) goBackground(f func()) {
	v.bg.Add(1)
	go func() {
		defer v.bg.Done()
		f()
	}()
}

// picked is the From or To picker's change.
func (v *View) picked() {
	from, okF := v.sideAt(v.fromSel.SelectedIndex())
	to, okT := v.sideAt(v.toSel.SelectedIndex())
	if !okF || !okT || (from == v.from && to == v.to && v.result != nil) {
		return
	}
	v.from, v.to = from, to
	v.compareSides()
}

// compareSides compares the picked sides off the UI goroutine.
func (v *View) compareSides() {
	v.gen++
	gen, id, from, to := v.gen, v.id, v.from, v.to
	if from == draftSide || to == draftSide {
		v.refreshDraft()
	}
	draft := v.draft
	style := editor.StyleTASS
	if v.opt.Style != nil {
		style = v.opt.Style()
	}
	info := func(seq uint64) compare.RevisionInfo { return v.sideInfo(seq) }
	metaFrom, metaTo := info(from), info(to)
	v.stats.SetText(i18n.T("Comparing…"))
	v.goBackground(func() {
		a, errA := v.article(id, from, draft)
		b, errB := v.article(id, to, draft)
		var r *compare.Result
		if errA == nil && errB == nil {
			r = compare.Compare(a, b, compare.Options{DatelineStyle: style})
		}
		v.do(func() {
			if gen != v.gen {
				return
			}
			if err := firstErr(errA, errB); err != nil {
				v.result = nil
				v.stats.SetText(i18n.T("Cannot compare: ") + err.Error())
				v.showResult()
				return
			}
			v.result = r
			v.meta = compare.ReportMeta{ArticleID: id, From: metaFrom, To: metaTo, Generated: v.now()}
			v.showResult()
		})
	})
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// article loads one side: a stored revision, or the draft.
func (v *View) article(id string, seq uint64, draft *editor.Article) (*editor.Article, error) {
	if target, ok := v.sentTarget(seq); ok {
		a, _, err := record.SentCopy(v.ctx, v.store, id, target)
		return a, err
	}
	if seq == draftSide {
		if draft != nil {
			return draft, nil
		}
		d, err := v.store.Draft(v.ctx, id)
		if err != nil {
			return nil, err
		}
		return d.Article, nil
	}
	a, _, err := v.store.Revision(v.ctx, id, seq)
	return a, err
}

// revision returns the listed revision seq.
func (v *View) revision(seq uint64) (storage.Revision, bool) {
	for _, r := range v.revs {
		if r.Seq == seq {
			return r, true
		}
	}
	return storage.Revision{}, false
}

// sideInfo says what the reports print about one side.
func (v *View) sideInfo(seq uint64) compare.RevisionInfo {
	if seq == draftSide {
		return compare.RevisionInfo{Label: "draft", Time: v.now().In(v.loc)}
	}
	if s, ok := v.sentSide(seq); ok {
		return compare.RevisionInfo{Seq: int(s.Seq), Label: fmt.Sprintf("last sent to %s", s.Target), Time: s.Time.In(v.loc), Author: s.Author}
	}
	r, _ := v.revision(seq)
	return compare.RevisionInfo{Seq: int(r.Seq), Label: r.Label, Time: r.Time.In(v.loc), Author: r.Author}
}

func (v *View) updateButtons() {
	open := v.id != "" && len(v.revs) > 0
	haveRev := open && v.selected >= 0 && v.selected < len(v.revs)
	setEnabled(v.previewBtn, haveRev)
	setEnabled(v.labelBtn, haveRev)
	setEnabled(v.decisionsBtn, haveRev && isReview(v.revs[v.selected]))
	setEnabled(v.restoreBtn, !v.readOnly && (haveRev && v.selected < len(v.revs)-1 || haveRev && v.draftDiffers()))
	haveResult := open && v.result != nil
	setEnabled(v.saveBtn, haveResult)
	setEnabled(v.nextBtn, haveResult && len(v.text.changes) > 0)
	setEnabled(v.prevBtn, haveResult && len(v.text.changes) > 0)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// draftDiffers reports whether the window's copy differs from the latest
// revision: then it is unsaved work that a restore must keep.
func (v *View) draftDiffers() bool {
	if v.draft == nil || len(v.revs) == 0 {
		return false
	}
	last := v.revs[len(v.revs)-1]
	if v.draft.ContentHash() == last.ContentHash {
		return false
	}
	// The window stamps its copy's modified time whenever it has been
	// edited since the revision, also when the edits were undone: a copy
	// that differs only in that time holds no changes (keeping it made an
	// empty checkpoint).
	return last.Seq != v.latestSeq || copyHash(v.draft) != v.latestCopy
}

// copyHash is the content hash of a without its modified time.
func copyHash(a *editor.Article) string {
	c := a.Clone()
	c.Modified = time.Time{}
	return c.ContentHash()
}
