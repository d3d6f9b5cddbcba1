package compare

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"copydesk/editor"
)

// FuzzCompare checks the property everything else rests on: for any valid
// UTF-8 bodies (and headlines), the comparison's two sides rebuild A and B
// exactly, moves are linked both ways, every number and quote points at a
// real entry, and both reports render. Invalid UTF-8 never reaches Compare
// (the store validates; TestInvalidUTF8 covers it separately), so the
// fuzzer skips it.
func FuzzCompare(f *testing.F) {
	// Seeds from the fixture's short blocks (a subhead and two quoting
	// paragraphs). Kept small on purpose: the fuzzer minimises every new
	// input in O(n²) tries, so a whole-story seed spends each minute
	// minimising. Whole stories are covered by the fixture tests.
	a := fixtureArticle(f)
	all := editor.ParseBody(a.Body)
	blocks := []editor.Block{all[5], all[7], all[8]}
	bodyA := editor.FormatBody(blocks)
	blocks[1].Text = strings.Replace(blocks[1].Text, "43,500", "45,300", 1)
	blocks[0], blocks[2] = blocks[2], blocks[0]
	bodyB := editor.FormatBody(blocks)
	f.Add(bodyA, bodyB, a.Headline, "IS terrorists beaten")
	f.Add(bodyA, "", "", a.Headline)
	f.Add("", bodyB, "x", "y")
	f.Add("One.\n\nTwo.\n\nThree.", "Three.\n\nOne.\n\n## Two", "a", "a")
	f.Add("> “Quoted 43,500,” he said.\n\n#\n\n", "> «Quoted 45,300», he said.\n\n##\n", "", "")
	f.Add("a\r\nb\n\n\n\nc  d", "a\nb\n\nc\u00a0d", "  ", "\t")
	f.Fuzz(func(t *testing.T, bodyA, bodyB, headA, headB string) {
		if !utf8.ValidString(bodyA) || !utf8.ValidString(bodyB) || !utf8.ValidString(headA) || !utf8.ValidString(headB) {
			t.Skip("invalid UTF-8 never reaches Compare")
		}
		r := Compare(&editor.Article{Headline: headA, Body: bodyA}, &editor.Article{Headline: headB, Body: bodyB}, Options{DiffTimeout: -1})
		checkRebuild(t, r, bodyA, bodyB)
		if headA != headB {
			if len(r.Fields) == 0 || r.Fields[0].Field != "headline" {
				t.Fatalf("headline change not listed: %+v", r.Fields)
			}
			if f := r.Fields[0]; f.RebuildOld() != headA || f.RebuildNew() != headB {
				t.Errorf("headline chunks rebuild %q → %q", f.RebuildOld(), f.RebuildNew())
			}
		}
		for _, e := range r.Blocks {
			for i, c := range e.Chunks {
				if c.Text == "" || i > 0 && e.Chunks[i-1].Op == c.Op {
					t.Errorf("chunks not merged or empty: %q", e.Chunks)
				}
			}
		}
		page := Redline(r, ReportMeta{ArticleID: headA})
		if _, err := html.Parse(bytes.NewReader(page)); err != nil || !utf8.Valid(page) {
			t.Errorf("redline does not parse: %v", err)
		}
		if !utf8.Valid(TextReport(r, ReportMeta{})) {
			t.Error("text report is not UTF-8")
		}
	})
}
