package blockedit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FieldMarks marks the misspelled words of a plain widget.Entry (the
// headline, the standfirst) as the body marks its own: put it over the
// entry in a container.NewStack, call Update after every change of the
// entry's text, and ask SpanAt / SpanAtCaret for the word under a
// right-click or the caret. It takes no input: clicks go through to the
// entry.
//
// A field whose text does not fit (a single-line entry scrolled sideways,
// a multi-line one scrolled down) shows no marks: Entry does not tell its
// scroll offset, and a mark under the wrong word is worse than none.
type FieldMarks struct {
	widget.BaseWidget

	entry   *widget.Entry
	checker SpellChecker
	added   func(word string) bool // words added this session: not marked

	text   string // the text spans are for
	typeAt int    // the caret after the last edit: the word there is being typed; -1: none
	spans  []SpellSpan
	shown  []SpellSpan // the spans the boxes are for, as laid out
	boxes  []markRect
	waves  []*canvas.Raster
	gen    uint64
}

// NewFieldMarks returns the marks for en. added reports the words added
// to the desk in this session (nil: none), which are not marked while the
// desk is being written.
func NewFieldMarks(en *widget.Entry, c SpellChecker, added func(string) bool) *FieldMarks {
	m := &FieldMarks{entry: en, checker: c, added: added, typeAt: -1}
	m.ExtendBaseWidget(m)
	return m
}

// Update checks the entry's text again (off the UI goroutine) and redraws
// the marks: call it with false after an edit (the word at the caret is
// not marked until the caret moves on: it is being typed), with true when
// the text was loaded or the desk changed. Call Refresh when the caret moves.
func (m *FieldMarks) Update(force bool) {
	text := m.entry.Text
	m.typeAt = -1
	if !force {
		m.typeAt = m.entry.CursorTextOffset()
	}
	if text == m.text && !force {
		m.Refresh()
		return
	}
	m.gen++
	gen := m.gen
	if strings.TrimSpace(text) == "" {
		m.answer(gen, text, nil)
		return
	}
	if spellInline {
		m.answer(gen, text, m.checker.Misspelled(text))
		return
	}
	c := m.checker
	go func() {
		spans := c.Misspelled(text)
		fyne.Do(func() { m.answer(gen, text, spans) })
	}()
}

func (m *FieldMarks) answer(gen uint64, text string, spans []SpellSpan) {
	if gen != m.gen {
		return
	}
	m.text, m.spans = text, spans
	m.Refresh()
}

// Spans returns the words marked now.
func (m *FieldMarks) Spans() []SpellSpan {
	if m.entry.Text != m.text {
		return nil
	}
	typing := -1
	if m.typeAt >= 0 && m.entry.CursorTextOffset() == m.typeAt {
		typing = m.typeAt
	}
	var out []SpellSpan
	for _, sp := range m.spans {
		if (m.added == nil || !m.added(sp.Word)) && !(sp.Start <= typing && typing <= sp.End) {
			out = append(out, sp)
		}
	}
	return out
}

// SpanAt returns the marked word under a point of the entry.
func (m *FieldMarks) SpanAt(p fyne.Position) (SpellSpan, bool) {
	for _, q := range m.boxes {
		if p.X >= q.x0 && p.X <= q.x1 && p.Y >= q.y && p.Y <= q.y+q.h {
			return m.shown[q.span], true
		}
	}
	return SpellSpan{}, false
}

// SpanAtCaret returns the marked word the entry's caret is in or at the
// edge of, and the point of the entry under the word's start.
func (m *FieldMarks) SpanAtCaret() (SpellSpan, fyne.Position, bool) {
	off := m.entry.CursorTextOffset()
	for _, q := range m.boxes {
		if sp := m.shown[q.span]; sp.Start <= off && off <= sp.End {
			return sp, fyne.NewPos(q.x0, q.y+q.h), true
		}
	}
	return SpellSpan{}, fyne.Position{}, false
}

// layout places the boxes and waves for the entry at its current size.
func (m *FieldMarks) layout() {
	m.boxes = m.boxes[:0]
	spans := m.Spans()
	m.shown = spans
	en := m.entry
	size := en.Size()
	if len(spans) == 0 || size.Width == 0 || !m.fits() {
		m.waves = placeWaves(m.waves, nil)
		return
	}
	th := en.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	lineH := fyne.MeasureText("M", th.Size(theme.SizeNameText), en.TextStyle).Height
	m.boxes = appendWordBoxes(m.boxes, en, spans, fyne.Position{}, th.Size(theme.SizeNameInputBorder), lineH, pad, size.Width-pad)
	m.waves = placeWaves(m.waves, m.boxes)
}

// fits reports whether the entry shows all its text without scrolling.
func (m *FieldMarks) fits() bool {
	en := m.entry
	th := en.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	ts := th.Size(theme.SizeNameText)
	if !en.MultiLine || en.Wrapping == fyne.TextWrapOff {
		return fyne.MeasureText(en.Text, ts, en.TextStyle).Width <= en.Size().Width-2*pad-th.Size(theme.SizeNameInputBorder)*2
	}
	lineH := fyne.MeasureText("M", ts, en.TextStyle).Height
	return float32(visualRows(en))*lineH <= en.Size().Height-2*pad
}

// CreateRenderer is part of fyne.Widget.
func (m *FieldMarks) CreateRenderer() fyne.WidgetRenderer {
	return &fieldMarksRenderer{m: m}
}

type fieldMarksRenderer struct {
	m       *FieldMarks
	objects []fyne.CanvasObject
}

func (r *fieldMarksRenderer) Destroy() {}

func (r *fieldMarksRenderer) Layout(fyne.Size) { r.Refresh() }

func (r *fieldMarksRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *fieldMarksRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *fieldMarksRenderer) Refresh() {
	r.m.layout()
	r.objects = r.objects[:0]
	for _, w := range r.m.waves {
		r.objects = append(r.objects, w)
	}
	canvas.Refresh(r.m)
}
