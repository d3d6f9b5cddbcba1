package blockedit

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"copydesk/editor"
)

func TestTypingChangesBody(t *testing.T) {
	ed, w := newTestEditor(t, "First paragraph.\n\nSecond paragraph.")
	changes := 0
	ed.OnChanged = func() { changes++ }
	ed.FocusBlock(1, len("Second"))
	typeText(t, w, " long")
	if got, want := ed.Body(), "First paragraph.\n\nSecond long paragraph."; got != want {
		t.Errorf("Body() = %q, want %q", got, want)
	}
	if changes != 5 {
		t.Errorf("OnChanged called %d times for 5 typed characters", changes)
	}
	if b, off := ed.Caret(); b != 1 || off != len("Second long") {
		t.Errorf("caret at %d:%d, want 1:%d", b, off, len("Second long"))
	}
}

func TestTypingIntoEmptyEditor(t *testing.T) {
	ed, w := newTestEditor(t, "")
	if n := len(ed.Blocks()); n != 1 {
		t.Fatalf("an empty body has %d blocks, want one to type into", n)
	}
	ed.FocusBlock(0, 0)
	typeText(t, w, "Copy")
	if got := ed.Body(); got != "Copy" {
		t.Errorf("Body() = %q", got)
	}
}

func TestEnter(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		block  int
		off    int
		shift  bool
		want   []editor.Block
		caretB int
		caretO int
	}{
		{"middle splits, new block starts at its word", "One two.", 0, 3, false,
			[]editor.Block{{Kind: editor.Paragraph, Text: "One"}, {Kind: editor.Paragraph, Text: "two."}}, 1, 0},
		{"end makes an empty paragraph", "One.", 0, 4, false,
			[]editor.Block{{Kind: editor.Paragraph, Text: "One."}, {Kind: editor.Paragraph}}, 1, 0},
		{"end of a subhead makes a paragraph", "## Head", 0, 4, false,
			[]editor.Block{{Kind: editor.Subhead, Text: "Head"}, {Kind: editor.Paragraph}}, 1, 0},
		{"start pushes the block down", "## Head", 0, 0, false,
			[]editor.Block{{Kind: editor.Paragraph}, {Kind: editor.Subhead, Text: "Head"}}, 1, 0},
		{"middle of a quote keeps both halves quotes", "> Said he, said she.", 0, 8, false,
			[]editor.Block{{Kind: editor.Quote, Text: "Said he,"}, {Kind: editor.Quote, Text: "said she."}}, 1, 0},
		{"empty quote becomes a paragraph", "Text.\n\n> x", 1, 0, false, nil, 1, 0},
		{"shift+enter breaks the line inside a quote", "> Line one line two", 0, 8, true,
			[]editor.Block{{Kind: editor.Quote, Text: "Line one\n line two"}}, 0, 9},
		{"shift+enter in a paragraph splits", "One two.", 0, 3, true,
			[]editor.Block{{Kind: editor.Paragraph, Text: "One"}, {Kind: editor.Paragraph, Text: "two."}}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, w := newTestEditor(t, tt.body)
			want := tt.want
			if want == nil { // the empty quote case: empty the quote first
				ed.FocusBlock(1, 1)
				press(t, w, fyne.KeyBackspace, false)
				want = []editor.Block{{Kind: editor.Paragraph, Text: "Text."}, {Kind: editor.Paragraph}}
			} else {
				ed.FocusBlock(tt.block, tt.off)
			}
			press(t, w, fyne.KeyReturn, tt.shift)
			if got := ed.Blocks(); !reflect.DeepEqual(got, want) {
				t.Errorf("blocks = %+v, want %+v", got, want)
			}
			if b, off := ed.Caret(); b != tt.caretB || off != tt.caretO {
				t.Errorf("caret at %d:%d, want %d:%d", b, off, tt.caretB, tt.caretO)
			}
			if _, ok := focused(t, w).(*blockEntry); !ok {
				t.Errorf("keyboard with %T, want a block entry", focused(t, w))
			}
		})
	}
}

