package editor

import (
	"fmt"
	"strings"
	"time"
)

// Style is a house style for rendering datelines.
type Style string

// The house styles the desk knows.
const (
	StyleTASS    Style = "tass"    // SOCHI, October 16. /TASS/.
	StyleAP      Style = "ap"      // SOCHI, Russia (AP) —
	StyleReuters Style = "reuters" // SOCHI, Russia, Oct 16 (Reuters) -
)

// Styles lists the house styles in the order the UI offers them.
var Styles = []Style{StyleTASS, StyleAP, StyleReuters}

// Label is the style's name as the UI shows it.
func (s Style) Label() string {
	switch s {
	case StyleAP:
		return "AP"
	case StyleReuters:
		return "Reuters"
	}
	return "TASS"
}

// ParseStyle accepts "tass", "AP", "Reuters" in any case.
func ParseStyle(s string) (Style, error) {
	for _, st := range Styles {
		if strings.EqualFold(s, string(st)) {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown dateline style %q: use tass, ap or reuters", s)
}

// Render writes the dateline in the house style, in English (see
// RenderIn), without the space that joins it to the first sentence. An
// empty dateline renders as "".
func (d Dateline) Render(s Style) string { return d.RenderIn(s, "en") }

// RenderIn writes the dateline in the house style and in the story's
// language (a BCP 47 tag): "СОЧИ, 16 октября. /ТАСС/." for a Russian
// story, "索契, 10月16日. /新华社/." for a Chinese one. Parts the dateline
// lacks are left out with their punctuation: a dateline with only a
// source renders "/TASS/.", "(AP) —" or "(Reuters) -", never ". /TASS/.".
func (d Dateline) RenderIn(s Style, lang string) string { return d.render(s, lang, false) }

// RenderText is RenderIn for the plain-text export, which must read back
// to the same fields: a date whose year is known (not assumed at import)
// is written with it ("SOCHI, October 16, 2018. /TASS/."), or the
// re-import would assume this year.
func (d Dateline) RenderText(s Style, lang string) string {
	return d.render(s, lang, d.Date != "" && !d.DateAssumed)
}

func (d Dateline) render(s Style, lang string, withYear bool) string {
	if d.Place == "" && d.Source == "" && d.Date == "" {
		return ""
	}
	place := strings.ToUpper(d.Place)
	day, hasDay := d.Day()
	date := ""
	if hasDay {
		date = localDay(day, lang)
		if withYear {
			date = yearDay(day, lang)
		}
	}
	src := d.Source
	switch s {
	case StyleAP:
		if src == "" {
			src = "AP"
		}
		return prefixed(joinNonEmpty(", ", place, d.Region), " ", "("+src+") —")
	case StyleReuters:
		if src == "" {
			src = "Reuters"
		}
		if hasDay && baseLanguage(lang) == "en" {
			date = day.Format("Jan 2")
			if withYear {
				date = day.Format("Jan 2, 2006")
			}
		}
		return prefixed(joinNonEmpty(", ", place, d.Region, date), " ", "("+src+") -")
	default:
		out := joinNonEmpty(", ", place, date)
		if out != "" {
			out += "."
		}
		if src != "" {
			out = prefixed(out, " ", "/"+src+"/.")
		}
		return out
	}
}

// prefixed is head, sep and tail, or tail alone when head is empty.
func prefixed(head, sep, tail string) string {
	if head == "" {
		return tail
	}
	return head + sep + tail
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// FormatDate renders a YYYY-MM-DD day for people ("16 October 2019"); ""
// when unset or malformed.
func (d Dateline) FormatDate() string {
	t, ok := d.Day()
	if !ok {
		return ""
	}
	return t.Format("2 January 2006")
}

// SetDay sets Date from a calendar day.
func (d *Dateline) SetDay(t time.Time) { d.Date = t.Format(DateLayout) }
