package interchange_test

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/export/exporttest"
)

// BenchmarkImport measures each importer on the fixture as the desk
// exports it.
func BenchmarkImport(b *testing.B) {
	a := exporttest.Fixture(b)
	for _, f := range formats {
		data, err := f.export(a, exportOptions())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := f.parse("bench", data, editor.ImportOptions{Now: importNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