func TestBackspaceAndDeleteMerge(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		block  int
		off    int
		key    fyne.KeyName
		want   string
		caretB int
		caretO int
	}{
		{"backspace at start joins the block above", "One.\n\nTwo.", 1, 0, fyne.KeyBackspace, "One.Two.", 0, 4},
		{"backspace keeps the kind of the block above", "## Head\n\nText", 1, 0, fyne.KeyBackspace, "## HeadText", 0, 4},
		{"backspace removes an empty block above", "One.\n\n> Two.", 1, 0, fyne.KeyBackspace, "One.\n\n> Two.", 1, 0},
		{"backspace at the top turns a subhead into a paragraph", "## Head\n\nText", 0, 0, fyne.KeyBackspace, "Head\n\nText", 0, 0},
		{"backspace inside a block deletes a character", "One.\n\nTwo.", 1, 2, fyne.KeyBackspace, "One.\n\nTo.", 1, 1},
		{"delete at end joins the next block", "One.\n\nTwo.", 0, 4, fyne.KeyDelete, "One.Two.", 0, 4},
		{"delete at the end of the body does nothing", "One.\n\nTwo.", 1, 4, fyne.KeyDelete, "One.\n\nTwo.", 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			ed, w := newTestEditor(t, body)
			if strings.Contains(tt.name, "empty block above") {
				// make an empty block between the two
				ed.FocusBlock(0, 4)
				press(t, w, fyne.KeyReturn, false)
				ed.FocusBlock(2, 0)
				tt.block = 2
				tt.caretB = 2
			}
			ed.FocusBlock(tt.block, tt.off)
			press(t, w, tt.key, false)
			if got := ed.Body(); got != tt.want {
				t.Errorf("Body() = %q, want %q", got, tt.want)
			}
			if strings.Contains(tt.name, "empty block above") {
				if n := len(ed.Blocks()); n != 2 {
					t.Errorf("%d blocks left, want 2", n)
				}
				tt.caretB = 1
			}
			if b, off := ed.Caret(); b != tt.caretB || off != tt.caretO {
				t.Errorf("caret at %d:%d, want %d:%d", b, off, tt.caretB, tt.caretO)
			}
		})
	}
}

func TestArrowsCrossBlocks(t *testing.T) {
	// Blocks that start alike: the caret keeps its x, and so its column.
	body := "Same start one.\n\nSame start two.\n\nSame."
	tests := []struct {
		name         string
		block, off   int
		key          fyne.KeyName
		wantB, wantO int
	}{
		{"up from the first line goes to the block above", 1, 3, fyne.KeyUp, 0, 3},
		{"down from the last line goes to the block below", 0, 5, fyne.KeyDown, 1, 5},
		{"down keeps the caret over the same spot, clamped", 1, 15, fyne.KeyDown, 2, 5},
		{"left at the start goes to the end of the block above", 1, 0, fyne.KeyLeft, 0, 15},
		{"right at the end goes to the start of the block below", 0, 15, fyne.KeyRight, 1, 0},
		{"up in the first block stays in it", 0, 5, fyne.KeyUp, 0, 0},
		{"left inside a block moves one character", 1, 3, fyne.KeyLeft, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, w := newTestEditor(t, body)
			ed.FocusBlock(tt.block, tt.off)
			press(t, w, tt.key, false)
			b, off := ed.Caret()
			if b != tt.wantB || off != tt.wantO {
				t.Errorf("caret at %d:%d, want %d:%d", b, off, tt.wantB, tt.wantO)
			}
			if en, ok := focused(t, w).(*blockEntry); !ok || en.row.id != ed.blocks[b].id {
				t.Errorf("keyboard is not with block %d's entry", b)
			}
		})
	}
}

func TestArrowsWithinWrappedBlock(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end."
	ed, w := newTestEditor(t, "Above.\n\n"+long+"\n\nBelow.")
	r := rowOf(t, ed, 1)
	if r.lines < 2 {
		t.Fatalf("a %d-character paragraph wrapped to %d line(s)", len(long), r.lines)
	}
	ed.FocusBlock(1, 2)
	press(t, w, fyne.KeyDown, false)
	if b, _ := ed.Caret(); b != 1 {
		t.Errorf("down from the first of %d lines left the block (now in %d)", r.lines, b)
	}
	ed.FocusBlock(1, len(long)-1)
	press(t, w, fyne.KeyDown, false)
	if b, _ := ed.Caret(); b != 2 {
		t.Errorf("down from the last line went to block %d, want 2", b)
	}
}

