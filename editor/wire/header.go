package wire

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// The header is what stands between the headline and the dateline
// paragraph. Its lines are read by these rules, in this order:
//
//  1. A line followed by the same line, or by a line that it starts with
//     plus a space and a credit ("FSB Director Alexander Bortnikov Peter
//     Kovalev/TASS" then "FSB Director Alexander Bortnikov"), is the photo
//     caption run together with its credit: the pair gives caption and
//     credit, and neither line is text.
//  2. A line starting with "©", "(c)" or "Copyright ©/YEAR" is the
//     copyright notice, kept whole, sign and all: a notice is the holder's
//     wording ("© Peter Kovalev/TASS", "Copyright 2019 The Associated
//     Press" has no sign to strip), and NITF, ninjs and schema.org carry it
//     as a string to show as it stands.
//  3. "Photo: X", "Photo by X", "(AP Photo/Name)" or a bare credit of
//     capitalised words around a slash ("Peter Kovalev/TASS") is the credit.
//  4. "By NAME[, TITLE]" (and "Photographer:", "Editor:", "Translator:")
//     names people: bylines and credits.
//  5. A text line directly above a credit or copyright line in the same
//     block, when no caption is known yet, is the caption.
//  6. Every other line is standfirst. Several are one paragraph, wrapped:
//     they are joined by a space, and should the joined line read by the
//     rules above ("BY" over "A"), it is read so.
//
// The desk keeps one photo: a second caption, credit or notice is dropped
// with a warning.

// photoState is the photo as the header rules fill it.
type photoState struct {
	caption, credit, copyright string
}

type lineKind int

const (
	textLine    lineKind = iota
	pairLine             // caption run together with its credit (rule 1)
	pairCaption          // the caption line of such a pair
	copyrightLine
	creditLine
	bylineLine
)

func (p *parser) header(blocks []block) {
	for _, b := range blocks {
		kinds := make([]lineKind, len(b))
		for j := range b {
			kinds[j] = classify(b[j].text)
		}
		// Rule 1 comes first: the run-together line may itself read as a
		// bare credit (its words are all capitalised).
		for j := 0; j+1 < len(b); j++ {
			if pairable(kinds[j], b[j].text) && pairable(kinds[j+1], b[j+1].text) {
				if _, ok := splitPair(b[j].text, b[j+1].text); ok {
					kinds[j], kinds[j+1] = pairLine, pairCaption
					j++
				}
			}
		}
		for j, l := range b {
			if kinds[j] == pairLine {
				p.takePair(l, b[j+1])
				continue
			}
			p.take(kinds[j], l, b, kinds, j)
		}
		for j, l := range b {
			if kinds[j] == textLine {
				p.sf = append(p.sf, l)
				if looksLikeByline(l.text) {
					p.warn(l.num, "%q starts like a byline but does not read as names: kept in the standfirst, check it", excerpt(l.text))
				}
			}
		}
	}
	// Rule 6: standfirst lines are one paragraph, unwrapped. Unwrapped, it
	// may read as something else ("BY" above "A" is "BY A", a byline):
	// then it is that, as it would be when written on one line.
	var sf []string
	for _, l := range p.sf {
		sf = append(sf, strings.TrimSpace(l.text))
	}
	joined := strings.Join(sf, " ")
	if k := classify(joined); len(sf) > 1 && k != textLine {
		p.take(k, line{text: joined, num: p.sf[0].num}, nil, nil, 0)
		joined = ""
	}
	p.a.Photo = editor.Photo{Caption: p.photo.caption, Credit: p.photo.credit, Copyright: p.photo.copyright}
	p.a.Standfirst = joined
}

// takePair reads a caption run together with its credit, and the caption
// line under it (rule 1).
func (p *parser) takePair(run, caption line) {
	credit, _ := splitPair(run.text, caption.text)
	if p.photo.caption != "" || p.photo.credit != "" {
		p.drop(run.num, "a second photo caption and credit %q were dropped: the desk keeps one photo", excerpt(run.text))
		return
	}
	p.photo.caption = strings.TrimSpace(caption.text)
	p.photo.credit = credit
}

// take reads line j of block b, of the given kind (rules 2–5).
func (p *parser) take(kind lineKind, l line, b block, kinds []lineKind, j int) {
	switch kind {
	case copyrightLine:
		if p.photo.copyright != "" {
			p.drop(l.num, "a second copyright line %q was dropped: the desk keeps one photo", excerpt(l.text))
			return
		}
		p.photo.copyright = strings.TrimSpace(l.text)
		p.claimCaption(b, kinds, j)
	case creditLine:
		if p.photo.credit != "" {
			p.drop(l.num, "a second photo credit %q was dropped: the desk keeps one photo", excerpt(l.text))
			return
		}
		p.photo.credit = creditOf(l.text)
		p.claimCaption(b, kinds, j)
	case bylineLine:
		bl, _ := parseByline(l.text)
		p.a.Bylines = append(p.a.Bylines, bl...)
	}
}

