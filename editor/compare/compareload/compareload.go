// Package compareload makes the workload the comparison is measured on: a
// long news article written by a seeded generator (news-wire prose with
// figures, quotes and subheads) and a copy of it with scattered edits. The
// benchmarks of editor/compare, the desk benchmark command and the CLI
// tests all use it, so they measure the same thing. It imports no testing
// code.
package compareload

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"

	"copydesk/editor"
)

// Article returns an article whose body has about the given number of
// words. The same seed always gives the same article; different seeds give
// unrelated texts on the same beat.
func Article(seed uint64, words int) *editor.Article {
	g := newGen(seed)
	return &editor.Article{
		ID:         "01920000-0000-7000-8000-" + fmt.Sprintf("%012x", seed%(1<<48)),
		Slug:       "RUSSIA-SECURITY/LOAD",
		Section:    "World",
		Headline:   g.subhead(),
		Standfirst: g.sentence(),
		Body:       editor.FormatBody(g.body(words)),
		Dateline:   editor.Dateline{Place: "Sochi", Date: "2019-10-16", Source: "TASS"},
		Tags:       []string{"Russia", "Security", "Terrorism"},
		Status:     editor.StatusInEdit,
		Language:   "en",
		Urgency:    4,
		Created:    time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC),
		Modified:   time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC),
	}
}

// Edit returns a copy of a with n scattered edits to its body: one
// paragraph inserted, one deleted and one moved far from where it stood,
// and n-3 word changes (every fourth one to a figure) in distinct
// paragraphs wherever the body has enough of them.
func Edit(a *editor.Article, seed uint64, n int) *editor.Article {
	g := newGen(seed)
	blocks := editor.ParseBody(a.Body)
	var paras []int
	for i, b := range blocks {
		if b.Kind == editor.Paragraph {
			paras = append(paras, i)
		}
	}
	out := a.Clone()
	if len(paras) < 4 || n < 3 {
		return out
	}
	g.r.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
	del, move := paras[0], paras[1]
	for k := range n - 3 {
		i := paras[2+k%(len(paras)-2)]
		blocks[i].Text = g.changeWord(blocks[i].Text, k%4 == 3)
	}
	moved := blocks[move]
	target := (move + len(blocks)/2) % len(blocks)
	insertAt := g.r.IntN(len(blocks))
	var res []editor.Block
	for i, b := range blocks {
		if i == insertAt {
			res = append(res, editor.Block{Kind: editor.Paragraph, Text: g.paragraph()})
		}
		if i == target {
			res = append(res, moved)
		}
		if i == del || i == move {
			continue
		}
		res = append(res, b)
	}
	out.Body = editor.FormatBody(res)
	return out
}

type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))}
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

var (
	subjects = []string{"The Federal Security Service", "The interior ministry", "Regional authorities",
		"A spokesman for the agency", "Investigators", "The security council", "The foreign ministry",
		"Analysts in Moscow", "The committee", "Border guards", "Prosecutors", "The regional governor",
		"Delegates at the meeting", "The agency's director", "Officials in the capital", "The defence ministry"}
	verbs   = []string{"said", "reported", "announced", "confirmed", "warned", "noted", "stressed", "claimed", "added", "estimated"}
	actions = []string{"detained", "identified", "questioned", "charged", "released", "deported", "sentenced", "placed on a wanted list"}
	people  = []string{"suspects", "militants", "foreign nationals", "members of banned groups", "recruiters",
		"couriers", "people", "organisers", "accomplices", "financiers"}
	places = []string{"Sochi", "Moscow", "Kazan", "Novosibirsk", "Vladivostok", "Rostov-on-Don", "the North Caucasus",
		"Syria", "Iraq", "Central Asia", "St Petersburg", "Dagestan", "Chechnya", "the Far East", "Crimea", "Yekaterinburg"}
	things = []string{"the database", "the programme", "the operation", "the agreement", "the new law",
		"the joint exercise", "the investigation", "the border regime", "the budget", "the monitoring system"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	adjectives = []string{"serious", "growing", "new", "significant", "direct", "regional", "global", "immediate",
		"long-term", "coordinated", "unprecedented", "limited"}
	nouns   = []string{"threat", "challenge", "priority", "risk", "concern", "task", "problem", "goal"}
	fillers = []string{"according to the agency", "officials said", "the statement said", "sources told reporters",
		"the ministry's press service said", "in a written statement"}
)

func (g *gen) number() string {
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprint(2000 + g.r.IntN(21))
	case 1:
		return fmt.Sprintf("%d%%", 1+g.r.IntN(99))
	case 2:
		return fmt.Sprintf("%d.%d", 1+g.r.IntN(9), g.r.IntN(10))
	case 3:
		return fmt.Sprintf("%d,%03d", 1+g.r.IntN(60), g.r.IntN(1000))
	}
	return fmt.Sprint(2 + g.r.IntN(300))
}