func TestPasteParagraphsSplitsIntoBlocks(t *testing.T) {
	tests := []struct {
		name   string
		clip   string
		want   []editor.Block
		caretB int
		caretO int
	}{
		{"three paragraphs", "Alpha one.\n\nBeta two.\n\nGamma three.",
			[]editor.Block{
				{Kind: editor.Paragraph, Text: "Before Alpha one."},
				{Kind: editor.Paragraph, Text: "Beta two."},
				{Kind: editor.Paragraph, Text: "Gamma three.after."},
			}, 2, len("Gamma three.")},
		{"markdown from the editor keeps its kinds", "x\n\n## Sub\n\n> Said.\n\ny",
			[]editor.Block{
				{Kind: editor.Paragraph, Text: "Before x"},
				{Kind: editor.Subhead, Text: "Sub"},
				{Kind: editor.Quote, Text: "Said."},
				{Kind: editor.Paragraph, Text: "yafter."},
			}, 3, 1},
		{"hard-wrapped wire copy joins its lines", "one\ntwo",
			[]editor.Block{{Kind: editor.Paragraph, Text: "Before one twoafter."}}, 0, len("Before one two")},
		{"paragraphs ending in a blank line leave the rest a paragraph", "Alpha.\n\nBeta.\n\n",
			[]editor.Block{
				{Kind: editor.Paragraph, Text: "Before Alpha."},
				{Kind: editor.Paragraph, Text: "Beta."},
				{Kind: editor.Paragraph, Text: "after."},
			}, 1, len("Beta.")},
		{"a paste starting with a blank line leaves the copy before a paragraph", "\n\nAlpha.\n\nBeta.",
			[]editor.Block{
				{Kind: editor.Paragraph, Text: "Before "},
				{Kind: editor.Paragraph, Text: "Alpha."},
				{Kind: editor.Paragraph, Text: "Beta.after."},
			}, 2, len("Beta.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, w := newTestEditor(t, "Before after.")
			ed.FocusBlock(0, len("Before "))
			cb := fyne.CurrentApp().Clipboard()
			cb.SetContent(tt.clip)
			shortcut(t, w, &fyne.ShortcutPaste{Clipboard: cb})
			if got := ed.Blocks(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks = %+v\nwant %+v", got, tt.want)
			}
			if b, off := ed.Caret(); b != tt.caretB || off != tt.caretO {
				t.Errorf("caret at %d:%d, want %d:%d", b, off, tt.caretB, tt.caretO)
			}
			ed.Undo()
			if got := ed.Body(); got != "Before after." {
				t.Errorf("undo of the paste left %q", got)
			}
		})
	}
}

func TestPasteOneLineGoesIntoTheEntry(t *testing.T) {
	ed, w := newTestEditor(t, "Before after.")
	ed.FocusBlock(0, len("Before "))
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("middle ")
	shortcut(t, w, &fyne.ShortcutPaste{Clipboard: cb})
	typeText(t, w, "x")
	if got := ed.Body(); got != "Before middle xafter." {
		t.Errorf("Body() = %q", got)
	}
	ed.Undo()
	if got := ed.Body(); got != "Before middle after." {
		t.Errorf("first undo left %q: typing after a paste is a step of its own", got)
	}
	ed.Undo()
	if got := ed.Body(); got != "Before after." {
		t.Errorf("second undo left %q", got)
	}
}

func TestKindShortcuts(t *testing.T) {
	tests := []struct {
		name string
		keys []fyne.KeyName
		want string
	}{
		{"ctrl+2 makes a subhead", []fyne.KeyName{fyne.Key2}, "## Line of copy"},
		{"ctrl+q makes a quote", []fyne.KeyName{fyne.KeyQ}, "> Line of copy"},
		{"ctrl+q twice is a paragraph again", []fyne.KeyName{fyne.KeyQ, fyne.KeyQ}, "Line of copy"},
		{"ctrl+1 makes a subhead a paragraph", []fyne.KeyName{fyne.Key2, fyne.Key1}, "Line of copy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, w := newTestEditor(t, "Line of copy")
			ed.FocusBlock(0, 3)
			for _, k := range tt.keys {
				shortcut(t, w, ctrl(k))
			}
			if got := ed.Body(); got != tt.want {
				t.Errorf("Body() = %q, want %q", got, tt.want)
			}
			r := rowOf(t, ed, 0)
			if r.kind != ed.blocks[0].Kind || r.entry.TextStyle != textStyle(r.kind) {
				t.Errorf("row drawn as %v %+v for a %v", r.kind, r.entry.TextStyle, ed.blocks[0].Kind)
			}
			if got, want := theme.CurrentForWidget(r.entry).Size(theme.SizeNameText), ed.view.m.sizes[r.kind]; got != want {
				t.Errorf("a %v set in %v, want %v", r.kind, got, want)
			}
			if w.Canvas().Focused() != fyne.Focusable(r.entry) {
				t.Error("the block's entry lost the keyboard")
			}
			if b, off := ed.Caret(); b != 0 || off != 3 {
				t.Errorf("caret moved to %d:%d", b, off)
			}
		})
	}
}

