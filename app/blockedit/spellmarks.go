package blockedit

import (
	"image/color"
	"strings"
	"sync"

	"copydesk/app/i18n"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Misspellings marked in the text, as word processors do: a red wavy
// underline under each word the speller does not know, with its
// suggestions and "Add to desk dictionary" on a right-click on the word or
// on Ctrl+. with the caret in it.
//
// Only the blocks that have rows (those near the viewport) are checked,
// and each block's text once: the answers are kept by text, so a 10,000-
// word story opens without being checked, scrolling checks each screen
// once, and typing checks the one block typed in. Checking runs on one
// worker goroutine of the editor's own; its answers come back through
// fyne.Do. The marks are placed with the entry's own wrapping (caretPos,
// as the find highlight is), so they sit under the words at any width.

// SpellChecker answers the editor's questions about spelling. Misspelled
// is called on a goroutine of the editor's own, the others on the UI
// goroutine.
type SpellChecker interface {
	// Misspelled returns the words of one block's text to mark, as rune
	// offsets into it.
	Misspelled(text string) []SpellSpan
	// Suggest returns the replacements to offer for a word, best first.
	Suggest(word string) []string
	// AddWord keeps word in the desk dictionary. The editor stops marking
	// it at once; the owner calls SpellingChanged when the desk has it.
	AddWord(word string)
}

// SpellSpan is one misspelled word: rune offsets into the block's text.
type SpellSpan struct {
	Start, End int
	Word       string
}

// maxSpellCache bounds the texts whose answers are kept: typing makes a
// new text per keystroke, and a session must not grow without end.
const maxSpellCache = 4000

// spellState is the editor's part of the marking. The UI goroutine owns
// all of it but queue, which the worker shares under mu.
type spellState struct {
	checker SpellChecker
	cache   map[string][]SpellSpan
	asked   map[string]bool // sent to the worker, no answer yet
	added   map[string]bool // words added to the desk this session, folded
	gen     uint64          // bumped by SpellingChanged: older answers are dropped
	typing  uint64          // the block just typed in: its word at the caret is not marked yet
	menu    *fyne.Menu      // the context menu shown last

	mu      sync.Mutex
	queue   []spellJob
	working bool
}

// spellJob is a text for the worker, with the checker and generation it
// was asked under: an answer from before SpellingChanged is dropped.
type spellJob struct {
	text    string
	checker SpellChecker
	gen     uint64
}

// SetSpellChecker turns the marks on (nil turns them off).
func (e *Editor) SetSpellChecker(c SpellChecker) {
	e.spell.checker = c
	e.SpellingChanged()
}

// SpellingChanged forgets every answer and checks the shown blocks again:
// after the desk dictionary or the story's language changed.
func (e *Editor) SpellingChanged() {
	e.spell.gen++
	e.spell.cache = nil
	e.spell.asked = nil
	e.view.eachRow(func(r *blockRow) {
		if r.id != 0 {
			r.refreshMarks()
		}
	})
}

// SpellMarks returns the misspelled words marked in block i as shown now
// (none for a block without a row or not checked yet).
func (e *Editor) SpellMarks(i int) []SpellSpan {
	if i < 0 || i >= len(e.blocks) {
		return nil
	}
	r := e.view.rows[e.blocks[i].id]
	if r == nil {
		return nil
	}
	return r.spans
}

// spansFor returns the marks for a row's text, asking the worker when the
// text has not been checked. ok is false while the answer is awaited.
func (e *Editor) spansFor(text string) (spans []SpellSpan, ok bool) {
	s := &e.spell
	if s.checker == nil || strings.TrimSpace(text) == "" {
		return nil, true
	}
	if spans, ok := s.cache[text]; ok {
		return spans, true
	}
	if spellInline {
		spans := s.checker.Misspelled(text)
		e.keepSpans(text, spans)
		return spans, true
	}
	if !s.asked[text] {
		if s.asked == nil {
			s.asked = map[string]bool{}
		}
		s.asked[text] = true
		e.askSpelling(text)
	}
	return nil, false
}

// askSpelling hands text to the worker, starting it if it is idle.
func (e *Editor) askSpelling(text string) {
	s := &e.spell
	s.mu.Lock()
	s.queue = append(s.queue, spellJob{text: text, checker: s.checker, gen: s.gen})
	start := !s.working
	s.working = true
	s.mu.Unlock()
	if start {
		go e.spellWorker()
	}
}

// spellWorker checks the queued texts one by one and hands each answer
// to the UI goroutine.
func (e *Editor) spellWorker() {
	s := &e.spell
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			s.working = false
			s.mu.Unlock()
			return
		}
		job := s.queue[0]
		s.queue = s.queue[1:]
		s.mu.Unlock()
		spans := job.checker.Misspelled(job.text)
		fyne.Do(func() { e.spellAnswer(job.gen, job.text, spans) })
	}
}

