package export_test

import (
	"testing"

	"copydesk/editor/export/exporttest"
)

// BenchmarkExport measures each writer on the TASS fixture (≈ 780 words).
func BenchmarkExport(b *testing.B) {
	a := exporttest.Fixture(b)
	for _, w := range writers {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := w.fn(a, goldenOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
