package markdown

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// taken is a field found in the body: its text, the index of its first
// line and the index of the first line after it.
type taken struct {
	text       string
	line, next int
}

// takeHeadline reads the body's first block as the headline when it is a
// level-1 heading: "# Headline" (ATX) or one line underlined with "="
// (setext). Inline escapes and character references are resolved, because
// the headline field is plain text. Only spaces and tabs are trimmed, as in
// CommonMark: an NBSP is text.
func takeHeadline(lines []string) (taken, bool) {
	i := skipBlank(lines, 0)
	if i >= len(lines) {
		return taken{}, false
	}
	if text, level, ok := atxHeading(lines[i]); ok {
		if level != 1 {
			return taken{}, false
		}
		h := strings.Trim(plainInline(text), " \t")
		return taken{text: h, line: i, next: i + 1}, strings.TrimSpace(h) != ""
	}
	if i+1 < len(lines) && isSetextH1(lines[i+1]) && indent(lines[i]) < 4 {
		l := strings.Trim(lines[i], " \t")
		if l[0] == '>' || isListItem(l) || isFence(l) || isRule(l) {
			return taken{}, false
		}
		h := strings.Trim(plainInline(l), " \t")
		return taken{text: h, line: i, next: i + 2}, strings.TrimSpace(h) != ""
	}
	return taken{}, false
}

// takeStandfirst reads the block at or after line from as the standfirst
// when it is a paragraph wholly in single emphasis: "*…*" or "_…_". Its
// lines are joined with a space, as CommonMark renders a soft line break.
func takeStandfirst(lines []string, from int) (taken, bool) {
	i := skipBlank(lines, from)
	j := i
	var parts []string
	for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
		l := strings.Trim(lines[j], " \t")
		if _, _, ok := atxHeading(lines[j]); ok || indent(lines[j]) >= 4 || l[0] == '>' || isListItem(l) || isFence(l) || isRule(l) {
			return taken{}, false
		}
		parts = append(parts, l)
		j++
	}
	inner, ok := wholeEmphasis(strings.Join(parts, " "))
	if !ok {
		return taken{}, false
	}
	s := strings.Trim(plainInline(inner), " \t")
	return taken{text: s, line: i, next: j}, strings.TrimSpace(s) != ""
}

// wholeEmphasis returns what is inside p when single emphasis ("*…*" or
// "_…_") spans the whole of it.
func wholeEmphasis(p string) (inner string, ok bool) {
	if len(p) < 3 {
		return "", false
	}
	m := p[0]
	if m != '*' && m != '_' {
		return "", false
	}
	inner = p[1 : len(p)-1]
	if p[len(p)-1] != m || inner[0] == m || inner[0] == ' ' || inner[len(inner)-1] == ' ' || inner[len(inner)-1] == m {
		return "", false
	}
	// A marker left inside (unescaped) means the emphasis does not span
	// the whole paragraph: "*one* and *two*".
	for k := 0; k < len(inner); k++ {
		if inner[k] == '\\' {
			if k == len(inner)-1 {
				return "", false // the closing marker is escaped
			}
			k++
			continue
		}
		if inner[k] == m {
			return "", false
		}
	}
	return inner, true
}

func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// indent is the width of a line's leading white space, a tab counting to
// the next multiple of four as in CommonMark.
func indent(l string) int {
	n := 0
	for _, c := range []byte(l) {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n
		}
	}
	return n
}

// atxHeading returns the text and level of an ATX heading line, without
// the optional closing sequence of #s.
func atxHeading(line string) (text string, level int, ok bool) {
	if indent(line) >= 4 {
		return "", 0, false
	}
	l := strings.TrimLeft(line, " \t")
	for level < len(l) && l[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return "", 0, false
	}
	rest := l[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", 0, false
	}
	rest = strings.Trim(rest, " \t")
	closed := strings.TrimRight(rest, "#")
	switch {
	case closed == "":
		rest = ""
	case len(closed) < len(rest) && (strings.HasSuffix(closed, " ") || strings.HasSuffix(closed, "\t")):
		rest = strings.TrimRight(closed, " \t")
	}
	return rest, level, true
}

func isSetextH1(line string) bool {
	t := strings.Trim(line, " \t")
	return indent(line) < 4 && t != "" && strings.Trim(t, "=") == ""
}

// isListItem reports whether a line (left-trimmed) starts a list item.
func isListItem(l string) bool {
	if l == "" {
		return false
	}
	switch l[0] {
	case '-', '+', '*':
		return len(l) == 1 || l[1] == ' ' || l[1] == '\t'
	}
	i := 0
	for i < len(l) && i < 10 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i < 10 && i < len(l) && (l[i] == '.' || l[i] == ')') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t')
}

func isFence(l string) bool {
	return strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~")
}

// isRule reports a thematic break: three or more of one of - * _ with
// nothing else but spaces.
func isRule(l string) bool {
	if l == "" || (l[0] != '-' && l[0] != '*' && l[0] != '_') {
		return false
	}
	n := 0
	for _, c := range []byte(l) {
		switch c {
		case l[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

var entityRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
})

// plainInline resolves what CommonMark resolves in inline text that a
// plain-text field should not keep: backslash escapes of ASCII punctuation
// and character references (&amp; &#233; &#xE9;). Emphasis markers, code
// spans and links stay as written.
func plainInline(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if m := entityRE().FindString(s[i:]); m != "" {
				b.WriteString(decodeEntity(m))
				i += len(m)
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// decodeEntity decodes one character reference as CommonMark does: a
// numeric reference to no valid character becomes U+FFFD; an unknown name
// stays as written.
func decodeEntity(m string) string {
	if m[1] != '#' {
		return html.UnescapeString(m)
	}
	digits, base := m[2:len(m)-1], 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n == 0 || n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
		return "\uFFFD"
	}
	return string(rune(n))
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
