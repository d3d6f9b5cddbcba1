package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/storage"
)

// fakeView stands in for app/history and app/checks.
type fakeView struct {
	widget.Label
	loads  []string
	checks []*editor.Article
}

func newFakeView() *fakeView {
	v := &fakeView{}
	v.ExtendBaseWidget(v)
	return v
}

func (v *fakeView) Load(id string, draft func() *editor.Article) {
	v.loads = append(v.loads, id)
	if draft != nil && draft() == nil {
		v.loads = append(v.loads, "nil draft")
	}
}

func (v *fakeView) Check(a *editor.Article) { v.checks = append(v.checks, a) }

func TestExtensions(t *testing.T) {
	hist, chk := newFakeView(), newFakeView()
	var histOpt HistoryOptions
	var chkOpt ChecksOptions
	var exported []string
	h := newHarnessWith(t, Extensions{
		History: func(_ fyne.Window, _ storage.Store, o HistoryOptions) ArticleView { histOpt = o; return hist },
		Checks:  func(_ fyne.Window, _ storage.Store, o ChecksOptions) ChecksView { chkOpt = o; return chk },
		Export:  func(_ fyne.Window, _ storage.Store, ids []string, _ editor.Style, _ *editor.Article) { exported = ids },
		Backup:  func(fyne.Window, storage.Store) {},
	})
	id := h.openFixture(t)
	w := h.w
	if histOpt.Author() != "Test Editor" || histOpt.Style() != editor.StyleTASS || chkOpt.Fix == nil {
		t.Fatal("the views did not get their options")
	}
	// History: loaded when its tab is shown, and on opening while shown.
	press(w, ctrlShift(fyne.KeyH))
	if len(hist.loads) != 1 || hist.loads[0] != id {
		t.Fatalf("history loads %v", hist.loads)
	}
	// Checks: given the copy when the tab is shown, and after typing pauses.
	w.rightTabs.SelectIndex(1)
	if len(chk.checks) != 1 || chk.checks[0].ID != id {
		t.Fatalf("checks %d", len(chk.checks))
	}
	press(w, ctrlShift(fyne.KeyE))
	w.pane.body.FocusBlock(2, 0)
	typeRunes(w, "Teh ")
	if h.timer.checks == nil {
		t.Fatal("no check scheduled after typing")
	}
	h.timer.checks()
	settle(w)
	if n := len(chk.checks); n != 2 || !strings.HasPrefix(editor.ParseBody(chk.checks[1].Body)[2].Text, "Teh ") {
		t.Fatalf("checks after typing: %d", n)
	}
	// Jump and Fix.
	chkOpt.Jump("body", 3, 5, 8)
	if b, off := w.pane.body.Caret(); b != 3 || off != 5 {
		t.Errorf("jump put the caret at %d:%d", b, off)
	}
	fixed := w.Article()
	fixed.Body = strings.Replace(fixed.Body, "Teh ", "The ", 1)
	chkOpt.Fix(fixed)
	if strings.Contains(w.pane.body.Body(), "Teh ") || !w.dirty {
		t.Error("the fix was not taken as an edit")
	}
	h.timer.fire(t, w)
	if strings.Contains(h.draft(t, id).Article.Body, "Teh ") {
		t.Error("the fix was not saved")
	}
	// Export gets the ticked stories, else the open one.
	press(w, ctrl(fyne.KeyE))
	if len(exported) != 1 || exported[0] != id {
		t.Errorf("exported %v", exported)
	}
	if findShortcut(w.win.MainMenu(), ctrl(fyne.KeyE)) == nil || !menuHas(w.win.MainMenu(), "Backup…") || menuHas(w.win.MainMenu(), "Restore…") {
		t.Error("the File menu does not follow the extensions")
	}
	// A restore in the history view reloads the editor.
	a := h.draft(t, id).Article
	a.Headline = "Restored headline"
	rev, err := h.store.SaveRevision(t.Context(), a, storage.Meta{Kind: storage.KindRestore})
	if err != nil {
		t.Fatal(err)
	}
	histOpt.OnRestored(a, rev)
	if w.pane.headline.Text != "Restored headline" || w.dirty {
		t.Errorf("after restore: headline %q, dirty %v", w.pane.headline.Text, w.dirty)
	}
}

func menuHas(m *fyne.MainMenu, label string) bool {
	for _, menu := range m.Items {
		for _, it := range menu.Items {
			if it.Label == label {
				return true
			}
		}
	}
	return false
}
