package export_test

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/comments"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
)

// deskComments makes, on the fixture a, a comment on the headline, one on
// a body figure (replied to and resolved), one carrying markup in its
// note, and one orphaned (its words then deleted from a).
func deskComments(t *testing.T, a *editor.Article) []*comments.Comment {
	t.Helper()
	at := time.Date(2019, 10, 16, 10, 0, 0, 0, time.UTC)
	mk := func(field, quote, note, who string) *comments.Comment {
		c, err := comments.New(a, field, quote, note, who, at)
		if err != nil {
			t.Fatalf("%q: %v", quote, err)
		}
		at = at.Add(time.Minute)
		return c
	}
	head := mk(comments.Headline, strings.Fields(a.Headline)[0], "Headline too long?", "Anna Petrova")
	fig := mk(comments.Body, "43,500 persons", "Check the figure", "Anna Petrova")
	if err := fig.Reply("Boris", "Confirmed by phone", at); err != nil {
		t.Fatal(err)
	}
	if err := fig.Resolve("Anna Petrova", at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	hostile := mk(comments.Body, "foreign terrorist militants", `<script>alert(1)</script> & "quotes"`, "")
	gone := mk(comments.Body, "116 terrorist organizations", "Which list?", "Ivan")
	a.Body = strings.Replace(a.Body, "116 terrorist organizations", "many groups", 1)
	cs := []*comments.Comment{head, fig, hostile, gone}
	comments.Reanchor(cs, a)
	if !gone.Orphaned || fig.Orphaned {
		t.Fatalf("anchoring: gone %v, fig %v", gone.Orphaned, fig.Orphaned)
	}
	return cs
}

func TestDeskCopyHasMarginNotes(t *testing.T) {
	a := exporttest.Fixture(t)
	cs := deskComments(t, a)
	out, err := export.DeskCopyHTML(a, cs, goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	if n := strings.Count(page, `<aside class="comment`); n != 4 {
		t.Errorf("%d margin notes, want 4", n)
	}
	// Each note stands right after the block holding its words.
	for _, c := range cs[1:3] {
		note := strings.Index(page, `id="comment-`+c.ID+`"`)
		para := strings.LastIndex(page[:max(note, 0)], "<p dir=\"auto\">")
		if note < 0 || para < 0 || !strings.Contains(page[para:note], strings.Fields(c.Quote)[0]) {
			t.Errorf("the note on %q is not beside its paragraph", c.Quote)
		}
	}
	head := strings.Index(page, `id="comment-`+cs[0].ID+`"`)
	if head < strings.Index(page, "</header>") || head > strings.Index(page, `<div class="body">`) {
		t.Error("the headline's note is not after the header")
	}
	for _, want := range []string{
		"Desk copy with the desk's comments — not for publication",
		`<aside class="comment resolved" id="comment-` + cs[1].ID + `">`,
		`<b>Anna Petrova</b> <time datetime="2019-10-16T10:01:00Z">16 Oct 2019 10:01 UTC</time> · <span class="state">resolved</span>`,
		"<p>43,500 persons</p></blockquote>",
		">Check the figure</p>",
		"<li><b>Boris</b> <time",
		": <span dir=\"auto\">Confirmed by phone</span></li>",
		"&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"",
		"<b>(no name)</b>",
		"<h2>Comments whose words are gone</h2>\n" + `<aside class="comment orphaned" id="comment-` + cs[3].ID,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the desk copy lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("a note's markup reached the page unescaped")
	}
	// The public page of the same story carries none of it.
	pub, err := export.HTML(a, goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, never := range []string{"comment", "Check the figure", "desk copy", "Which list?"} {
		if strings.Contains(strings.ToLower(string(pub)), strings.ToLower(never)) {
			t.Errorf("the public HTML carries %q", never)
		}
	}
}
