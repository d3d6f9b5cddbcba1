package check

import (
	"embed"
	"fmt"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"copydesk/editor"
	"copydesk/editor/yamlfile"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

// BuiltinNames are the rule sets built in, for `extends:` and the UI.
var BuiltinNames = []string{"ap", "tass"}

// MaxRulesBytes bounds a rules file: a desk's style guide fits in far less.
const MaxRulesBytes = 1 << 20

// maxTerms bounds the terms a rules file may hold, so that a pasted word
// list cannot make every check crawl.
const maxTerms = 2000

// Builtin returns a built-in rule set by name: "ap" or "tass" ("reuters"
// gets the AP-like set, whose number and quote style it shares).
func Builtin(name string) (*Rules, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "reuters" {
		n = "ap"
	}
	data, err := builtinFS.ReadFile("builtin/" + n + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no built-in house style %q: use one of %s", name, strings.Join(BuiltinNames, ", "))
	}
	return parse("builtin:"+n, data, 0)
}

// BuiltinSource returns the YAML of a built-in set, for a desk to start
// its own rules file from.
func BuiltinSource(name string) ([]byte, error) {
	return builtinFS.ReadFile("builtin/" + strings.ToLower(name) + ".yaml")
}

// ForStyle returns the built-in rules that go with a dateline house style.
func ForStyle(s editor.Style) *Rules {
	name := "tass"
	if s == editor.StyleAP || s == editor.StyleReuters {
		name = "ap"
	}
	r, err := Builtin(name)
	if err != nil {
		panic("check: built-in rules do not load: " + err.Error()) // caught by the tests
	}
	return r
}

// Load reads a rules file. file names it in errors. Every mistake found
// is reported, each with the file, line and rule (RulesErrors).
//
// The file is YAML:
//
//	name: Our desk
//	extends: tass                 # start from a built-in set (optional)
//	terms:
//	  - avoid: [ISIL, Daesh]      # or one string
//	    use: IS                   # the fix; leave out for a banned term
//	    why: the desk's name for the group
//	    match_case: true          # default: true when the term has a capital
//	numbers:
//	  spell_out: 9                # one to nine in words, figures from 10; 0: off
//	quotes: straight              # straight, curly, guillemets or off
//	dateline:
//	  style: tass                 # tass, ap, reuters or off
//	  source: TASS                # the fix for a dateline without an agency
//	limits:
//	  default: {headline_chars: 90, standfirst_words: 40, body_words: 1200}
//	  sections:
//	    Sports: {headline_chars: 80}
func Load(file string, data []byte) (*Rules, error) {
	return parse(file, data, 0)
}

func parse(file string, data []byte, depth int) (*Rules, error) {
	p := &ruleParser{Parser: yamlfile.Parser{File: file, Of: "rules"}, r: &Rules{File: file, Limits: map[string]Limits{}, cache: &termCache{}}}
	doc, err := p.Decode(data, MaxRulesBytes)
	if err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return p.r, nil // an empty file: no rules
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.Fail(root, "", "the file must be a mapping of rules (name:, terms:, numbers: …)")
		return nil, p.Errs
	}
	var base *Rules
	p.Each(root, "", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			p.r.Name = p.str(v, key)
		case "extends":
			name := p.str(v, key)
			if name == "" {
				return
			}
			if depth > 0 {
				p.Fail(v, key, "a built-in set extends nothing")
				return
			}
			b, err := Builtin(name)
			if err != nil {
				p.Fail(v, key, err.Error())
				return
			}
			base = b
		case "terms":
			p.terms(v)
		case "numbers":
			p.numbers(v)
		case "quotes":
			p.quotes(v)
		case "dateline":
			p.dateline(v)
		case "limits":
			p.limits(v)
		default:
			p.Fail(k, key, "is not a rule: use name, extends, terms, numbers, quotes, dateline or limits")
		}
	})
	if len(p.Errs) > 0 {
		return nil, p.Errs
	}
	if base != nil {
		return merge(base, p.r, p.set), nil
	}
	return p.r, nil
}

