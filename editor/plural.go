package editor

import (
	"strconv"
	"strings"
)

// Plural is n and the noun, in the singular for one and the plural
// otherwise: "1 article", "2 articles", "0 stories". The noun is given in
// the singular and is regular English: "-y" after a consonant becomes
// "-ies"; "-s", "-x", "-ch" and "-sh" take "-es"; anything else "-s". The
// window, the command line and the reports all count with it.
func Plural(n int, noun string) string {
	return strconv.Itoa(n) + " " + PluralNoun(n, noun)
}

// PluralNoun is the noun alone in the form n calls for.
func PluralNoun(n int, noun string) string {
	if n == 1 || noun == "" {
		return noun
	}
	switch {
	case strings.HasSuffix(noun, "y") && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}
