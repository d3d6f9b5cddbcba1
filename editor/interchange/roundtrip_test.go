package interchange_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
	"copydesk/editor/interchange"
)

// importNow stamps imported articles in these tests.
var importNow = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

type format struct {
	name   string
	export func(*editor.Article, export.Options) ([]byte, error)
	parse  func(string, []byte, editor.ImportOptions) (*editor.Article, []editor.Warning, error)
	// drops are the fields the format does not bring back: the import
	// makes them anew (ID, times, status) or the format has no place
	// for them (ednote). See editor/export/testdata/README.md.
	drops []string
}

var formats = []format{
	{"nitf", export.NITF, interchange.ParseNITF, []string{"ID", "Status", "EdNote", "Created", "Modified"}},
	{"ninjs", export.Ninjs, interchange.ParseNinjs, []string{"ID", "Status", "EdNote", "Created", "Modified"}},
}

func exportOptions() export.Options {
	style, rev, now := exporttest.Options()
	return export.Options{Style: style, Revision: rev, Now: now}
}

// roundTrip exports a with f and imports the result.
func roundTrip(t *testing.T, f format, a *editor.Article, opt export.Options) (*editor.Article, []editor.Warning) {
	t.Helper()
	data, err := f.export(a, opt)
	if err != nil {
		t.Fatalf("%s export: %v", f.name, err)
	}
	got, warns, err := f.parse("story."+f.name, data, editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatalf("%s import: %v", f.name, err)
	}
	return got, warns
}

// diffCarried compares every field f carries (all but f.drops) and
// returns one line per difference.
func diffCarried(f format, want, got *editor.Article) []string {
	drop := map[string]bool{}
	for _, d := range f.drops {
		drop[d] = true
	}
	var diffs []string
	wv, gv := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	for i := 0; i < wv.NumField(); i++ {
		name := wv.Type().Field(i).Name
		if drop[name] {
			continue
		}
		w, g := wv.Field(i).Interface(), gv.Field(i).Interface()
		if name == "Embargo" {
			if !want.Embargo.Equal(got.Embargo) {
				diffs = append(diffs, fmt.Sprintf("Embargo: got %v, want %v", got.Embargo, want.Embargo))
			}
			continue
		}
		if !reflect.DeepEqual(w, g) {
			diffs = append(diffs, fmt.Sprintf("%s:\n  got  %q\n  want %q", name, g, w))
		}
	}
	return diffs
}

func TestRoundTrip(t *testing.T) {
	articles := map[string]*editor.Article{
		"fixture": exporttest.Fixture(t),
		"hostile": exporttest.Hostile(),
	}
	for _, f := range formats {
		for name, a := range articles {
			t.Run(f.name+"/"+name, func(t *testing.T) {
				for _, style := range editor.Styles {
					opt := exportOptions()
					opt.Style = style
					got, warns := roundTrip(t, f, a, opt)
					for _, d := range diffCarried(f, a, got) {
						t.Errorf("style %s: %s", style, d)
					}
					if got.Status != editor.StatusDraft || !got.Created.Equal(importNow) || got.ID == a.ID || !editor.ValidID(got.ID) {
						t.Errorf("an import is a new draft stamped now: got status %s, created %v, id %s", got.Status, got.Created, got.ID)
					}
					if got.EdNote != "" {
						t.Errorf("the ednote came back: %q", got.EdNote)
					}
					if len(warns) > 0 {
						t.Errorf("style %s: an export read back gave warnings: %v", style, warns)
					}
				}
			})
		}
	}
}

// The fixture's body comes back byte for byte, NBSPs and all.
func TestRoundTripKeepsFixtureBytes(t *testing.T) {
	a := exporttest.Fixture(t)
	for _, f := range formats {
		got, _ := roundTrip(t, f, a, exportOptions())
		if got.Body != a.Body {
			t.Errorf("%s: body differs", f.name)
		}
		if strings.Count(got.Body, "\u00a0") != strings.Count(a.Body, "\u00a0") {
			t.Errorf("%s: %d no-break spaces, want %d", f.name, strings.Count(got.Body, "\u00a0"), strings.Count(a.Body, "\u00a0"))
		}
	}
}
