package yamlfile

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Error is one mistake in a desk YAML file: the file and line, the
// setting's path in it (terms[2].use, profiles[1].limits.body_words) and
// what is wrong.
type Error struct {
	File    string
	Of      string // what the file holds ("rules"), named when File is empty
	Line    int    // 1-based; 0 when unknown
	Path    string
	Problem string
}

func (e *Error) Error() string {
	loc := e.File
	if loc == "" {
		loc = e.Of
	}
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if e.Path == "" {
		return loc + ": " + e.Problem
	}
	return loc + ": " + e.Path + ": " + e.Problem
}

// Errors is every mistake found in a file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Parser gathers the mistakes of one file while a reader walks its nodes,
// so that a person fixes them all in one go instead of one per try.
type Parser struct {
	File string
	Of   string // see Error.Of
	Errs Errors
}

// Decode checks data's size and encoding and parses it as YAML; a file
// over max bytes, not UTF-8 or not YAML gives one Error naming the line.
func (p *Parser) Decode(data []byte, max int) (*yaml.Node, error) {
	if len(data) > max {
		return nil, Errors{p.err(0, "", fmt.Sprintf("is %d bytes: a %s file may hold %d at most", len(data), p.Of, max))}
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:FirstInvalid(data)], []byte("\n"))
		return nil, Errors{p.err(line, "", "is not UTF-8 text: save it as UTF-8")}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := SyntaxError(err)
		return nil, Errors{p.err(line, "", "is not valid YAML: "+msg)}
	}
	return &doc, nil
}

func (p *Parser) err(line int, path, problem string) *Error {
	return &Error{File: p.File, Of: p.Of, Line: line, Path: path, Problem: problem}
}

// Fail notes a mistake at node n.
func (p *Parser) Fail(n *yaml.Node, path, problem string) {
	p.Errs = append(p.Errs, p.err(n.Line, path, problem))
}

// FailAt notes a mistake at a line that no node stands for.
func (p *Parser) FailAt(line int, path, problem string) {
	p.Errs = append(p.Errs, p.err(line, path, problem))
}

// Each walks a mapping's keys in file order, refusing duplicates and keys
// that are not plain names.
func (p *Parser) Each(m *yaml.Node, path string, fn func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.Fail(k, path, "a key must be a plain name")
			continue
		}
		if seen[k.Value] {
			p.Fail(k, Join(path, k.Value), "is given twice")
			continue
		}
		seen[k.Value] = true
		fn(k.Value, k, v)
	}
}

// Join is the path of key inside path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
