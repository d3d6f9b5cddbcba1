package comments

import (
	"errors"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
)

var now = time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)

func story() *editor.Article {
	return &editor.Article{ID: "01920000-0000-7000-8000-000000000001", Headline: "Council votes to close plant",
		Standfirst: "Workers vow to fight the decision",
		Body: editor.FormatBody([]editor.Block{
			{Kind: editor.Paragraph, Text: "The council met on Monday and voted 12 to 3 to close the plant."},
			{Kind: editor.Paragraph, Text: "Workers protested outside the town hall for most of the afternoon."},
			{Kind: editor.Paragraph, Text: "“We will appeal,” the union leader said after the vote."},
		})}
}

func body(paras ...string) string {
	var bs []editor.Block
	for _, p := range paras {
		bs = append(bs, editor.Block{Kind: editor.Paragraph, Text: p})
	}
	return editor.FormatBody(bs)
}

func TestReanchor(t *testing.T) {
	p1 := "The council met on Monday and voted 12 to 3 to close the plant."
	p2 := "Workers protested outside the town hall for most of the afternoon."
	p3 := "“We will appeal,” the union leader said after the vote."
	tests := []struct {
		name, quote string
		edit        func(a *editor.Article)
		want        string // the quote after; "" means orphaned
	}{
		{"unchanged", "voted 12 to 3", func(*editor.Article) {}, "voted 12 to 3"},
		{"words inserted before", "voted 12 to 3", func(a *editor.Article) {
			a.Body = body("The city council met late on Monday and voted 12 to 3 to close the plant.", p2, p3)
		}, "voted 12 to 3"},
		{"figure inside changed", "voted 12 to 3 to close", func(a *editor.Article) {
			a.Body = body("The council met on Monday and voted 12 to 4 to close the plant.", p2, p3)
		}, "voted 12 to 4 to close"},
		{"last word replaced", "voted 12 to 3", func(a *editor.Article) {
			a.Body = body("The council met on Monday and voted 12 to 4 to close the plant.", p2, p3)
		}, "voted 12 to 4"},
		{"paragraph moved", "town hall", func(a *editor.Article) { a.Body = body(p3, p1, p2) }, "town hall"},
		{"paragraph moved and edited", "town hall", func(a *editor.Article) {
			a.Body = body(p3, p1, "Hundreds of workers protested outside the town hall all afternoon.")
		}, "town hall"},
		{"paragraph inserted before", "union leader", func(a *editor.Article) {
			a.Body = body("A new first paragraph.", p1, p2, p3)
		}, "union leader"},
		{"words deleted", "on Monday", func(a *editor.Article) {
			a.Body = body("The council met and voted 12 to 3 to close the plant.", p2, p3)
		}, ""},
		{"paragraph deleted", "town hall", func(a *editor.Article) { a.Body = body(p1, p3) }, ""},
		{"headline edited", "close plant", func(a *editor.Article) { a.Headline = "City council votes to close plant" }, "close plant"},
		{"standfirst", "fight", func(a *editor.Article) { a.Standfirst = "Angry workers vow to fight on" }, "fight"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := story()
			c, err := New(a, "", tc.quote, "check this", "ed", now)
			if err != nil {
				t.Fatal(err)
			}
			b := a.Clone()
			tc.edit(b)
			c.Reanchor(b)
			if tc.want == "" {
				if !c.Orphaned || c.Quote != tc.quote || c.State() != "orphaned" {
					t.Fatalf("want orphaned with the last quote %q; got orphaned=%v quote %q", tc.quote, c.Orphaned, c.Quote)
				}
				// The words come back (a restore): anchored again.
				c.Reanchor(a)
				if c.Orphaned || c.Quote != tc.quote {
					t.Fatalf("after restore: orphaned=%v quote %q", c.Orphaned, c.Quote)
				}
				return
			}
			if c.Orphaned || c.Quote != tc.want {
				t.Fatalf("quote %q orphaned=%v, want %q", c.Quote, c.Orphaned, tc.want)
			}
			text, _ := FieldText(b, c.Anchor.Field)
			if c.Anchor.Field == Body {
				text = editor.ParseBody(b.Body)[c.Anchor.Block].Text
			}
			if text[c.Anchor.Start:c.Anchor.End] != tc.want {
				t.Fatalf("anchor %+v does not point at %q", c.Anchor, tc.want)
			}
		})
	}
}

func TestNewRefuses(t *testing.T) {
	a := story()
	tests := []struct{ field, quote, note, want string }{
		{"", "", "n", "quote: is empty"},
		{"", "voted", " ", "note: is empty"},
		{"", "not in the story", "n", "is not in the headline, standfirst or body"},
		{"headline", "voted 12", "n", "is not in the headline"},
		{"", "plant.\n\nWorkers", "n", "within one paragraph"},
	}
	for _, tc := range tests {
		_, err := New(a, tc.field, tc.quote, tc.note, "ed", now)
		var fe *editor.FieldError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%q, %q): %v, want a field error with %q", tc.field, tc.quote, err, tc.want)
		}
	}
}

func TestResolveReopenReply(t *testing.T) {
	c, err := New(story(), "", "town hall", "which hall?", "ed", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Reply("rep", "the old one", now); err != nil {
		t.Fatal(err)
	}
	if err := c.Resolve("ed", now); err != nil || c.State() != "resolved" {
		t.Fatalf("resolve: %v %s", err, c.State())
	}
	if err := c.Resolve("ed", now); err == nil {
		t.Fatal("resolving twice was allowed")
	}
	if err := c.Reopen("ed", now); err != nil || c.State() != "open" {
		t.Fatalf("reopen: %v %s", err, c.State())
	}
	var whats []string
	for _, e := range c.Events {
		whats = append(whats, e.What)
	}
	if got := strings.Join(whats, ","); got != "added,replied,resolved,reopened" || len(c.Replies()) != 1 {
		t.Fatalf("events %s, replies %d", got, len(c.Replies()))
	}
}

// BenchmarkReanchor: 100 comments spread over a 10,000-word story, carried
// over one edit (target ≤ 5 ms), and over a revision with 50 edits.
func BenchmarkReanchor(b *testing.B) {
	a := compareload.Article(1, 10000)
	blocks := editor.ParseBody(a.Body)
	var cs []*Comment
	for i := 0; len(cs) < 100; i++ {
		bl := blocks[(i*7)%len(blocks)]
		ws := strings.Fields(bl.Text)
		if len(ws) < 4 {
			continue
		}
		c, err := New(a, Body, strings.Join(ws[1:3], " "), "n", "ed", now)
		if err != nil {
			b.Fatal(err)
		}
		cs = append(cs, c)
	}
	oneEdit := a.Clone()
	blocks[3].Text = "Inserted words. " + blocks[3].Text
	oneEdit.Body = editor.FormatBody(blocks)
	cases := []struct {
		name string
		to   *editor.Article
	}{{"100-comments-one-edit", oneEdit}, {"100-comments-50-edits", compareload.Edit(a, 2, 50)}}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			work := make([]*Comment, len(cs))
			for b.Loop() {
				for i, c := range cs {
					cc := *c
					work[i] = &cc
				}
				Reanchor(work, tc.to)
			}
		})
	}
}