// merge lays the file's rules over a built-in base: terms add to the
// base's, anything else the file sets replaces the base's.
func merge(base, over *Rules, set map[string]bool) *Rules {
	out := *base
	out.cache = &termCache{}
	out.File, out.Name = over.File, over.Name
	if out.Name == "" {
		out.Name = base.Name
	}
	out.Terms = append(append([]Term(nil), base.Terms...), over.Terms...)
	if set["numbers"] {
		out.SpellOut = over.SpellOut
	}
	if set["quotes"] {
		out.Quotes = over.Quotes
	}
	if set["dateline"] {
		out.Dateline, out.DatelineSource = over.Dateline, over.DatelineSource
	}
	out.Limits = map[string]Limits{}
	for k, v := range base.Limits {
		out.Limits[k] = v
	}
	for k, v := range over.Limits {
		out.Limits[k] = v
	}
	return &out
}

type ruleParser struct {
	yamlfile.Parser
	r   *Rules
	set map[string]bool
}

func (p *ruleParser) mark(rule string) {
	if p.set == nil {
		p.set = map[string]bool{}
	}
	p.set[rule] = true
}

// str reads a one-line string.
func (p *ruleParser) str(v *yaml.Node, rule string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		p.Fail(v, rule, "must be a piece of text")
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if strings.ContainsAny(s, "\n\r") {
		p.Fail(v, rule, "must be one line")
		return ""
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' {
			p.Fail(v, rule, fmt.Sprintf("holds the control character U+%04X", r))
			return ""
		}
	}
	return s
}

// count reads a whole number from 0 to max.
func (p *ruleParser) count(v *yaml.Node, rule string, max int) int {
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		p.Fail(v, rule, fmt.Sprintf("must be a whole number from 0 to %d", max))
		return 0
	}
	if err := v.Decode(&n); err != nil || n < 0 || n > max {
		p.Fail(v, rule, fmt.Sprintf("must be a whole number from 0 to %d, not %s", max, v.Value))
		return 0
	}
	return n
}

func (p *ruleParser) mapping(v *yaml.Node, rule, what string) bool {
	if v.Kind != yaml.MappingNode {
		p.Fail(v, rule, "must be a mapping of "+what)
		return false
	}
	return true
}

func (p *ruleParser) terms(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		p.Fail(v, "terms", "must be a list of terms, each \"- avoid: …\" with use: and why:")
		return
	}
	if len(v.Content) > maxTerms {
		p.Fail(v, "terms", fmt.Sprintf("holds %d terms: %d at most", len(v.Content), maxTerms))
		return
	}
	for i, item := range v.Content {
		rule := fmt.Sprintf("terms[%d]", i+1)
		if !p.mapping(item, rule, "avoid:, use:, why: and match_case:") {
			continue
		}
		t := Term{Line: item.Line}
		caseSet, avoidSet := false, false
		p.Each(item, rule, func(key string, k, val *yaml.Node) {
			switch key {
			case "avoid":
				t.Avoid, avoidSet = p.phrases(val, rule+".avoid"), true
			case "use":
				t.Use = p.str(val, rule+".use")
			case "why":
				t.Why = p.str(val, rule+".why")
			case "match_case":
				if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" || val.Decode(&t.MatchCase) != nil {
					p.Fail(val, rule+".match_case", "must be true or false")
				}
				caseSet = true
			default:
				p.Fail(k, yamlfile.Join(rule, key), "is not part of a term: use avoid, use, why or match_case")
			}
		})
		if len(t.Avoid) == 0 {
			if !avoidSet {
				p.Fail(item, rule+".avoid", "is missing: name the word or phrase to flag")
			}
			continue
		}
		if !caseSet {
			t.MatchCase = hasUpper(t.Avoid)
		}
		for _, a := range t.Avoid {
			if a == t.Use {
				p.Fail(item, rule, fmt.Sprintf("avoids %q and uses it too", a))
			}
		}
		p.r.Terms = append(p.r.Terms, t)
	}
}

