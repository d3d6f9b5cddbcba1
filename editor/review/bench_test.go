package review

import (
	"testing"

	"copydesk/editor/compare/compareload"
)

// The workload of issue 17: a 10,000-word story against a copy with about
// 200 changes. Targets: the list ≤ 30 ms, finishing (Apply with some
// rejections) ≤ 50 ms. Run with
//
//	go test -run XXX -bench . -benchmem ./editor/review/
func BenchmarkReview(b *testing.B) {
	a := compareload.Article(1, 10000)
	other := compareload.Edit(a, 2, 200)
	b.Run("list-10k-words-200-edits", func(b *testing.B) {
		var r *Review
		for b.Loop() {
			r = New(a, other)
		}
		b.ReportMetric(float64(len(r.Changes)), "changes")
	})
	b.Run("finish-10k-words-200-edits", func(b *testing.B) {
		r := New(a, other)
		rejected := Set{}
		for i, c := range r.Changes {
			if i%3 == 0 {
				rejected[c.ID] = true
			}
		}
		for b.Loop() {
			r.Apply(rejected)
		}
	})
}