// spellAnswer keeps an answer and redraws the rows showing that text.
func (e *Editor) spellAnswer(gen uint64, text string, spans []SpellSpan) {
	s := &e.spell
	if gen != s.gen {
		return // from before SpellingChanged, which asked again
	}
	e.keepSpans(text, spans)
	delete(s.asked, text)
	for _, r := range e.view.rows {
		if r.entry.Text == text && !sameSpans(r.spans, r.visibleSpans()) {
			r.refreshMarks()
		}
	}
}

func sameSpans(a, b []SpellSpan) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// spellTyped is called after an edit typed in row r, spellInput on every
// input: the word being typed is marked only once the writer moves on.
//
// Each costs a row refresh only when the marks can have changed: typing
// in a block without marks waits for the check's answer, and the row
// typed in is redrawn for the caret moving on only after the event, if
// no edit followed (one keystroke: one input, then one edit).
func (e *Editor) spellTyped(r *blockRow) {
	if e.spell.checker == nil {
		return
	}
	e.spell.typing = r.id
	if _, known := e.spansFor(r.entry.Text); known || len(r.spans) > 0 {
		r.refreshMarks()
	}
}

func (e *Editor) spellInput() {
	id := e.spell.typing
	if id == 0 {
		return
	}
	e.spell.typing = 0
	fyne.Do(func() {
		if e.spell.typing != 0 {
			return // an edit followed: it has redrawn the row
		}
		if r := e.view.rows[id]; r != nil && len(r.spans) != len(r.visibleSpans()) {
			r.refreshMarks()
		}
	})
}

