package compare

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
)

// The workload of issue 4: a 10,000-word article against a copy with 50
// scattered edits (target ≤ 3 ms median), and against an unrelated
// 10,000-word article (target ≤ 100 ms, with a useful result). Run with
//
//	go test -run XXX -bench . -benchmem -count 5 ./editor/compare/
func BenchmarkCompare(b *testing.B) {
	a := compareload.Article(1, 10000)
	cases := []struct {
		name  string
		other *editor.Article
	}{
		{"10k-words-50-edits", compareload.Edit(a, 2, 50)},
		{"10k-words-unrelated", compareload.Article(2, 10000)},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			var r *Result
			cpu0, ok := cpuTime()
			for b.Loop() {
				r = Compare(a, tc.other, Options{})
			}
			if cpu1, ok1 := cpuTime(); ok && ok1 {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
			if r.Coarse {
				b.Error("the comparison ran out of time")
			}
		})
	}
}

func BenchmarkReports(b *testing.B) {
	a := compareload.Article(1, 10000)
	r := Compare(a, compareload.Edit(a, 2, 50), Options{})
	b.Run("redline-html", func(b *testing.B) {
		for b.Loop() {
			Redline(r, ReportMeta{})
		}
	})
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			TextReport(r, ReportMeta{})
		}
	})
}
