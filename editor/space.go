package editor

import "strings"

// collapseLineSpace joins the lines of s with single spaces, collapsing runs
// of ASCII white space only: a no-break space (U+00A0) or thin space is part
// of the copy (the TASS fixture has NBSPs inside subheads) and must survive
// byte for byte, while strings.Fields would treat it as a separator.
func collapseLineSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}), " ")
}