// visibleSpans is what row r marks: the checked words, less those added
// to the desk and the word being typed. While a new text of the row is
// being checked, the row keeps the marks of its last text whose words
// are still where they were (or moved by the length change).
func (r *blockRow) visibleSpans() []SpellSpan {
	e := r.ed
	text := r.entry.Text
	spans, ok := e.spansFor(text)
	if !ok {
		spans = carrySpans(r.spans, r.spansLen, text)
	}
	caret := -1
	if e.spell.typing == r.id {
		caret = r.entry.offset()
	}
	out := make([]SpellSpan, 0, len(spans))
	for _, sp := range spans {
		if e.spell.added[strings.ToLower(sp.Word)] || (sp.Start <= caret && caret <= sp.End) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// carrySpans keeps the old marks whose words are still at their offsets,
// or at their offsets moved by the change in length (an edit before them).
func carrySpans(old []SpellSpan, oldLen int, text string) []SpellSpan {
	t := []rune(text)
	d := len(t) - oldLen
	var out []SpellSpan
	for _, sp := range old {
		for _, shift := range []int{0, d} {
			s, e := sp.Start+shift, sp.End+shift
			if s >= 0 && e <= len(t) && string(t[s:e]) == sp.Word {
				out = append(out, SpellSpan{Start: s, End: e, Word: sp.Word})
				break
			}
		}
	}
	return out
}

// layoutMarks places a wavy underline under each marked word, one per
// visual line the word covers.
func (r *blockRow) layoutMarks(entryPos fyne.Position) {
	r.spans, r.spansLen = nil, 0
	r.markRects = r.markRects[:0]
	if r.ed.spell.checker == nil || r.id == 0 || r.entry.Size().Width == 0 {
		r.marks = r.marks[:0]
		return
	}
	r.spans = r.visibleSpans()
	r.spansLen = len([]rune(r.entry.Text))
	m := r.ed.view.m
	en := &r.entry.Entry
	border := r.entry.Theme().Size(theme.SizeNameInputBorder)
	lineH := m.lineH[r.kind]
	right := r.entry.Size().Width - m.innerPad
	r.markRects = appendWordBoxes(r.markRects, en, r.spans, entryPos, border, lineH, m.innerPad, right)
	r.marks = placeWaves(r.marks, r.markRects)
}

// appendWordBoxes adds the boxes of the words spans on the entry's visual
// lines, in the coordinates of the entry's parent (the entry is at
// entryPos): one box per line a word covers.
func appendWordBoxes(out []markRect, en *widget.Entry, spans []SpellSpan, entryPos fyne.Position, border, lineH, left, right float32) []markRect {
	for i, sp := range spans {
		p1 := caretPos(en, sp.Start, border)
		p2 := caretPos(en, sp.End, border)
		for y := p1.Y; y <= p2.Y+0.5; y += lineH {
			x0, x1 := left, right
			if y == p1.Y {
				x0 = p1.X
			}
			if y+lineH > p2.Y+0.5 {
				x1 = p2.X
			}
			if x1 > x0 {
				out = append(out, markRect{span: i, x0: entryPos.X + x0, x1: entryPos.X + x1, y: entryPos.Y + y, h: lineH})
			}
		}
	}
	return out
}

// placeWaves puts a wavy line at the bottom of each box, making or
// dropping lines to match.
func placeWaves(waves []*canvas.Raster, boxes []markRect) []*canvas.Raster {
	for len(waves) < len(boxes) {
		waves = append(waves, newWave())
	}
	waves = waves[:len(boxes)]
	for j, q := range boxes {
		waves[j].Move(fyne.NewPos(q.x0, q.y+q.h-waveH))
		waves[j].Resize(fyne.NewSize(q.x1-q.x0, waveH))
	}
	return waves
}

// markRect is where a mark is, in row coordinates: the word's box on one
// visual line.
type markRect struct {
	span         int
	x0, x1, y, h float32
}

// waveH is the height of the wavy underline: it sits in the bottom of
// the word's line, below the baseline.
const waveH = 3

// newWave makes a red wavy line: a raster, so that it is one object per
// word however long the word, and drawn at the screen's pixel scale.
func newWave() *canvas.Raster {
	var red color.Color = color.NRGBA{R: 0xd0, G: 0x20, B: 0x20, A: 0xff}
	if app := fyne.CurrentApp(); app != nil {
		red = theme.Current().Color(theme.ColorNameError, app.Settings().ThemeVariant())
	}
	// Both colours NRGBA: Fyne picks the raster's image type from its first
	// pixel's colour, and color.Transparent would make it an alpha-only
	// image, drawn white.
	wave := color.NRGBAModel.Convert(red)
	none := color.NRGBA{}
	r := canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		s := max(1, h/waveH)
		if y/s == [4]int{2, 1, 0, 1}[(x/s)%4] {
			return wave
		}
		return none
	})
	r.ScaleMode = canvas.ImageScalePixels
	return r
}

// spanAt returns the mark under a point of the row (row coordinates).
func (r *blockRow) spanAt(p fyne.Position) (SpellSpan, bool) {
	for _, q := range r.markRects {
		if p.X >= q.x0 && p.X <= q.x1 && p.Y >= q.y && p.Y <= q.y+q.h && q.span < len(r.spans) {
			return r.spans[q.span], true
		}
	}
	return SpellSpan{}, false
}

// spanAtCaret returns the mark the caret is in or at the edge of.
func (r *blockRow) spanAtCaret() (SpellSpan, bool) {
	off := r.entry.offset()
	for _, sp := range r.spans {
		if sp.Start <= off && off <= sp.End {
			return sp, true
		}
	}
	return SpellSpan{}, false
}

// spellItems are the context-menu items for a marked word of block i:
// its suggestions (each replaces the word), then "Add to desk dictionary".
func (e *Editor) spellItems(i int, sp SpellSpan) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	if !e.readOnly {
		for _, s := range e.spell.checker.Suggest(sp.Word) {
			m := Match{Block: i, Start: sp.Start, End: sp.End, Text: sp.Word}
			items = append(items, fyne.NewMenuItem(s, func() { e.Replace(m, s) }))
		}
		if len(items) == 0 {
			none := fyne.NewMenuItem(i18n.T("No suggestions"), nil)
			none.Disabled = true
			items = append(items, none)
		}
	}
	items = append(items, fyne.NewMenuItem(i18n.Tf("Add “%s” to desk dictionary", sp.Word), func() { e.addSpellWord(sp.Word) }))
	return items
}

