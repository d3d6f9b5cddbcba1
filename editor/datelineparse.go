package editor

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseDateline recognises a dateline at the start of a first paragraph, in
// any of the house styles Render writes and the variants agencies send:
//
//	SOCHI, October 16. /TASS/. …          TASS (also "Oct. 16", "16 October",
//	SOCHI, Russia, October 16. /TASS/. …   a year, a region, any /AGENCY/)
//	МОСКВА, 16 октября. /ТАСС/. …          TASS in Russian
//	NEW YORK (AP) — …                      AP (em dash, en dash, "--" or "-")
//	SOCHI, Russia (AP) — …
//	LONDON, Oct 16 (Reuters) - …           Reuters
//	SOCHI, Russia, Oct 16 (Reuters) - …
//
// Place is kept as the copy spells it and must be in capitals: that, and the
// agency marker the dateline must end with, is what keeps ordinary sentences
// ("However, groups …", "In 2019, …") from matching. When the copy gives a
// month and day but no year, year completes the date and DateAssumed is set;
// pass a year from 1 to 9999 (any other leaves the date empty). A day that
// does not exist (30 February; 29 February in an assumed year that is not a
// leap year) is not a dateline: the paragraph is left whole.
//
// rest is para after the dateline and the white space that follows it,
// byte for byte. ok is false, and d and rest are zero, when para does not
// start with a dateline.
func ParseDateline(para string, year int) (d Dateline, rest string, ok bool) {
	// A dateline is short: look at the head only, so that a huge first
	// paragraph costs nothing.
	head := para
	if len(head) > datelineScan {
		cut := datelineScan
		for cut > 0 && !utf8.RuneStart(head[cut]) {
			cut--
		}
		head = head[:cut]
	}
	m, kind := matchDateline(head)
	if m == nil {
		return Dateline{}, "", false
	}
	sub := func(name string) string {
		i := datelinePatterns().groups[kind][name]
		if i < 0 || m[2*i] < 0 {
			return ""
		}
		return head[m[2*i]:m[2*i+1]]
	}
	d.Place = sub("place") + sub("cplace")
	d.Region = sub("region")
	d.Source = strings.TrimSpace(sub("source"))
	if (d.Place != "" && !plausiblePlace(d.Place)) || !plausibleSource(d.Source, kind == tassForm) {
		return Dateline{}, "", false
	}
	month := sub("month") + sub("dmonth")
	if z := sub("zmonth"); z != "" {
		month = z
	}
	if month != "" {
		date, assumed, valid := datelineDate(month, sub("day")+sub("dday")+sub("zday"), sub("year")+sub("dyear")+sub("zyear"), year)
		if !valid {
			return Dateline{}, "", false
		}
		d.Date, d.DateAssumed = date, assumed
	}
	end := m[1]
	rest = strings.TrimLeftFunc(para[end:], unicode.IsSpace)
	return d, rest, true
}

// datelineScan bounds the bytes ParseDateline looks at: the longest
// dateline the patterns allow is well under it.
const datelineScan = 320

type datelineForm int

const (
	tassForm   datelineForm = iota // … /TASS/.
	agencyForm                     // … (AP) —
)

// The pieces of a dateline. Spaces inside may be no-break spaces.
const (
	dlSpace = `[ \x{00A0}]`
	// PLACE: capitals, with dots, hyphens and apostrophes (ST. PETERSBURG,
	// YUZHNO-SAKHALINSK, N'DJAMENA), up to five words.
	dlPlace = `(?P<place>\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:` + dlSpace + `\p{Lu}[\p{Lu}\p{M}'’.\-]*){0,4})`
	// REGION: capitalised words (Russia, Calif., United Kingdom, Isle of Man).
	dlRegionWord = `\p{Lu}[\p{L}\p{M}'’.\-]*`
	dlRegion     = `(?P<region>` + dlRegionWord + `(?:` + dlSpace + `(?:` + dlRegionWord + `|of|and|de|del|la|le|el|al|du|upon|on))*)`
	dlMonthEN    = `(?i:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)`
	// The month names RenderIn writes (monthStyles), in the genitive
	// where the language takes it.
	dlMonthLocal = `(?i:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря` +
		`|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня` +
		`|студзеня|лютага|сакавіка|красавіка|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня` +
		`|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember` +
		`|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre` +
		`|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre` +
		`|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre` +
		`|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro` +
		`|يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)`
	// DATE: "October 16", "Oct. 16", "Oct 16, 2019", "16 October 2019",
	// "16 октября", "16. Oktober", "16 de octubre", "10月16日".
	dlDate = `(?:(?P<month>` + dlMonthEN + `)\.?` + dlSpace + `(?P<day>\d{1,2})(?:,?` + dlSpace + `(?P<year>\d{4}))?` +
		`|(?P<dday>\d{1,2})\.?` + dlSpace + `(?:de` + dlSpace + `)?(?P<dmonth>` + dlMonthEN + `|` + dlMonthLocal + `)\.?(?:,?` + dlSpace + `(?:de` + dlSpace + `)?(?P<dyear>\d{4}))?` +
		`|(?:(?P<zyear>\d{4})年)?(?P<zmonth>\d{1,2})月(?P<zday>\d{1,2})日)`
	// A place in a script without letter case (索契, سوتشي): letters of
	// that script, up to five words.
	dlPlaceCaseless = `(?P<cplace>[\p{Lo}\p{M}][\p{Lo}\p{M}'’.\-]*(?:` + dlSpace + `[\p{Lo}\p{M}][\p{Lo}\p{M}'’.\-]*){0,4})`
	dlHead          = `^(?:` + dlPlace + `|` + dlPlaceCaseless + `)(?:,` + dlSpace + dlRegion + `)?(?:,` + dlSpace + dlDate + `)?`
	// SOURCE: an agency's name, up to 30 characters.
	dlSource = `(?P<source>\p{L}[\p{L}\p{N}&.'’ \-]{0,29})`
)

