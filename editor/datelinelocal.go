package editor

import (
	"strconv"
	"strings"
	"time"
)

// Month names and day order for datelines in the story's language, from
// CLDR's "d MMMM" (format, not stand-alone: Russian and Ukrainian take
// the genitive). A small table rather than a dependency: the packages
// that carry CLDR dates (goodsign/monday and the like) cover some of
// these languages and not others, and the desk needs only this pattern.
type monthStyle struct {
	months [12]string
	// layout: "dm" "16 октября", "d.m" "16. Oktober", "d de m"
	// "16 de octubre", "cjk" "10月16日", "md" "October 16".
	layout string
}

var monthStyles = map[string]monthStyle{
	"en": {monthsEN, "md"},
	"ru": {monthsRU, "dm"},
	"uk": {[12]string{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"}, "dm"},
	"be": {[12]string{"студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня", "ліпеня", "жніўня", "верасня", "кастрычніка", "лістапада", "снежня"}, "dm"},
	"de": {[12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}, "d.m"},
	"fr": {[12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}, "dm"},
	"es": {[12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}, "d de m"},
	"it": {[12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}, "dm"},
	"pt": {[12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}, "d de m"},
	"ar": {[12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}, "dm"},
	"zh": {layout: "cjk"},
	"ja": {layout: "cjk"},
}

// baseLanguage is the language subtag of a BCP 47 tag, lower-cased:
// "pt-BR" → "pt".
func baseLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// localDay renders a day as a dateline gives it in the language: "October
// 16", "16 октября", "16. Oktober", "16 de octubre", "10月16日". A
// language without a table gets English.
func localDay(t time.Time, lang string) string {
	ms, ok := monthStyles[baseLanguage(lang)]
	if !ok {
		ms = monthStyles["en"]
	}
	d, m := strconv.Itoa(t.Day()), ms.months[t.Month()-1]
	switch ms.layout {
	case "dm":
		return d + " " + m
	case "d.m":
		return d + ". " + m
	case "d de m":
		return d + " de " + m
	case "cjk":
		return strconv.Itoa(int(t.Month())) + "月" + d + "日"
	}
	if strings.HasPrefix(m, strings.ToLower(m[:1])) {
		m = strings.ToUpper(m[:1]) + m[1:]
	}
	return m + " " + d
}

// localMonth maps a month name of any language in monthStyles to 1–12;
// 0 when none has it.
func localMonth(name string) int {
	for _, ms := range monthStyles {
		for i, m := range ms.months {
			if m != "" && strings.EqualFold(name, m) {
				return i + 1
			}
		}
	}
	return 0
}

// LocalDate renders a calendar day with its year in the language: "16
// October 2019", "16 октября 2019", "16 de octubre de 2019", "2019年10月16日".
func LocalDate(t time.Time, lang string) string {
	ms, ok := monthStyles[baseLanguage(lang)]
	switch {
	case !ok || ms.layout == "md":
		return t.Format("2 January 2006")
	case ms.layout == "cjk":
		return strconv.Itoa(t.Year()) + "年" + localDay(t, lang)
	case ms.layout == "d de m":
		return localDay(t, lang) + " de " + strconv.Itoa(t.Year())
	}
	return localDay(t, lang) + " " + strconv.Itoa(t.Year())
}

// yearDay is a dateline's day with its year, in a form ParseDateline
// reads: "October 16, 2019", "16 октября 2019", "2019年10月16日".
func yearDay(t time.Time, lang string) string {
	if ms, ok := monthStyles[baseLanguage(lang)]; !ok || ms.layout == "md" {
		return localDay(t, "en") + ", " + strconv.Itoa(t.Year())
	}
	return LocalDate(t, lang)
}