// claimCaption takes the text line above a credit or copyright line as the
// caption (rule 5).
func (p *parser) claimCaption(b block, kinds []lineKind, j int) {
	if p.photo.caption != "" || j == 0 || kinds[j-1] != textLine {
		return
	}
	p.photo.caption = strings.TrimSpace(b[j-1].text)
	kinds[j-1] = pairCaption
}

// pairable: a line that can take part in rule 1 — text, or a bare credit.
func pairable(k lineKind, s string) bool {
	if k == textLine {
		return true
	}
	if k != creditLine {
		return false
	}
	_, explicit := explicitCredit(s)
	return !explicit
}

// classify reads one header line alone (rules 2–4).
func classify(s string) lineKind {
	switch {
	case isCopyright(s):
		return copyrightLine
	case creditOf(s) != "":
		return creditLine
	case isByline(s):
		return bylineLine
	}
	return textLine
}

// splitPair reports whether run is caption run together with a credit
// (rule 1) and returns the credit; "" with ok for a repeated caption.
func splitPair(run, caption string) (credit string, ok bool) {
	if run == caption {
		return "", true
	}
	if !strings.HasPrefix(run, caption+" ") {
		return "", false
	}
	credit = strings.TrimSpace(run[len(caption)+1:])
	return credit, isCreditLike(credit)
}

var copyrightRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:©|\([cC]\)|(?i:copyright)[ \x{00A0}]*(?:©|\([cC]\)|\d{4}))`)
})

// isCopyright: "© Peter Kovalev/TASS", "(c) 2019 Reuters", "Copyright 2019
// The Associated Press". A bare "Copyright" opening a sentence is not one.
func isCopyright(s string) bool {
	return copyrightRE().MatchString(s) && utf8.RuneCountInString(s) <= 200
}

var explicitCreditRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:photo(?:graph)?s?|picture|image|фото)(?:[ \x{00A0}]*:|[ \x{00A0}]+(?i:by)[ \x{00A0}])[ \x{00A0}]*(.+)$`)
})

// explicitCredit returns the credit of a "Photo: X" line; explicit is
// true for such a line even when X is too long to be kept.
func explicitCredit(s string) (credit string, explicit bool) {
	m := explicitCreditRE().FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	c := strings.TrimSpace(m[1])
	if utf8.RuneCountInString(c) > editor.MaxLineChars {
		return "", true
	}
	return c, true
}

// creditOf returns the credit a credit line gives (rule 3), or "".
func creditOf(s string) string {
	if c, explicit := explicitCredit(s); explicit {
		return c
	}
	inner := s
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		inner = s[1 : len(s)-1]
	}
	if isBareCredit(inner) {
		return strings.TrimSpace(inner)
	}
	return ""
}

// isBareCredit: capitalised words around a slash, the agencies' form —
// "Peter Kovalev/TASS", "AP Photo/Evan Vucci", "EPA-EFE/YURI KOCHETKOV".
func isBareCredit(s string) bool {
	i := strings.IndexByte(s, '/')
	if i <= 0 || i == len(s)-1 || s[i-1] == ' ' || s[i+1] == ' ' {
		return false
	}
	return isCreditLike(s) && len(strings.Fields(s)) <= 6
}

// isCreditLike: a name, not a sentence — up to eight words, each
// capitalised (or a particle: of, and, de …), no quote marks, no
// sentence punctuation at the end.
func isCreditLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || utf8.RuneCountInString(s) > 100 || hasQuote(s) {
		return false
	}
	for _, w := range words {
		if !capitalised(w) && !particles[w] && !elided(w) {
			return false
		}
	}
	return !endsSentence(words[len(words)-1])
}

// particles are the lower-case words names and credits carry.
var particles = map[string]bool{
	"of": true, "the": true, "de": true, "da": true, "di": true, "do": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "du": true, "bin": true, "al": true, "y": true,
	"for": true, "via": true,
}