// datelineRes holds the compiled patterns. They are compiled on first use:
// compiling them at start-up cost every run of the command line some
// milliseconds, dateline or not.
type datelineRes struct {
	tass, agency *regexp.Regexp
	groups       [2]map[string]int
}

var datelinePatterns = sync.OnceValue(func() *datelineRes {
	r := &datelineRes{
		// A dateline may be its source alone ("/TASS/.", "(AP) —"):
		// RenderIn writes that when the place and the date are unknown.
		tass:   regexp.MustCompile(`(?:` + dlHead + `\.` + dlSpace + `?|^)/` + dlSource + `/\.?`),
		agency: regexp.MustCompile(`(?:` + dlHead + dlSpace + `?|^)\(` + dlSource + `\)` + dlSpace + `?(?:—|–|--|-)`),
	}
	r.groups = [2]map[string]int{tassForm: groupIndex(r.tass), agencyForm: groupIndex(r.agency)}
	return r
})

func groupIndex(re *regexp.Regexp) map[string]int {
	idx := map[string]int{}
	for _, name := range []string{"place", "cplace", "region", "month", "day", "year", "dmonth", "dday", "dyear", "zmonth", "zday", "zyear", "source"} {
		idx[name] = re.SubexpIndex(name)
	}
	return idx
}

func matchDateline(head string) ([]int, datelineForm) {
	// Both forms start with capitals: skip the regexps for any other start.
	r, _ := utf8.DecodeRuneInString(head)
	if !unicode.IsUpper(r) && !unicode.Is(unicode.Lo, r) && r != '/' && r != '(' {
		return nil, 0
	}
	if m := datelinePatterns().tass.FindStringSubmatchIndex(head); m != nil {
		return m, tassForm
	}
	if m := datelinePatterns().agency.FindStringSubmatchIndex(head); m != nil {
		return m, agencyForm
	}
	return nil, 0
}

// plausiblePlace asks for two letters at least and no lower case: "A." or
// "In" is not a place.
func plausiblePlace(p string) bool {
	letters := 0
	for _, r := range p {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// plausibleSource asks for at most three words with a capital first (AP,
// Reuters, TASS, Reuters Breakingviews) or one short lower-case acronym
// (dpa). Between slashes (TASS style) the marker itself is rare enough in
// prose that any such name is accepted.
func plausibleSource(s string, slashed bool) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	if slashed {
		return true
	}
	words := strings.Fields(s)
	if len(words) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || (len(words) == 1 && utf8.RuneCountInString(s) <= 5)
}

// datelineDate turns the copy's month, day and optional year into
// YYYY-MM-DD. valid is false for a day the calendar does not have.
func datelineDate(month, day, yearText string, year int) (date string, assumed, valid bool) {
	m := monthNumber(month)
	dd, err := strconv.Atoi(day)
	if m == 0 || err != nil {
		return "", false, false
	}
	if yearText != "" {
		y, err := strconv.Atoi(yearText)
		if err != nil {
			return "", false, false
		}
		year = y
	} else {
		assumed = true
	}
	if year < 1 || year > 9999 {
		// No year to complete the date with: the day is recognised, the
		// date stays unknown.
		return "", false, dd >= 1 && dd <= 31
	}
	t := time.Date(year, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd || int(t.Month()) != m {
		return "", false, false
	}
	return t.Format(DateLayout), assumed, true
}

// monthNumber maps an English month name or abbreviation, or a Russian
// month in the genitive, to 1–12; 0 when it is neither.
func monthNumber(name string) int {
	n := strings.ToLower(strings.TrimSuffix(name, "."))
	for i, full := range monthsEN {
		if n == full || (len(n) >= 3 && strings.HasPrefix(full, n) && (len(n) == 3 || n == "sept")) {
			return i + 1
		}
	}
	if m, err := strconv.Atoi(n); err == nil && m >= 1 && m <= 12 {
		return m // 10月
	}
	return localMonth(n)
}

var (
	monthsEN = [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	monthsRU = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
)
