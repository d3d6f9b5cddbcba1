package outputs

import (
	"bytes"
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

// Error is one mistake in a profiles file.
type Error struct {
	File    string
	Line    int    // 1-based; 0 when unknown
	Path    string // profiles[2].limits.headline_chars
	Problem string
}

func (e *Error) Error() string {
	loc := e.File
	if loc == "" {
		loc = "profiles"
	}
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if e.Path == "" {
		return loc + ": " + e.Problem
	}
	return loc + ": " + e.Path + ": " + e.Problem
}

// Errors is every mistake found in a profiles file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

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
	if len(data) > MaxFileBytes {
		return nil, Errors{{File: file, Problem: fmt.Sprintf("is %d bytes: a profiles file may hold %d at most", len(data), MaxFileBytes)}}
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:yamlfile.FirstInvalid(data)], []byte("\n"))
		return nil, Errors{{File: file, Line: line, Problem: "is not UTF-8 text: save it as UTF-8"}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Errors{yamlError(file, err)}
	}
	p := &parser{file: file}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		n := &doc
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
		p.fail(n, "", "the file must be a mapping with profiles: (a list of profiles)")
		return nil, p.errs
	}
	var out []Profile
	p.each(doc.Content[0], "", func(key string, k, v *yaml.Node) {
		if key != "profiles" {
			p.fail(k, key, "is not known here: the file holds profiles:")
			return
		}
		out = p.profiles(v)
	})
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	if len(out) == 0 {
		return nil, Errors{{File: file, Line: 1, Path: "profiles", Problem: "lists no profile: a desk needs at least one"}}
	}
	return out, nil
}

type parser struct {
	file string
	errs Errors
}

func (p *parser) fail(n *yaml.Node, path, problem string) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Path: path, Problem: problem})
}

// each walks a mapping's keys, refusing duplicates and non-string keys.
func (p *parser) each(m *yaml.Node, path string, fn func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.fail(k, path, "a key must be a plain name")
			continue
		}
		if seen[k.Value] {
			p.fail(k, join(path, k.Value), "is given twice")
			continue
		}
		seen[k.Value] = true
		fn(k.Value, k, v)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (p *parser) profiles(v *yaml.Node) []Profile {
	if v.Kind != yaml.SequenceNode {
		p.fail(v, "profiles", "must be a list of profiles, each \"- name: …\" with format:, fields: and limits:")
		return nil
	}
	if len(v.Content) > maxProfiles {
		p.fail(v, "profiles", fmt.Sprintf("lists %d profiles: %d at most", len(v.Content), maxProfiles))
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
			p.fail(n, path+".name", fmt.Sprintf("%q is already the name of the profile on line %d", pr.Name, line))
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
		p.fail(n, path, "must be a mapping with name:, format:, fields: and limits:")
		return pr, false
	}
	before := len(p.errs)
	p.each(n, path, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			pr.Name = p.name(v, join(path, key))
		case "format":
			pr.Format = p.format(v, join(path, key))
		case "fields":
			pr.Fields = p.fields(v, join(path, key))
		case "limits":
			pr.Limits = p.limits(v, join(path, key))
		default:
			p.fail(k, join(path, key), "is not part of a profile: use name, format, fields or limits")
		}
	})
	if len(p.errs) > before {
		return pr, false
	}
	p.complete(n, path, &pr)
	return pr, len(p.errs) == before
}

// complete checks what a profile needs as a whole.
func (p *parser) complete(n *yaml.Node, path string, pr *Profile) {
	switch {
	case pr.Name == "":
		p.fail(n, path+".name", "a profile needs a name")
	case pr.Format == "":
		p.fail(n, path+".format", "a profile needs a format: "+formatNames())
	case len(pr.Fields) == 0:
		p.fail(n, path+".fields", "a profile needs the fields it carries: headline, standfirst, lead or body")
	case pr.Carries(Lead) && pr.Carries(Body):
		p.fail(n, path+".fields", "lead is the body's first paragraph: carry lead or body, not both")
	case (pr.Limits.PrintLines > 0) != (pr.Limits.LineLength > 0):
		p.fail(n, path+".limits", "print_lines and line_length go together: the lines are counted at line_length characters")
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
		p.fail(v, path, fmt.Sprintf("%q must be one word of letters, digits, - or _ (up to 40), as typed after --output", s))
		return ""
	}
	return s
}

func (p *parser) str(v *yaml.Node, path string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		p.fail(v, path, "must be a piece of text")
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
		p.fail(v, path, err.Error())
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
		p.fail(v, path, "must be a list: [headline, standfirst, body]")
		return nil
	}
	var out []Field
	seen := map[Field]bool{}
	for _, n := range v.Content {
		f := Field(strings.ToLower(p.str(n, path)))
		switch {
		case f == "":
		case !known(f):
			p.fail(n, path, fmt.Sprintf("%q is not a field: use headline, standfirst, lead or body", n.Value))
		case seen[f]:
			p.fail(n, path, fmt.Sprintf("%s is listed twice", f))
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
		p.fail(v, path, "must be a mapping: {headline_chars: 55, body_words: 400}")
		return l
	}
	p.each(v, path, func(key string, k, val *yaml.Node) {
		for _, lk := range limitKeys {
			if lk.key == key {
				*lk.at(&l) = p.count(val, join(path, key), lk.max)
				return
			}
		}
		names := make([]string, len(limitKeys))
		for i, lk := range limitKeys {
			names[i] = lk.key
		}
		p.fail(k, join(path, key), "is not a limit: use "+strings.Join(names, ", "))
	})
	return l
}

// count reads a whole number from 0 to max.
func (p *parser) count(v *yaml.Node, path string, max int) int {
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil || n < 0 || n > max {
		p.fail(v, path, fmt.Sprintf("must be a whole number from 0 to %d, not %s", max, strconv.Quote(v.Value)))
		return 0
	}
	return n
}

// yamlError turns a YAML syntax error ("yaml: line 3: …") into a Error.
func yamlError(file string, err error) *Error {
	line, msg := yamlfile.SyntaxError(err)
	return &Error{File: file, Line: line, Problem: "is not valid YAML: " + msg}
}

func equalFold(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
