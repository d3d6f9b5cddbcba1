package check

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// Style runs the house-style rules over the article: terms, numbers,
// quote marks and the dateline. Findings come in reading order.
func (r *Rules) Style(a *editor.Article) []Finding {
	if r == nil {
		return nil
	}
	var out []Finding
	out = append(out, r.datelineFindings(a)...)
	terms := r.compiled()
	for _, s := range segments(a) {
		mask := masked(s.text)
		// A term inside a direct quote is the speaker's word: not flagged.
		out = append(out, termFindings(s, mergeRanges(mask, quoted(s.text)), terms)...)
		// Headlines take figures for every number (news style).
		if r.SpellOut > 0 && s.field != "headline" {
			out = append(out, numberFindings(s, mask, r.SpellOut)...)
		}
		if r.Quotes != QuotesOff {
			out = append(out, quoteFindings(s, mask, r.Quotes)...)
		}
	}
	sortFindings(out)
	return out
}

// compiledTerm is a term's phrases as one regular expression.
type compiledTerm struct {
	Term
	re *regexp.Regexp
}

// termCache holds a rule set's compiled terms, built on first use.
type termCache struct {
	once  sync.Once
	terms []compiledTerm
}

func (r *Rules) compiled() []compiledTerm {
	if r.cache == nil { // Rules built by hand, not by Load: compile each time
		return compileTerms(r.Terms)
	}
	r.cache.once.Do(func() { r.cache.terms = compileTerms(r.Terms) })
	return r.cache.terms
}

func compileTerms(terms []Term) []compiledTerm {
	out := make([]compiledTerm, 0, len(terms))
	for _, t := range terms {
		alts := make([]string, len(t.Avoid))
		for i, a := range t.Avoid {
			// A space in a phrase matches any run of white space (NBSP too).
			alts[i] = strings.Join(quoteAll(strings.Fields(a)), `[\s\p{Zs}]+`)
		}
		expr := "(?:" + strings.Join(alts, "|") + ")"
		if !t.MatchCase {
			expr = "(?i)" + expr
		}
		out = append(out, compiledTerm{Term: t, re: regexp.MustCompile(expr)})
	}
	return out
}

func quoteAll(ss []string) []string {
	for i, s := range ss {
		ss[i] = regexp.QuoteMeta(s)
	}
	return ss
}

func termFindings(s segment, mask [][]int, terms []compiledTerm) []Finding {
	var out []Finding
	for _, t := range terms {
		for _, m := range t.re.FindAllStringIndex(s.text, -1) {
			if !wholeWord(s.text, m[0], m[1]) || inMask(mask, m[0], m[1]) {
				continue
			}
			got := s.text[m[0]:m[1]]
			f := Finding{Kind: KindStyle, Rule: "term", Place: s.place(m[0], m[1]), Text: got}
			if t.Use != "" {
				use := t.Use
				if !t.MatchCase && startsUpper(got) && !startsUpper(use) {
					use = editor.Capitalise(use)
				}
				f.Fix = fix(use)
				if t.Why != "" {
					f.say("use %q, not %q: %s", use, got, t.Why)
				} else {
					f.say("use %q, not %q", use, got)
				}
			} else if t.Why != "" {
				f.say("%q is banned: %s", got, t.Why)
			} else {
				f.say("%q is banned", got)
			}
			out = append(out, f)
		}
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// quoteFindings flags quote marks that are not the desk's.
func quoteFindings(s segment, mask [][]int, style QuoteStyle) []Finding {
	var out []Finding
	for i, r := range s.text {
		if !strings.ContainsRune("\"'“”„‟«»‘’‚", r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		if inMask(mask, i, end) {
			continue
		}
		want := wantQuote(s.text, i, r, style)
		if want == "" || want == string(r) {
			continue
		}
		f := Finding{Kind: KindStyle, Rule: "quotes", Place: s.place(i, end), Text: string(r), Fix: fix(want)}
		switch style {
		case QuotesStraight:
			f.say("the desk's quote marks are straight: %s, not %s", want, string(r))
		case QuotesCurly:
			f.say("the desk's quote marks are curly: %s, not %s", want, string(r))
		default:
			f.say("the desk's quote marks are guillemets: %s, not %s", want, string(r))
		}
		out = append(out, f)
	}
	return out
}

// wantQuote is the mark the style puts where r stands; "" leaves it be.
func wantQuote(text string, i int, r rune, style QuoteStyle) string {
	double := strings.ContainsRune("\"“”„‟«»", r)
	before, after := runeBefore(text, i), runeAfter(text, i+utf8.RuneLen(r))
	// An apostrophe sits between letters (don't, Bortnikov's) or after
	// one at a word's end (the services' plans).
	apostrophe := !double && unicode.IsLetter(before) && (unicode.IsLetter(after) || !isWordRune(after))
	opening := before == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{—–-/\"“‘«„", before)
	switch style {
	case QuotesStraight:
		if double {
			return `"`
		}
		return "'"
	case QuotesCurly:
		switch {
		case double && opening:
			return "“"
		case double:
			return "”"
		case apostrophe || !opening:
			return "’"
		default:
			return "‘"
		}
	case QuotesGuillemets:
		if !double {
			return "" // an apostrophe is not a quote mark in Russian copy
		}
		if opening {
			return "«"
		}
		return "»"
	}
	return ""
}

// datelineFindings checks the dateline against the house style: the
// fields the style shows are filled, an assumed year is confirmed, and
// the body does not repeat the dateline.
func (r *Rules) datelineFindings(a *editor.Article) []Finding {
	if r.Dateline == "" {
		return nil
	}
	var out []Finding
	d := a.Dateline
	// add appends a finding on a dateline field, for say to fill in.
	add := func(fieldName string, fx *string) *Finding {
		out = append(out, Finding{Kind: KindStyle, Rule: "dateline", Place: Place{Field: fieldName, Block: -1}, Fix: fx})
		return &out[len(out)-1]
	}
	if d.IsZero() {
		add("dateline", nil).say("the story has no dateline: give the place and date it was filed")
	} else {
		if strings.TrimSpace(d.Place) == "" {
			add("dateline.place", nil).say("the dateline names no place")
		}
		if _, ok := d.Day(); !ok && r.Dateline != editor.StyleAP {
			add("dateline.date", nil).say("the %s dateline needs the filing date", r.Dateline.Label())
		}
		if d.DateAssumed {
			add("dateline.date", nil).say("the dateline's year was assumed on import: confirm it")
		}
		if strings.TrimSpace(d.Source) == "" {
			if r.DatelineSource != "" {
				add("dateline.source", fix(r.DatelineSource)).say("the %s dateline names the agency: %s", r.Dateline.Label(), r.DatelineSource)
			} else {
				add("dateline.source", nil).say("the %s dateline names the agency", r.Dateline.Label())
			}
		}
	}
	blocks := editor.ParseBody(a.Body)
	if len(blocks) > 0 && blocks[0].Kind == editor.Paragraph {
		year := 2000
		if t, ok := d.Day(); ok {
			year = t.Year()
		}
		text := blocks[0].Text
		if _, rest, ok := editor.ParseDateline(text, year); ok {
			n := len(text) - len(rest)
			seg := segment{field: "body", block: 0, text: text}
			f := Finding{Kind: KindStyle, Rule: "dateline", Place: seg.place(0, n), Text: text[:n]}
			f.say("the body starts with a dateline: the dateline is a field of its own, rendered in the house style")
			if !d.IsZero() {
				f.Fix = fix("")
			}
			out = append(out, f)
		}
	}
	return out
}
