package check

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/check/spell"
)

// Speller checks spelling with the system's Hunspell dictionary for the
// article's language, the desk dictionary (words the desk has added:
// names, places, the trade's jargon) and the words ignored in this
// session. It is safe for concurrent use.
type Speller struct {
	lib *spell.Library

	mu      sync.Mutex
	desk    map[string]string // case-folded → as added
	ignored map[string]bool   // exact words ignored this session
}

// NewSpeller returns a speller over a dictionary library (spell.Shared
// when nil) with the desk's words.
func NewSpeller(lib *spell.Library, desk []string) *Speller {
	if lib == nil {
		lib = spell.Shared
	}
	s := &Speller{lib: lib, ignored: map[string]bool{}}
	s.SetDesk(desk)
	return s
}

// SetDesk replaces the desk dictionary (after another window added a word).
func (s *Speller) SetDesk(words []string) {
	m := make(map[string]string, len(words))
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			m[deskKey(w)] = w
		}
	}
	s.mu.Lock()
	s.desk = m
	s.mu.Unlock()
}

// Desk returns the desk dictionary, sorted.
func (s *Speller) Desk() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.desk))
	for _, w := range s.desk {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// AddToDesk adds a word to the desk dictionary and returns the new list
// for the caller to keep (SaveDesk).
func (s *Speller) AddToDesk(word string) []string {
	if w := strings.TrimSpace(word); w != "" {
		s.mu.Lock()
		s.desk[deskKey(w)] = w
		s.mu.Unlock()
	}
	return s.Desk()
}

// Ignore passes a word for the rest of the session (not kept).
func (s *Speller) Ignore(word string) {
	s.mu.Lock()
	s.ignored[word] = true
	s.mu.Unlock()
}

// deskKey folds case and a trailing possessive: adding "Bortnikov" passes
// "BORTNIKOV" in a dateline and "Bortnikov's".
func deskKey(w string) string {
	w = strings.ToLower(w)
	for _, p := range []string{"'s", "’s"} {
		if k, ok := strings.CutSuffix(w, p); ok && k != "" {
			return k
		}
	}
	return w
}

func (s *Speller) known(w string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ignored[w] {
		return true
	}
	_, ok := s.desk[deskKey(w)]
	return ok
}

// Check returns the misspelled words of the article in reading order,
// each with Hunspell's suggestions. With no dictionary for the article's
// language it returns no findings and a *spell.NoDictionaryError.
func (s *Speller) Check(a *editor.Article) ([]Finding, error) {
	lang := defaultLang(a.Language)
	d, err := s.dictionary(lang)
	if err != nil {
		return nil, err
	}
	cyr := cyrillicLanguage(lang)
	var out []Finding
	for _, seg := range segments(a) {
		s.eachMisspelled(d, cyr, seg.text, func(start, end int) {
			w := seg.text[start:end]
			f := Finding{Kind: KindSpelling, Rule: "spelling", Place: seg.place(start, end), Text: w, Suggestions: d.Suggest(w)}
			f.say("not in the %s dictionary: %s", d.Name, quote(w))
			out = append(out, f)
		})
	}
	return out, nil
}

// eachMisspelled calls fn with the byte range of every word of text the
// dictionary d and the desk do not know, as Check judges them.
func (s *Speller) eachMisspelled(d *spell.Dictionary, cyr bool, text string, fn func(start, end int)) {
	mask := masked(text)
	eachWord(text, func(start, end int) {
		w := text[start:end]
		if inMask(mask, start, end) || skipWord(text, start, end) || hasCyrillic(w) != cyr {
			return
		}
		if s.known(w) || d.Correct(w) {
			return
		}
		fn(start, end)
	})
}

// Span is a misspelled word in one stretch of text: Start and End are
// rune offsets, as in Place.
type Span struct {
	Start, End int
	Word       string
}

// Misspelled returns the words of one stretch of copy (a headline, one
// body block) that Check would report, without suggestions: what the
// window marks in the text. It is cheap enough to call per paragraph as
// the text is shown; errors as for Check.
func (s *Speller) Misspelled(lang, text string) ([]Span, error) {
	d, err := s.dictionary(lang)
	if err != nil {
		return nil, err
	}
	var out []Span
	s.eachMisspelled(d, cyrillicLanguage(defaultLang(lang)), text, func(start, end int) {
		rs := utf8.RuneCountInString(text[:start])
		out = append(out, Span{Start: rs, End: rs + utf8.RuneCountInString(text[start:end]), Word: text[start:end]})
	})
	return out, nil
}

// Suggest returns Hunspell's suggestions for a word in a language (none
// without a dictionary), the ones Check gives.
func (s *Speller) Suggest(lang, word string) []string {
	d, err := s.dictionary(lang)
	if err != nil {
		return nil
	}
	return d.Suggest(word)
}

func (s *Speller) dictionary(lang string) (*spell.Dictionary, error) {
	return s.lib.Dictionary(defaultLang(lang))
}

// defaultLang is the article's language, English when it has none.
func defaultLang(lang string) string {
	if strings.TrimSpace(lang) == "" {
		return "en"
	}
	return lang
}

func quote(s string) string { return "“" + s + "”" }

// IsNoDictionary reports whether err says a language has no dictionary.
func IsNoDictionary(err error) bool {
	var nd *spell.NoDictionaryError
	return errors.As(err, &nd)
}

// eachWord calls fn with the byte range of every word: a run of letters
// (and combining marks), with apostrophes inside it ("don't",
// "Bortnikov's"). Hyphens and other marks split words.
func eachWord(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		letter := unicode.IsLetter(r) || (start >= 0 && unicode.IsMark(r))
		if !letter && start >= 0 && (r == '\'' || r == '’') && unicode.IsLetter(runeAfter(text, i+size)) {
			letter = true
		}
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// skipWord leaves out what a dictionary cannot judge: single letters,
// acronyms in capitals (FSB, CSTO), words run together with digits (G7,
// 5th) and parts of addresses and handles.
func skipWord(text string, start, end int) bool {
	w := text[start:end]
	if utf8.RuneCountInString(w) < 2 {
		return true
	}
	if w == strings.ToUpper(w) {
		return true
	}
	prev, next := runeBefore(text, start), runeAfter(text, end)
	if unicode.IsDigit(prev) || unicode.IsDigit(next) || prev == '@' || prev == '#' || next == '@' || prev == '\\' || prev == '&' {
		return true
	}
	if next == '.' && unicode.IsLetter(runeAfter(text, end+1)) {
		return true // example.com, e.g.
	}
	return false
}

func hasCyrillic(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// cyrillicLanguage reports whether a language is written in Cyrillic:
// its dictionary checks only Cyrillic words, the others only the rest
// (a Latin name in Russian copy is not a Russian misspelling).
func cyrillicLanguage(lang string) bool {
	base := strings.ToLower(strings.SplitN(strings.ReplaceAll(lang, "_", "-"), "-", 2)[0])
	switch base {
	case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn":
		return true
	}
	return false
}
