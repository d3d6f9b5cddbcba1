package field

import (
	"fmt"
	"strings"

	"copydesk/app/i18n"
)

// Thousands writes n with its thousands grouped as the window's language
// does: 10,412 in English.
func Thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	// Russian groups digits with a (no-break) space: 5 315, not 5,315.
	sep := ","
	if i18n.Current() == i18n.Russian {
		sep = "\u00a0"
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// OneLine keeps an error message to one line for the status bar.
func OneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
