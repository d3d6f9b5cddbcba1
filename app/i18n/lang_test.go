package i18n

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"copydesk/app/i18n/i18ntest"
)

// setLocale gives the process the locale variables in env (all others
// unset) for the test.
func setLocale(t *testing.T, env map[string]string) {
	t.Helper()
	for _, k := range localeVars {
		t.Setenv(k, "")
		_ = os.Unsetenv(k)
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
}

func TestSetupChoosesLanguage(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	for _, tc := range []struct {
		name   string
		env    map[string]string
		choice string
		want   string
	}{
		{"system Russian", map[string]string{"LANG": "ru_RU.UTF-8"}, System, Russian},
		{"system English", map[string]string{"LANG": "en_GB.UTF-8"}, System, English},
		{"LANGUAGE list, Russian second", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "uk:ru"}, System, Russian},
		{"other language gets English", map[string]string{"LANG": "de_DE.UTF-8"}, System, English},
		{"C locale", map[string]string{"LC_ALL": "C"}, System, English},
		{"no locale", nil, System, English},
		{"LC_ALL beats LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "ru_RU.UTF-8"}, System, Russian},
		{"unknown choice is system", map[string]string{"LANG": "ru_RU.UTF-8"}, "klingon", Russian},
		{"Settings: Russian on an English system", map[string]string{"LANG": "en_US.UTF-8"}, Russian, Russian},
		{"Settings: English on a Russian system", map[string]string{"LANG": "ru_RU.UTF-8", "LANGUAGE": "ru"}, English, English},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setLocale(t, tc.env)
			got, err := Setup(tc.choice)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want || Current() != tc.want {
				t.Fatalf("Setup(%q) under %v = %q, Current %q; want %q", tc.choice, tc.env, got, Current(), tc.want)
			}
			wantSave := map[string]string{English: "Save revision", Russian: "Сохранить версию"}[tc.want]
			if s := T("Save revision"); s != wantSave {
				t.Errorf("T(Save revision) = %q, want %q", s, wantSave)
			}
			// The environment is the process's again: children and C
			// libraries see the real locale.
			for _, k := range localeVars {
				if got, want := os.Getenv(k), tc.env[k]; got != want {
					t.Errorf("$%s = %q after Setup, want %q", k, got, want)
				}
			}
		})
	}
}

// Fyne translates its own dialogs' buttons when the language is Russian,
// and leaves them English when the window is English on a Russian system.
func TestFyneDialogsFollowTheChoice(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	for _, tc := range []struct {
		choice, want, notWant string
	}{
		{Russian, "Нет", "No"},
		{English, "No", "Нет"},
	} {
		setLocale(t, map[string]string{"LANG": "ru_RU.UTF-8"})
		if _, err := Setup(tc.choice); err != nil {
			t.Fatal(err)
		}
		w := test.NewTempWindow(t, nil)
		dialog.ShowConfirm("t", "m", nil, w)
		texts := i18ntest.CanvasTexts(w.Canvas(), nil)
		if !contains(texts, tc.want) || contains(texts, tc.notWant) {
			t.Errorf("%s: dialog shows %q, want %q and not %q", tc.choice, texts, tc.want, tc.notWant)
		}
	}
}

func TestRussianPlurals(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	want := map[string]map[int]string{
		Russian: {0: "0 слов", 1: "1 слово", 2: "2 слова", 4: "4 слова", 5: "5 слов", 11: "11 слов", 12: "12 слов", 21: "21 слово", 22: "22 слова", 25: "25 слов", 101: "101 слово", 111: "111 слов"},
		English: {0: "0 words", 1: "1 word", 2: "2 words", 21: "21 words"},
	}
	for l, forms := range want {
		if _, err := Setup(l); err != nil {
			t.Fatal(err)
		}
		for n, w := range forms {
			if got := N("%d words", n); got != w {
				t.Errorf("%s: N(%%d words, %d) = %q, want %q", l, n, got, w)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Text that is not a key (a person's label, a name) passes through T
// untouched in Russian.
func TestTPassesUnknownTextThrough(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	if _, err := Setup(Russian); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"as filed": "as filed", "Ready": "Готово", "Role of Anna": "Role of Anna", "": ""} {
		if got := T(in); got != want {
			t.Errorf("T(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatTime(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	at := time.Date(2019, 5, 16, 10, 5, 0, 0, time.UTC)
	for _, tc := range []struct{ lang, layout, want string }{
		{English, "2 Jan 2006 15:04", "16 May 2019 10:05"},
		{Russian, "2 Jan 2006 15:04", "16 мая 2019 10:05"},
		{Russian, "2 January 2006", "16 мая 2019"},
		{Russian, "15:04", "10:05"},
	} {
		if _, err := Setup(tc.lang); err != nil {
			t.Fatal(err)
		}
		if got := FormatTime(at, tc.layout); got != tc.want {
			t.Errorf("%s FormatTime(%q) = %q, want %q", tc.lang, tc.layout, got, tc.want)
		}
	}
}
