package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestMainLayoutMarkup keeps the main window's layout in goldens
// (testdata/*.xml; go test -update rewrites them).
func TestMainLayoutMarkup(t *testing.T) {
	tests := []struct {
		name string
		do   func(t *testing.T, h *harness)
	}{
		{"empty.xml", func(t *testing.T, h *harness) {}},
		{"fixture.xml", func(t *testing.T, h *harness) {
			a := fixtureArticle(t)
			a.Tags = []string{"Russia", "FSB", "terrorism"}
			h.openFixtureArticle(t, a)
		}},
		{"find.xml", func(t *testing.T, h *harness) {
			h.openFixture(t)
			press(h.w, ctrl(fyne.KeyH))
			typeRunes(h.w, "Bortnikov")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			tt.do(t, h)
			assertMarkup(t, tt.name, h.w.win.Canvas())
		})
	}
}
