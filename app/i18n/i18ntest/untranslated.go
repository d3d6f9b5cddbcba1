package i18ntest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Untranslated lists the texts that are still English: a text is
// untranslated when it matches one of the dictionary's English keys whose
// Russian differs (a format key matches with any value for its verbs:
// "Revision %d saved %s" matches "Revision 3 saved 10:05"). Pass the
// texts a Russian window shows; story content does not match keys, so it
// needs no skipping.
func Untranslated(texts []string, dict map[string]any) []string {
	type key struct {
		text string
		re   *regexp.Regexp
	}
	var keys []key
	for k, v := range dict {
		if s, ok := v.(string); ok && s == k {
			continue // the same in both languages
		}
		trimmed := strings.TrimSpace(k)
		if !strings.ContainsFunc(stripVerbs(trimmed), unicode.IsLetter) {
			continue
		}
		keys = append(keys, key{trimmed, keyPattern(trimmed)})
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].text < keys[j].text })
	var out []string
	for _, t := range texts {
		t = strings.TrimSpace(t)
		for _, k := range keys {
			if t == k.text || k.re.MatchString(t) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// LatinOnly lists the texts that have Latin letters and no Cyrillic, apart
// from the allowed words (product and format names, "NITF", "ninjs"):
// what a Russian window must not show outside the story's own text.
func LatinOnly(texts []string, allow []string) []string {
	var out []string
	for _, t := range texts {
		rest := t
		for _, a := range allow {
			rest = strings.ReplaceAll(rest, a, "")
		}
		latin := strings.ContainsFunc(rest, func(r rune) bool { return r < 0x250 && unicode.IsLetter(r) })
		cyr := strings.ContainsFunc(rest, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
		if latin && !cyr {
			out = append(out, t)
		}
	}
	return out
}

var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

func stripVerbs(s string) string { return verbRE.ReplaceAllString(s, "") }

// keyPattern is a format key as a regular expression for a whole text.
func keyPattern(k string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, loc := range verbRE.FindAllStringIndex(k, -1) {
		b.WriteString(regexp.QuoteMeta(k[last:loc[0]]))
		b.WriteString("(?s:.*?)")
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(k[last:]))
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
