package i18n

import (
	"strings"
	"time"
)

// FormatTime is t.Format(layout) with the month's name in the window's
// language: "16 Oct 10:05" reads "16 окт 10:05" in Russian (the genitive,
// as a date is written). Layouts with weekday names are not supported.
func FormatTime(t time.Time, layout string) string {
	s := t.Format(layout)
	if Current() != Russian {
		return s
	}
	m := int(t.Month()) - 1
	switch {
	case strings.Contains(layout, "January"):
		return strings.Replace(s, t.Month().String(), ruMonths[m], 1)
	case strings.Contains(layout, "Jan"):
		return strings.Replace(s, t.Month().String()[:3], ruMonthsShort[m], 1)
	}
	return s
}

var (
	ruMonths = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruMonthsShort = [12]string{"янв", "фев", "мар", "апр", "мая", "июн",
		"июл", "авг", "сен", "окт", "ноя", "дек"}
)
