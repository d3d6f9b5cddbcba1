package transfer

import (
	"context"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/comments"
	"copydesk/editor/formats"
	"copydesk/storage/notes"
)

// The desk copy carries the story's comments, anchored to the copy as
// edited in the window; the public HTML of the same story carries none.
func TestDeskCopyCarriesTheComments(t *testing.T) {
	s, ids := deskWith(t, "ONE")
	ctx := context.Background()
	d, err := s.Draft(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	c, err := comments.New(d.Article, comments.Body, "Copy about ONE", "Which one?", "Anna Petrova", time.Date(2019, 10, 16, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveComment(ctx, s, c); err != nil {
		t.Fatal(err)
	}
	// In the window a paragraph has been put before it since.
	open := d.Article.Clone()
	open.Body = editor.FormatBody(append([]editor.Block{{Kind: editor.Paragraph, Text: "A new lead."}}, editor.ParseBody(open.Body)...))
	load := WithWorkingCopy(StoreLoader(s, editor.StyleTASS), open)
	var desk, public closingBuffer
	if err := writeOne(ids[0], formats.HTML, DeskCopy(load), &desk); err != nil {
		t.Fatal(err)
	}
	if err := writeOne(ids[0], formats.HTML, load, &public); err != nil {
		t.Fatal(err)
	}
	page := desk.String()
	note := strings.Index(page, `<aside class="comment open"`)
	lead, quoted := strings.Index(page, "A new lead."), strings.Index(page, "Copy about ONE")
	if note < 0 || !strings.Contains(page, "Which one?") || lead < 0 || quoted < lead || note < quoted {
		t.Errorf("the desk copy lacks the note beside its words (lead %d, words %d, note %d):\n%s", lead, quoted, note, page)
	}
	if strings.Contains(public.String(), "Which one?") || strings.Contains(public.String(), "comment") {
		t.Error("the public HTML carries the comment")
	}
}
