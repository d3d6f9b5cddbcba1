package blockedit

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
)

// wordSpeller is a SpellChecker that knows a fixed list of bad words and
// counts the texts it is asked about.
type wordSpeller struct {
	bad   map[string][]string // word → suggestions
	asked int
	added []string
}

func (s *wordSpeller) Misspelled(text string) []SpellSpan {
	s.asked++
	var out []SpellSpan
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		if _, bad := s.bad[string(rs[i:j])]; bad {
			out = append(out, SpellSpan{Start: i, End: j, Word: string(rs[i:j])})
		}
		i = j
	}
	return out
}

func (s *wordSpeller) Suggest(w string) []string { return s.bad[w] }

func (s *wordSpeller) AddWord(w string) { s.added = append(s.added, w); delete(s.bad, w) }

func newSpellEditor(t *testing.T, body string) (*Editor, fyne.Window, *wordSpeller) {
	t.Helper()
	ed, w := newTestEditor(t, body)
	sp := &wordSpeller{bad: map[string][]string{"Bortnikov": {"Bortnik", "Portnov"}, "recieve": {"receive"}}}
	ed.SetSpellChecker(sp)
	return ed, w, sp
}

// markX returns the marks' boxes of block i in the row's coordinates.
func marksOf(t *testing.T, ed *Editor, i int) []markRect {
	t.Helper()
	return rowOf(t, ed, i).markRects
}

func TestSpellMarksUnderMisspelledWords(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		block int
		want  []string
	}{
		{"one word", "The director Bortnikov spoke.", 0, []string{"Bortnikov"}},
		{"two words in the second block", "All fine here.\n\nBortnikov did recieve it.", 1, []string{"Bortnikov", "recieve"}},
		{"correct words", "The director spoke on Wednesday.", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, _, _ := newSpellEditor(t, tt.body)
			var got []string
			for _, s := range ed.SpellMarks(tt.block) {
				got = append(got, s.Word)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("marks %q, want %q", got, tt.want)
			}
			if n := len(marksOf(t, ed, tt.block)); n != len(tt.want) {
				t.Fatalf("%d wavy lines, want %d", n, len(tt.want))
			}
		})
	}
}

// TestSpellMarkSitsUnderTheWord: the mark spans the word's x range on its
// line, at the bottom of the line, even when the word has wrapped to a
// later visual line.
func TestSpellMarkSitsUnderTheWord(t *testing.T) {
	lead := strings.Repeat("word ", 40) // wraps over several lines at 760 px
	ed, _, _ := newSpellEditor(t, lead+"Bortnikov spoke.")
	r := rowOf(t, ed, 0)
	if len(r.markRects) != 1 {
		t.Fatalf("%d marks, want 1", len(r.markRects))
	}
	q := r.markRects[0]
	pos, _ := r.entryFrame(r.Size())
	border := r.entry.Theme().Size("inputBorder")
	start := caretPos(&r.entry.Entry, len([]rune(lead)), border)
	end := caretPos(&r.entry.Entry, len([]rune(lead))+len("Bortnikov"), border)
	if start.Y == 0 {
		t.Fatalf("the word did not wrap to a later line (y %v): the test needs a longer lead", start.Y)
	}
	if q.x0 != pos.X+start.X || q.x1 != pos.X+end.X || q.y != pos.Y+start.Y {
		t.Errorf("mark at x %v–%v y %v, want x %v–%v y %v", q.x0, q.x1, q.y, pos.X+start.X, pos.X+end.X, pos.Y+start.Y)
	}
	wave := r.marks[0]
	if wave.Position().Y+wave.Size().Height != q.y+q.h || wave.Size().Width != q.x1-q.x0 {
		t.Errorf("wave at %v size %v, want under the line ending at %v", wave.Position(), wave.Size(), q.y+q.h)
	}
}

func TestSpellFixFromTheMenu(t *testing.T) {
	ed, w, _ := newSpellEditor(t, "Intro.\n\nThe director Bortnikov spoke.")
	ed.FocusBlock(1, 15) // inside "Bortnikov"
	if !ed.SpellMenuAtCaret() {
		t.Fatal("Ctrl+. found no mark at the caret")
	}
	menu := popUpMenu(t, w)
	if got := menuLabels(menu); got != "Bortnik|Portnov|Add “Bortnikov” to desk dictionary" {
		t.Fatalf("menu %q", got)
	}
	menu.Items[1].Action()
	if got := ed.Blocks()[1].Text; got != "The director Portnov spoke." {
		t.Fatalf("text %q", got)
	}
	if m := ed.SpellMarks(1); len(m) != 0 {
		t.Fatalf("marks after the fix: %+v", m)
	}
	ed.Undo()
	if got := ed.Blocks()[1].Text; got != "The director Bortnikov spoke." {
		t.Fatalf("undo: text %q", got)
	}
}

