package history

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/compare"
)

// The two ways to show the text.
const (
	modeInline     = "Inline"       // shown through i18n.T
	modeSideBySide = "Side by side" // shown through i18n.T
)

// context is how many unchanged paragraphs stay in view on each side of
// a change; longer unchanged runs fold into one "show" button.
const foldContext = 1

// diffText is the comparison's text as shown: a row per body entry (those
// in folded runs are made when unfolded), and the changes in reading order
// for next / previous.
type diffText struct {
	rows    map[int]*diffRow
	changes []int // entry indexes that are not Equal
	current int   // index in changes of the change in focus; -1 for none
}

type diffRow struct {
	obj  fyne.CanvasObject
	mark *canvas.Rectangle
}

// showResult renders v.result in the chosen mode.
func (v *View) showResult() {
	v.fieldsBox.RemoveAll()
	v.checksBox.RemoveAll()
	v.textBox.RemoveAll()
	v.text = diffText{rows: map[int]*diffRow{}, current: -1}
	r := v.result
	if r == nil {
		v.updateButtons()
		return
	}
	line := statsLine(r.Stats)
	if r.Identical() {
		line = i18n.T("No difference: the two sides are the same.")
	}
	if r.Coarse {
		line += i18n.T(" — the texts differ so much that parts are compared paragraph by paragraph.")
	}
	v.stats.SetText(line)
	v.showFields(r)
	v.showChecks(r)
	v.showText(r)
	v.updateButtons()
	v.scroll.ScrollToTop()
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// clipped ends l with an ellipsis where it does not fit: a revision's
// label can be a whole import path, and an untruncated label is as wide
// as its text, which widened the window.
func clipped(l *widget.Label) *widget.Label {
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// showFields is the metadata table: field, before, after.
func (v *View) showFields(r *compare.Result) {
	v.fieldsBox.Add(heading(i18n.T("Metadata")))
	if len(r.Fields) == 0 {
		v.fieldsBox.Add(widget.NewLabel(i18n.T("No metadata changed.")))
		return
	}
	table := container.New(layout.NewFormLayout(),
		heading(i18n.T("Field")), container.NewGridWithColumns(2, heading(i18n.T("Before")), heading(i18n.T("After"))))
	for _, f := range r.Fields {
		label := fieldLabel(f)
		if f.Internal {
			label += i18n.T(" (internal)")
		}
		var old, new []widget.RichTextSegment
		switch {
		case len(f.Chunks) > 0:
			old = chunkSegments(f.Chunks, compare.OpDelete, plainStyle(editor.Paragraph))
			new = chunkSegments(f.Chunks, compare.OpInsert, plainStyle(editor.Paragraph))
		case len(f.Added)+len(f.Removed) > 0:
			old = listSegments(i18n.T("removed: "), f.Removed, compare.OpDelete)
			new = listSegments(i18n.T("added: "), f.Added, compare.OpInsert)
		default:
			old = valueSegments(f.Old, compare.OpDelete)
			new = valueSegments(f.New, compare.OpInsert)
		}
		table.Add(widget.NewLabel(label))
		table.Add(container.NewGridWithColumns(2, richText(old), richText(new)))
	}
	v.fieldsBox.Add(table)
}

// showChecks lists the changed numbers and quotes; each jumps to its paragraph.
func (v *View) showChecks(r *compare.Result) {
	v.checksBox.Add(heading(i18n.T("Numbers and quotes")))
	checks := r.Checks()
	if len(checks) == 0 {
		v.checksBox.Add(widget.NewLabel(i18n.T("No numbers or quoted passages changed.")))
		return
	}
	for _, c := range checks {
		where := i18n.T("Headline")
		if c.Field == "standfirst" {
			where = i18n.T("Standfirst")
		}
		entry := c.Entry
		if entry >= 0 {
			where = "¶ " + strconv.Itoa(entry+1)
		}
		link := widget.NewHyperlink(where, nil)
		link.OnTapped = func() {
			if entry >= 0 {
				v.jumpTo(entry)
			} else {
				v.scroll.ScrollToTop()
			}
		}
		plain := plainStyle(editor.Paragraph)
		segs := []widget.RichTextSegment{textSeg(i18n.T(c.What)+"  ", plain, 0)}
		segs = append(segs, valueSegments(c.Old, compare.OpDelete)...)
		// The arrow comes from a fallback font, which may lack the space:
		// the spaces go in segments of their own.
		segs = append(segs, textSeg(" ", plain, 0), textSeg("→", plain, 0), textSeg(" ", plain, 0))
		segs = append(segs, valueSegments(c.New, compare.OpInsert)...)
		v.checksBox.Add(container.NewBorder(nil, nil, link, nil, richText(segs)))
	}
}

// showText builds the body rows, folding long unchanged runs.
func (v *View) showText(r *compare.Result) {
	v.textBox.Add(heading(i18n.T("Text")))
	if v.mode.Selected == i18n.T(modeSideBySide) {
		side := func(info compare.RevisionInfo) string {
			if info.Seq == 0 {
				return i18n.T("Draft")
			}
			return fmt.Sprintf("#%d", info.Seq) + " " + quoteLabel(info.Label)
		}
		v.textBox.Add(container.NewBorder(nil, nil, container.New(&fixedWidth{width: 3 * theme.TextSize()}), nil,
			container.NewGridWithColumns(2, clipped(heading(i18n.T("Before: ")+side(v.meta.From))), clipped(heading(i18n.T("After: ")+side(v.meta.To))))))
	}
	near := make([]bool, len(r.Blocks)) // within context of a change
	for k, e := range r.Blocks {
		if e.Kind == compare.Equal {
			continue
		}
		v.text.changes = append(v.text.changes, k)
		for d := -foldContext; d <= foldContext; d++ {
			if k+d >= 0 && k+d < len(near) {
				near[k+d] = true
			}
		}
	}
	for k := 0; k < len(r.Blocks); {
		if near[k] || r.Blocks[k].Kind != compare.Equal {
			v.textBox.Add(v.row(r, k))
			k++
			continue
		}
		end := k
		for end < len(r.Blocks) && !near[end] {
			end++
		}
		if end-k < 2 {
			for ; k < end; k++ {
				v.textBox.Add(v.row(r, k))
			}
			continue
		}
		v.textBox.Add(v.fold(r, k, end))
		k = end
	}
	if len(r.Blocks) == 0 {
		v.textBox.Add(widget.NewLabel(i18n.T("(no text on either side)")))
	}
}

// fold is the button that stands for the unchanged entries [from, to).
func (v *View) fold(r *compare.Result, from, to int) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButton(i18n.N("Show %d unchanged paragraphs (¶ %d–%d)", to-from, to-from, from+1, to), func() {
		at := -1
		for i, o := range v.textBox.Objects {
			if o == b {
				at = i
			}
		}
		if at < 0 {
			return
		}
		rows := make([]fyne.CanvasObject, 0, to-from)
		for k := from; k < to; k++ {
			rows = append(rows, v.row(r, k))
		}
		objs := append([]fyne.CanvasObject{}, v.textBox.Objects[:at]...)
		objs = append(objs, rows...)
		v.textBox.Objects = append(objs, v.textBox.Objects[at+1:]...)
		v.textBox.Refresh()
	})
	b.Importance = widget.LowImportance
	return b
}

// row is the row of entry k: its paragraph number, a note for moved
// blocks, and the text inline or side by side.
func (v *View) row(r *compare.Result, k int) fyne.CanvasObject {
	e := r.Blocks[k]
	num := widget.NewLabel(strconv.Itoa(k + 1))
	num.Importance = widget.LowImportance
	num.Alignment = fyne.TextAlignTrailing
	var parts []fyne.CanvasObject
	if note := v.note(r, k); note != nil {
		parts = append(parts, note)
	}
	style := plainStyle(e.Block)
	if v.mode.Selected == i18n.T(modeSideBySide) {
		var left, right []widget.RichTextSegment
		switch e.Kind {
		case compare.MovedAway:
			if t, ok := r.TextA(k); ok {
				left = []widget.RichTextSegment{textSeg(t, plainStyle(e.OldBlock), compare.OpDelete)}
			}
		case compare.Moved:
			if e.Partner >= 0 {
				left = chunkSegments(e.Chunks, compare.OpDelete, plainStyle(e.OldBlock))
			}
			right = chunkSegments(e.Chunks, compare.OpInsert, style)
		default:
			left = chunkSegments(e.Chunks, compare.OpDelete, plainStyle(e.OldBlock))
			right = chunkSegments(e.Chunks, compare.OpInsert, style)
		}
		parts = append(parts, container.NewGridWithColumns(2, richText(left), richText(right)))
	} else if e.Kind != compare.MovedAway {
		parts = append(parts, richText(chunkSegments(e.Chunks, 0, style)))
	}
	mark := canvas.NewRectangle(color.Transparent)
	numCol := container.New(&fixedWidth{width: 3 * theme.TextSize()}, num)
	obj := container.NewStack(mark, container.NewBorder(nil, nil, numCol, nil, container.NewVBox(parts...)))
	v.text.rows[k] = &diffRow{obj: obj, mark: mark}
	return obj
}

// note says where a moved block came from or went, with a link there.
func (v *View) note(r *compare.Result, k int) fyne.CanvasObject {
	e := r.Blocks[k]
	var text string
	switch e.Kind {
	case compare.Moved:
		text = i18n.T("Moved here from")
		if e.Block != e.OldBlock {
			text = i18n.Tf("Was a %s; moved here from", i18n.T(e.OldBlock.String()))
		}
	case compare.MovedAway:
		text = i18n.Tf("This %s moved to", i18n.T(e.Block.String()))
	case compare.Changed:
		if e.Block != e.OldBlock {
			return noteLabel(i18n.Tf("Was a %s", i18n.T(e.OldBlock.String())))
		}
		return nil
	default:
		return nil
	}
	if e.Partner < 0 {
		return noteLabel(text + i18n.T(" another place"))
	}
	partner := e.Partner
	link := widget.NewHyperlink("¶ "+strconv.Itoa(partner+1), nil)
	link.OnTapped = func() { v.jumpTo(partner) }
	return container.NewHBox(noteLabel(text), link)
}

func noteLabel(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Importance = widget.LowImportance
	return l
}

// plainStyle is the style of unchanged text in a block of kind k.
func plainStyle(k editor.BlockKind) widget.RichTextStyle {
	s := widget.RichTextStyleInline
	switch k {
	case editor.Subhead:
		s.TextStyle.Bold = true
		s.SizeName = theme.SizeNameSubHeadingText
	case editor.Quote:
		s.TextStyle.Italic = true
	}
	return s
}

// textSeg is text in base style, marked as an insertion (green,
// underlined) or a deletion (red, struck through) — never colour alone.
func textSeg(text string, base widget.RichTextStyle, op compare.Op) *widget.TextSegment {
	s := base
	switch op {
	case compare.OpInsert:
		s.ColorName = theme.ColorNameSuccess
		s.TextStyle.Underline = true
	case compare.OpDelete:
		s.ColorName = theme.ColorNameError
		s.TextStyle.Strikethrough = true
	}
	return &widget.TextSegment{Text: text, Style: s}
}

// chunkSegments renders chunks: all of them when side is 0 (inline),
// else only the equal ones and those of side (OpDelete: the A side,
// OpInsert: the B side).
func chunkSegments(chunks []compare.Chunk, side compare.Op, base widget.RichTextStyle) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, 0, len(chunks))
	for _, c := range chunks {
		if side != 0 && c.Op != compare.OpEqual && c.Op != side {
			continue
		}
		out = append(out, textSeg(c.Text, base, c.Op))
	}
	return out
}

