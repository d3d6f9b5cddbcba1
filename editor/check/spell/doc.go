// Package spell checks words with Hunspell — the spell checker of
// LibreOffice and Firefox — through cgo, using the system's dictionaries
// (Debian hunspell-en-us, hunspell-ru …) chosen by the article's language.
//
// A Hunspell handle is not safe for concurrent use and loading one takes
// tens of milliseconds (the en_US word list is 860 KB), so a Library opens
// each language once and a Dictionary serialises calls and remembers its
// answers: the window re-checks the same words on every pause in typing.
//
// Without cgo the package builds but has no dictionaries: Open reports
// that plainly, and the other checks still run.
package spell

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// maxSuggestions bounds what Suggest returns: the panel shows a handful.
const maxSuggestions = 6

// DictDirs are where Open looks for LANG.aff and LANG.dic, in order:
// $DICPATH (colon-separated, as the hunspell command reads it) first,
// then the Debian, Fedora and macOS Homebrew locations.
func DictDirs() []string {
	var dirs []string
	if p := os.Getenv("DICPATH"); p != "" {
		dirs = append(dirs, filepath.SplitList(p)...)
	}
	return append(dirs, "/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
		"/usr/local/share/hunspell", "/opt/homebrew/share/hunspell")
}

// NoDictionaryError says that no dictionary for a language is installed.
type NoDictionaryError struct {
	Lang   string   // the article's language as given ("ru", "en-GB", "")
	Looked []string // the directories searched
	Reason string   // set when spelling cannot work at all (a build without cgo)
}

func (e *NoDictionaryError) Error() string {
	if e.Reason != "" {
		return "spelling is not checked: " + e.Reason
	}
	lang := e.Lang
	if lang == "" {
		lang = "(none)"
	}
	return fmt.Sprintf("no dictionary for %s installed: spelling is not checked (looked in %s; on Debian: apt-get install hunspell-%s)",
		lang, strings.Join(e.Looked, ", "), packageSuffix(e.Lang))
}

// packageSuffix is the Debian package name part for a language: en-US →
// en-us, ru → ru.
func packageSuffix(lang string) string {
	l := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	if l == "" {
		return "LANG"
	}
	return l
}

// candidates are the dictionary names to try for a BCP 47 tag, most
// specific first: "en" → en_US, en_GB …; "ru-RU" → ru_RU, ru.
func candidates(lang string) []string {
	l := strings.ReplaceAll(strings.TrimSpace(lang), "-", "_")
	if l == "" {
		return nil
	}
	parts := strings.SplitN(l, "_", 2)
	base := strings.ToLower(parts[0])
	var out []string
	if len(parts) == 2 && parts[1] != "" {
		out = append(out, base+"_"+strings.ToUpper(parts[1]))
	}
	if d, ok := defaultRegion[base]; ok {
		out = append(out, base+"_"+d)
	}
	return append(out, base)
}

// defaultRegion is the dictionary a bare language tag means.
var defaultRegion = map[string]string{
	"en": "US", "ru": "RU", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "uk": "UA", "pl": "PL",
}

// find returns the .aff and .dic paths for lang, or a *NoDictionaryError.
func find(lang string) (aff, dic string, err error) {
	dirs := DictDirs()
	for _, name := range candidates(lang) {
		for _, d := range dirs {
			a, b := filepath.Join(d, name+".aff"), filepath.Join(d, name+".dic")
			if fileExists(a) && fileExists(b) {
				return a, b, nil
			}
		}
	}
	var looked []string
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			looked = append(looked, d)
		}
	}
	if len(looked) == 0 {
		looked = dirs[:1]
	}
	return "", "", &NoDictionaryError{Lang: lang, Looked: looked}
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// Library opens each language's dictionary once and keeps it for the
// life of the program. It is safe for concurrent use.
type Library struct {
	mu    sync.Mutex
	dicts map[string]*Dictionary
	errs  map[string]error
}

// NewLibrary returns an empty library.
func NewLibrary() *Library {
	return &Library{dicts: map[string]*Dictionary{}, errs: map[string]error{}}
}

// Shared is the library the window and the command line use.
var Shared = NewLibrary()

// Dictionary returns the dictionary for a language, opening it on first
// use. A missing dictionary gives the same *NoDictionaryError every time
// (the caller says so once).
func (l *Library) Dictionary(lang string) (*Dictionary, error) {
	key := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	l.mu.Lock()
	defer l.mu.Unlock()
	if d, ok := l.dicts[key]; ok {
		return d, nil
	}
	if err, ok := l.errs[key]; ok {
		return nil, err
	}
	d, err := Open(lang)
	if err != nil {
		l.errs[key] = err
		return nil, err
	}
	l.dicts[key] = d
	return d, nil
}

// Installed lists the dictionaries found in DictDirs, e.g. [en_US ru_RU].
func Installed() []string {
	seen := map[string]bool{}
	for _, d := range DictDirs() {
		m, _ := filepath.Glob(filepath.Join(d, "*.dic"))
		for _, p := range m {
			name := strings.TrimSuffix(filepath.Base(p), ".dic")
			if fileExists(filepath.Join(d, name+".aff")) {
				seen[name] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
