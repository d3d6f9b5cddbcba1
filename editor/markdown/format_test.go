package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

func TestFormatGolden(t *testing.T) {
	tests := []struct {
		golden string
		build  func(testing.TB) *editor.Article
	}{
		{"tass.golden", fixtureArticle},
		{"hostile.golden", hostileArticle},
		{"minimal.golden", func(testing.TB) *editor.Article {
			a := editor.New(time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC))
			a.ID = "0192a1b2-c3d4-7e5f-8a9b-000000000001"
			a.Headline = "Headline only"
			a.Language = ""
			return a
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, Format(tt.build(t)))
		})
	}
}

// The ednote is internal: whatever it holds, no export carries it.
func TestFormatNeverWritesEdNote(t *testing.T) {
	for _, a := range []*editor.Article{fixtureArticle(t), hostileArticle(t)} {
		out := Format(a)
		if bytes.Contains(out, []byte("EDNOTE-SECRET")) || bytes.Contains(out, []byte("ednote")) {
			t.Errorf("Format wrote the ednote of %s:\n%s", a.ID, out)
		}
	}
}

// The front matter ends at the first "---" line, so no field may put one
// there, and the body must follow the front matter unchanged.
func TestFormatFrontMatterHoldsEveryField(t *testing.T) {
	for _, a := range []*editor.Article{fixtureArticle(t), hostileArticle(t)} {
		src := newSource("x.md", Format(a))
		yamlText, _, body, _, has, err := src.splitFrontMatter()
		if err != nil || !has {
			t.Fatalf("no front matter found: %v", err)
		}
		if strings.TrimLeft(body, "\n") != a.Body+"\n" {
			t.Errorf("the body after the front matter is not the article's body as stored")
		}
		keys := topKeys(t, yamlText)
		want := []string{"id", "slug", "section", "headline", "standfirst", "dateline", "bylines", "photo",
			"tags", "status", "urgency", "language", "embargo", "correction", "created", "modified"}
		if a.SpikedFrom != "" {
			want = append(want[:10], append([]string{"spiked_from"}, want[10:]...)...)
		}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("front matter keys\n got %v\nwant %v", keys, want)
		}
	}
}

func TestFormatLeavesOutEmptyFields(t *testing.T) {
	a := editor.New(time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC))
	a.Headline = "H"
	src := newSource("x.md", Format(a))
	yamlText, _, body, _, _, err := src.splitFrontMatter()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"id", "headline", "status", "language", "created", "modified"}
	if keys := topKeys(t, yamlText); !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if body != "" {
		t.Errorf("an empty body wrote %q after the front matter", body)
	}
}

func topKeys(t *testing.T, yamlText string) []string {
	t.Helper()
	r := &fmReader{src: newSource("x.md", nil), firstLine: 2, a: editor.New(time.Now()), lines: map[string]int{}}
	if err := r.read(yamlText); err != nil {
		t.Fatalf("front matter does not read back: %v", err)
	}
	if len(r.warnings) > 0 {
		t.Errorf("front matter draws warnings: %v", r.warnings)
	}
	var keys []string
	for _, l := range strings.Split(yamlText, "\n") {
		if k, _, ok := strings.Cut(l, ":"); ok && l != "" && l[0] != ' ' && l[0] != '-' {
			keys = append(keys, k)
		}
	}
	return keys
}

func BenchmarkFormat(b *testing.B) {
	a := fixtureArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		Format(a)
	}
}
