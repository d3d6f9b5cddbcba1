package history

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/storage"
)

func TestDefaultPairIsPreviousAndLatest(t *testing.T) {
	d := newDesk(t)
	latest := d.draft()
	v, _ := newView(t, d, Options{}, func() *editor.Article { return latest })
	if v.from != 2 || v.to != 3 {
		t.Fatalf("default pair #%d → #%d, want #2 → #3", v.from, v.to)
	}
	if v.fromSel.Selected == "" || !strings.HasPrefix(v.toSel.Selected, "#3 ") {
		t.Errorf("pickers show %q → %q", v.fromSel.Selected, v.toSel.Selected)
	}
	want := []compare.ValueChange{{Field: "body", Entry: v.result.Quotes[0].Entry,
		Old: "Nearly a third of them are foreign terrorist militants", New: "Nearly half of them are foreign terrorist militants"}}
	if !slices.Equal(v.result.Quotes, want) || len(v.result.Numbers) != 0 {
		t.Errorf("quotes %+v, numbers %+v", v.result.Quotes, v.result.Numbers)
	}
	if got := v.stats.Text; got != "1 word added, 2 removed; paragraphs: 1 changed" {
		t.Errorf("stats line %q", got)
	}
	// Newest first, with author, relative and exact time and word counts;
	// the correction stands out.
	if v.list.Length() != 3 {
		t.Fatalf("list has %d rows", v.list.Length())
	}
	if got := v.revisionWho(v.revs[1]) + " | " + v.revisionWhen(v.revs[1]); got != "anna · +1 -1 words | 2 h ago · 16 Oct 2019 10:12" {
		t.Errorf("row of #2: %q", got)
	}
	if kindText(v.revs[2].Kind) != "CORRECTION" {
		t.Errorf("a correction is listed as %q", kindText(v.revs[2].Kind))
	}
	if !strings.Contains(v.fromSel.Options[0], "same as the latest") {
		t.Errorf("draft option %q", v.fromSel.Options[0])
	}
}

func TestPickAnyTwo(t *testing.T) {
	d := newDesk(t)
	draft := d.draft()
	draft.Tags = append(draft.Tags, "Interpol")
	draft.Body = replaceOnce(t, draft.Body, "116 terrorist organizations", "117 terrorist organizations")
	v, _ := newView(t, d, Options{}, func() *editor.Article { return draft })
	if !strings.Contains(v.toSel.Options[0], "changes since #3") {
		t.Errorf("draft option %q", v.toSel.Options[0])
	}
	tests := []struct {
		name     string
		from, to uint64
		numbers  []string // old→new
		quotes   int
		fields   []string
	}{
		// The figure sits inside a quoted passage: a quote changes with it.
		{"#1 → #3", 1, 3, []string{"43,500→45,300"}, 2, nil},
		{"#3 → #1", 3, 1, []string{"45,300→43,500"}, 2, nil},
		{"#1 → #2", 1, 2, []string{"43,500→45,300"}, 1, nil},
		{"#3 → draft", 3, draftSide, []string{"116→117"}, 1, []string{"tags"}},
		{"draft → draft", draftSide, draftSide, nil, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			onUI(v, func() { v.fromSel.SetSelectedIndex(v.sideIndex(tc.from)) })
			v.bg.Wait()
			onUI(v, func() { v.toSel.SetSelectedIndex(v.sideIndex(tc.to)) })
			v.bg.Wait()
			if v.from != tc.from || v.to != tc.to || v.result == nil {
				t.Fatalf("compared #%d → #%d (result %v)", v.from, v.to, v.result != nil)
			}
			var nums []string
			for _, n := range v.result.Numbers {
				nums = append(nums, n.Old+"→"+n.New)
			}
			var fields []string
			for _, f := range v.result.Fields {
				fields = append(fields, f.Field)
			}
			if !slices.Equal(nums, tc.numbers) || len(v.result.Quotes) != tc.quotes || !slices.Equal(fields, tc.fields) {
				t.Errorf("numbers %q, %d quotes, fields %q", nums, len(v.result.Quotes), fields)
			}
		})
	}
	// Selecting a revision in the list shows what it changed.
	onUI(v, func() { v.list.Select(1) }) // newest first: #2
	v.bg.Wait()
	if v.from != 1 || v.to != 2 || len(v.result.Numbers) != 1 {
		t.Errorf("selecting #2 compared #%d → #%d", v.from, v.to)
	}
	onUI(v, func() { v.list.Select(2) }) // #1: what has changed since
	v.bg.Wait()
	if v.from != 1 || v.to != 3 {
		t.Errorf("selecting #1 compared #%d → #%d", v.from, v.to)
	}
}

