package blockedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

// benchType measures one typed character in the middle of a body of the
// given length: the entry's own work, the editor's bookkeeping (undo, counts,
// re-measuring the block) and OnChanged. It types into the fixture's
// longest paragraph (the cost of a keystroke grows with its block) nearest
// the middle of the body, so that the variants differ in body length only.
func benchType(b *testing.B, words int) { benchTypeWith(b, words, nil) }

// benchTypeWith is benchType with the spelling marks of checker on (nil:
// off). Under the test driver the blocks are checked inline, so the
// figure includes Hunspell-like work the window does on its worker.
func benchTypeWith(b *testing.B, words int, checker SpellChecker) {
	longest := ""
	for _, bl := range fixtureBlocks(b) {
		if len(bl.Text) > len(longest) {
			longest = bl.Text
		}
	}
	body := longBody(b, words)
	ed, w := newTestEditor(b, body)
	if checker != nil {
		ed.SetSpellChecker(checker)
	}
	changes := 0
	ed.OnChanged = func() { changes++ }
	mid := -1
	for i, bl := range ed.blocks {
		if bl.Text == longest && (mid < 0 || abs(i-len(ed.blocks)/2) < abs(mid-len(ed.blocks)/2)) {
			mid = i
		}
	}
	orig := ed.blocks[mid].Block
	ed.FocusBlock(mid, 10)
	f := w.Canvas().Focused()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A burst of 120 characters, then the paragraph is put back: a
		// paragraph grows by a sentence or two, not by b.N characters.
		if i > 0 && i%120 == 0 {
			b.StopTimer()
			ed.splice(mid, 1, []editor.Block{orig})
			ed.FocusBlock(mid, 10)
			b.StartTimer()
		}
		r := rune('a' + i%26)
		if i%6 == 5 {
			r = ' '
		}
		f.TypedRune(r)
	}
	b.StopTimer()
	if changes != b.N {
		b.Fatalf("OnChanged called %d times for %d characters", changes, b.N)
	}
}

// benchOpen measures SetBody of a whole story into an editor in a window,
// until it is laid out with entries for the visible blocks.
func benchOpen(b *testing.B, words int) {
	body := longBody(b, words)
	test.NewTempApp(b)
	ed := New()
	w := test.NewTempWindow(b, ed)
	w.SetPadded(false)
	w.Resize(windowSize)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ed.SetBody(body)
		if len(ed.view.rows) == 0 {
			b.Fatal("no rows after SetBody")
		}
	}
}

func BenchmarkTypeCharacter10kWords(b *testing.B) { benchType(b, 10000) }
func BenchmarkTypeCharacter1kWords(b *testing.B)  { benchType(b, 1000) }

// BenchmarkTypeCharacter10kWordsSpellMarks types with the marks on, in a
// paragraph with marked words ("Bortnikov", and the words typed).
func BenchmarkTypeCharacter10kWordsSpellMarks(b *testing.B) {
	benchTypeWith(b, 10000, &wordSpeller{bad: map[string][]string{"Bortnikov": nil, "ghijkl": nil, "abcdef": nil}})
}

func BenchmarkOpen10kWords(b *testing.B) { benchOpen(b, 10000) }
func BenchmarkOpen1kWords(b *testing.B)  { benchOpen(b, 1000) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// BenchmarkSplitMerge10kWords measures Enter in the middle of a paragraph
// and Backspace to join it again (two structural edits, two undo steps).
func BenchmarkSplitMerge10kWords(b *testing.B) {
	ed, w := newTestEditor(b, longBody(b, 10000))
	mid := len(ed.blocks) / 2
	ed.FocusBlock(mid, 20)
	f := w.Canvas().Focused()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	b.StopTimer()
	if w.Canvas().Focused() != f {
		b.Fatal("the keyboard did not come back to the paragraph")
	}
}
