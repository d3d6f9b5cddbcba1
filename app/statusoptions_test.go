package app

import (
	"slices"
	"testing"

	"copydesk/editor"
)

// The Status list offers only the moves the workflow allows from where
// the story stands (and where it stands): choosing a forbidden step only
// to be refused was the fault.
func TestStatusListOffersOnlyAllowedSteps(t *testing.T) {
	labels := func(ss ...editor.Status) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Label())
		}
		return out
	}
	for _, c := range []struct {
		status, spikedFrom editor.Status
		want               []string
	}{
		{editor.StatusDraft, "", labels(editor.StatusDraft, editor.StatusInEdit, editor.StatusSpiked)},
		{editor.StatusInEdit, "", labels(editor.StatusDraft, editor.StatusInEdit, editor.StatusReady, editor.StatusSpiked)},
		{editor.StatusReady, "", labels(editor.StatusInEdit, editor.StatusReady, editor.StatusPublished, editor.StatusSpiked)},
		{editor.StatusPublished, "", labels(editor.StatusPublished, editor.StatusSpiked)},
		{editor.StatusSpiked, editor.StatusReady, labels(editor.StatusReady, editor.StatusSpiked)},
	} {
		t.Run(string(c.status), func(t *testing.T) {
			h := newHarness(t)
			a := fixtureArticle(t)
			a.Status, a.SpikedFrom = c.status, c.spikedFrom
			h.openFixtureArticle(t, a)
			w := h.w
			if got := w.meta.Status.Options; !slices.Equal(got, c.want) {
				t.Errorf("status list %q, want %q", got, c.want)
			}
			if w.meta.Status.Selected != c.status.Label() {
				t.Errorf("selected %q", w.meta.Status.Selected)
			}
			var menu []string
			for _, it := range w.statusItems {
				if !it.Disabled {
					menu = append(menu, it.Label)
				}
			}
			if want := slices.DeleteFunc(slices.Clone(c.want), func(s string) bool { return s == editor.StatusSpiked.Label() }); !slices.Equal(menu, want) {
				t.Errorf("Article › Status enables %q, want %q", menu, want)
			}
		})
	}
}