func TestSpellShortcutAndContextMenu(t *testing.T) {
	ed, w, _ := newSpellEditor(t, "The director Bortnikov spoke.")
	ed.FocusBlock(0, 2) // in "The": no mark there
	shortcut(t, w, ctrl(fyne.KeyPeriod))
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Ctrl+. on a correct word opened a menu")
	}
	ed.FocusBlock(0, 13) // at the start of "Bortnikov"
	shortcut(t, w, ctrl(fyne.KeyPeriod))
	popUpMenu(t, w).Items[0].Action()
	if got := ed.Blocks()[0].Text; got != "The director Bortnik spoke." {
		t.Fatalf("text %q", got)
	}

	// A right-click on a mark offers the word's items before the usual ones.
	ed.SetBody("The director Bortnikov spoke.")
	r := rowOf(t, ed, 0)
	q := r.markRects[0]
	pos, _ := r.entryFrame(r.Size())
	r.entry.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos((q.x0+q.x1)/2-pos.X, q.y+q.h/2-pos.Y)})
	if got := menuLabels(popUpMenu(t, w)); !strings.HasPrefix(got, "Bortnik|Portnov|Add “Bortnikov” to desk dictionary||Undo") {
		t.Fatalf("context menu %q", got)
	}
	r.entry.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(5, 5)}) // on "The"
	if got := menuLabels(popUpMenu(t, w)); !strings.HasPrefix(got, "Undo") {
		t.Fatalf("context menu off the mark %q", got)
	}
}

func TestSpellAddToDeskRemovesEveryMark(t *testing.T) {
	ed, w, sp := newSpellEditor(t, "Bortnikov spoke.\n\nThen Bortnikov left.\n\nAnd recieve.")
	ed.FocusBlock(1, 6)
	ed.SpellMenuAtCaret()
	m := popUpMenu(t, w)
	m.Items[len(m.Items)-1].Action()
	if len(sp.added) != 1 || sp.added[0] != "Bortnikov" {
		t.Fatalf("added %q", sp.added)
	}
	for i := 0; i < 2; i++ {
		if ms := ed.SpellMarks(i); len(ms) != 0 {
			t.Errorf("block %d still marked: %+v", i, ms)
		}
	}
	if ms := ed.SpellMarks(2); len(ms) != 1 || ms[0].Word != "recieve" {
		t.Errorf("block 2 marks %+v, want recieve", ms)
	}
}

// TestSpellTypingMarksOnlyFinishedWords: the word being typed is not
// marked until the writer moves on from it.
func TestSpellTypingMarksOnlyFinishedWords(t *testing.T) {
	ed, w, _ := newSpellEditor(t, "Hello")
	ed.FocusBlock(0, 5)
	typeText(t, w, " recieve")
	if ms := ed.SpellMarks(0); len(ms) != 0 {
		t.Fatalf("the word being typed is marked: %+v", ms)
	}
	typeText(t, w, " it")
	if ms := ed.SpellMarks(0); len(ms) != 1 || ms[0].Word != "recieve" {
		t.Fatalf("marks %+v, want recieve", ms)
	}
}

// TestSpellLongStoryChecksOnlyWhatIsShown: opening a 10,000-word story
// checks the blocks near the viewport, not all of them.
func TestSpellLongStoryChecksOnlyWhatIsShown(t *testing.T) {
	ed, _ := newTestEditor(t, longBody(t, 10000))
	sp := &wordSpeller{bad: map[string][]string{"Bortnikov": nil}}
	ed.SetSpellChecker(sp)
	if n := len(ed.blocks); sp.asked == 0 || sp.asked*4 > n {
		t.Fatalf("checked %d texts of %d blocks on opening", sp.asked, n)
	}
}

func popUpMenu(t *testing.T, w fyne.Window) *fyne.Menu {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil || ed(w).spell.menu == nil {
		t.Fatal("no pop-up menu shown")
	}
	m := ed(w).spell.menu
	ed(w).spell.menu = nil
	w.Canvas().Overlays().Remove(top)
	return m
}

func menuLabels(m *fyne.Menu) string {
	var ls []string
	for _, it := range m.Items {
		ls = append(ls, it.Label)
	}
	return strings.Join(ls, "|")
}

func ed(w fyne.Window) *Editor { return w.Content().(*Editor) }

// TestSpellWaveIsRed: the wave is drawn in the theme's error colour. With
// color.Transparent for the gaps Fyne made the raster an alpha-only image,
// which the window drew white.
func TestSpellWaveIsRed(t *testing.T) {
	newTestEditor(t, "")
	img := newWave().Generator(8, waveH)
	r, g, b, a := img.At(2, 0).RGBA()
	if a == 0 || r <= g || r <= b {
		t.Fatalf("wave pixel %v (%T), want red", img.At(2, 0), img)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Fatalf("gap pixel alpha %d, want transparent", a)
	}
}