func TestInlineMarksInsertionsAndDeletions(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	onUI(v, func() { v.selectSides(1, 2) })
	v.bg.Wait()
	k := v.result.Numbers[0].Entry
	row, ok := v.text.rows[k]
	if !ok {
		t.Fatalf("no row for the changed paragraph %d", k)
	}
	var del, ins bool
	for _, s := range segments(row.obj) {
		st := s.Style
		switch s.Text {
		case "43,500":
			del = st.TextStyle.Strikethrough && st.ColorName == theme.ColorNameError && !st.TextStyle.Underline
		case "45,300":
			ins = st.TextStyle.Underline && st.ColorName == theme.ColorNameSuccess && !st.TextStyle.Strikethrough
		}
	}
	if !del || !ins {
		t.Errorf("deletion struck and red: %v; insertion underlined and green: %v", del, ins)
	}
	// Side by side: the old figure only on the left, the new only on the right.
	onUI(v, func() { v.mode.SetSelected(modeSideBySide) })
	row = v.text.rows[k]
	sides := columns(row.obj)
	if len(sides) != 2 {
		t.Fatalf("side-by-side row has %d columns", len(sides))
	}
	left, right := texts(segments(sides[0])), texts(segments(sides[1]))
	if !strings.Contains(left, "43,500") || strings.Contains(left, "45,300") || !strings.Contains(right, "45,300") || strings.Contains(right, "43,500") {
		t.Errorf("left %q\nright %q", left, right)
	}
}

// columns returns the two columns of a side-by-side row.
func columns(obj fyne.CanvasObject) []fyne.CanvasObject {
	c, ok := obj.(*fyne.Container)
	if !ok {
		return nil
	}
	if len(c.Objects) == 2 {
		_, l := c.Objects[0].(*widget.RichText)
		_, r := c.Objects[1].(*widget.RichText)
		if l && r {
			return c.Objects
		}
	}
	for _, x := range c.Objects {
		if out := columns(x); out != nil {
			return out
		}
	}
	return nil
}

