package outputs

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/editor/yamlfile"
)

// MaxFileBytes bounds a profiles file: a desk's outputs fit in far less.
const MaxFileBytes = 256 << 10

// maxProfiles bounds how many profiles a desk keeps: each is a counter row
// in the window.
const maxProfiles = 32

// maxBody bounds a body limit in words, characters or lines.
const maxBody = 1_000_000

// Error is one mistake in a profiles file; its Path is the setting's
// (profiles[2].limits.headline_chars).
type Error = yamlfile.Error

// Errors is every mistake found in a profiles file, in file order.
type Errors = yamlfile.Errors

// Load reads a profiles file (file names it in messages). Every mistake
// is reported with its line, as Errors:
//
//	profiles:
//	  - name: alert
//	    format: text
//	    fields: [headline]
//	    limits: {headline_chars: 55}
//	  - name: print
//	    format: text
//	    fields: [headline, standfirst, body]
//	    limits: {body_words: 800, print_lines: 120, line_length: 40}
//
// Limits are headline_chars, standfirst_words, standfirst_chars,
// body_words, body_chars, and print_lines with line_length.
func Load(file string, data []byte) ([]Profile, error) {
	p := &parser{Parser: yamlfile.Parser{File: file, Of: "profiles"}}
	doc, err := p.Decode(data, MaxFileBytes)
	if err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		n := doc
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
		p.Fail(n, "", "the file must be a mapping with profiles: (a list of profiles)")
		return nil, p.Errs
	}
	var out []Profile
	p.Each(doc.Content[0], "", func(key string, k, v *yaml.Node) {
		if key != "profiles" {
			p.Fail(k, key, "is not known here: the file holds profiles:")
			return
		}
		out = p.profiles(v)
	})
	if len(p.Errs) > 0 {
		return nil, p.Errs
	}
	if len(out) == 0 {
		p.FailAt(1, "profiles", "lists no profile: a desk needs at least one")
		return nil, p.Errs
	}
	return out, nil
}

type parser struct {
	yamlfile.Parser
}

func (p *parser) profiles(v *yaml.Node) []Profile {
	if v.Kind != yaml.SequenceNode {
		p.Fail(v, "profiles", "must be a list of profiles, each \"- name: …\" with format:, fields: and limits:")
		return nil
	}
	if len(v.Content) > maxProfiles {
		p.Fail(v, "profiles", fmt.Sprintf("lists %d profiles: %d at most", len(v.Content), maxProfiles))
		return nil
	}
	var out []Profile
	names := map[string]int{}
	for i, n := range v.Content {
		path := fmt.Sprintf("profiles[%d]", i)
		pr, ok := p.profile(n, path)
		if !ok {
			continue
		}
		key := strings.ToLower(pr.Name)
		if line, dup := names[key]; dup {
			p.Fail(n, path+".name", fmt.Sprintf("%q is already the name of the profile on line %d", pr.Name, line))
			continue
		}
		names[key] = n.Line
		out = append(out, pr)
	}
	return out
}

func (p *parser) profile(n *yaml.Node, path string) (Profile, bool) {
	pr := Profile{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		p.Fail(n, path, "must be a mapping with name:, format:, fields: and limits:")
		return pr, false
	}
	before := len(p.Errs)
	p.Each(n, path, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			pr.Name = p.name(v, yamlfile.Join(path, key))
		case "format":
			pr.Format = p.format(v, yamlfile.Join(path, key))
		case "fields":
			pr.Fields = p.fields(v, yamlfile.Join(path, key))
		case "limits":
			pr.Limits = p.limits(v, yamlfile.Join(path, key))
		default:
			p.Fail(k, yamlfile.Join(path, key), "is not part of a profile: use name, format, fields or limits")
		}
	})
	if len(p.Errs) > before {
		return pr, false
	}
	p.complete(n, path, &pr)
	return pr, len(p.Errs) == before
}

