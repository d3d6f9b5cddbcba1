package editor

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// countWordsByRune is CountWords as its doc comment defines it, one rune
// at a time: the reference its ASCII table must agree with.
func countWordsByRune(text string) int {
	n := 0
	inWord, hasAlnum := false, false
	for _, r := range text {
		if IsCJK(r) {
			if inWord && hasAlnum {
				n++
			}
			n++
			inWord, hasAlnum = false, false
			continue
		}
		if unicode.IsSpace(r) {
			if inWord && hasAlnum {
				n++
			}
			inWord, hasAlnum = false, false
			continue
		}
		inWord = true
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			hasAlnum = true
		}
	}
	if inWord && hasAlnum {
		n++
	}
	return n
}

func TestCountWordsMatchesRuneByRune(t *testing.T) {
	// Every ASCII byte, the Unicode spaces, letters and digits of other
	// scripts, punctuation, and bytes that are not UTF-8.
	var palette []string
	for c := range 128 {
		palette = append(palette, string(rune(c)))
	}
	palette = append(palette, "\u00a0", "\u2009", "\u2014", "\u3000", "\u0085", "Ж", "ё", "٣", "中", "«", "»", "“", "\xff", "\xe2\x80")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(palette[rng.IntN(len(palette))])
		}
		s := b.String()
		if got, want := CountWords(s), countWordsByRune(s); got != want {
			t.Fatalf("CountWords(%q) = %d, rune by rune %d", s, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("SOCHI, October 16. /TASS/. The Islamic\u00a0State — 43,500")
	f.Add("\xff a\u2009b \t\n")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountWords(s), countWordsByRune(s); got != want {
			t.Fatalf("CountWords(%q) = %d, rune by rune %d", s, got, want)
		}
	})
}

func BenchmarkCountWords(b *testing.B) {
	text := strings.Repeat("The Islamic State terrorist organization, which has been crushed in Syria and Iraq, continues running its branches abroad. ", 550)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		CountWords(text)
	}
}

// TestCountWordsCJK: Chinese and Japanese are counted by characters;
// scripts written with spaces by words (issue 16, class 11).
func TestCountWordsCJK(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"国家主席习近平周三在北京会见了来访的外国领导人", 23},
		{"国家主席 习近平。", 7},
		{"東京都は水曜日、新しい対策を発表した", 17},
		{"GDP增长5%", 4},
		{"The FSB said", 3},
		{"정부는 수요일 발표했다", 3},
		{"قال وزير الخارجية", 3},
	}
	for _, tc := range tests {
		if got := CountWords(tc.text); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
