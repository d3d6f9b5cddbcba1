package outputs

import (
	"strings"

	"copydesk/editor"
	"copydesk/editor/formats"
)

// Field is a part of the story a profile carries.
type Field string

// The fields a profile may carry, in story order.
const (
	Headline   Field = "headline"
	Standfirst Field = "standfirst"
	// Lead is the body's first paragraph only (an urgent); Body is the
	// whole body. A profile carries one or the other.
	Lead Field = "lead"
	Body Field = "body"
)

// AllFields lists the fields in story order, as the YAML file names them.
var AllFields = []Field{Headline, Standfirst, Lead, Body}

// Profile is one shape the story leaves in.
type Profile struct {
	Name   string
	Format formats.Format
	Fields []Field
	Limits Limits
	Line   int // in the profiles file, for messages; 0 for a built-in
}

// Limits are a profile's length limits; zero means none. Body limits
// measure what the profile carries of the body: the first paragraph for
// a Lead profile, all of it for a Body one.
type Limits struct {
	HeadlineChars   int
	StandfirstWords int
	StandfirstChars int
	BodyWords       int
	BodyChars       int
	// PrintLines is how many lines the body may fill when wrapped at
	// LineLength characters a line (a print column); both or neither.
	PrintLines int
	LineLength int
}

// Carries says whether the profile carries field f.
func (p *Profile) Carries(f Field) bool {
	for _, g := range p.Fields {
		if g == f {
			return true
		}
	}
	return false
}

// bodyText is what the profile carries of the body, as a reader sees it,
// one paragraph per element; nil when it carries no body.
func (p *Profile) bodyText(a *editor.Article) []string {
	var paras []string
	for _, b := range editor.ParseBody(a.Body) {
		if t := strings.TrimSpace(b.Text); t != "" {
			paras = append(paras, t)
		}
	}
	switch {
	case p.Carries(Body):
		return paras
	case p.Carries(Lead) && len(paras) > 0:
		return paras[:1]
	}
	return nil
}

// Counts measures the article against the profile's limits, in field
// order: headline, standfirst, body, print lines. Fields the profile does
// not carry, and fields without a limit, are left out.
func (p *Profile) Counts(a *editor.Article) []editor.LimitCount {
	l := p.Limits
	var out []editor.LimitCount
	add := func(field, unit string, used, max int) {
		if max > 0 {
			out = append(out, editor.LimitCount{Field: field, Unit: unit, Used: used, Max: max})
		}
	}
	if p.Carries(Headline) {
		add("headline", "chars", editor.CountChars(strings.TrimSpace(a.Headline)), l.HeadlineChars)
	}
	if p.Carries(Standfirst) {
		sf := strings.TrimSpace(a.Standfirst)
		add("standfirst", "words", editor.CountWords(sf), l.StandfirstWords)
		add("standfirst", "chars", editor.CountChars(sf), l.StandfirstChars)
	}
	if paras := p.bodyText(a); p.Carries(Body) || p.Carries(Lead) {
		field := "body"
		if !p.Carries(Body) {
			field = "lead"
		}
		text := strings.Join(paras, "\n\n")
		add(field, "words", editor.CountWords(text), l.BodyWords)
		add(field, "chars", editor.CountChars(text), l.BodyChars)
		if l.LineLength > 0 {
			add(field, "lines", PrintLines(paras, l.LineLength), l.PrintLines)
		}
	}
	return out
}

// Over returns the article's overruns for the profile.
func (p *Profile) Over(a *editor.Article) []editor.LimitCount {
	return editor.OverLimits(p.Counts(a))
}

// PrintLines counts the lines the paragraphs fill when wrapped at width
// characters a line, as a print column sets them: each paragraph starts a
// new line, words are not broken unless one alone is wider than a line,
// and a Chinese or Japanese character may end a line anywhere.
func PrintLines(paras []string, width int) int {
	if width <= 0 {
		return 0
	}
	n := 0
	for _, p := range paras {
		n += wrapLines([]rune(p), width)
	}
	return n
}

// wrapLines counts the lines of one paragraph wrapped greedily at width.
func wrapLines(text []rune, width int) int {
	lines, col := 0, 0 // col: characters on the current line
	for _, w := range splitWords(text) {
		n, gap := w.n, 0
		if w.gap {
			gap = 1
		}
		switch {
		case col == 0:
		case col+gap+n <= width:
			col += gap + n
			continue
		default:
			lines++
			col = 0
		}
		// w starts a line; a word wider than a line fills whole ones.
		for n > width {
			lines++
			n -= width
		}
		col = n
	}
	if col > 0 {
		lines++
	}
	return lines
}

// word is a run of characters that stays on one line: n characters, and
// whether a space separates it from the word before.
type word struct {
	n   int
	gap bool
}

// splitWords splits at white space; each CJK character is a word of its
// own with no space before it, so a line of Chinese or Japanese breaks
// between any two characters and fills the column exactly.
func splitWords(text []rune) []word {
	var out []word
	n, gap := 0, false
	flush := func() {
		if n > 0 {
			out = append(out, word{n: n, gap: gap})
			n, gap = 0, false
		}
	}
	for _, r := range text {
		switch {
		case editor.IsCJK(r):
			flush()
			out = append(out, word{n: 1, gap: gap})
			gap = false
		case r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' || r == '\u3000':
			flush()
			gap = true
		default:
			n++
		}
	}
	flush()
	return out
}

// State is how a count stands against its limit, for the window's
// green, orange and red.
type State int

// The states, from best to worst.
const (
	Fits State = iota
	Near       // at 90% of the limit or more
	Over
)

// StateOf says how one count stands: near from 90% of the limit, the
// same threshold as the counters beside the fields.
func StateOf(c editor.LimitCount) State {
	switch {
	case c.Over():
		return Over
	case c.Max > 0 && c.Used*10 >= c.Max*9:
		return Near
	}
	return Fits
}

// Worst is the worst state among counts; Fits for none.
func Worst(counts []editor.LimitCount) State {
	s := Fits
	for _, c := range counts {
		s = max(s, StateOf(c))
	}
	return s
}