func texts(segs []*widget.TextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestNextPreviousAndJump(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	onUI(v, func() { v.selectSides(1, 3) })
	v.bg.Wait()
	if len(v.text.changes) != 2 {
		t.Fatalf("%d changes, want 2", len(v.text.changes))
	}
	// The test canvas cannot dispatch canvas shortcuts: the handler the
	// view registers is called as the canvas would call it.
	next := &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	prev := &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	steps := []struct {
		key  fyne.Shortcut
		want int
	}{{next, 0}, {next, 1}, {next, 1}, {prev, 0}, {prev, 0}}
	for i, s := range steps {
		v.shortcut(s.key)
		if v.text.current != s.want {
			t.Fatalf("step %d: current change %d, want %d", i, v.text.current, s.want)
		}
	}
	if v.scroll.Offset.Y <= 0 {
		t.Errorf("the view did not scroll to the change (offset %v)", v.scroll.Offset)
	}
	// The numbers-and-quotes list jumps to the quote's paragraph.
	v.scroll.ScrollToTop()
	links := hyperlinks(v.checksBox)
	if len(links) != 3 { // the number, the quote around it, the other quote
		t.Fatalf("%d links in the numbers and quotes, want 3", len(links))
	}
	// A hyperlink reacts to taps on its text only: tap its middle.
	test.TapAt(links[2], fyne.NewPos(links[2].Size().Width/2, links[2].Size().Height/2))
	if q := v.result.Quotes[1].Entry; v.text.changes[v.text.current] != q || v.scroll.Offset.Y <= 0 {
		t.Errorf("the quote link went to change %d (entry %d), offset %v", v.text.current, q, v.scroll.Offset)
	}
}

func TestRestoreMakesANewRevisionAndLosesNothing(t *testing.T) {
	tests := []struct {
		name    string
		unsaved bool
		want    []storage.Kind // kinds of the revisions after #3
	}{
		{"clean draft", false, []storage.Kind{storage.KindRestore}},
		{"unsaved changes kept first", true, []storage.Kind{storage.KindCheckpoint, storage.KindRestore}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDesk(t)
			before := d.revisions()
			draft := d.draft()
			if tc.unsaved {
				draft.Headline = "Unsaved headline"
			}
			var restored *editor.Article
			var got storage.Revision
			v, _ := newView(t, d, Options{Author: func() string { return "chief sub" },
				OnRestored: func(a *editor.Article, rev storage.Revision) { restored, got = a, rev }},
				func() *editor.Article { return draft })
			var doneErr error
			onUI(v, func() { v.restore(1, func(_ storage.Revision, err error) { doneErr = err }) })
			v.bg.Wait()
			if doneErr != nil {
				t.Fatal(doneErr)
			}
			after := d.revisions()
			if len(after) != len(before)+len(tc.want) {
				t.Fatalf("%d revisions after the restore, want %d", len(after), len(before)+len(tc.want))
			}
			for i, r := range before { // history is never rewritten
				if after[i].Hash != r.Hash {
					t.Errorf("revision #%d changed", r.Seq)
				}
			}
			var kinds []storage.Kind
			for _, r := range after[len(before):] {
				kinds = append(kinds, r.Kind)
			}
			if !slices.Equal(kinds, tc.want) {
				t.Errorf("new revisions %q, want %q", kinds, tc.want)
			}
			last := after[len(after)-1]
			if last.Label != "restored from #1" || last.Author != "chief sub" || got.Seq != last.Seq || restored == nil {
				t.Errorf("restore revision %+v; OnRestored got #%d", last, got.Seq)
			}
			one, now := d.revision(1), d.revision(last.Seq)
			if now.Body != one.Body || now.Headline != one.Headline || now.Status != draft.Status {
				t.Error("the restored copy is not revision #1's (with the current status)")
			}
			if tc.unsaved {
				if kept := d.revision(last.Seq - 1); kept.Headline != "Unsaved headline" {
					t.Errorf("unsaved changes lost: %q", kept.Headline)
				}
			}
			if dr := d.draft(); dr.Body != one.Body {
				t.Error("the draft is not the restored copy")
			}
			if rep, err := d.store.Verify(d.ctx, nil); err != nil || !rep.OK() {
				t.Errorf("verify: %v %+v", err, rep.Problems)
			}
			if v.from != last.Seq-1 || v.to != last.Seq || len(v.revs) != len(after) {
				t.Errorf("the view shows #%d → #%d of %d revisions", v.from, v.to, len(v.revs))
			}
		})
	}
}

func TestLabelAfterTheFact(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	onUI(v, func() { v.list.Select(1) }) // #2
	v.bg.Wait()
	var err error
	onUI(v, func() { v.setLabel(2, "legal OK", func(e error) { err = e }) })
	v.bg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if revs := d.revisions(); revs[1].Label != "legal OK" || revs[1].Hash == "" {
		t.Errorf("stored label %q", revs[1].Label)
	}
	if v.revs[1].Label != "legal OK" || !strings.Contains(v.sideText(v.revs[1]), "“legal OK”") {
		t.Errorf("the view shows label %q", v.revs[1].Label)
	}
	if v.from != 1 || v.to != 2 {
		t.Errorf("labelling changed the pair to #%d → #%d", v.from, v.to)
	}
	if r, ok := v.selectedRevision(); !ok || r.Seq != 2 || r.Label != "legal OK" {
		t.Errorf("after labelling, the list has %+v picked", r)
	}
}

type closeBuffer struct {
	bytes.Buffer
	closed bool
}

func (c *closeBuffer) Close() error { c.closed = true; return nil }

func TestSaveRedline(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	onUI(v, func() { v.selectSides(1, 3) })
	v.bg.Wait()
	var buf closeBuffer
	if err := v.writeRedline(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<!DOCTYPE html>", "<del>43,500</del><ins>45,300</ins>", "#1 “as filed”", "#3 “quote checked”"} {
		if !strings.Contains(page, want) {
			t.Errorf("redline lacks %q", want)
		}
	}
	if !buf.closed {
		t.Error("the file was not closed")
	}
	if got := v.redlineName(); !strings.HasSuffix(got, "-changes-r1-r3.html") {
		t.Errorf("file name %q", got)
	}
}

