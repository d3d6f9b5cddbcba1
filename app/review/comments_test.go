package review

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/notes"
	"copydesk/storage/storetest"
)

// TestCommentsDialog: a comment on the selected words, a reply and a
// resolution are stored at once; no revision is made.
func TestCommentsDialog(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes to close plant", 100, 2)
	file(t, s, a)
	w := test.NewWindow(nil)
	defer w.Close()
	v := NewComments(w, CommentOptions{Ctx: ctx, Store: s, Article: a, Author: "sub", Quote: "close plant"}, nil)
	v.open()
	if w.Canvas().Focused() != v.note {
		t.Fatalf("with words selected the keyboard is on %T, not the comment", w.Canvas().Focused())
	}
	test.Type(v.note, "Which plant?")
	v.doAdd()
	stored := waitComments(t, s, a.ID, func(n int, st string) bool { return n == 1 })
	if stored[0].Quote != "close plant" || stored[0].Anchor.Field != "headline" || stored[0].Author != "sub" {
		t.Fatalf("stored %+v", stored[0])
	}
	if v.selected != 0 {
		t.Fatalf("the new comment is not selected: %d", v.selected)
	}
	test.Type(v.reply, "The one in Leeds")
	v.doReply()
	test.Tap(v.toggle)
	got := waitComments(t, s, a.ID, func(_ int, st string) bool { return st == "resolved" })
	if len(got[0].Replies()) != 1 {
		t.Fatalf("replies %+v", got[0].Events)
	}
	if revs, _ := s.Revisions(ctx, a.ID); len(revs) != 1 {
		t.Fatalf("comments made %d revisions", len(revs)-1)
	}
}

func waitUI(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the dialog did not get there")
		}
	}
}

func waitComments(t *testing.T, s storage.Store, id string, ok func(n int, state string) bool) []*comments.Comment {
	t.Helper()
	var cs []*comments.Comment
	waitUI(t, func() bool {
		got, err := notes.Comments(context.Background(), s, id)
		if err != nil {
			t.Fatal(err)
		}
		cs = got
		st := ""
		if len(cs) > 0 {
			st = cs[0].State()
		}
		return ok(len(cs), st)
	})
	return cs
}

// TestEscapeClosesTheCommentsFromAnEntry: with the caret in the comment,
// Escape closes the dialog (a focused entry takes every key).
func TestEscapeClosesTheCommentsFromAnEntry(t *testing.T) {
	ctx, s := newStore(t)
	a := storetest.Article("Council votes to close plant", 100, 2)
	w := test.NewWindow(nil)
	defer w.Close()
	v := NewComments(w, CommentOptions{Ctx: ctx, Store: s, Article: a, Author: "sub"}, nil)
	v.open()
	if w.Canvas().Focused() != v.quote {
		t.Fatalf("with nothing selected the keyboard is on %T, not the quote", w.Canvas().Focused())
	}
	closed := false
	v.d.SetOnClosed(func() { closed = true })
	test.Type(v.quote, "close")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Escape in the quote did not close the comments")
	}
}