// SpellAdded reports whether word was added to the desk dictionary from
// the editor in this session (the window's other fields leave it unmarked).
func (e *Editor) SpellAdded(word string) bool { return e.spell.added[strings.ToLower(word)] }

// AddSpellWord stops marking word in the body at once and hands it to the
// checker to keep (the window's other fields offer it too).
func (e *Editor) AddSpellWord(word string) { e.addSpellWord(word) }

// addSpellWord stops marking word everywhere at once and hands it to the
// checker to keep.
func (e *Editor) addSpellWord(word string) {
	if e.spell.added == nil {
		e.spell.added = map[string]bool{}
	}
	e.spell.added[strings.ToLower(word)] = true
	e.view.eachRow(func(r *blockRow) {
		if r.id != 0 {
			r.refreshMarks()
		}
	})
	e.spell.checker.AddWord(word)
}

// SpellMenuAtCaret shows the suggestions for the marked word at the caret
// (Ctrl+.) under the word. It reports whether there was one.
func (e *Editor) SpellMenuAtCaret() bool {
	if e.spell.checker == nil {
		return false
	}
	i := e.indexOf(e.focusID)
	r := e.view.rows[e.focusID]
	c := e.canvas()
	if i < 0 || r == nil || c == nil || c.Focused() != fyne.Focusable(r.entry) {
		return false
	}
	sp, ok := r.spanAtCaret()
	if !ok {
		return false
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r)
	for _, q := range r.markRects {
		if r.spans[q.span] == sp {
			pos = pos.AddXY(q.x0, q.y+q.h)
			break
		}
	}
	e.showMenu(e.spellItems(i, sp), c, pos)
	return true
}

// showMenu pops a menu up, and keeps it for tests: Fyne's pop-up menu
// does not give its items back.
func (e *Editor) showMenu(items []*fyne.MenuItem, c fyne.Canvas, pos fyne.Position) {
	e.spell.menu = fyne.NewMenu("", items...)
	widget.ShowPopUpMenuAtPosition(e.spell.menu, c, pos)
}

// layoutMarksChanged lays the marks out again and reports whether their
// number changed from n (the row's objects must then be listed again).
func (r *blockRow) layoutMarksChanged(pos fyne.Position, n int) bool {
	r.layoutMarks(pos)
	return len(r.marks) != n
}

// spellMenuItems are the spelling items that head the context menu of a
// right-click on a marked word, with a separator after them; none
// elsewhere.
func (e *Editor) spellMenuItems(en *blockEntry, ev *fyne.PointEvent) []*fyne.MenuItem {
	r := en.row
	i := e.indexOf(r.id)
	if e.spell.checker == nil || i < 0 {
		return nil
	}
	pos, _ := r.entryFrame(r.Size())
	sp, ok := r.spanAt(pos.Add(ev.Position))
	if !ok {
		return nil
	}
	return append(e.spellItems(i, sp), fyne.NewMenuItemSeparator())
}

func (e *Editor) keepSpans(text string, spans []SpellSpan) {
	s := &e.spell
	if s.cache == nil || len(s.cache) >= maxSpellCache {
		s.cache = map[string][]SpellSpan{}
	}
	s.cache[text] = spans
}

// refreshMarks lays the row's marks out again and redraws only them: a
// refresh of the whole row would make Fyne draw its text again (it frees
// the textures of everything under a refreshed object), which on a
// software renderer costs more than the keystroke.
func (r *blockRow) refreshMarks() {
	rr := r.renderer
	if rr == nil {
		return // the renderer lays them out when it is made
	}
	pos, _ := r.entryFrame(r.Size())
	old := len(r.marks)
	gone := append([]*canvas.Raster(nil), r.marks...)
	r.layoutMarks(pos)
	if len(r.marks) != old {
		rr.build()
	}
	for _, w := range r.marks {
		canvas.Refresh(w)
	}
	for _, w := range gone[min(len(r.marks), len(gone)):] {
		canvas.Refresh(w) // dropped: a new frame draws the row without it
	}
}
