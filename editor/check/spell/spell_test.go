package spell

import (
	"strings"
	"sync"
	"testing"
)

func TestCandidates(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en", "en_US en"},
		{"en-GB", "en_GB en_US en"},
		{"ru", "ru_RU ru"},
		{"ru_ru", "ru_RU ru_RU ru"},
		{"xx", "xx"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(candidates(tc.lang), " "); got != tc.want {
			t.Errorf("candidates(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
}

func TestNoDictionaryMessage(t *testing.T) {
	_, err := Open("xx")
	if err == nil {
		t.Fatal("a dictionary for xx")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "no dictionary for xx installed: spelling is not checked") && !strings.Contains(msg, "without cgo") {
		t.Errorf("message %q", msg)
	}
	if (&NoDictionaryError{}).Error() == "" {
		t.Error("empty message for an empty language")
	}
}

func english(t *testing.T) *Dictionary {
	t.Helper()
	d, err := Shared.Dictionary("en")
	if err != nil {
		t.Skip(err)
	}
	return d
}

func TestCorrectAndSuggest(t *testing.T) {
	d := english(t)
	tests := []struct {
		word    string
		correct bool
		suggest string // one of the suggestions, when not correct
	}{
		{"terrorist", true, ""},
		{"Bortnikov", false, ""},
		{"terorist", false, "terrorist"},
		{"don’t", true, ""}, // ICONV maps the typographic apostrophe
		{"", true, ""},
		{strings.Repeat("a", 300), true, ""},
		{"a\x00b", true, ""},
	}
	for _, tc := range tests {
		if got := d.Correct(tc.word); got != tc.correct {
			t.Errorf("Correct(%q) = %v", clip(tc.word), got)
		}
		if tc.suggest != "" {
			s := d.Suggest(tc.word)
			if !contains(s, tc.suggest) || len(s) > maxSuggestions {
				t.Errorf("Suggest(%q) = %v, want %q among at most %d", tc.word, s, tc.suggest, maxSuggestions)
			}
		}
	}
	if got := Installed(); !contains(got, "en_US") {
		t.Errorf("Installed() = %v", got)
	}
}

// TestConcurrent: one dictionary from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	d := english(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, w := range []string{"security", "Bortnikov", "terorist", "network"} {
				d.Correct(w)
				d.Suggest(w)
			}
		}()
	}
	wg.Wait()
}

func TestClosed(t *testing.T) {
	if _, err := Shared.Dictionary("en"); err != nil {
		t.Skip(err)
	}
	d, err := Open("en")
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	d.Close()
	if !d.Correct("zzqx") || d.Suggest("zzqx") != nil {
		t.Error("a closed dictionary still answers")
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func clip(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}
