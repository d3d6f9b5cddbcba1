package interchange_test

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// checkItems is checkImport for the readers that return several stories.
func checkItems(t *testing.T, items []interchange.Item, err error) {
	if err != nil {
		checkImport(t, nil, err)
		return
	}
	if len(items) == 0 {
		t.Fatal("no story and no error")
	}
	for _, it := range items {
		checkImport(t, it.Article, nil)
	}
}

func FuzzParseNewsMLG2(f *testing.F) {
	seeds(f, "../export/testdata/*.newsml.xml", "testdata/g2-*.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := interchange.ParseNewsMLG2("fuzz.xml", data, editor.ImportOptions{Year: 2019})
		checkItems(t, items, err)
	})
}

func FuzzParseWire(f *testing.F) {
	seeds(f, "testdata/anpa-*.txt", "testdata/iptc7901-*.txt")
	f.Add([]byte("\x01dpa0001 4 pl 0010\x02H =\n  Berlin (dpa) - x _ y\n\x03"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := interchange.ParseWire("fuzz.txt", data, editor.ImportOptions{Year: 2019})
		checkItems(t, items, err)
	})
}
