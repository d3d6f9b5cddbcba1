package i18n

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"copydesk/app/i18n/internal/scan"
)

// wrappedDirs are the packages under app/ whose window text must all go
// through the i18n helpers. Phase 2 of the translation adds the rest (and
// then every package: "").
var wrappedDirs = []string{""}

func loadDicts(t *testing.T) (ru, en map[string]any, keep map[string]bool) {
	t.Helper()
	ru, err := scan.LoadDict("translations/ru.json")
	if err != nil {
		t.Fatal(err)
	}
	en, err = scan.LoadDict("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	keep, err = scan.LoadKeep("translations/keep.txt")
	if err != nil {
		t.Fatal(err)
	}
	return ru, en, keep
}

// Every piece of window text in app/ is in the Russian dictionary, and the
// packages already converted pass all of theirs through the helpers.
func TestEveryWindowStringIsTranslated(t *testing.T) {
	ru, _, keep := loadDicts(t)
	res, err := scan.Dir("..")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Literals) < 100 {
		t.Fatalf("the scan found only %d strings in app/: is it reading the right folder?", len(res.Literals))
	}
	var missing, unwrapped, plural []string
	for _, l := range res.Literals {
		where := fmt.Sprintf("%s:%d", rel(l.Pos.Filename), l.Pos.Line)
		if keep[l.Text] {
			continue
		}
		v, ok := ru[l.Text]
		if !ok {
			missing = append(missing, fmt.Sprintf("%s: %s(%q)", where, l.Sink, l.Text))
			continue
		}
		if _, isPlural := v.(map[string]any); isPlural != l.Plural && l.Wrapped {
			plural = append(plural, fmt.Sprintf("%s: %q is used with %s but its entry has plural forms: %v", where, l.Text, l.Sink, isPlural))
		}
		if !l.Wrapped && inWrappedDir(l.Pos.Filename) {
			unwrapped = append(unwrapped, fmt.Sprintf("%s: %s(%q)", where, l.Sink, l.Text))
		}
	}
	for _, m := range missing {
		t.Errorf("not in translations/ru.json (add it, or to keep.txt if it is a name): %s", m)
	}
	for _, u := range unwrapped {
		t.Errorf("window text not passed through i18n.T/Tf/N: %s", u)
	}
	for _, p := range plural {
		t.Error(p)
	}
}

// Every message format of the core's checks (editor/check, say) is in
// the Russian dictionary: the Checks panel shows findings through it.
func TestEveryCheckMessageIsTranslated(t *testing.T) {
	ru, _, _ := loadDicts(t)
	lits, err := scan.CoreFormats("../../editor/check")
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 10 {
		t.Fatalf("the scan found only %d message formats in editor/check: is it reading the right folder?", len(lits))
	}
	for _, l := range lits {
		if _, ok := ru[l.Text]; !ok {
			t.Errorf("not in translations/ru.json: %s:%d: %q", l.Pos.Filename, l.Pos.Line, l.Text)
		}
	}
}

func rel(path string) string {
	if r, err := filepath.Rel("..", path); err == nil {
		return "app/" + filepath.ToSlash(r)
	}
	return path
}

func inWrappedDir(path string) bool {
	r, err := filepath.Rel("..", path)
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(r), "/")
	return slices.Contains(wrappedDirs, first) || slices.Contains(wrappedDirs, "")
}

var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// verbs lists a format's verbs in order, %% left out.
func verbs(s string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// Each translation keeps its key's format verbs in the same order, is not
// empty, and English and Russian have the same keys; plural entries have
// every form the language needs.
func TestTranslationsKeepTheFormat(t *testing.T) {
	ru, en, _ := loadDicts(t)
	forms := map[string][]string{"ru": {"one", "few", "many", "other"}, "en": {"one", "other"}}
	for name, d := range map[string]map[string]any{"ru": ru, "en": en} {
		for key, v := range d {
			var texts []string
			switch v := v.(type) {
			case string:
				texts = []string{v}
			case map[string]any:
				for _, f := range forms[name] {
					s, _ := v[f].(string)
					if s == "" {
						t.Errorf("%s.json: %q has no %q form", name, key, f)
					}
					texts = append(texts, s)
				}
			default:
				t.Errorf("%s.json: %q is a %T, want a string or plural forms", name, key, v)
			}
			for _, s := range texts {
				if strings.TrimSpace(s) == "" && strings.TrimSpace(key) != "" {
					t.Errorf("%s.json: %q is translated as empty", name, key)
				}
				if !slices.Equal(verbs(s), verbs(key)) {
					t.Errorf("%s.json: %q has verbs %v, its translation %q has %v", name, key, verbs(key), s, verbs(s))
				}
			}
		}
	}
	var onlyRU, onlyEN []string
	for k := range ru {
		if _, ok := en[k]; !ok {
			onlyRU = append(onlyRU, k)
		}
	}
	for k := range en {
		if _, ok := ru[k]; !ok {
			onlyEN = append(onlyEN, k)
		}
	}
	sort.Strings(onlyRU)
	sort.Strings(onlyEN)
	if len(onlyRU)+len(onlyEN) > 0 {
		t.Errorf("en.json and ru.json differ: only in ru %q, only in en %q", onlyRU, onlyEN)
	}
}

// A Russian translation is Russian: it has Cyrillic letters unless its key
// has no words to translate (" ¶%d").
func TestRussianIsCyrillic(t *testing.T) {
	ru, _, _ := loadDicts(t)
	for key, v := range ru {
		s, ok := v.(string)
		if !ok || !hasLetters(stripVerbs(key)) {
			continue
		}
		if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			t.Errorf("ru.json: %q is translated as %q, with no Russian in it", key, s)
		}
	}
}

func stripVerbs(s string) string { return verbRE.ReplaceAllString(s, "") }

func hasLetters(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }

// The files load into Fyne's bundle (go-i18n rejects, for example, a key
// named like one of its reserved words next to ordinary keys).
func TestTranslationsLoad(t *testing.T) {
	t.Cleanup(func() { _, _ = Setup(English) })
	for _, l := range []string{English, Russian} {
		if _, err := Setup(l); err != nil {
			t.Fatalf("Setup(%s): %v", l, err)
		}
	}
	if got := T("Save revision"); got != "Сохранить версию" {
		t.Errorf("T(Save revision) in Russian = %q", got)
	}
}