func (g *gen) clause() string {
	switch g.r.IntN(7) {
	case 0:
		return fmt.Sprintf("%s %s %s had been %s in %s since %s", g.number(), g.pick(adjectives), g.pick(people), g.pick(actions), g.pick(places), g.pick(months))
	case 1:
		return fmt.Sprintf("%s would cost about %s million roubles over the next %d years", g.pick(things), g.number(), 2+g.r.IntN(8))
	case 2:
		return fmt.Sprintf("the %s posed by %s in %s remained a %s %s", g.pick(nouns), g.pick(people), g.pick(places), g.pick(adjectives), g.pick(nouns))
	case 3:
		return fmt.Sprintf("%s had been extended to %s, covering %s %s", g.pick(things), g.pick(places), g.number(), g.pick(people))
	case 4:
		return fmt.Sprintf("cooperation with partners in %s and %s was a %s %s for %s", g.pick(places), g.pick(places), g.pick(adjectives), g.pick(nouns), g.number())
	case 5:
		return fmt.Sprintf("the number of %s %s in %s rose by %s", g.pick(people), g.pick(actions), g.pick(places), g.number())
	}
	return fmt.Sprintf("%s was under way in %s and %s", g.pick(things), g.pick(places), g.pick(places))
}

func (g *gen) sentence() string {
	switch g.r.IntN(5) {
	case 0:
		subj := g.pick(subjects)
		return fmt.Sprintf("\"%s,\" %s %s.", editor.Capitalise(g.clause()), strings.ToLower(subj[:1])+subj[1:], g.pick(verbs))
	case 1:
		return fmt.Sprintf("“%s,” %s.", editor.Capitalise(g.clause()), g.pick(fillers))
	case 2:
		return fmt.Sprintf("%s %s in %s that %s.", g.pick(subjects), g.pick(verbs), g.pick(months), g.clause())
	}
	return fmt.Sprintf("%s %s that %s, %s.", g.pick(subjects), g.pick(verbs), g.clause(), g.pick(fillers))
}

func (g *gen) paragraph() string {
	n := 1 + g.r.IntN(3)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

func (g *gen) subhead() string {
	return editor.Capitalise(fmt.Sprintf("%s %s %s in %s", g.number(), g.pick(people), g.pick(actions), g.pick(places)))
}

func (g *gen) body(words int) []editor.Block {
	var blocks []editor.Block
	n, sinceSub := 0, 0
	for n < words {
		if sinceSub >= 6+g.r.IntN(5) {
			h := g.subhead()
			blocks = append(blocks, editor.Block{Kind: editor.Subhead, Text: h})
			n += editor.CountWords(h)
			sinceSub = 0
			continue
		}
		p := g.paragraph()
		blocks = append(blocks, editor.Block{Kind: editor.Paragraph, Text: p})
		n += editor.CountWords(p)
		sinceSub++
	}
	return blocks
}

// changeWord replaces one word of text (a figure when figure is set and
// the text has one) with another.
func (g *gen) changeWord(text string, figure bool) string {
	type span struct{ from, to int }
	var words, figures []span
	start := -1
	for i, r := range text + " " {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && (r == ',' || r == '.') && i+1 < len(text) && unicode.IsDigit(rune(text[i+1])))
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			s := span{start, i}
			if unicode.IsDigit(rune(text[start])) {
				figures = append(figures, s)
			} else if i-start >= 4 {
				words = append(words, s)
			}
			start = -1
		}
	}
	pool, repl := words, g.pick(slices.Concat(adjectives, nouns, people))
	if figure && len(figures) > 0 || len(words) == 0 {
		pool, repl = figures, g.number()
	}
	if len(pool) == 0 {
		return text + " " + repl
	}
	s := pool[g.r.IntN(len(pool))]
	if text[s.from:s.to] == repl {
		repl += "s"
	}
	return text[:s.from] + repl + text[s.to:]
}
