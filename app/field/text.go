package field

import (
	"fmt"
	"strings"
)

// Thousands writes n with a comma between thousands: 10,412.
func Thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// OneLine keeps an error message to one line for the status bar.
func OneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