// capitalised: the first letter or digit of w is upper case or a digit,
// or a letter of a script without case (Arabic, Chinese, Hebrew …),
// where a capital cannot mark a name or a label.
func capitalised(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r) || unicode.IsTitle(r) || caseless(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsSentence: the word ends with sentence punctuation. A short word
// ending in a dot is an abbreviation (Jr., Inc., D.C.), not an end.
func endsSentence(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	switch r {
	case '!', '?', '…', ':', ';', ',', '。', '！', '？', '؟', '،', '؛':
		return true
	case '.':
		return utf8.RuneCountInString(w) > 4
	}
	return false
}

const quoteMarks = "\"“”„‟«»‹›‘"

// hasQuote: a quote mark; an apostrophe after a letter (Russia's) is not one.
func hasQuote(s string) bool {
	prev := ' '
	for _, r := range s {
		if strings.ContainsRune(quoteMarks, r) {
			return true
		}
		if (r == '\'' || r == '’') && !unicode.IsLetter(prev) {
			return true
		}
		prev = r
	}
	return false
}

// bylineRoles maps the lead of a byline line to the role it gives.
var bylineRoles = []struct {
	lead string
	role editor.Role
}{
	{"By ", editor.RoleWriter},
	{"BY ", editor.RoleWriter},
	{"Photographer: ", editor.RolePhotographer},
	{"Editor: ", editor.RoleEditor},
	{"Translator: ", editor.RoleTranslator},
}

func isByline(s string) bool {
	_, ok := parseByline(s)
	return ok
}

// parseByline reads "By NAME[ and NAME][, TITLE]" (rule 4). Names are
// capitalised words; "By the end of the year" is not a byline.
func parseByline(s string) ([]editor.Byline, bool) {
	for _, br := range bylineRoles {
		if !strings.HasPrefix(s, br.lead) {
			continue
		}
		rest := strings.TrimSpace(s[len(br.lead):])
		names, title := rest, ""
		if i := strings.Index(rest, ", "); i >= 0 {
			names, title = rest[:i], strings.TrimSpace(rest[i+2:])
			if !isBylineTitle(title) {
				return nil, false
			}
		}
		var out []editor.Byline
		for _, n := range strings.Split(names, " and ") {
			n = strings.TrimSpace(n)
			if !isPersonName(n) {
				return nil, false
			}
			out = append(out, editor.Byline{Name: n, Role: br.role, Title: title})
		}
		return out, true
	}
	return nil, false
}

// isPersonName: one to six capitalised words (particles allowed), letters,
// dots, hyphens and apostrophes only.
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || !capitalised(words[0]) {
		return false
	}
	for _, w := range words {
		if !capitalised(w) && !particles[w] && !elided(w) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) && !strings.ContainsRune(".-'’", r) {
				return false
			}
		}
	}
	return true
}

// isBylineTitle: "Moscow correspondent", "Associated Press" — a short label.
func isBylineTitle(s string) bool {
	words := strings.Fields(s)
	return len(words) > 0 && len(words) <= 10 && utf8.RuneCountInString(s) <= 100 && !hasQuote(s) &&
		!endsSentence(words[len(words)-1])
}

func allBylines(b block) bool {
	for _, l := range b {
		if !isByline(l.text) {
			return false
		}
	}
	return true
}

// isSectionLabel: the desk's label above a headline ("All news",
// "Business & Economy"): one to five words, a capital first, no sentence
// punctuation, no quotes, and no other header form.
func isSectionLabel(s string, year int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || utf8.RuneCountInString(s) > 40 || hasQuote(s) {
		return false
	}
	if !capitalised(words[0]) || endsSentence(words[len(words)-1]) || strings.HasSuffix(s, ".") {
		return false
	}
	return isHeadlineLike(s, year) && !strings.Contains(s, "/")
}

// isHeadlineLike: a line that can stand as the headline — not a sentence
// ending in a full stop, not a photo, byline, dateline or embargo line.
func isHeadlineLike(s string, year int) bool {
	if strings.HasSuffix(s, ".") || classify(s) != textLine {
		return false
	}
	if _, ok := embargoLine(s); ok {
		return false
	}
	_, _, dl := editor.ParseDateline(s, year)
	return !dl
}

// caseless reports whether r is a letter of a script without letter case.
func caseless(r rune) bool {
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

// looksLikeByline: a line that opens as a byline does (rule 4).
func looksLikeByline(s string) bool {
	for _, br := range bylineRoles {
		if strings.HasPrefix(s, br.lead) {
			return true
		}
	}
	return false
}

// elided: a surname opening with an elided particle, d'Emilio, dell'Orto,
// l'Estrange — lower case, an apostrophe, then a capital.
func elided(w string) bool {
	i := strings.IndexAny(w, "'’")
	if i <= 0 || i > 4 {
		return false
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	return capitalised(w[i+size:]) && strings.ToLower(w[:i]) == w[:i]
}
