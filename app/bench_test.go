package app

import (
	"sort"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

// longArticle is the fixture with its body repeated to at least words
// words (about 300 blocks for 10,000), every kind of block included.
func longArticle(t testing.TB, words int) *editor.Article {
	t.Helper()
	a := fixtureArticle(t)
	base := editor.ParseBody(a.Body)
	var out []editor.Block
	for n := 0; n < words; {
		for _, b := range base {
			out = append(out, b)
			n += editor.CountWords(b.Text)
			if n >= words {
				break
			}
		}
	}
	for i := range out {
		if out[i].Kind == editor.Paragraph && strings.HasPrefix(out[i].Text, `"`) && i%2 == 0 {
			out[i].Kind = editor.Quote
		}
	}
	a.Body = editor.FormatBody(out)
	a.ID = editor.NewID()
	return a
}

// BenchmarkTypeCharacter10kWords is one typed character in the middle of
// a 10,000-word story in the whole window: the block editor's work, the
// window's bookkeeping (counts in the status bar, "Unsaved changes", the
// autosave timer reset). The median per character is reported as
// ms-median/char beside the mean.
func BenchmarkTypeCharacter10kWords(b *testing.B) { benchType(b, 10000) }

func benchType(b *testing.B, words int) {
	h := newHarness(b)
	a := longArticle(b, words)
	h.openFixtureArticle(b, a)
	w := h.w
	mid := len(editor.ParseBody(a.Body)) / 2
	w.pane.body.FocusBlock(mid, 10)
	f := w.win.Canvas().Focused()
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i > 0 && i%120 == 0 {
			// A paragraph grows by a sentence, not by b.N characters: put
			// the caret in the next block every 120 characters.
			b.StopTimer()
			mid = (mid + 1) % len(w.pane.body.Blocks())
			w.pane.body.FocusBlock(mid, 10)
			f = w.win.Canvas().Focused()
			b.StartTimer()
		}
		r := rune('a' + i%26)
		if i%6 == 5 {
			r = ' '
		}
		t0 := time.Now()
		f.TypedRune(r)
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	if !w.dirty || w.status.state.Text != "Unsaved changes" {
		b.Fatal("typing did not register as an edit")
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2])/1e6, "ms-median/char")
}

// BenchmarkOpen10kWords opens a 10,000-word story in the window (read the
// draft from Badger, fill the editor, the metadata panel and the status
// bar), switching between two such stories.
func BenchmarkOpen10kWords(b *testing.B) {
	h := newHarness(b)
	one, two := longArticle(b, 10000), longArticle(b, 10000)
	two.Headline = "Second long story"
	h.put(b, one)
	h.put(b, two)
	ids := []string{one.ID, two.ID}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := h.w.Open(ids[i%2]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if h.w.pane.body.Words() < 10000 {
		b.Fatalf("opened %d words", h.w.pane.body.Words())
	}
}
