package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/app/library"
	"copydesk/editor"
	"copydesk/storage"
)

func libraryIDs(w *Window) []string {
	var ids []string
	for _, r := range w.lib.Rows {
		ids = append(ids, r.ID)
	}
	return ids
}

// An autosave does not move the open story to the top of the library
// under the pointer; its row shows the new figures in place. A revision
// (an explicit save) sorts the list again.
func TestLibraryKeepsItsOrderOnAutosave(t *testing.T) {
	h := newHarness(t)
	older := fixtureArticle(t)
	older.Headline = "Older story"
	h.put(t, older)
	newer := fixtureArticle(t)
	newer.ID = editor.NewID()
	newer.Headline = "Newer story"
	newer.Modified = newer.Modified.Add(time.Minute)
	h.put(t, newer)
	w := h.w
	before := libraryIDs(w)
	if !slices.Equal(before, []string{newer.ID, older.ID}) {
		t.Fatalf("library order %v, want newest first", before)
	}
	if err := w.Open(older.ID); err != nil {
		t.Fatal(err)
	}
	test.Type(w.pane.headline, " (update)")
	h.timer.fire(t, w)
	settle(w)
	if got := libraryIDs(w); !slices.Equal(got, before) {
		t.Errorf("after an autosave the library reads %v, was %v", got, before)
	}
	if got := w.lib.Rows[1].Headline; !strings.Contains(got, "(update)") {
		t.Errorf("the open story's row shows %q after the autosave", got)
	}
	press(w, ctrl("S"))
	settle(w)
	if got := libraryIDs(w); !slices.Equal(got, []string{older.ID, newer.ID}) {
		t.Errorf("after a revision the library reads %v, want the saved story first", got)
	}
}

// "All, spiked too" lists every story, spiked ones as well, newest first.
func TestLibraryListsSpikedToo(t *testing.T) {
	h := newHarness(t)
	live := fixtureArticle(t)
	live.Headline = "Live"
	h.put(t, live)
	dead := fixtureArticle(t)
	dead.ID = editor.NewID()
	dead.Headline = "Spiked"
	dead.Modified = dead.Modified.Add(time.Minute)
	dead.Status, dead.SpikedFrom = editor.StatusSpiked, editor.StatusDraft
	if _, err := h.store.Create(context.Background(), dead, storage.Meta{Kind: storage.KindImport, Time: dead.Modified}); err != nil {
		t.Fatal(err)
	}
	w := h.w
	if !slices.Contains(w.lib.Status.Options, library.AllWithSpiked) {
		t.Fatalf("status filter %q has no %q", w.lib.Status.Options, library.AllWithSpiked)
	}
	w.lib.Status.SetSelected(library.AllWithSpiked)
	settle(w)
	if got := libraryIDs(w); !slices.Equal(got, []string{dead.ID, live.ID}) {
		t.Errorf("%q lists %v, want both, newest first", library.AllWithSpiked, got)
	}
	if w.lib.Count.Text != "2 stories" {
		t.Errorf("count %q", w.lib.Count.Text)
	}
}
