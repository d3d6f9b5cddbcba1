package markdown

import (
	"fmt"
	"strings"

	"copydesk/editor"
)

// maxStructureWarnings bounds the warnings about Markdown structure, so a
// file that is one long list does not bury the other warnings.
const maxStructureWarnings = 50

// structureWarnings names each body line whose Markdown structure a news
// body does not keep: editor.ParseBody keeps paragraphs, "##" subheads and
// "> " quotes, and takes everything else as paragraph text. The text is
// kept; the user is told that its structure is not. first is the file line
// of lines[0].
//
// Lines that Format writes never draw a warning: FormatBody escapes every
// lead that would read as a marker.
func structureWarnings(lines []string, first int) []editor.Warning {
	var out []editor.Warning
	more := 0
	prevText := false // the line before was text of the same block
	for i, raw := range lines {
		if strings.TrimSpace(raw) == "" {
			prevText = false
			continue
		}
		msg := lineStructure(raw, prevText)
		prevText = true
		if msg == "" {
			continue
		}
		if len(out) == maxStructureWarnings {
			more++
			continue
		}
		out = append(out, editor.Warning{Line: first + i, Message: msg})
	}
	if more > 0 {
		out = append(out, editor.Warning{Message: fmt.Sprintf("%d more lines of Markdown structure kept as text, not listed", more)})
	}
	return out
}

// lineStructure says what becomes of a line's structure, or "" when the
// body keeps it (or there is none).
func lineStructure(raw string, prevText bool) string {
	l, quotes := stripQuotes(raw)
	if quotes > 1 {
		return "a quote inside a quote kept as text of the outer quote"
	}
	if indent(l) >= 4 && !prevText {
		return "indented code kept as paragraph text (code is not part of a news body)"
	}
	t := strings.TrimSpace(l)
	if t == "" {
		return ""
	}
	if _, level, ok := atxHeading(l); ok {
		switch {
		case quotes > 0:
			return "a heading inside a quote kept as text"
		case level != 2:
			return fmt.Sprintf("a level-%d heading became a ## subhead", level)
		}
		return ""
	}
	switch {
	case isFence(t):
		return "a code fence kept as text (code is not part of a news body)"
	case isRule(t):
		return "a horizontal rule (or heading underline) kept as text"
	case prevText && strings.Trim(t, "=") == "":
		return "a \"===\" heading underline kept as text"
	case isListItem(t):
		return "a list item kept as paragraph text (lists are not part of a news body)"
	case t[0] == '|':
		return "a table row kept as text"
	case t[0] == '<' && len(t) > 1 && (isLetter(t[1]) || t[1] == '/' || t[1] == '!' || t[1] == '?'):
		return "raw HTML kept as text (it is never passed through)"
	}
	return ""
}

// stripQuotes removes the "> " markers that open a line and counts them.
func stripQuotes(l string) (string, int) {
	n := 0
	for {
		if indent(l) >= 4 {
			return l, n
		}
		t := strings.TrimLeft(l, " \t")
		if !strings.HasPrefix(t, ">") {
			return l, n
		}
		n++
		l = strings.TrimPrefix(t[1:], " ")
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
