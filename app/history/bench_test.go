package history

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor/compare"
	"copydesk/editor/compare/compareload"
)

// BenchmarkShowResult measures what the UI goroutine does for a
// comparison of a 10,000-word story with 50 scattered edits: building the
// metadata table, the numbers-and-quotes list and the rows (unchanged runs
// folded), and laying them out. The comparison itself runs off the UI
// goroutine and is measured in editor/compare. Run with
//
//	go test -tags migrated_fynedo,ci -run XXX -bench . ./app/history/
func BenchmarkShowResult(b *testing.B) {
	for _, mode := range []string{modeInline, modeSideBySide} {
		b.Run(mode, func(b *testing.B) {
			test.NewTempApp(b)
			a := compareload.Article(1, 10000)
			r := compare.Compare(a, compareload.Edit(a, 2, 50), compare.Options{})
			w := test.NewTempWindow(b, widget.NewLabel(""))
			v := New(w, nil, Options{})
			w.SetContent(v)
			w.Resize(fyne.NewSize(1100, 720))
			v.id, v.result = a.ID, r
			v.setOpen(true)
			v.mode.Selected = mode
			for b.Loop() {
				v.showResult()
				v.scroll.Refresh()
			}
			b.ReportMetric(float64(len(v.text.rows)), "rows")
		})
	}
}
