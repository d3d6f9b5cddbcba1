package review

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/compare"
)

// render writes chunks as text with [-deleted-] and {+inserted+}.
func render(chunks []compare.Chunk) string {
	var b strings.Builder
	for _, c := range chunks {
		switch c.Op {
		case compare.OpDelete:
			b.WriteString("[-" + c.Text + "-]")
		case compare.OpInsert:
			b.WriteString("{+" + c.Text + "+}")
		default:
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

func TestInPlace(t *testing.T) {
	para := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
	a := &editor.Article{ID: "01920000-0000-7000-8000-000000000009", Headline: "Old head",
		Body: editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: para}, {Kind: editor.Paragraph, Text: "gone away"}})}
	b := a.Clone()
	b.Headline = "New head"
	b.Body = editor.FormatBody([]editor.Block{
		{Kind: editor.Paragraph, Text: strings.NewReplacer("three", "3", "twelve", "12").Replace(para)},
		{Kind: editor.Paragraph, Text: "a new paragraph of many words that goes on and on and on"}})
	r := New(a, b)
	want := map[string]string{
		"three":    "one two [-three-]{+3+} four five six …",
		"twelve":   "… nine ten eleven [-twelve-]{+12+} thirteen fourteen fifteen",
		"gone":     "[-gone away-]",
		"new":      "{+a new paragraph of many words that goes on and on and …+}",
		"headline": "[-Old head-] {+New head+}",
	}
	got := map[string]string{}
	for i, c := range r.Changes {
		key := strings.Fields(c.Old + " " + c.New)[0]
		if c.Kind == Field {
			key = c.Field
		}
		if c.Kind == Inserted {
			key = "new"
		}
		got[key] = render(r.InPlace(i, 3))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if r.InPlace(-1, 3) != nil || r.InPlace(len(r.Changes), 3) != nil {
		t.Error("a card out of range shows something")
	}
}
