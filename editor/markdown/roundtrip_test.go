package markdown

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"copydesk/editor"
)

// roundTripArticles are the articles Parse(Format(a)) must give back.
func roundTripArticles(t *testing.T) map[string]*editor.Article {
	base := func() *editor.Article {
		a := editor.New(time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC))
		a.Headline = "Headline"
		a.Body = "One paragraph."
		return a
	}
	noLanguage := base()
	noLanguage.Language = ""
	noBody := base()
	noBody.Body = ""
	localTimes := base()
	kathmandu := time.FixedZone("", 5*3600+45*60)
	localTimes.Created = time.Date(2019, 10, 16, 9, 0, 0, 1, kathmandu)
	localTimes.Modified = time.Date(2019, 10, 16, 9, 0, 0, 0, time.FixedZone("", -7*3600))
	localTimes.Embargo = time.Date(2019, 10, 17, 0, 0, 0, 0, time.FixedZone("", 14*3600))
	inEdit := base()
	inEdit.Status = editor.StatusInEdit
	inEdit.Dateline = editor.Dateline{Date: "2019-10-16"}
	inEdit.Photo = editor.Photo{Credit: "AP"}
	inEdit.Bylines = []editor.Byline{{Name: "A", Role: editor.RoleEditor}}
	return map[string]*editor.Article{
		"fixture":     fixtureArticle(t),
		"hostile":     hostileArticle(t),
		"minimal":     base(),
		"no language": noLanguage,
		"no body":     noBody,
		"local times": localTimes,
		"in edit":     inEdit,
	}
}

func TestRoundTrip(t *testing.T) {
	for name, a := range roundTripArticles(t) {
		t.Run(name, func(t *testing.T) {
			if norm := editor.FormatBody(editor.ParseBody(a.Body)); norm != a.Body {
				t.Fatalf("test article's body is not in the form FormatBody writes:\n got %q\nwant %q", a.Body, norm)
			}
			out := Format(a)
			// A different Now proves created and modified come from the file.
			got, warns, err := Parse("roundtrip.md", out, editor.ImportOptions{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatalf("Parse(Format(a)): %v\n%s", err, out)
			}
			if len(warns) > 0 {
				t.Errorf("Parse(Format(a)) warned: %v", warns)
			}
			want := a.Clone()
			want.EdNote = ""
			if !reflect.DeepEqual(got, want) {
				diffArticles(t, got, want)
			}
			if again := Format(got); !bytes.Equal(again, out) {
				t.Errorf("Format(Parse(Format(a))) != Format(a)")
			}
		})
	}
}

// diffArticles names the fields that differ, since a whole-article dump
// of the hostile article is unreadable.
func diffArticles(t *testing.T, got, want *editor.Article) {
	t.Helper()
	g, w := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range g.NumField() {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("%s:\n got %#v\nwant %#v", g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface())
		}
	}
}

func BenchmarkParse(b *testing.B) {
	data := Format(fixtureArticle(b))
	opt := editor.ImportOptions{Now: time.Now()}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Parse("tass.md", data, opt); err != nil {
			b.Fatal(err)
		}
	}
}
