package wire

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wire copy is plain text; the body is CommonMark. escapeInline puts a
// backslash before each character CommonMark could read as markup, and
// only there, so that ordinary copy — brackets, "2 * 3", snake_case, the
// fixture's every byte — is stored as sent:
//
//   - "\" and "`" always (escapes, code spans);
//   - a run of "*", "_" or "~" unless it cannot open or close emphasis
//     (white space on both sides; "_" between letters or digits);
//   - every "[" of a block that has "](" or "]:" in it (a link or a
//     reference definition could form; brackets alone make neither);
//   - "<" followed by something other than white space when a ">" comes
//     later (an autolink or an HTML tag could form);
//   - "&" that starts an entity or character reference ("&amp;").
//
// It works in one pass, in time linear in the text: CommonMark parsers are
// quadratic on some inputs, and import must stay fast on any file.
// FuzzEscape checks the result against the desk's CommonMark reader.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, "\\`*_~[<&") {
		return s
	}
	bracket := strings.Contains(s, "](") || strings.Contains(s, "]:")
	gt := strings.LastIndexByte(s, '>')
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`':
			b.WriteByte('\\')
		case '*', '_', '~':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			esc := delimiterMayAct(c, s[:i], s[j:])
			for ; i < j; i++ {
				if esc {
					b.WriteByte('\\')
				}
				b.WriteByte(c)
			}
			i--
			continue
		case '[':
			if bracket {
				b.WriteByte('\\')
			}
		case '<':
			if i+1 < len(s) && gt > i && !isSpaceByte(s[i+1]) {
				b.WriteByte('\\')
			}
		case '&':
			if entityAt(s, i) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// delimiterMayAct reports whether a run of c between before and after
// could open or close emphasis (or strikethrough, for readers that know
// it). It answers yes unless the run is plainly literal.
func delimiterMayAct(c byte, before, after string) bool {
	p, _ := utf8.DecodeLastRuneInString(before)
	n, _ := utf8.DecodeRuneInString(after)
	pSpace := before == "" || unicode.IsSpace(p)
	nSpace := after == "" || unicode.IsSpace(n)
	if pSpace && nSpace {
		return false
	}
	if c == '_' && alnum(p) && alnum(n) {
		return false
	}
	return true
}

func alnum(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// entityAt reports whether "&" at s[i] starts what could be an entity or
// character reference: "&", an optional "#", letters and digits, ";".
func entityAt(s string, i int) bool {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
	}
	k := j
	for k < len(s) && k-j < 32 && isASCIIAlnum(s[k]) {
		k++
	}
	return k > j && k < len(s) && s[k] == ';'
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// unescapeInline removes the backslash before each ASCII punctuation mark:
// the inverse of escapeInline.
func unescapeInline(md string) string {
	if !strings.Contains(md, `\`) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]) {
			i++
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

// literalText returns the plain text of md when md is exactly what
// escapeInline writes for some text — no markup at all — and ok false when
// md has markup a CommonMark reader must interpret.
func literalText(md string) (string, bool) {
	t := unescapeInline(md)
	return t, escapeInline(t) == md
}
