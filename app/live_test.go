package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/storage"
)

// reloadingView is a History tab that counts what the window asks of it.
type reloadingView struct {
	fakeView
	reloads  int
	readOnly []bool
}

func (v *reloadingView) Reload()             { v.reloads++ }
func (v *reloadingView) SetReadOnly(ro bool) { v.readOnly = append(v.readOnly, ro) }

var _ interface {
	Reloader
	ReadOnlyView
} = (*reloadingView)(nil)

func newReloadingView() *reloadingView {
	v := &reloadingView{}
	v.ExtendBaseWidget(v)
	return v
}

func historyExt(v ArticleView) Extensions {
	return Extensions{History: func(fyne.Window, storage.Store, HistoryOptions) ArticleView { return v }}
}

func headlines(w *Window) []string {
	var hs []string
	for _, r := range w.lib.Rows {
		hs = append(hs, r.Headline)
	}
	return hs
}

func TestOtherDeskChangesShowLive(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	hist := newReloadingView()
	b := openDesk(t, app, hub, boris, true, historyExt(hist))
	story := putStory(t, hub, "Open story", b)
	other := putStory(t, hub, "Other story", b)
	if err := b.w.Open(story); err != nil {
		t.Fatal(err)
	}
	press(b.w, ctrlShift(fyne.KeyH)) // the History tab
	ctx := context.Background()
	// Desk A, without a window: saves to another story.
	deskA := &fakeDesk{Store: hub.store, hub: hub, desk: anna.Desk}
	d, err := deskA.Draft(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	d.Article.Headline = "Other story, rewritten at desk A"
	if _, err := deskA.SaveRevision(ctx, d.Article, storage.Meta{Author: anna.Name, Kind: storage.KindSave}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, b.w, "the library shows desk A's save", func() bool {
		return slices.Contains(headlines(b.w), "Other story, rewritten at desk A")
	})
	if sel := b.w.lib.Rows; len(sel) != 2 || b.w.lib.List.Length() != 2 {
		t.Fatalf("rows %v", headlines(b.w))
	}
	if hist.reloads != 0 {
		t.Errorf("a change to another story reloaded the open story's history (%d)", hist.reloads)
	}
	// A label on the open story: its history reloads; the library keeps
	// the open story selected.
	if err := deskA.SetLabel(ctx, story, 1, "checked by A"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, b.w, "the history reloads", func() bool { return hist.reloads == 1 })
	if i := slices.Index(headlines(b.w), "Open story"); i < 0 {
		t.Fatal("the open story left the library")
	}
	if b.w.doc == nil || b.w.doc.ID != story || b.w.readOnly() {
		t.Error("a label from another desk changed the open story")
	}
	// A save of this desk's own comes back through the feed too, and is
	// dropped there: the window has shown it already.
	b.w.noteChange(storage.Change{ArticleID: story, Kind: storage.ChangeRevision, Desk: boris.Desk})
	pending, _ := b.w.shared.Live.Pending()
	if pending != 0 {
		t.Error("the desk's own change was queued")
	}
}

func TestReaderFollowsTheHolder(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	a := openDesk(t, app, hub, anna, true, Extensions{})
	hist := newReloadingView()
	b := openDesk(t, app, hub, boris, true, historyExt(hist))
	story := putStory(t, hub, "Story being written", a, b)
	if err := a.w.Open(story); err != nil {
		t.Fatal(err)
	}
	if err := b.w.Open(story); err != nil {
		t.Fatal(err)
	}
	if len(hist.readOnly) == 0 || !hist.readOnly[len(hist.readOnly)-1] {
		t.Errorf("the History tab was not made read-only: %v", hist.readOnly)
	}
	press(b.w, ctrlShift(fyne.KeyH))
	test.Type(a.w.pane.standfirst, "LIVE ")
	a.timer.fire(t, a.w)
	waitFor(t, b.w, "the reader sees the autosave", func() bool {
		return strings.Contains(b.w.pane.standfirst.Text, "LIVE ")
	})
	if !b.w.readOnly() || b.w.pane.standfirst.Disabled() == false {
		t.Error("following the holder made the reader's copy editable")
	}
	a.w.SaveRevision("as sent")
	settle(a.w)
	waitFor(t, b.w, "the reader's history shows the revision", func() bool { return hist.reloads > 0 })
	waitFor(t, b.w, "the reader's status bar shows the holder's revision", func() bool {
		return strings.HasSuffix(b.w.status.state.Text, "last revision 2")
	})
	if n := len(hub.revs(t, story)); n != 2 {
		t.Errorf("%d revisions: the reader wrote", n)
	}
}

// A burst of changes reaches the window as one refresh.
func TestBurstIsOneRefresh(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	b := openDesk(t, app, hub, boris, true, Extensions{})
	b.w.cfg.liveDelay = time.Hour // the test flushes by hand
	story := putStory(t, hub, "Busy story", b)
	for range 20 {
		b.w.noteChange(storage.Change{ArticleID: story, Kind: storage.ChangeDraft, Desk: anna.Desk})
	}
	pending, armed := b.w.shared.Live.Pending()
	if pending != 20 || !armed {
		t.Fatalf("%d changes pending, flush armed %v", pending, armed)
	}
	b.w.flushChanges()
	if n := len(uiQueue(b.w)); n != 1 {
		t.Fatalf("20 changes made %d refreshes", n)
	}
	b.w.flushChanges() // the timer's own flush finds nothing left
	if n := len(uiQueue(b.w)); n != 1 {
		t.Errorf("an empty flush queued a refresh (%d)", n)
	}
	settle(b.w)
}

// TestLibraryMarksStoriesHeldElsewhere: a story another desk is editing
// says so in its library row; the mark goes when the lock does, and this
// desk's own lock is never marked.
func TestLibraryMarksStoriesHeldElsewhere(t *testing.T) {
	app := test.NewTempApp(t)
	hub := newFakeHub(t)
	b := openDesk(t, app, hub, boris, true, Extensions{})
	mine := putStory(t, hub, "Boris's story", b)
	theirs := putStory(t, hub, "Anna's story", b)
	if err := b.w.Open(mine); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	deskA := &fakeDesk{Store: hub.store, hub: hub, desk: anna.Desk}
	if _, err := deskA.Acquire(ctx, theirs, anna); err != nil {
		t.Fatal(err)
	}
	detail := func(id string) string {
		l := b.w.lib
		for i, r := range l.Rows {
			if r.ID == id {
				row := l.List.CreateItem()
				l.List.UpdateItem(i, row)
				var texts []string // the headline, then the detail
				walk(row, func(o fyne.CanvasObject) {
					if lb, ok := o.(*widget.Label); ok {
						texts = append(texts, lb.Text)
					}
				})
				return texts[len(texts)-1]
			}
		}
		return "(not listed)"
	}
	waitFor(t, b.w, "the row of the story desk A holds is marked", func() bool {
		return strings.HasPrefix(detail(theirs), "Anna Petrova is editing · Draft · ")
	})
	if d := detail(mine); strings.Contains(d, "editing") {
		t.Errorf("this desk's own story is marked: %q", d)
	}
	if err := deskA.Release(ctx, theirs, anna); err != nil {
		t.Fatal(err)
	}
	waitFor(t, b.w, "the mark goes with the lock", func() bool {
		return !strings.Contains(detail(theirs), "editing")
	})
}
