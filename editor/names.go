package editor

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PrintableName is a file name as it may be shown in a message, a label
// or a terminal: unchanged when it is printable, else with each control
// character, invalid byte and line or paragraph separator written as Go
// writes it in a quoted string (\n, \x1b, \u2028). A name with a newline
// or an ESC in it, echoed raw, would split a one-line message or send the
// terminal an escape sequence.
func PrintableName(name string) string {
	if printable(name) {
		return name
	}
	q := strconv.QuoteToGraphic(name)
	q = q[1 : len(q)-1]
	// Quote escaped the quotes and backslashes too; a printable name
	// keeps them as they are.
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(q)
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return false
		}
	}
	return true
}

// maxLabelName bounds the file name in an import's revision label, whose
// whole length the store limits to 200 characters.
const maxLabelName = 180

// ImportLabel is the label of the revision an import makes: "imported
// from NAME", the name printable and cut to fit the store's limit, so a
// file name no label could hold is never blamed on a label the user did
// not write.
func ImportLabel(file string) string {
	name := PrintableName(file)
	if r := []rune(name); len(r) > maxLabelName {
		name = "…" + string(r[len(r)-maxLabelName+1:])
	}
	return "imported from " + name
}
