package interchange_test

import (
	"os"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// BenchmarkParseNewsMLG2: the TASS fixture as the desk's G2 export.
func BenchmarkParseNewsMLG2(b *testing.B) {
	data, err := os.ReadFile("../export/testdata/tass.newsml.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := interchange.ParseNewsMLG2("tass.xml", data, editor.ImportOptions{Year: 2019}); err != nil {
			b.Fatal(err)
		}
	}
}