func TestUnknownShortcutsGoToTheWindow(t *testing.T) {
	ed, w := newTestEditor(t, "Copy.")
	var got []string
	ed.OnShortcut = func(s fyne.Shortcut) bool { got = append(got, s.ShortcutName()); return true }
	var keys []fyne.KeyName
	ed.OnKey = func(ev *fyne.KeyEvent) bool { keys = append(keys, ev.Name); return true }
	ed.FocusBlock(0, 0)
	save := ctrl(fyne.KeyS)
	shortcut(t, w, save)
	shortcut(t, w, ctrl(fyne.Key2)) // the editor's own: not passed on
	press(t, w, fyne.KeyA, false)   // the driver sends letters to TypedKey too
	press(t, w, fyne.KeyEscape, false)
	if len(got) != 1 || got[0] != save.ShortcutName() {
		t.Errorf("OnShortcut got %v, want only %s", got, save.ShortcutName())
	}
	if len(keys) != 1 || keys[0] != fyne.KeyEscape {
		t.Errorf("OnKey got %v, want Escape", keys)
	}
}

func TestReadOnlyRefusesEdits(t *testing.T) {
	ed, w := newTestEditor(t, "One.\n\nTwo.")
	ed.SetReadOnly(true)
	changes := 0
	ed.OnChanged = func() { changes++ }
	ed.FocusBlock(1, 0)
	typeText(t, w, "xyz")
	press(t, w, fyne.KeyReturn, false)
	press(t, w, fyne.KeyBackspace, false)
	press(t, w, fyne.KeyDelete, false)
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("pasted\n\ntext")
	shortcut(t, w, &fyne.ShortcutPaste{Clipboard: cb})
	shortcut(t, w, ctrl(fyne.Key2))
	if n := ed.ReplaceAll("One", "Three", FindOptions{}); n != 0 {
		t.Errorf("ReplaceAll replaced %d in read-only copy", n)
	}
	if got := ed.Body(); got != "One.\n\nTwo." || changes != 0 {
		t.Errorf("read-only body became %q after %d changes", got, changes)
	}
	press(t, w, fyne.KeyUp, false)
	if b, _ := ed.Caret(); b != 0 {
		t.Errorf("arrows should still move in read-only copy; caret in block %d", b)
	}
	ed.SetReadOnly(false)
	typeText(t, w, "x")
	if got := ed.Body(); got == "One.\n\nTwo." {
		t.Error("typing refused after SetReadOnly(false)")
	}
}

func TestSetBodyBodyRoundTripsTheFixture(t *testing.T) {
	blocks := fixtureBlocks(t)
	md := editor.FormatBody(blocks)
	ed, _ := newTestEditor(t, md)
	if got := ed.Body(); got != md {
		t.Errorf("Body() differs from the body set:\n%s", firstDiff(got, md))
	}
	if got := ed.Blocks(); !reflect.DeepEqual(got, blocks) {
		t.Errorf("Blocks() differs from the fixture's blocks")
	}
	if !strings.Contains(md, "\u00a0") {
		t.Log("note: fixture body has no NBSP")
	}
}

func TestCountsFollowEdits(t *testing.T) {
	ed, w := newTestEditor(t, longBody(t, 1000))
	check := func(when string) {
		t.Helper()
		c := (&editor.Article{Body: ed.Body()}).Counts()
		if ed.Words() != c.Words || ed.Chars() != c.Chars {
			t.Errorf("%s: editor counts %d words %d chars, article %d words %d chars",
				when, ed.Words(), ed.Chars(), c.Words, c.Chars)
		}
	}
	check("opened")
	ed.FocusBlock(3, 5)
	typeText(t, w, " more words here")
	check("typed")
	press(t, w, fyne.KeyReturn, false)
	check("split")
	press(t, w, fyne.KeyBackspace, false)
	check("merged")
	typeText(t, w, "  two  spaces ")
	shortcut(t, w, ctrl(fyne.Key2)) // a subhead's runs of spaces count as one
	check("subhead")
	ed.ReplaceAll("the", "a", FindOptions{WholeWord: true})
	check("replaced")
	ed.Undo()
	check("undone")
	ed.SetBody("")
	check("emptied")
}

// firstDiff shows where two strings part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-40)
	return "got  …" + a[lo:min(len(a), i+40)] + "\nwant …" + b[lo:min(len(b), i+40)]
}

func TestWorksWithoutAWindow(t *testing.T) {
	test.NewTempApp(t)
	ed := New()
	ed.SetBody("One.\n\nTwo.")
	ed.FocusBlock(1, 2)
	ed.SetKind(editor.Quote)
	if got := ed.Body(); got != "One.\n\n> Two." {
		t.Errorf("Body() = %q", got)
	}
	if n := ed.ReplaceAll("o", "0", FindOptions{}); n != 2 {
		t.Errorf("ReplaceAll = %d", n)
	}
	ed.Undo()
	if got := ed.Body(); got != "One.\n\n> Two." {
		t.Errorf("after undo: %q", got)
	}
}

func TestCountsForTheStatusBar(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 1000))
	c := ed.Counts()
	want := (&editor.Article{Body: ed.Body()}).Counts()
	if c != want {
		t.Errorf("Counts() = %+v, article says %+v", c, want)
	}
}
