package formats

import (
	"strconv"
	"strings"
	"unicode"

	"copydesk/editor"
)

// maxNameRunes keeps file names well under every file system's 255-byte
// limit even when each rune takes four bytes.
const maxNameRunes = 60

// BaseName is the file name an article is exported under, without the
// extension: its slug (else its headline) reduced to letters, digits and
// single dashes, so that no slug — "../../etc", "WORLD/IS", a lone dot —
// can name a file outside the export folder. An article with neither
// gives "article-" and the start of its ID.
func BaseName(a *editor.Article) string {
	for _, s := range []string{a.Slug, a.Headline} {
		if n := safeName(s); n != "" {
			return n
		}
	}
	id := a.ID
	if len(id) > 8 {
		id = id[:8]
	}
	return "article-" + safeName(id)
}

func safeName(s string) string {
	var out []rune
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			out = append(out, unicode.ToLower(r))
			continue
		}
		dash = true
	}
	if len(out) <= maxNameRunes {
		return string(out)
	}
	// Cut at a word boundary when one is near, not mid-word.
	cut := maxNameRunes
	if out[cut] != '-' {
		for i := cut - 1; i > maxNameRunes/2; i-- {
			if out[i] == '-' {
				cut = i
				break
			}
		}
	}
	return strings.TrimRight(string(out[:cut]), "-")
}

// Namer hands out distinct file names for a batch export: a second story
// with the same slug gets "-2", then "-3".
type Namer struct {
	used map[string]bool
}

// Name returns a file name (with the extension of f) not given before by
// this Namer.
func (n *Namer) Name(a *editor.Article, f Format) string {
	if n.used == nil {
		n.used = map[string]bool{}
	}
	base := BaseName(a)
	name := base + f.Extension()
	for i := 2; n.used[name]; i++ {
		name = base + "-" + strconv.Itoa(i) + f.Extension()
	}
	n.used[name] = true
	return name
}
