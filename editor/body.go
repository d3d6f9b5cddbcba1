package editor

import (
	"strings"
)

// BlockKind is the kind of a body block: the body's natural units.
type BlockKind int

// The block kinds a news body is made of.
const (
	Paragraph BlockKind = iota
	Subhead             // "## " in CommonMark, hl2 in NITF
	Quote               // "> " in CommonMark, bq in NITF
)

func (k BlockKind) String() string {
	switch k {
	case Subhead:
		return "subhead"
	case Quote:
		return "quote"
	}
	return "paragraph"
}

// Block is one paragraph, subhead or block quote of the body. Text is the
// block's inline CommonMark (emphasis and links stay as written) without the
// block marker.
type Block struct {
	Kind BlockKind
	Text string
}

// ParseBody splits a CommonMark body into blocks. Blocks are separated by
// blank lines; an ATX heading of any level is a subhead; lines starting with
// ">" form a quote. A leading backslash that FormatBody put before a
// character that would otherwise start a block marker is removed again, so
// ParseBody(FormatBody(b)) == b for any blocks.
func ParseBody(md string) []Block {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	var blocks []Block
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		blocks = append(blocks, parseBlock(cur))
		cur = nil
	}
	for _, line := range strings.Split(md, "\n") {
		if isBlank(line) {
			flush()
			continue
		}
		// A heading ends the paragraph before it even without a blank line.
		if t, ok := headingText(line); ok {
			flush()
			if !isBlank(t) { // an empty heading holds no copy
				blocks = append(blocks, parseBlock([]string{line}))
			}
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

func parseBlock(lines []string) Block {
	if t, ok := headingText(lines[0]); ok && len(lines) == 1 {
		return Block{Kind: Subhead, Text: unescapeLead(t)}
	}
	if isQuoteLine(lines[0]) {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = unquoteLine(l)
		}
		return Block{Kind: Quote, Text: unescapeLead(strings.Join(out, "\n"))}
	}
	return Block{Kind: Paragraph, Text: unescapeLead(strings.Join(lines, "\n"))}
}

// headingText returns the text of an ATX heading line ("## Text ##").
func headingText(line string) (string, bool) {
	l := strings.TrimLeft(line, " ")
	if len(line)-len(l) > 3 {
		return "", false
	}
	n := 0
	for n < len(l) && l[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return "", false
	}
	rest := l[n:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	rest = strings.Trim(rest, " \t")
	// A closing sequence of #s preceded by a space is not part of the text.
	if i := strings.LastIndex(rest, " "); i >= 0 && strings.Trim(rest[i+1:], "#") == "" {
		rest = strings.TrimRight(rest[:i], " ")
	} else if strings.Trim(rest, "#") == "" {
		rest = ""
	}
	return rest, true
}

func isQuoteLine(line string) bool {
	l := strings.TrimLeft(line, " ")
	return len(line)-len(l) <= 3 && strings.HasPrefix(l, ">")
}

func unquoteLine(line string) string {
	l := strings.TrimLeft(line, " ")
	if !strings.HasPrefix(l, ">") {
		return line // a lazy continuation line
	}
	l = l[1:]
	return strings.TrimPrefix(l, " ")
}

// FormatBody serialises blocks as CommonMark, one blank line between blocks.
// Text that would read as a block marker of its own (a leading "#", ">",
// list bullet or numbered item) is escaped with a backslash, so a paragraph
// stays a paragraph.
func FormatBody(blocks []Block) string {
	var b strings.Builder
	first := true
	for _, bl := range blocks {
		text := strings.TrimRight(bl.Text, " \t\r\n") // "\r\n" would read back as a line end
		if bl.Kind == Subhead {
			text = collapseLineSpace(text)
		}
		if isBlank(text) {
			continue
		}
		if !first {
			b.WriteString("\n\n")
		}
		first = false
		switch bl.Kind {
		case Subhead:
			b.WriteString("## ")
			b.WriteString(escapeLead(text))
		case Quote:
			for i, l := range strings.Split(escapeLines(text), "\n") {
				if i > 0 {
					b.WriteString("\n")
				}
				b.WriteString("> ")
				b.WriteString(l)
			}
		default:
			b.WriteString(escapeLines(text))
		}
	}
	return b.String()
}

// escapeLines escapes each line's lead and drops blank lines, which would
// split the block in two.
func escapeLines(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		if isBlank(l) {
			continue
		}
		out = append(out, escapeLead(strings.TrimLeft(l, " \t")))
	}
	return strings.Join(out, "\n")
}

// isBlank is CommonMark's blank line: spaces and tabs only. A no-break
// space is text.
func isBlank(line string) bool { return strings.Trim(line, " \t\r") == "" }

// escapeLead makes the start of a line read as text, not as a block marker,
// with the backslash escape a CommonMark reader shows as nothing: "\# x",
// "\> x", "\- x", and "1\. x" for a number (a backslash before a digit is
// not an escape, so it goes before the dot).
func escapeLead(s string) string {
	if n := listNumberLen(s); n > 0 {
		return s[:n] + `\` + s[n:]
	}
	if needsLeadEscape(s) {
		return `\` + s
	}
	return s
}

// EscapeLead is escapeLead for writers of CommonMark outside the desk's
// own body format (the Markdown export): a line that would open a block
// of its own gets the backslash escape a CommonMark reader shows as
// nothing.
func EscapeLead(line string) string { return escapeLead(line) }

// unescapeLead undoes escapeLead on every line.
func unescapeLead(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if n := listNumberLen(l); n > 0 && l[n] == '\\' {
			lines[i] = l[:n] + l[n+1:]
		} else if strings.HasPrefix(l, `\`) && (needsLeadEscape(l[1:]) || listNumberLen(l[1:]) > 0) {
			// The second form is how older bodies escaped numbers.
			lines[i] = l[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// listNumberLen returns the number of leading digits when s starts like an
// ordered list item — "1. ", "2)" then a space, a tab or the end, with any
// backslashes before the dot (so a literal "1\. " survives too) — else 0.
func listNumberLen(s string) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0
	}
	j := i
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t') {
		return i
	}
	return 0
}

// needsLeadEscape reports whether s, at the start of a line, would open a
// heading, quote, list, rule, setext underline, fence or HTML block.
func needsLeadEscape(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; c {
	case '#', '>', '<', '|':
		return true
	case '=':
		return isRuleLine(s, '=', 1)
	case '`', '~':
		return strings.HasPrefix(s, strings.Repeat(s[:1], 3))
	case '-', '+', '*':
		if len(s) == 1 || s[1] == ' ' || s[1] == '\t' {
			return true // a bullet
		}
		min := 3
		if c == '-' {
			min = 1 // a setext underline
		}
		return c != '+' && isRuleLine(s, c, min)
	case '_':
		return isRuleLine(s, '_', 3)
	case '\\':
		// A literal leading backslash must survive the unescape on parse.
		return len(s) > 1 && (needsLeadEscape(s[1:]) || listNumberLen(s[1:]) > 0)
	}
	return false
}

// isRuleLine reports whether s is only c (at least min times), spaces and tabs.
func isRuleLine(s string, c byte, min int) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= min
}

// PlainBody is the body as a reader sees it: block markers and escapes
// removed, blocks separated by a blank line. Inline emphasis markers stay;
// they count as no words.
func PlainBody(md string) string {
	blocks := ParseBody(md)
	parts := make([]string, len(blocks))
	for i, b := range blocks {
		parts[i] = b.Text
	}
	return strings.Join(parts, "\n\n")
}
