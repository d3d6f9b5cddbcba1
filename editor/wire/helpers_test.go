package wire

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"copydesk/editor"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// importDay is the import date the tests stamp articles with: the day after
// the fixture's story, so the assumed year is 2019.
var importDay = time.Date(2019, 10, 17, 8, 0, 0, 0, time.UTC)

func opts() editor.ImportOptions { return editor.ImportOptions{Now: importDay} }

func mustParse(t testing.TB, name string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning) {
	t.Helper()
	a, warns, err := Parse(name, data, opt)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return a, warns
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// carried is the dateline as a house style shows it: TASS drops the
// region, AP the date, and no style shows the year, which a re-import
// assumes.
func carried(d editor.Dateline, style editor.Style) editor.Dateline {
	if style == editor.StyleTASS {
		d.Region = ""
	}
	if style == editor.StyleAP {
		d.Date = ""
	}
	if d.Date != "" {
		d.Date = d.Date[4:] // -MM-DD
	}
	d.DateAssumed = d.Date != ""
	return d
}

// diffArticles lists the fields in which b, a re-import of a written in
// style, differs from a. ID and times are the import's own.
func diffArticles(a, b *editor.Article, style editor.Style) []string {
	var diffs []string
	check := func(field string, x, y any) {
		if !reflect.DeepEqual(x, y) {
			diffs = append(diffs, field)
		}
	}
	check("section", a.Section, b.Section)
	check("headline", a.Headline, b.Headline)
	check("standfirst", a.Standfirst, b.Standfirst)
	check("body", a.Body, b.Body)
	check("dateline", carried(a.Dateline, style), carried(b.Dateline, style))
	check("bylines", a.Bylines, b.Bylines)
	check("photo", a.Photo, b.Photo)
	check("tags", a.Tags, b.Tags)
	check("status", a.Status, b.Status)
	check("language", a.Language, b.Language)
	check("correction", a.Correction, b.Correction)
	check("embargo", a.Embargo.UTC(), b.Embargo.UTC())
	return diffs
}
