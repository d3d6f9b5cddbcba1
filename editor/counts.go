package editor

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ReadingRate is the reading speed behind ReadingTime, in words per minute:
// the common newsroom figure for adults reading news copy on screen.
const ReadingRate = 230

// CountWords counts words in text. A word is a run of characters between
// Unicode white space (so NBSP, thin and em spaces separate words as a
// reader sees them) that holds at least one letter or digit: a dash, a
// Markdown marker or a lone quote mark is not a word. Chinese and
// Japanese are written without spaces and counted by characters, as
// their newsrooms do: each Han, hiragana or katakana character is one
// (196 characters of Chinese copy are 196, not "9 words").
//
// ASCII, most of most copy, is classed by table: the status bar counts the
// whole body as the person types, and a save counts it again.
func CountWords(text string) int {
	n := 0
	inWord, hasAlnum := false, false
	for i := 0; i < len(text); {
		var space, alnum bool
		if c := text[i]; c < utf8.RuneSelf {
			space, alnum = asciiClass[c] == asciiSpace, asciiClass[c] == asciiAlnum
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if IsCJK(r) {
				// Each character counts, as Chinese and Japanese desks
				// count copy: it also ends a word of other letters.
				if inWord && hasAlnum {
					n++
				}
				n++
				inWord, hasAlnum = false, false
				continue
			}
			space, alnum = unicode.IsSpace(r), unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if space {
			if inWord && hasAlnum {
				n++
			}
			inWord, hasAlnum = false, false
			continue
		}
		inWord = true
		hasAlnum = hasAlnum || alnum
	}
	if inWord && hasAlnum {
		n++
	}
	return n
}

// ASCII character classes for CountWords, as unicode.IsSpace and
// unicode.IsLetter or IsDigit class them.
const (
	asciiOther = iota
	asciiSpace
	asciiAlnum
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			t[c] = asciiSpace
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			t[c] = asciiAlnum
		}
	}
	return t
}()

// CountChars counts the characters a reader sees in text, spaces included,
// as Unicode code points.
func CountChars(text string) int { return utf8.RuneCountInString(text) }

// ReadingTime is how long the words take to read at ReadingRate, rounded up
// to a whole minute (a one-word story still takes a minute to open and read).
func ReadingTime(words int) time.Duration {
	if words <= 0 {
		return 0
	}
	return time.Duration(math.Ceil(float64(words)/ReadingRate)) * time.Minute
}

// Counts are the figures the status bar and the library show.
type Counts struct {
	Words       int
	Chars       int
	ReadingTime time.Duration
}

// Counts measures the body as readers see it: without Markdown block markers.
func (a *Article) Counts() Counts {
	text := PlainBody(a.Body)
	w := CountWords(text)
	return Counts{Words: w, Chars: CountChars(text), ReadingTime: ReadingTime(w)}
}

// Words is the body's word count.
func (a *Article) Words() int { return CountWords(PlainBody(a.Body)) }

// NormalizeTags trims each tag, collapses runs of inner white space to one
// space, drops empty tags and keeps the first spelling of tags that differ
// only in case.
func NormalizeTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" {
			continue
		}
		k := TagKey(t)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// TagKey is the case-folded form under which tags are compared and indexed.
func TagKey(tag string) string {
	return strings.ToLower(strings.Join(strings.Fields(tag), " "))
}

// HasTag reports whether the article carries tag, ignoring case.
func (a *Article) HasTag(tag string) bool {
	k := TagKey(tag)
	for _, t := range a.Tags {
		if TagKey(t) == k {
			return true
		}
	}
	return false
}

// IsCJK reports whether r is a Han, hiragana or katakana character: a
// unit of length in Chinese and Japanese copy.
func IsCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}
