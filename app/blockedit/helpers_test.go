package blockedit

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/editor/testfixture"
)

// windowSize is the editor's share of the default 1280×800 main window
// (library left, metadata right).
var windowSize = fyne.NewSize(760, 700)

// fixtureBlocks builds the body of the TASS wire story by hand: the
// paragraphs from the dateline paragraph on, where a line without terminal
// punctuation is a subhead.
func fixtureBlocks(t testing.TB) []editor.Block {
	t.Helper()
	raw := strings.ReplaceAll(string(testfixture.Read(t, testfixture.TASS)), "\r\n", "\n")
	lines := strings.Split(raw, "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "SOCHI, October 16.") {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("fixture: no dateline paragraph")
	}
	var out []editor.Block
	for _, l := range lines[start:] {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		kind := editor.Subhead
		if strings.ContainsRune(`.!?:"”»)…'`, last) {
			kind = editor.Paragraph
		}
		out = append(out, editor.Block{Kind: kind, Text: l})
	}
	return out
}

// longBlocks repeats the fixture until it has at least words words: about
// 300 blocks for 10,000 words. Every other paragraph that opens with a
// quotation mark becomes a block quote, so all three kinds are there.
func longBlocks(t testing.TB, words int) []editor.Block {
	t.Helper()
	base := fixtureBlocks(t)
	var out []editor.Block
	n, quotes := 0, 0
	for n < words {
		for _, b := range base {
			if b.Kind == editor.Paragraph && strings.HasPrefix(b.Text, `"`) {
				quotes++
				if quotes%2 == 0 {
					b.Kind = editor.Quote
				}
			}
			out = append(out, b)
			n += editor.CountWords(b.Text)
			if n >= words {
				break
			}
		}
	}
	return out
}

func longBody(t testing.TB, words int) string { return editor.FormatBody(longBlocks(t, words)) }

// newTestEditor shows an editor with body in a test window of windowSize.
func newTestEditor(t testing.TB, body string) (*Editor, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	ed := New()
	// The caret's rest is a real timer whose fyne.Do the test driver runs
	// on the timer's goroutine: under -race on a loaded machine, one set
	// by an earlier test fired during a later one (TestCaretKeysThrough…).
	// Tests of the rest put in their own scheduler.
	ed.rest.after = func(time.Duration, func()) func() { return func() {} }
	ed.SetBody(body)
	w := test.NewTempWindow(t, ed)
	w.SetPadded(false)
	w.Resize(windowSize)
	return ed, w
}

// focused returns what has the keyboard in w.
func focused(t testing.TB, w fyne.Window) fyne.Focusable {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard")
	}
	return f
}

// typeText types s into whatever has the keyboard, one rune at a time, as
// the GLFW driver delivers it.
func typeText(t testing.TB, w fyne.Window, s string) {
	t.Helper()
	for _, r := range s {
		focused(t, w).TypedRune(r)
	}
}

// press sends a key to whatever has the keyboard; with shift it is held
// down around the key, as KeyDown/KeyUp report it.
func press(t testing.TB, w fyne.Window, name fyne.KeyName, shift bool) {
	t.Helper()
	f := focused(t, w)
	k, _ := f.(desktop.Keyable)
	sh := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	if shift && k != nil {
		k.KeyDown(sh)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
	if shift && k != nil {
		k.KeyUp(sh)
	}
}

// shortcut sends a shortcut the way the GLFW driver does when no menu item
// claims it: to the focused widget.
func shortcut(t testing.TB, w fyne.Window, s fyne.Shortcut) {
	t.Helper()
	sc, ok := focused(t, w).(fyne.Shortcutable)
	if !ok {
		t.Fatalf("%T takes no shortcuts", focused(t, w))
	}
	sc.TypedShortcut(s)
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// rowOf returns block i's row, revealing it.
func rowOf(t testing.TB, ed *Editor, i int) *blockRow {
	t.Helper()
	r := ed.view.revealBlock(i)
	if r == nil {
		t.Fatalf("block %d has no row", i)
	}
	return r
}