// valueSegments is a field value or a number, marked as op; "(none)" when empty.
func valueSegments(value string, op compare.Op) []widget.RichTextSegment {
	if value == "" {
		s := widget.RichTextStyleInline
		s.ColorName = theme.ColorNamePlaceHolder
		return []widget.RichTextSegment{&widget.TextSegment{Text: i18n.T("(none)"), Style: s}}
	}
	return []widget.RichTextSegment{textSeg(value, plainStyle(editor.Paragraph), op)}
}

// listSegments is "added: a, b" with the items marked as op.
func listSegments(prefix string, items []string, op compare.Op) []widget.RichTextSegment {
	if len(items) == 0 {
		return nil
	}
	plain := plainStyle(editor.Paragraph)
	out := []widget.RichTextSegment{textSeg(prefix, plain, 0)}
	for i, it := range items {
		if i > 0 {
			out = append(out, textSeg(", ", plain, 0))
		}
		out = append(out, textSeg(it, plain, op))
	}
	return out
}

func richText(segs []widget.RichTextSegment) *widget.RichText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// nextChange and prevChange move the focus to the next or previous change.
func (v *View) nextChange() { v.stepChange(1) }
func (v *View) prevChange() { v.stepChange(-1) }

func (v *View) stepChange(d int) {
	n := len(v.text.changes)
	if n == 0 {
		return
	}
	c := v.text.current + d
	if v.text.current < 0 {
		c = 0
		if d < 0 {
			c = n - 1
		}
	}
	c = max(0, min(n-1, c))
	v.jumpTo(v.text.changes[c])
}

