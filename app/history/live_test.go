package history

import (
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// Another desk's revision shows up on Reload, and a comparison that
// ended at the latest revision moves on to the new one.
func TestReloadFollowsTheLatest(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	if v.from != 2 || v.to != 3 {
		t.Fatalf("default pair %d→%d", v.from, v.to)
	}
	d.revise("desk A", storage.KindSave, "from desk A", t0.Add(150*time.Minute), func(a *editor.Article) {
		a.Headline += " (updated)"
	})
	onUI(v, v.Reload)
	v.bg.Wait()
	if len(v.revs) != 4 || v.from != 3 || v.to != 4 {
		t.Errorf("after Reload: %d revisions, pair %d→%d", len(v.revs), v.from, v.to)
	}
	// A pair between older revisions stays as picked.
	onUI(v, func() { v.selectSides(1, 2) })
	v.bg.Wait()
	d.revise("desk A", storage.KindSave, "", t0.Add(160*time.Minute), func(a *editor.Article) { a.Standfirst = "Later." })
	onUI(v, v.Reload)
	v.bg.Wait()
	if len(v.revs) != 5 || v.from != 1 || v.to != 2 {
		t.Errorf("after Reload: %d revisions, pair %d→%d", len(v.revs), v.from, v.to)
	}
}

func TestReadOnlyOffersNoRestore(t *testing.T) {
	d := newDesk(t)
	v, _ := newView(t, d, Options{}, nil)
	onUI(v, func() { v.list.Select(2) }) // revision #1, the oldest
	v.bg.Wait()
	if v.restoreBtn.Disabled() {
		t.Fatal("Restore… is not offered for an old revision")
	}
	onUI(v, func() { v.SetReadOnly(true) })
	if !v.restoreBtn.Disabled() || v.labelBtn.Disabled() {
		t.Errorf("read-only: restore disabled %v, label disabled %v", v.restoreBtn.Disabled(), v.labelBtn.Disabled())
	}
	onUI(v, func() { v.confirmRestore(v.revs[0]) })
	if v.win.Canvas().Overlays().Top() != nil {
		t.Error("a restore was offered while read-only")
	}
	onUI(v, func() { v.SetReadOnly(false) })
	if v.restoreBtn.Disabled() {
		t.Error("Restore… stays disabled once editable again")
	}
}
