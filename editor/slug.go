package editor

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// slugForbidden are the characters a slug may not hold: markup's angle
// brackets, the backslash (a path separator elsewhere) and what shells and
// templates give a meaning to (a slug is copied into file names, URLs and
// other systems' fields). Quotes are allowed: hand-written front matter
// uses them ("Q&A: what next").
const slugForbidden = "<>\\`{}|^$"

// checkSlug says what is wrong with a slug, "" when nothing. A slug is a
// short internal name — RUSSIA-SECURITY/FSB — so letters, digits, spaces
// and most punctuation are allowed, but not the characters above, nor a
// "/"-separated part that is empty, "." or ".." (a slug that reads as a
// path, like ../../etc/passwd, must not become one).
func checkSlug(slug string) (problem string) {
	for i, r := range slug {
		if strings.ContainsRune(slugForbidden, r) || !(unicode.IsPrint(r) || r == ' ') {
			return fmt.Sprintf("has the character %q at character %d", r, utf8.RuneCountInString(slug[:i])+1)
		}
	}
	for _, part := range strings.Split(slug, "/") {
		switch strings.TrimSpace(part) {
		case "", ".", "..":
			if slug != "" {
				return fmt.Sprintf("%q has an empty, \".\" or \"..\" part between slashes", slug)
			}
		}
	}
	return ""
}

// slugFix is what to do about a bad slug.
const slugFix = `a slug is a short name like RUSSIA-SECURITY/FSB: letters, digits, spaces and punctuation other than < > \ ` + "`" + ` { } | ^ $, with no empty, "." or ".." part between slashes`

// checkLanguage says what is wrong with a language tag, "" when nothing:
// it must be BCP 47 ("en", "ru", "pt-BR", "sr-Latn") or empty.
func checkLanguage(tag string) string {
	if tag == "" {
		return ""
	}
	// A well-formed tag with a subtag the registry does not list ("xx")
	// gives a ValueError: it is kept, as the registry grows.
	var unknown language.ValueError
	if _, err := language.Parse(tag); err != nil && !errors.As(err, &unknown) {
		return fmt.Sprintf("%q is not a BCP 47 language tag", tag)
	}
	for _, r := range tag {
		// language.Parse accepts "_" for "-"; the desk stores tags as
		// BCP 47 writes them.
		if !(r == '-' || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return fmt.Sprintf("%q is not a BCP 47 language tag", tag)
		}
	}
	return ""
}
