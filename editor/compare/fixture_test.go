package compare

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/testfixture"
)

// fixtureArticle builds the TASS story as an article without the wire
// parser (written elsewhere at the same time): headline on line 3,
// standfirst on line 5, photo caption and credit on lines 7 and 8, and the
// body from the dateline paragraph on, where a paragraph with no closing
// punctuation is a subhead.
func fixtureArticle(t testing.TB) *editor.Article {
	t.Helper()
	raw := strings.ReplaceAll(string(testfixture.Read(t, testfixture.TASS)), "\r\n", "\n")
	lines := strings.Split(raw, "\n")
	if len(lines) < 10 {
		t.Fatalf("fixture has %d lines, want the TASS story", len(lines))
	}
	start := strings.Index(raw, "SOCHI, October 16.")
	if start < 0 {
		t.Fatal("fixture: no dateline paragraph")
	}
	var blocks []editor.Block
	for _, p := range strings.Split(raw[start:], "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		kind := editor.Paragraph
		if !strings.ContainsAny(p[len(p)-1:], `.!?"”»:;`) {
			kind = editor.Subhead
		}
		blocks = append(blocks, editor.Block{Kind: kind, Text: p})
	}
	created := time.Date(2019, 10, 16, 9, 12, 0, 0, time.UTC)
	return &editor.Article{
		ID:         "01920000-0000-7000-8000-000000000001",
		Slug:       "RUSSIA-SECURITY/FSB",
		Section:    "World",
		Headline:   lines[2],
		Standfirst: lines[4],
		Body:       editor.FormatBody(blocks),
		Dateline:   editor.Dateline{Place: "Sochi", Date: "2019-10-16", Source: "TASS"},
		Photo:      editor.Photo{Caption: lines[6], Credit: strings.TrimPrefix(lines[7], "© ")},
		Tags:       []string{"Russia", "Terrorism", "FSB"},
		Status:     editor.StatusInEdit,
		Urgency:    3,
		Language:   "en",
		Created:    created,
		Modified:   created,
	}
}

// editBlock changes the one body block that starts with prefix.
func editBlock(t testing.TB, a *editor.Article, prefix string, edit func(string) string) {
	t.Helper()
	blocks := editor.ParseBody(a.Body)
	found := 0
	for i := range blocks {
		if strings.HasPrefix(blocks[i].Text, prefix) {
			blocks[i].Text = edit(blocks[i].Text)
			found++
		}
	}
	if found != 1 {
		t.Fatalf("editBlock: %d blocks start with %q, want 1", found, prefix)
	}
	a.Body = editor.FormatBody(blocks)
}

// replaceOnce returns an edit that replaces the first old with new, and
// fails the test when old is not there.
func replaceOnce(t testing.TB, old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("replaceOnce: %q not in %q", old, s)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// moveBlock moves the block that starts with prefix to just after the
// block that starts with after.
func moveBlock(t testing.TB, a *editor.Article, prefix, after string) {
	t.Helper()
	blocks := editor.ParseBody(a.Body)
	from := -1
	for i, b := range blocks {
		if strings.HasPrefix(b.Text, prefix) {
			from = i
		}
	}
	if from < 0 {
		t.Fatalf("moveBlock: no block starts with %q", prefix)
	}
	moved := blocks[from]
	blocks = append(blocks[:from], blocks[from+1:]...)
	for i, b := range blocks {
		if strings.HasPrefix(b.Text, after) {
			blocks = append(blocks[:i+1], append([]editor.Block{moved}, blocks[i+1:]...)...)
			a.Body = editor.FormatBody(blocks)
			return
		}
	}
	t.Fatalf("moveBlock: no block starts with %q", after)
}
