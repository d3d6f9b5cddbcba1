package editor

import (
	"strings"
	"unicode"
)

// DetectLanguage tells the language of copy that does not say it, as a
// BCP 47 tag; "" when the text has too few letters to tell.
//
// The script decides first (Arabic, Han with or without kana, Hangul,
// Hebrew, Greek, Thai, Devanagari), then letters only one language of the
// script has (Ukrainian і ї є ґ, Belarusian ў, Persian پ چ ژ گ), then, for
// Latin copy, the commonest short words of each language. A maintained
// detector was weighed: lingua-go is accurate but adds tens of megabytes
// of models to the binary; whatlanggo (trigrams, small) has had no release
// since 2019. News copy is long enough for this to be right on the
// languages agencies send (see TestDetectLanguage).
func DetectLanguage(text string) string {
	var counts [scriptCount]int
	letters := 0
	special := map[rune]int{}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		counts[scriptOf(r)]++
		switch r {
		case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ', 'ў', 'Ў', 'ы', 'э', 'ё', 'ъ',
			'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ے', 'ٹ', 'ڈ':
			special[unicode.ToLower(r)]++
		}
	}
	if letters < 3 {
		return ""
	}
	best := scriptLatin
	for s := range counts {
		if counts[s] > counts[best] {
			best = script(s)
		}
	}
	switch best {
	case scriptCyrillic:
		return cyrillicLanguage(special)
	case scriptArabic:
		return arabicLanguage(special)
	case scriptHan:
		if counts[scriptKana] > 0 {
			return "ja"
		}
		return "zh"
	case scriptKana:
		return "ja"
	case scriptHangul:
		return "ko"
	case scriptHebrew:
		return "he"
	case scriptGreek:
		return "el"
	case scriptThai:
		return "th"
	case scriptDevanagari:
		return "hi"
	case scriptOther:
		return ""
	}
	return latinLanguage(text)
}

// cyrillicLanguage tells Belarusian (ў) and Ukrainian (і ї є ґ outnumbering
// Russian's ы э ё ъ) from Russian by the letters only they have.
func cyrillicLanguage(special map[rune]int) string {
	switch {
	case special['ў'] > 0:
		return "be"
	case special['і']+special['ї']+special['є']+special['ґ'] > special['ы']+special['э']+special['ё']+special['ъ']:
		return "uk"
	}
	return "ru"
}

// arabicLanguage tells Urdu (ے ٹ ڈ) and Persian (پ چ ژ گ) from Arabic by
// the letters only they have.
func arabicLanguage(special map[rune]int) string {
	switch {
	case special['ے']+special['ٹ']+special['ڈ'] > 0:
		return "ur"
	case special['پ']+special['چ']+special['ژ']+special['گ'] > 0:
		return "fa"
	}
	return "ar"
}

type script int

const (
	scriptLatin script = iota
	scriptCyrillic
	scriptArabic
	scriptHan
	scriptKana
	scriptHangul
	scriptHebrew
	scriptGreek
	scriptThai
	scriptDevanagari
	scriptOther
	scriptCount
)

var scriptTables = []struct {
	s script
	t *unicode.RangeTable
}{
	{scriptLatin, unicode.Latin}, {scriptCyrillic, unicode.Cyrillic}, {scriptArabic, unicode.Arabic},
	{scriptHan, unicode.Han}, {scriptKana, unicode.Hiragana}, {scriptKana, unicode.Katakana},
	{scriptHangul, unicode.Hangul}, {scriptHebrew, unicode.Hebrew}, {scriptGreek, unicode.Greek},
	{scriptThai, unicode.Thai}, {scriptDevanagari, unicode.Devanagari},
}

func scriptOf(r rune) script {
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			return st.s
		}
	}
	return scriptOther
}

// stopwords are frequent short words that mostly belong to one language.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on", "said", "he", "it", "by", "at", "from", "has", "have", "are"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "auf", "für", "ein", "eine", "dem", "des", "sagte", "wurde", "auch", "bei"},
	"fr": {"le", "la", "les", "et", "des", "est", "une", "du", "dans", "que", "pour", "pas", "sur", "au", "il", "qui", "a", "été", "avec", "par"},
	"es": {"el", "la", "los", "las", "y", "del", "que", "en", "por", "con", "una", "para", "se", "es", "dijo", "al", "su", "fue", "como", "más"},
	"it": {"il", "di", "che", "e", "della", "per", "un", "una", "non", "con", "sono", "gli", "del", "alla", "nel", "ha", "anche", "è", "dei", "le"},
	"pt": {"o", "os", "da", "do", "que", "em", "uma", "para", "com", "não", "dos", "das", "no", "na", "foi", "ao", "mais", "disse", "pelo", "é"},
	"nl": {"de", "het", "een", "en", "van", "is", "niet", "dat", "op", "zijn", "met", "voor", "werd", "ook", "bij", "aan", "heeft", "naar", "maar", "om"},
	"no": {"og", "i", "det", "som", "er", "til", "på", "av", "med", "for", "ikke", "har", "en", "et", "de", "sier", "var", "fra", "om", "å"},
	"da": {"og", "i", "det", "som", "er", "til", "på", "af", "med", "for", "ikke", "har", "en", "et", "de", "siger", "var", "fra", "om", "at"},
	"sv": {"och", "i", "att", "det", "som", "är", "på", "av", "för", "med", "inte", "har", "en", "ett", "de", "säger", "var", "från", "om", "till"},
	"fi": {"ja", "on", "ei", "että", "se", "oli", "hän", "mutta", "kun", "myös", "ovat", "tai", "mukaan", "jo", "sen", "vuonna", "sanoo", "kuin", "nyt", "jotka"},
}

// latinLanguage scores each language by how many of the text's words are
// its stopwords; English when none scores twice.
func latinLanguage(text string) string {
	index := map[string][]string{}
	for lang, words := range stopwords {
		for _, w := range words {
			index[w] = append(index[w], lang)
		}
	}
	score := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, lang := range index[w] {
			score[lang]++
		}
	}
	// One stopword ("a" heading "A subhead") is no evidence: English, the
	// desk's default, unless another language scores twice at least.
	best, bestScore := "en", 1
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "da", "fi"} {
		if score[lang] > bestScore {
			best, bestScore = lang, score[lang]
		}
	}
	return best
}

// rtlLanguages are written right to left (their usual script).
var rtlLanguages = map[string]bool{"ar": true, "fa": true, "he": true, "ur": true, "ps": true, "yi": true, "dv": true, "sd": true, "ug": true, "ckb": true}

// RightToLeft reports whether copy in the language (a BCP 47 tag) runs
// right to left, so an export can mark it (dir="rtl"). A script subtag
// decides when there is one ("az-Arab", "ku-Arab"; "ug-Latn" is not).
func RightToLeft(tag string) bool {
	parts := strings.Split(strings.ToLower(tag), "-")
	for _, p := range parts[1:] {
		switch p {
		case "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg":
			return true
		case "latn", "cyrl":
			return false
		}
	}
	return rtlLanguages[parts[0]]
}