// jumpTo scrolls to the row of entry k and marks it.
func (v *View) jumpTo(k int) {
	row, ok := v.text.rows[k]
	if !ok {
		return
	}
	if cur := v.text.current; cur >= 0 && cur < len(v.text.changes) {
		if old, ok := v.text.rows[v.text.changes[cur]]; ok {
			old.mark.FillColor = color.Transparent
			old.mark.Refresh()
		}
	}
	v.text.current = -1
	for i, c := range v.text.changes {
		if c == k {
			v.text.current = i
		}
	}
	row.mark.FillColor = theme.Color(theme.ColorNameSelection)
	row.mark.Refresh()
	v.scroll.Refresh() // lays the rows out at their current sizes
	y := v.textBox.Position().Y + row.obj.Position().Y - theme.Padding()
	v.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y)))
}

// fixedWidth lays its objects over one another at a fixed width, so the
// paragraph numbers of all rows take one column.
type fixedWidth struct{ width float32 }

func (f *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

func (f *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
	}
}

// InlineSegments renders chunks as History's inline comparison does
// (deleted red and struck through, inserted green and underlined), for
// other views that show a change in place (the review dialog).
func InlineSegments(chunks []compare.Chunk) []widget.RichTextSegment {
	return chunkSegments(chunks, 0, plainStyle(editor.Paragraph))
}

// fieldLabel names a changed field in the window's language. A person's
// fields carry the name, which is not part of the key.
func fieldLabel(f compare.FieldChange) string {
	switch {
	case f.Person != "" && f.Field == "bylines.role":
		return i18n.Tf("Role of %s", f.Person)
	case f.Person != "" && f.Field == "bylines.title":
		return i18n.Tf("Title of %s", f.Person)
	}
	return i18n.T(f.Label)
}
