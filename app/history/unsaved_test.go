package history

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// A window's copy that differs from the latest revision only in its
// modified time (the window stamps it when edits were undone, or after a
// revision) holds no changes: History must not offer it as changed, a
// restore must not promise to keep changes, nor write a checkpoint that
// holds nothing new.
func TestDraftOnlyRestampedIsNotChanged(t *testing.T) {
	for _, c := range []struct {
		name        string
		edit        func(*editor.Article)
		changed     bool
		wantOption  string
		wantKinds   []storage.Kind
		wantMessage string
	}{
		{"same copy, new time", func(a *editor.Article) { a.Modified = t0.Add(5 * time.Hour) }, false,
			"same as the latest", []storage.Kind{storage.KindRestore}, ""},
		{"a changed headline", func(a *editor.Article) { a.Headline = "Changed"; a.Modified = t0.Add(5 * time.Hour) }, true,
			"changes since #3", []storage.Kind{storage.KindCheckpoint, storage.KindRestore}, "changes since revision #3 are kept first, as revision #4"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDesk(t)
			before := d.revisions()
			draft := d.draft()
			c.edit(draft)
			v, _ := newView(t, d, Options{}, func() *editor.Article { return draft })
			if got := v.draftDiffers(); got != c.changed {
				t.Errorf("draftDiffers = %v, want %v", got, c.changed)
			}
			if !strings.Contains(v.fromSel.Options[0], c.wantOption) {
				t.Errorf("draft option %q, want %q in it", v.fromSel.Options[0], c.wantOption)
			}
			var msg string
			onUI(v, func() { msg = v.restoreMessage(before[0]) })
			if strings.Contains(msg, "kept first") != (c.wantMessage != "") || !strings.Contains(msg, c.wantMessage) {
				t.Errorf("restore message %q, want %q", msg, c.wantMessage)
			}
			if strings.Contains(msg, "unsaved") {
				t.Errorf("restore message speaks of unsaved changes, but the draft is autosaved: %q", msg)
			}
			onUI(v, func() { v.restore(1, nil) })
			v.bg.Wait()
			var kinds []storage.Kind
			for _, r := range d.revisions()[len(before):] {
				kinds = append(kinds, r.Kind)
			}
			if !slices.Equal(kinds, c.wantKinds) {
				t.Errorf("new revisions %q, want %q", kinds, c.wantKinds)
			}
		})
	}
}

// Enter in the label dialog saves the label, as the Save button does.
func TestEnterSavesTheLabel(t *testing.T) {
	d := newDesk(t)
	v, w := newView(t, d, Options{}, nil)
	onUI(v, func() { v.list.Select(1) }) // #2
	v.bg.Wait()
	onUI(v, v.labelSelected)
	c := w.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("no label dialog")
	}
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			entry = e
		}
	}
	if entry == nil {
		t.Fatal("the label dialog has no entry")
	}
	onUI(v, func() {
		entry.SetText("legal OK")
		entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	v.bg.Wait()
	if revs := d.revisions(); revs[1].Label != "legal OK" {
		t.Errorf("after Enter the label is %q", revs[1].Label)
	}
}
