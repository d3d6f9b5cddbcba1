package markdown

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// Export writes the article as Format does, for readers outside the desk
// (pandoc, static sites, a browser): the same fields, but nothing in it
// can become live markup in a CommonMark reader.
//
//   - In the body, raw HTML is escaped, so it renders as the text the desk
//     shows; links to anything but absolute http, https and mailto URLs
//     become their text (inline.ExportMarkdown).
//   - In the front matter, which a plain CommonMark reader (pandoc -f
//     commonmark) reads as paragraphs, a value holding "<", "[", "]" or
//     "&" is double-quoted with those characters as \u escapes: the YAML
//     value is the same, and no HTML or link appears in the text.
//
// A reader that parses front-matter values as Markdown (pandoc's
// yaml_metadata_block with a standalone template) sees the values
// themselves and must escape them as it would any metadata.
func Export(a *editor.Article) []byte {
	quoted := map[string]string{}
	var token [8]byte
	if _, err := rand.Read(token[:]); err != nil {
		panic("markdown: the system's random source failed: " + err.Error())
	}
	prefix := "cdq" + hex.EncodeToString(token[:]) + "-"
	var buf bytes.Buffer
	writeFrontMatter(&buf, a, func(doc *yaml.Node) error {
		quoteMarkup(doc, prefix, quoted)
		return nil
	})
	out := buf.String()
	for placeholder, q := range quoted {
		out = strings.Replace(out, `"`+placeholder+`"`, q, 1)
	}
	buf.Reset()
	buf.WriteString(out)
	writeBody(&buf, exportBody(a.Body))
	return buf.Bytes()
}

// quoteMarkup replaces every string scalar that holds markup characters
// by a placeholder, recording its escaped double-quoted form.
func quoteMarkup(n *yaml.Node, prefix string, quoted map[string]string) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.ContainsAny(n.Value, "<>[]&") {
		placeholder := prefix + strconv.Itoa(len(quoted))
		quoted[placeholder] = yamlQuote(n.Value)
		n.Value, n.Style = placeholder, yaml.DoubleQuotedStyle
		return
	}
	for _, c := range n.Content {
		quoteMarkup(c, prefix, quoted)
	}
}

// yamlQuote is s as a YAML double-quoted scalar with "<", ">", "&", "["
// and "]" escaped: a JSON string is a valid YAML double-quoted scalar,
// and encoding/json escapes the first three already.
func yamlQuote(s string) string {
	b, err := json.Marshal(s)
	if err != nil { // a string always marshals
		panic(err)
	}
	return strings.NewReplacer("[", `\u005b`, "]", `\u005d`).Replace(string(b))
}

// exportBody is the body with each block's inline content written by
// inline.ExportMarkdown, in the body's block layout. A line that starts
// with a backslash escape opens no block; every other line's start is
// escaped as editor.FormatBody does (editor.FormatBody itself would take
// the first backslash for its own escape and double it).
func exportBody(body string) string {
	var out []string
	for _, bl := range editor.ParseBody(body) {
		text := inline.ExportMarkdown(inline.Parse(bl.Text))
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimLeft(l, " \t"); strings.TrimSpace(l) == "" {
				continue
			}
			if !strings.HasPrefix(l, `\`) {
				l = editor.EscapeLead(l)
			}
			lines = append(lines, l)
		}
		if len(lines) == 0 {
			continue
		}
		switch bl.Kind {
		case editor.Subhead:
			out = append(out, "## "+strings.Join(lines, " ")) // one line: ParseBody's subheads are
		case editor.Quote:
			out = append(out, "> "+strings.Join(lines, "\n> "))
		default:
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return strings.Join(out, "\n\n")
}
