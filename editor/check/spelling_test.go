package check_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/check/spell"
)

// settingsStore is a check.SettingsStore that keeps settings in memory.
type settingsStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func newSettingsStore() *settingsStore { return &settingsStore{m: map[string][]byte{}} }

func (s *settingsStore) Setting(_ context.Context, name string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[name]
	if !ok {
		return nil, unsetError(name)
	}
	return append([]byte(nil), v...), nil
}

func (s *settingsStore) SetSetting(_ context.Context, name string, v []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[name] = append([]byte(nil), v...)
	return nil
}

// unsetError is how a store reports a setting never set (as
// storage.NotFoundError does: a NotFound method that says true).
type unsetError string

func (e unsetError) Error() string  { return "setting " + string(e) + " not found" }
func (e unsetError) NotFound() bool { return true }

func needDictionary(t testing.TB, lang string) {
	t.Helper()
	if _, err := spell.Shared.Dictionary(lang); err != nil {
		t.Skipf("%v", err)
	}
}

func misspelt(fs []check.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		if f.Kind == check.KindSpelling {
			m[f.Text]++
		}
	}
	return m
}

// TestFixtureDeskDictionary: Bortnikov is flagged until the desk adds him
// to its dictionary (kept in the store), then not — in a new session too.
func TestFixtureDeskDictionary(t *testing.T) {
	needDictionary(t, "en")
	ctx := context.Background()
	st := newSettingsStore()
	a := fixture(t)

	words, err := check.LoadDesk(ctx, st)
	if err != nil || len(words) != 0 {
		t.Fatalf("an empty store's desk dictionary: %v, %v", words, err)
	}
	sp := check.NewSpeller(nil, words)
	fs, err := sp.Check(a)
	if err != nil {
		t.Fatal(err)
	}
	before := misspelt(fs)
	if before["Bortnikov"] == 0 {
		t.Fatalf("Bortnikov is not flagged before he is added: %v", before)
	}
	for _, f := range fs {
		if f.Text == "Bortnikov" && f.Place.Field == "body" {
			body := editor.ParseBody(a.Body)[f.Place.Block].Text
			if got := string([]rune(body)[f.Place.Start:f.Place.End]); got != "Bortnikov" {
				t.Errorf("place %v reads %q, not Bortnikov", f.Place, got)
			}
		}
	}

	words, err = check.AddDeskWord(ctx, st, "Bortnikov")
	if err != nil {
		t.Fatal(err)
	}
	sp.SetDesk(words)
	fs, _ = sp.Check(a)
	if n := misspelt(fs)["Bortnikov"]; n != 0 {
		t.Errorf("Bortnikov still flagged %d times after he was added", n)
	}
	// A new session reads the desk dictionary back from the store.
	words, _ = check.LoadDesk(ctx, st)
	fs, _ = check.NewSpeller(nil, words).Check(a)
	after := misspelt(fs)
	if after["Bortnikov"] != 0 {
		t.Error("a new session flags Bortnikov: the desk dictionary was not kept")
	}
	for w, n := range before {
		if w != "Bortnikov" && after[w] != n {
			t.Errorf("%q: flagged %d times before, %d after adding another word", w, n, after[w])
		}
	}
}

func TestIgnoreIsPerSession(t *testing.T) {
	needDictionary(t, "en")
	a := fixture(t)
	sp := check.NewSpeller(nil, nil)
	sp.Ignore("Hawala")
	fs, _ := sp.Check(a)
	if misspelt(fs)["Hawala"] != 0 {
		t.Error("an ignored word is still flagged")
	}
	fs, _ = check.NewSpeller(nil, nil).Check(a)
	if misspelt(fs)["Hawala"] == 0 {
		t.Error("an ignored word is ignored in another session too (or was never flagged)")
	}
}

func TestSpellingCases(t *testing.T) {
	needDictionary(t, "en")
	tests := []struct {
		name, lang, body string
		want             []string // flagged words, in order
	}{
		{"plain", "en", "The desk chekced the copy.", []string{"chekced"}},
		{"acronyms pass", "en", "The FSB and the CSTO met.", nil},
		{"digits pass", "en", "The G7 met on the 5th.", nil},
		{"links are not copy", "en", "See [the report](https://exmaple.org/zzqx) and <https://qqzz.example>.", nil},
		{"code is not copy", "en", "Run `zzqxcmd` now.", nil},
		{"possessive", "en", "The desk's copy, the editors' notes.", nil},
		{"hyphen splits", "en", "A well-knwon story.", []string{"knwon"}},
		{"cyrillic in english copy", "en", "He said «привет».", nil},
		{"russian", "ru", "Директор ФСБ сказал в срдеу.", []string{"срдеу"}},
		{"latin in russian copy", "ru", "Компания Google ответила.", nil},
		{"emphasis", "en", "It was *realy* bad.", []string{"realy"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			needDictionary(t, tc.lang)
			a := &editor.Article{Headline: "x", Body: tc.body, Language: tc.lang}
			fs, err := check.NewSpeller(nil, nil).Check(a)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Text)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("flagged %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNoDictionary: a language with no dictionary says so plainly, and
// the checker still runs the style rules.
func TestNoDictionary(t *testing.T) {
	a := fixture(t)
	a.Language = "xx"
	c := &check.Checker{Rules: check.ForStyle(editor.StyleTASS), Speller: check.NewSpeller(spell.NewLibrary(), nil)}
	rep := c.Check(a)
	if !strings.Contains(rep.Notice, "no dictionary for xx installed") && !strings.Contains(rep.Notice, "without cgo") {
		t.Errorf("notice %q does not say plainly that xx has no dictionary", rep.Notice)
	}
	if len(rep.Findings) == 0 {
		t.Error("without a dictionary the style rules did not run either")
	}
	for _, f := range rep.Findings {
		if f.Kind == check.KindSpelling {
			t.Errorf("a spelling finding without a dictionary: %v", f)
		}
	}
	_, err := check.NewSpeller(spell.NewLibrary(), nil).Check(a)
	if !check.IsNoDictionary(err) {
		t.Errorf("error %v is not a NoDictionaryError", err)
	}
	var nd *spell.NoDictionaryError
	if errors.As(err, &nd) && nd.Lang != "xx" {
		t.Errorf("the error names %q, not xx", nd.Lang)
	}
}
