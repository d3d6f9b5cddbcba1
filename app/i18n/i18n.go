// Package i18n puts the window's text in the newsroom's language: English
// or Russian. The English source strings are the keys of the translation
// files (translations/*.json, go-i18n's format as Fyne's lang package reads
// it), so an English window shows exactly the strings written in the code.
//
// The language is chosen once, before the window is built: the Settings
// value (PrefKey: "system", "en" or "ru") or, for "system", the system
// locale ($LC_ALL, $LC_MESSAGES, $LANG, $LANGUAGE). A locale that is neither
// English nor Russian gets English, and so do Fyne's own dialog buttons, so
// one window never mixes three languages. The command line does not use
// this package: it stays English.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"
)

// The languages the window speaks, as stored under PrefKey.
const (
	System  = "system"
	English = "en"
	Russian = "ru"
)

// PrefKey is the Fyne preference that holds the person's choice in
// Settings: System, English or Russian.
const PrefKey = "view.language"

//go:embed translations/*.json
var translations embed.FS

var (
	mu sync.Mutex
	// current is the window's language; empty until Setup, when T and N
	// set up English (so tests, which never call Setup, see English
	// whatever the machine's locale).
	current atomic.Value
)

// supported lists the window's languages; the first is the fallback.
var supported = []language.Tag{language.English, language.Russian}

// Setup loads the translations and sets the window's language from choice
// (System, English or Russian; anything else counts as System). It returns
// the language chosen. Call it before the first window is made: widgets
// translate their text when they are built, and Fyne's dialogs when they
// are shown.
func Setup(choice string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	chosen := resolve(choice)
	// Fyne's lang picks its language from the environment each time
	// translations are added, and keeps it until the next addition. So the
	// chosen language is put in the environment just for this call: the
	// process's own environment (children, GLFW's C locale) is left as it
	// was, and Fyne's built-in strings (OK, Cancel, the file dialog) follow
	// the window's language rather than the system's.
	restore := pinLocale(chosen)
	err := lang.AddTranslationsFS(translations, "translations")
	restore()
	if err != nil {
		return English, fmt.Errorf("loading the window's translations: %w", err)
	}
	if err := loadKeys(); err != nil {
		return English, err
	}
	current.Store(chosen)
	return chosen, nil
}

// SetupFromPreferences is Setup with the choice stored under PrefKey.
func SetupFromPreferences(p fyne.Preferences) (string, error) {
	return Setup(p.StringWithFallback(PrefKey, System))
}

// Current is the window's language: English or Russian.
func Current() string {
	if l, _ := current.Load().(string); l != "" {
		return l
	}
	l, _ := Setup(English)
	return l
}

// resolve turns a choice into English or Russian.
func resolve(choice string) string {
	switch choice {
	case English, Russian:
		return choice
	}
	return SystemLanguage()
}

// SystemLanguage is the language the system locale asks for, of the
// window's two: Russian for ru_RU.UTF-8 (or LANGUAGE=ru:en), English for
// anything else, C and POSIX included.
func SystemLanguage() string {
	locs, err := locale.GetLocales()
	if err != nil || len(locs) == 0 {
		return English
	}
	tags := make([]language.Tag, 0, len(locs))
	for _, l := range locs {
		if t, err := language.Parse(l); err == nil {
			tags = append(tags, t)
		}
	}
	_, i, conf := language.NewMatcher(supported).Match(tags...)
	if conf == language.No || i != 1 {
		return English
	}
	return Russian
}

// localeVars are the variables go-locale reads, LC_ALL first; LANGUAGE
// overrides the others unless the locale is C or POSIX.
var localeVars = []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}

// pinLocale sets the environment to name only lang and returns the
// function that puts it back.
func pinLocale(lang string) (restore func()) {
	type saved struct {
		val string
		set bool
	}
	old := make(map[string]saved, len(localeVars))
	for _, k := range localeVars {
		v, ok := os.LookupEnv(k)
		old[k] = saved{v, ok}
		_ = os.Unsetenv(k)
	}
	_ = os.Setenv("LC_ALL", lang)
	return func() {
		for _, k := range localeVars {
			if s := old[k]; s.set {
				_ = os.Setenv(k, s.val)
			} else {
				_ = os.Unsetenv(k)
			}
		}
	}
}

// Dictionary is the Russian translation file as it is embedded: each
// English key with its translation or plural forms. Tests use it to find
// English text left in a Russian window.
func Dictionary() (map[string]any, error) {
	b, err := translations.ReadFile("translations/ru.json")
	if err != nil {
		return nil, err
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("translations/ru.json: %w", err)
	}
	return d, nil
}

// keys are the dictionary's keys: T translates only these, and passes any
// other text (a person's label, a name) through untouched and unlogged.
var keys atomic.Pointer[map[string]bool]

func loadKeys() error {
	d, err := Dictionary()
	if err != nil {
		return err
	}
	k := make(map[string]bool, len(d))
	for key := range d {
		k[key] = true
	}
	keys.Store(&k)
	return nil
}

// known reports whether s is one of the dictionary's keys.
func known(s string) bool {
	k := keys.Load()
	return k != nil && (*k)[s]
}
