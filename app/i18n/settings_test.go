package i18n

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"copydesk/app/escape"
)

func TestLanguageFormItem(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	for _, tc := range []struct {
		window, stored, shows, pick, saved string
	}{
		{English, "", "As the system", "Русский", Russian},
		{English, Russian, "Русский", "English", English},
		{Russian, English, "English", "Как в системе", System},
		{Russian, "klingon", "Как в системе", "Русский", Russian},
	} {
		if _, err := Setup(tc.window); err != nil {
			t.Fatal(err)
		}
		a := test.NewTempApp(t)
		p := a.Preferences()
		if tc.stored != "" {
			p.SetString(PrefKey, tc.stored)
		}
		item, save := LanguageFormItem(test.NewTempWindow(t, nil).Canvas(), p)
		sel := item.Widget.(*escape.Select)
		if sel.Selected != tc.shows {
			t.Errorf("window %s, stored %q: shows %q, want %q", tc.window, tc.stored, sel.Selected, tc.shows)
		}
		sel.SetSelected(tc.pick)
		if got := p.String(PrefKey); got != tc.stored {
			t.Errorf("picking wrote %q before Save", got)
		}
		save()
		if got := p.String(PrefKey); got != tc.saved {
			t.Errorf("window %s: picking %q saved %q, want %q", tc.window, tc.pick, got, tc.saved)
		}
		if got, err := SetupFromPreferences(p); err != nil || got != resolve(tc.saved) {
			t.Errorf("SetupFromPreferences after saving %q = %q, %v", tc.saved, got, err)
		}
	}
}