func hasUpper(ss []string) bool {
	for _, s := range ss {
		for _, r := range s {
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// phrases reads a string or a list of strings, each with a letter or digit.
func (p *ruleParser) phrases(v *yaml.Node, rule string) []string {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var out []string
	for _, it := range items {
		s := p.str(it, rule)
		if s == "" {
			if it.Kind == yaml.ScalarNode && it.Tag != "!!null" {
				p.Fail(it, rule, "is empty")
			}
			continue
		}
		if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			p.Fail(it, rule, fmt.Sprintf("%q has no letter or digit to match", s))
			continue
		}
		out = append(out, strings.Join(strings.Fields(s), " "))
	}
	return out
}

func (p *ruleParser) numbers(v *yaml.Node) {
	p.mark("numbers")
	if v.Kind == yaml.ScalarNode && (v.Value == "off" || v.Tag == "!!bool" && v.Value == "false") {
		return
	}
	if !p.mapping(v, "numbers", "spell_out: N (or numbers: off)") {
		return
	}
	p.Each(v, "numbers", func(key string, k, val *yaml.Node) {
		if key != "spell_out" {
			p.Fail(k, "numbers."+key, "is not a number rule: use spell_out")
			return
		}
		p.r.SpellOut = p.count(val, "numbers.spell_out", 9)
	})
}

func (p *ruleParser) quotes(v *yaml.Node) {
	p.mark("quotes")
	s := p.str(v, "quotes")
	switch QuoteStyle(s) {
	case QuotesStraight, QuotesCurly, QuotesGuillemets:
		p.r.Quotes = QuoteStyle(s)
	case "off", "false":
		p.r.Quotes = QuotesOff
	default:
		if s != "" || v.Kind == yaml.ScalarNode {
			p.Fail(v, "quotes", fmt.Sprintf("%q is not a quote style: use straight, curly, guillemets or off", s))
		}
	}
}

func (p *ruleParser) dateline(v *yaml.Node) {
	p.mark("dateline")
	if v.Kind == yaml.ScalarNode && (v.Value == "off" || v.Value == "false") {
		return
	}
	if !p.mapping(v, "dateline", "style: and source:") {
		return
	}
	p.Each(v, "dateline", func(key string, k, val *yaml.Node) {
		switch key {
		case "style":
			s := p.str(val, "dateline.style")
			if s == "off" {
				p.r.Dateline = ""
				return
			}
			st, err := editor.ParseStyle(s)
			if err != nil {
				p.Fail(val, "dateline.style", fmt.Sprintf("%q is not a dateline style: use tass, ap, reuters or off", s))
				return
			}
			p.r.Dateline = st
		case "source":
			p.r.DatelineSource = p.str(val, "dateline.source")
		default:
			p.Fail(k, "dateline."+key, "is not a dateline rule: use style or source")
		}
	})
}

func (p *ruleParser) limits(v *yaml.Node) {
	if !p.mapping(v, "limits", "default: and sections:") {
		return
	}
	p.Each(v, "limits", func(key string, k, val *yaml.Node) {
		switch key {
		case "default":
			p.r.Limits[""] = p.sectionLimits(val, "limits.default")
		case "sections":
			if !p.mapping(val, "limits.sections", "section names to their limits") {
				return
			}
			p.Each(val, "limits.sections", func(name string, k, sv *yaml.Node) {
				if strings.TrimSpace(name) == "" {
					p.Fail(k, "limits.sections", "a section needs a name")
					return
				}
				p.r.Limits[strings.TrimSpace(name)] = p.sectionLimits(sv, "limits.sections."+name)
			})
		default:
			p.Fail(k, "limits."+key, "is not a limits rule: use default or sections")
		}
	})
}

func (p *ruleParser) sectionLimits(v *yaml.Node, rule string) Limits {
	var l Limits
	if !p.mapping(v, rule, "headline_chars:, standfirst_words: and body_words:") {
		return l
	}
	p.Each(v, rule, func(key string, k, val *yaml.Node) {
		switch key {
		case "headline_chars":
			l.HeadlineChars = p.count(val, yamlfile.Join(rule, key), editor.MaxLineChars)
		case "standfirst_words":
			l.StandfirstWords = p.count(val, yamlfile.Join(rule, key), editor.MaxLineChars)
		case "body_words":
			l.BodyWords = p.count(val, yamlfile.Join(rule, key), 1_000_000)
		default:
			p.Fail(k, yamlfile.Join(rule, key), "is not a limit: use headline_chars, standfirst_words or body_words")
		}
	})
	return l
}