// complete checks what a profile needs as a whole.
func (p *parser) complete(n *yaml.Node, path string, pr *Profile) {
	switch {
	case pr.Name == "":
		p.Fail(n, path+".name", "a profile needs a name")
	case pr.Format == "":
		p.Fail(n, path+".format", "a profile needs a format: "+formatNames())
	case len(pr.Fields) == 0:
		p.Fail(n, path+".fields", "a profile needs the fields it carries: headline, standfirst, lead or body")
	case pr.Carries(Lead) && pr.Carries(Body):
		p.Fail(n, path+".fields", "lead is the body's first paragraph: carry lead or body, not both")
	case (pr.Limits.PrintLines > 0) != (pr.Limits.LineLength > 0):
		p.Fail(n, path+".limits", "print_lines and line_length go together: the lines are counted at line_length characters")
	}
}

// name reads a profile name: one word people type after --output.
func (p *parser) name(v *yaml.Node, path string) string {
	s := p.str(v, path)
	if s == "" {
		return ""
	}
	if utf8.RuneCountInString(s) > 40 || strings.IndexFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_')
	}) >= 0 {
		p.Fail(v, path, fmt.Sprintf("%q must be one word of letters, digits, - or _ (up to 40), as typed after --output", s))
		return ""
	}
	return s
}

func (p *parser) str(v *yaml.Node, path string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		p.Fail(v, path, "must be a piece of text")
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (p *parser) format(v *yaml.Node, path string) formats.Format {
	s := p.str(v, path)
	if s == "" {
		return ""
	}
	f, err := formats.ParseFormat(s)
	if err != nil {
		p.Fail(v, path, err.Error())
		return ""
	}
	return f
}

func formatNames() string {
	names := make([]string, len(formats.ExportFormats))
	for i, f := range formats.ExportFormats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func (p *parser) fields(v *yaml.Node, path string) []Field {
	if v.Kind != yaml.SequenceNode {
		p.Fail(v, path, "must be a list: [headline, standfirst, body]")
		return nil
	}
	var out []Field
	seen := map[Field]bool{}
	for _, n := range v.Content {
		f := Field(strings.ToLower(p.str(n, path)))
		switch {
		case f == "":
		case !known(f):
			p.Fail(n, path, fmt.Sprintf("%q is not a field: use headline, standfirst, lead or body", n.Value))
		case seen[f]:
			p.Fail(n, path, fmt.Sprintf("%s is listed twice", f))
		default:
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func known(f Field) bool {
	for _, g := range AllFields {
		if f == g {
			return true
		}
	}
	return false
}

// limitKeys are the YAML names of the limits, with what each may be.
var limitKeys = []struct {
	key string
	max int
	at  func(*Limits) *int
}{
	{"headline_chars", editor.MaxLineChars, func(l *Limits) *int { return &l.HeadlineChars }},
	{"standfirst_words", editor.MaxLineChars, func(l *Limits) *int { return &l.StandfirstWords }},
	{"standfirst_chars", editor.MaxLineChars, func(l *Limits) *int { return &l.StandfirstChars }},
	{"body_words", maxBody, func(l *Limits) *int { return &l.BodyWords }},
	{"body_chars", maxBody, func(l *Limits) *int { return &l.BodyChars }},
	{"print_lines", maxBody, func(l *Limits) *int { return &l.PrintLines }},
	{"line_length", 500, func(l *Limits) *int { return &l.LineLength }},
}

func (p *parser) limits(v *yaml.Node, path string) Limits {
	var l Limits
	if v.Kind != yaml.MappingNode {
		p.Fail(v, path, "must be a mapping: {headline_chars: 55, body_words: 400}")
		return l
	}
	p.Each(v, path, func(key string, k, val *yaml.Node) {
		for _, lk := range limitKeys {
			if lk.key == key {
				*lk.at(&l) = p.count(val, yamlfile.Join(path, key), lk.max)
				return
			}
		}
		names := make([]string, len(limitKeys))
		for i, lk := range limitKeys {
			names[i] = lk.key
		}
		p.Fail(k, yamlfile.Join(path, key), "is not a limit: use "+strings.Join(names, ", "))
	})
	return l
}

// count reads a whole number from 0 to max.
func (p *parser) count(v *yaml.Node, path string, max int) int {
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil || n < 0 || n > max {
		p.Fail(v, path, fmt.Sprintf("must be a whole number from 0 to %d, not %s", max, strconv.Quote(v.Value)))
		return 0
	}
	return n
}

func equalFold(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