func TestNoStoryOpen(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	v.Load("", nil)
	if v.body.Visible() || !v.placeholder.Visible() || v.saveBtn.Disabled() == false {
		t.Error("with no story open the view still shows a history")
	}
}

func TestMarkup(t *testing.T) {
	for _, mode := range []string{modeInline, modeSideBySide} {
		t.Run(mode, func(t *testing.T) {
			d := newDesk(t)
			v, w := newView(t, d, Options{}, nil)
			onUI(v, func() { v.mode.SetSelected(mode) })
			onUI(v, func() { v.selectSides(1, 3) })
			v.bg.Wait()
			name := "inline.xml"
			if mode == modeSideBySide {
				name = "side-by-side.xml"
			}
			assertMarkup(t, name, w.Canvas())
		})
	}
}

func TestPreviewIsReadOnly(t *testing.T) {
	d := newDesk(t)
	v, w := newView(t, d, Options{}, nil)
	onUI(v, func() { v.list.Select(2) }) // newest first: #1
	v.bg.Wait()
	onUI(v, func() { v.previewSelected() })
	v.bg.Wait()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no preview shown")
	}
	markup := test.RenderObjectToMarkup(top)
	if !strings.Contains(markup, "43,500 persons") || strings.Contains(markup, "45,300") {
		t.Error("the preview does not show revision #1's copy")
	}
	if strings.Contains(markup, "*widget.Entry") {
		t.Error("the preview is editable")
	}
	if n := len(d.revisions()); n != 3 {
		t.Errorf("previewing made revisions: %d", n)
	}
}

func TestMovedParagraphLinksBothWays(t *testing.T) {
	d := newDesk(t)
	d.revise("anna", storage.KindSave, "", t0.Add(150*time.Minute), func(a *editor.Article) {
		blocks := editor.ParseBody(a.Body)
		moved := blocks[1]
		blocks = append(blocks[:1], blocks[2:]...)
		blocks = append(blocks, moved)
		a.Body = editor.FormatBody(blocks)
	})
	v, _ := newView(t, d, Options{}, nil)
	if v.from != 3 || v.to != 4 {
		t.Fatalf("compared #%d → #%d", v.from, v.to)
	}
	var moved, away int = -1, -1
	for k, e := range v.result.Blocks {
		switch e.Kind {
		case compare.Moved:
			moved = k
		case compare.MovedAway:
			away = k
		}
	}
	if moved < 0 || away < 0 {
		t.Fatalf("no move found: %+v", v.result.Stats)
	}
	for _, c := range []struct{ from, to int }{{moved, away}, {away, moved}} {
		links := hyperlinks(v.text.rows[c.from].obj)
		if len(links) != 1 || links[0].Text != "¶ "+strconv.Itoa(c.to+1) {
			t.Fatalf("row %d links %v", c.from+1, links)
		}
		test.TapAt(links[0], fyne.NewPos(links[0].Size().Width/2, links[0].Size().Height/2))
		if v.text.changes[v.text.current] != c.to {
			t.Errorf("the link of row %d went to change %d", c.from+1, v.text.current)
		}
	}
}

func TestLoadAgainKeepsThePair(t *testing.T) {
	d := newDesk(t)
	draft := d.draft()
	v, _ := newView(t, d, Options{}, func() *editor.Article { return draft })
	onUI(v, func() { v.selectSides(1, 3) })
	v.bg.Wait()
	// Back on the tab after an edit: the same pair, the new draft.
	draft = draft.Clone()
	draft.Headline = "Edited since"
	onUI(v, func() { v.Load(d.id, func() *editor.Article { return draft }) })
	v.bg.Wait()
	if v.from != 1 || v.to != 3 || !strings.Contains(v.toSel.Options[0], "changes since #3") {
		t.Errorf("after a second Load: #%d → #%d, draft option %q", v.from, v.to, v.toSel.Options[0])
	}
	// Another story resets to the default pair.
	other := d.revision(1).Clone()
	other.ID = editor.NewID()
	if _, err := d.store.Create(d.ctx, other, storage.Meta{Kind: storage.KindImport}); err != nil {
		t.Fatal(err)
	}
	onUI(v, func() { v.Load(other.ID, nil) })
	v.bg.Wait()
	if v.from != 1 || v.to != 1 || len(v.revs) != 1 {
		t.Errorf("another story shows #%d → #%d of %d revisions", v.from, v.to, len(v.revs))
	}
}
