// Package inline is the desk's model of the text inside one body block —
// emphasis, strong, code, links and line breaks — shared by the exporters
// (which read it from the block's CommonMark) and the importers (which
// build it from NITF or HTML and write it back as CommonMark).
//
// The block structure (paragraph, subhead, quote) is editor.ParseBody's;
// this package never sees more than one block. Raw HTML in the copy is
// text here: the desk shows it, it never passes it through.
package inline

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Kind is what an inline node is.
type Kind uint8

// The inline kinds a block carries.
const (
	Text     Kind = iota // Text holds the literal characters
	Emphasis             // *em*: Kids
	Strong               // **strong**: Kids
	Code                 // `code`: Text
	Link                 // [Kids](Href "Title")
	Break                // a hard line break
)

func (k Kind) String() string {
	switch k {
	case Emphasis:
		return "emphasis"
	case Strong:
		return "strong"
	case Code:
		return "code"
	case Link:
		return "link"
	case Break:
		return "break"
	}
	return "text"
}

// Node is one piece of inline content.
type Node struct {
	Kind  Kind
	Text  string // Text, Code: the literal characters
	Href  string // Link: the destination as written, unescaped
	Title string // Link: the optional title
	Kids  []Node // Emphasis, Strong, Link
}

// blockParser reads the inline content of one block: the only block
// parser is the paragraph's, so a line that would start a list or a
// heading in a whole document stays text — block structure is the
// desk's (editor.ParseBody), not goldmark's. No link reference
// definitions: a block has none of its own, and "[x]: y" stays text.
var blockParser = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
	parser.WithInlineParsers(parser.DefaultInlineParsers()...),
)

// Parse reads a block's inline CommonMark. Soft line breaks stay as "\n"
// in the text; raw HTML becomes text.
func Parse(md string) []Node {
	src := []byte(md)
	doc := blockParser.Parse(text.NewReader(src))
	var out []Node
	for p := doc.FirstChild(); p != nil; p = p.NextSibling() {
		if len(out) > 0 {
			out = append(out, Node{Kind: Text, Text: "\n"})
		}
		out = append(out, convertKids(p, src)...)
	}
	return Normalize(out)
}

func convertKids(n ast.Node, src []byte) []Node {
	var out []Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, convert(c, src)...)
	}
	return out
}

func convert(n ast.Node, src []byte) []Node {
	switch n := n.(type) {
	case *ast.Text:
		var out []Node
		v := n.Segment.Value(src)
		if n.IsRaw() {
			out = append(out, Node{Kind: Text, Text: string(v)})
		} else {
			out = append(out, Node{Kind: Text, Text: literal(v)})
		}
		switch {
		case n.HardLineBreak():
			out = append(out, Node{Kind: Break})
		case n.SoftLineBreak():
			out = append(out, Node{Kind: Text, Text: "\n"})
		}
		return out
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			return []Node{{Kind: Text, Text: string(n.Value)}}
		}
		return []Node{{Kind: Text, Text: literal(n.Value)}}
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				continue
			}
			v := t.Segment.Value(src)
			if bytes.HasSuffix(v, []byte("\n")) {
				v = append(v[:len(v)-1:len(v)-1], ' ')
			}
			b.Write(v)
		}
		return []Node{{Kind: Code, Text: b.String()}}
	case *ast.Emphasis:
		k := Emphasis
		if n.Level >= 2 {
			k = Strong
		}
		return []Node{{Kind: k, Kids: convertKids(n, src)}}
	case *ast.Link:
		return []Node{{Kind: Link, Href: destination(n.Destination), Title: literal(n.Title), Kids: convertKids(n, src)}}
	case *ast.Image:
		// The desk keeps no images: an inline image is kept as a link to
		// it, its alt text as the link text.
		return []Node{{Kind: Link, Href: destination(n.Destination), Title: literal(n.Title), Kids: convertKids(n, src)}}
	case *ast.AutoLink:
		href := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(href), "mailto:") {
			href = "mailto:" + href
		}
		return []Node{{Kind: Link, Href: href, Kids: []Node{{Kind: Text, Text: string(n.Label(src))}}}}
	case *ast.RawHTML:
		return []Node{{Kind: Text, Text: string(n.Segments.Value(src))}}
	}
	// Any other inline node (none with the parsers above): keep its text.
	return convertKids(n, src)
}

// writer is goldmark's own text writer: it resolves backslash escapes and
// entity references exactly as goldmark's HTML renderer does.
var writer = ghtml.NewWriter()

// literal is the text a CommonMark text segment stands for.
func literal(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	writer.Write(w, v)
	_ = w.Flush()
	return html.UnescapeString(buf.String())
}

// destination is a link destination as its author meant it: escapes and
// references resolved, no percent-encoding added.
func destination(v []byte) string {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// Normalize merges adjacent text, drops empty text and returns nil for
// nothing, so that two trees for the same content compare equal. A run of
// text pieces is joined once (an HTML paragraph split by 900,000
// comments is 900,000 pieces: appending each to the run copied it each
// time).
func Normalize(nodes []Node) []Node {
	var out []Node
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		switch n.Kind {
		case Text:
			j := i + 1
			for j < len(nodes) && nodes[j].Kind == Text {
				j++
			}
			if j > i+1 {
				var b strings.Builder
				for _, t := range nodes[i:j] {
					b.WriteString(t.Text)
				}
				n.Text = b.String()
				i = j - 1
			}
			if n.Text == "" {
				continue
			}
			if k := len(out); k > 0 && out[k-1].Kind == Text {
				out[k-1].Text += n.Text
				continue
			}
		case Emphasis, Strong, Link:
			n.Kids = Normalize(n.Kids)
		}
		out = append(out, n)
	}
	return out
}

// Equal reports whether two normalised trees are the same.
func Equal(a, b []Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Text != y.Text || x.Href != y.Href || x.Title != y.Title || !Equal(x.Kids, y.Kids) {
			return false
		}
	}
	return true
}

// Plain is the text a reader sees: markup gone, a hard break as "\n".
func Plain(nodes []Node) string {
	var b strings.Builder
	writePlain(&b, nodes)
	return b.String()
}

func writePlain(b *strings.Builder, nodes []Node) {
	for _, n := range nodes {
		switch n.Kind {
		case Text, Code:
			b.WriteString(n.Text)
		case Break:
			b.WriteByte('\n')
		default:
			writePlain(b, n.Kids)
		}
	}
}

// PlainText is Plain(Parse(md)): a block's text without its markup.
func PlainText(md string) string { return Plain(Parse(md)) }
