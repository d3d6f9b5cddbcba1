package blockedit

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
)

func TestFind(t *testing.T) {
	body := "The FSB chief spoke.\n\n## Threats in the region\n\n> the fsb, he said, is there.\n\nThereafter: the end."
	tests := []struct {
		name  string
		query string
		opts  FindOptions
		want  []Match
	}{
		{"ignores case by default", "fsb", FindOptions{}, []Match{
			{Block: 0, Start: 4, End: 7, Text: "FSB"}, {Block: 2, Start: 4, End: 7, Text: "fsb"}}},
		{"match case", "fsb", FindOptions{MatchCase: true}, []Match{{Block: 2, Start: 4, End: 7, Text: "fsb"}}},
		{"whole word skips the word inside others", "the", FindOptions{WholeWord: true}, []Match{
			{Block: 0, Start: 0, End: 3, Text: "The"}, {Block: 1, Start: 11, End: 14, Text: "the"},
			{Block: 2, Start: 0, End: 3, Text: "the"}, {Block: 3, Start: 12, End: 15, Text: "the"}}},
		{"without whole word finds it inside words", "the", FindOptions{MatchCase: true}, []Match{
			{Block: 1, Start: 11, End: 14, Text: "the"}, {Block: 2, Start: 0, End: 3, Text: "the"},
			{Block: 2, Start: 21, End: 24, Text: "the"}, {Block: 3, Start: 12, End: 15, Text: "the"}}},
		{"empty query finds nothing", "", FindOptions{}, nil},
		{"no match", "Kremlin", FindOptions{}, nil},
	}
	ed, _ := newTestEditor(t, body)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ed.Find(tt.query, tt.opts); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q) = %+v\nwant %+v", tt.query, got, tt.want)
			}
		})
	}
}

func TestFindCountsRunesNotBytes(t *testing.T) {
	ed, _ := newTestEditor(t, "Бортников сказал: «ФСБ»\u00a0работает.")
	got := ed.Find("фсб", FindOptions{})
	want := []Match{{Block: 0, Start: 19, End: 22, Text: "ФСБ"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find = %+v, want %+v", got, want)
	}
}

func TestReplaceAllAcrossBlocks(t *testing.T) {
	body := "ISIL is here.\n\n## ISIL threat\n\n> Isil, he said.\n\nNo match."
	ed, _ := newTestEditor(t, body)
	n := ed.ReplaceAll("isil", "Islamic State", FindOptions{})
	want := "Islamic State is here.\n\n## Islamic State threat\n\n> Islamic State, he said.\n\nNo match."
	if n != 3 || ed.Body() != want {
		t.Fatalf("ReplaceAll = %d, body %q", n, ed.Body())
	}
	ed.Undo()
	if ed.Body() != body {
		t.Errorf("one undo should take back the whole replace-all; body %q", ed.Body())
	}
	ed.Redo()
	if ed.Body() != want {
		t.Errorf("redo gave %q", ed.Body())
	}
}

func TestFindNextPrevAndReplace(t *testing.T) {
	ed, w := newTestEditor(t, "a cat\n\nno\n\ncat and cat")
	ed.FocusBlock(0, 0)
	var seen []Match
	for i := 0; i < 4; i++ {
		m, ok := ed.FindNext("cat", FindOptions{})
		if !ok {
			t.Fatal("FindNext found nothing")
		}
		seen = append(seen, m)
	}
	want := []Match{{0, 2, 5, "cat"}, {2, 0, 3, "cat"}, {2, 8, 11, "cat"}, {0, 2, 5, "cat"}}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("FindNext ×4 = %+v, want %+v (wrapping round)", seen, want)
	}
	if m, _ := ed.FindPrev("cat", FindOptions{}); m != want[2] {
		t.Errorf("FindPrev from the first match = %+v, want the last", m)
	}
	if r := rowOf(t, ed, 2); r.foundRange == nil || len(r.found) == 0 {
		t.Error("the current match is not highlighted")
	}
	if _, ok := focused(t, w).(*blockEntry); !ok {
		t.Error("FindNext should leave the keyboard where it was")
	}
	if !ed.Replace(want[2], "dog") {
		t.Fatal("Replace refused a fresh match")
	}
	if ed.Replace(want[2], "dog") {
		t.Error("Replace accepted a stale match")
	}
	if m, _ := ed.FindNext("cat", FindOptions{}); m != want[0] {
		t.Errorf("FindNext after Replace = %+v, want to wrap to %+v", m, want[0])
	}
	if got := ed.Body(); got != "a cat\n\nno\n\ncat and dog" {
		t.Errorf("Body() = %q", got)
	}
	typeText(t, w, "x")
	if r := rowOf(t, ed, 0); r.foundRange != nil {
		t.Error("an edit should take the find highlight away")
	}
}

func TestSelectMatchSelectsInTheEntry(t *testing.T) {
	ed, w := newTestEditor(t, "Intro.\n\nSay the magic word please.")
	m, ok := ed.FindNext("magic word", FindOptions{})
	if !ok || !ed.SelectMatch(m) {
		t.Fatal("no match to select")
	}
	if got := ed.SelectedText(); got != "magic word" {
		t.Errorf("SelectedText() = %q", got)
	}
	typeText(t, w, "X")
	if got := ed.Body(); got != "Intro.\n\nSay the X please." {
		t.Errorf("typing over the selected match gave %q", got)
	}
}

func FuzzReplaceAllMatchesStrings(f *testing.F) {
	for _, b := range []string{"The FSB director said.", "aaa", "Москва — Сочи"} {
		f.Add(b, "a", "bb")
	}
	f.Add(strings.Repeat("terror ", 5), "terror", "")
	f.Fuzz(func(t *testing.T, text, query, with string) {
		if query == "" || strings.ContainsAny(text+query+with, "\n\r") || !utf8.ValidString(text+query+with) {
			return
		}
		ed, _ := newTestEditor(t, "x")
		ed.splice(0, 1, []editor.Block{{Text: text}})
		want := strings.ReplaceAll(text, query, with)
		n := ed.ReplaceAll(query, with, FindOptions{MatchCase: true})
		if got := ed.blocks[0].Text; got != want || n != strings.Count(text, query) {
			t.Errorf("ReplaceAll(%q, %q) on %q = %q (%d), strings gives %q", query, with, text, got, n, want)
		}
	})
}
