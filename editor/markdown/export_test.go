package markdown

import (
	"reflect"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// TestExportReadsBackAsTheSameStory: the desk reads its Markdown export
// as the story it came from: every front-matter field the same (the \u
// escapes are YAML's), every block the same to a reader, with the links
// to anything but http, https and mailto turned into their text.
func TestExportReadsBackAsTheSameStory(t *testing.T) {
	for name, a := range roundTripArticles(t) {
		t.Run(name, func(t *testing.T) {
			out := Export(a)
			got, _, err := Parse("export.md", out, editor.ImportOptions{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatalf("Parse(Export(a)): %v\n%s", err, out)
			}
			gotBlocks, wantBlocks := editor.ParseBody(got.Body), editor.ParseBody(a.Body)
			if len(gotBlocks) != len(wantBlocks) {
				t.Fatalf("%d blocks read back, want %d:\n%s", len(gotBlocks), len(wantBlocks), out)
			}
			for i, w := range wantBlocks {
				g := gotBlocks[i]
				want := inline.Canon(inline.Sanitize(inline.Parse(w.Text)))
				if g.Kind != w.Kind || !inline.Equal(inline.Canon(inline.Parse(g.Text)), want) {
					t.Errorf("block %d: %s %q read back as %s %q", i, w.Kind, w.Text, g.Kind, g.Text)
				}
			}
			got.Body, a = "", a.Clone()
			a.Body, a.EdNote = "", ""
			if !reflect.DeepEqual(got, a) {
				diffArticles(t, got, a)
			}
		})
	}
}
