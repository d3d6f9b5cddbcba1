package check

import (
	"strings"

	"copydesk/editor"

	"copydesk/editor/yamlfile"
)

// Rules is a desk's house style: what the style checks look for and the
// sections' length limits. Load reads one from the desk's YAML rules file;
// Builtin returns the AP-like and TASS-like sets.
type Rules struct {
	Name string
	File string // where the rules came from, for messages
	// Terms are preferred and banned terms, checked in order.
	Terms []Term
	// SpellOut, when above zero, is the number style: whole numbers from
	// one to SpellOut are spelled out, larger ones written as figures.
	SpellOut int
	// Quotes is the quote-mark style; QuotesOff checks none.
	Quotes QuoteStyle
	// Dateline is the house style datelines must be complete for; ""
	// checks none. DatelineSource, when set, is the agency a dateline
	// without one gets as its fix.
	Dateline       editor.Style
	DatelineSource string
	// Limits are the sections' length limits: "" is the default for every
	// section, other keys are section names (compared case-insensitively),
	// whose non-zero limits replace the default's.
	Limits map[string]Limits

	cache *termCache
}

// Term is a preferred or banned term.
type Term struct {
	Avoid []string // words or phrases to flag
	Use   string   // the preferred term: the fix; "" for a banned term
	Why   string   // said in the finding
	// MatchCase compares exactly; otherwise case is ignored. By default
	// a term with a capital letter (ISIL, Daesh) matches case.
	MatchCase bool
	Line      int // in the rules file, for messages
}

// QuoteStyle is the desk's quote marks.
type QuoteStyle string

// The quote styles.
const (
	QuotesOff        QuoteStyle = ""
	QuotesStraight   QuoteStyle = "straight"   // "…" and ' — wire copy
	QuotesCurly      QuoteStyle = "curly"      // “…” and ’ — print and web
	QuotesGuillemets QuoteStyle = "guillemets" // «…» — Russian copy
)

// Limits are one section's length limits; zero means none.
type Limits struct {
	HeadlineChars   int
	StandfirstWords int
	BodyWords       int
}

// LimitsFor returns the limits of a section: its own where set, the
// default's elsewhere.
func (r *Rules) LimitsFor(section string) Limits {
	if r == nil {
		return Limits{}
	}
	l := r.Limits[""]
	key := strings.ToLower(strings.TrimSpace(section))
	for name, s := range r.Limits {
		if name == "" || strings.ToLower(name) != key {
			continue
		}
		if s.HeadlineChars > 0 {
			l.HeadlineChars = s.HeadlineChars
		}
		if s.StandfirstWords > 0 {
			l.StandfirstWords = s.StandfirstWords
		}
		if s.BodyWords > 0 {
			l.BodyWords = s.BodyWords
		}
	}
	return l
}

// Counts measures the article against its section's limits, in field
// order: headline characters, standfirst words, body words. Fields without
// a limit are left out.
func (r *Rules) Counts(a *editor.Article) []editor.LimitCount {
	l := r.LimitsFor(a.Section)
	var out []editor.LimitCount
	if l.HeadlineChars > 0 {
		out = append(out, editor.LimitCount{Field: "headline", Unit: "chars", Used: editor.CountChars(strings.TrimSpace(a.Headline)), Max: l.HeadlineChars})
	}
	if l.StandfirstWords > 0 {
		out = append(out, editor.LimitCount{Field: "standfirst", Unit: "words", Used: editor.CountWords(a.Standfirst), Max: l.StandfirstWords})
	}
	if l.BodyWords > 0 {
		out = append(out, editor.LimitCount{Field: "body", Unit: "words", Used: a.Words(), Max: l.BodyWords})
	}
	return out
}

// RulesError is one mistake in a rules file; its Path is the rule's
// (terms[2].use, limits.sections.Sport.body_words).
type RulesError = yamlfile.Error

// RulesErrors is every mistake found in a rules file, in file order.
type RulesErrors = yamlfile.Errors
