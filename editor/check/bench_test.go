package check_test

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/check/spell"
)

// BenchmarkCheckFixture is one re-check of the fixture as the window runs
// it after a pause in typing: dictionary open, words seen before cached.
func BenchmarkCheckFixture(b *testing.B) {
	needDictionary(b, "en")
	a := fixture(b)
	c := &check.Checker{Rules: check.ForStyle(editor.StyleTASS), Speller: check.NewSpeller(nil, []string{"Bortnikov"})}
	c.Check(a)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c.Check(a)
	}
}

// BenchmarkCheckFixtureCold is the first check of the fixture with the
// dictionary open but nothing cached: every word goes to Hunspell and
// each misspelling gets suggestions.
func BenchmarkCheckFixtureCold(b *testing.B) {
	needDictionary(b, "en")
	a := fixture(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		lib := spell.NewLibrary()
		if _, err := lib.Dictionary("en"); err != nil {
			b.Fatal(err)
		}
		c := &check.Checker{Rules: check.ForStyle(editor.StyleTASS), Speller: check.NewSpeller(lib, nil)}
		b.StartTimer()
		c.Check(a)
	}
}

// BenchmarkStyleFixture is the house-style rules alone.
func BenchmarkStyleFixture(b *testing.B) {
	a := fixture(b)
	r := check.ForStyle(editor.StyleTASS)
	b.ReportAllocs()
	for b.Loop() {
		r.Style(a)
	}
}

// BenchmarkOpenDictionary is loading en_US into Hunspell: paid once per
// language per process.
func BenchmarkOpenDictionary(b *testing.B) {
	needDictionary(b, "en")
	for b.Loop() {
		d, err := spell.Open("en")
		if err != nil {
			b.Fatal(err)
		}
		d.Close()
	}
}

// BenchmarkCheck10kWords is a warm re-check of a 10,000-word story (the
// fixture's body thirteen times): the cost of one pause in typing on the
// longest copy the desk handles.
func BenchmarkCheck10kWords(b *testing.B) {
	needDictionary(b, "en")
	a := fixture(b)
	body := a.Body
	for i := 1; i < 13; i++ {
		a.Body += "\n\n" + body
	}
	b.ReportMetric(float64(a.Words()), "words")
	c := &check.Checker{Rules: check.ForStyle(editor.StyleTASS), Speller: check.NewSpeller(nil, []string{"Bortnikov"})}
	c.Check(a)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c.Check(a)
	}
}
