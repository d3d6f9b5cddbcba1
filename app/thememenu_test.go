package app

import (
	"testing"
)

// View › Theme marks the theme in use, and follows a change.
func TestThemeMenuMarksTheCurrentTheme(t *testing.T) {
	h := newHarness(t)
	w := h.w
	checked := func() []string {
		var on []string
		for _, m := range w.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Label != "Theme" || it.ChildMenu == nil {
					continue
				}
				for _, c := range it.ChildMenu.Items {
					if c.Checked {
						on = append(on, c.Label)
					}
				}
			}
		}
		return on
	}
	if got := checked(); len(got) != 1 || got[0] != "System" {
		t.Errorf("at start the Theme menu marks %q, want [System]", got)
	}
	w.setTheme(ThemeDark)
	if got := checked(); len(got) != 1 || got[0] != "Dark" {
		t.Errorf("after choosing Dark the Theme menu marks %q", got)
	}
}
