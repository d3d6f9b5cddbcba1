package interchange

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// htmlReader turns an HTML body (ninjs text/html, body_html) into blocks:
// p → paragraph, h1–h6 → subhead, blockquote → quote; em/i, strong/b,
// code and a[href] stay as inline markup; other markup keeps its text and
// is reported; scripts, styles and embedded media are dropped and
// reported. Text outside any block element becomes a paragraph.
type htmlReader struct {
	n      *notes
	line   int // the line of the field the HTML came in: HTML has no lines of its own here
	blocks []block
	run    []inline.Node // inline content waiting for its block
	// dateline is the text of a leading <span class="dateline"> (the
	// desk's ninjs export marks the dateline so), cut from the copy.
	dateline string
	seenText bool
}

// htmlElementsOver reports whether src has more than max start tags and
// comments (each a node of the parsed tree, and a text node beside it),
// counted by the tokenizer alone (no tree is built).
func htmlElementsOver(src string, max int) bool {
	if strings.Count(src, "<") <= max {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(src))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.SelfClosingTagToken, html.CommentToken:
			if n++; n > max {
				return true
			}
		}
	}
}

func readHTMLBody(src string, line int, n *notes) ([]block, string) {
	r := &htmlReader{n: n, line: line}
	ctx := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := html.ParseFragment(strings.NewReader(src), ctx)
	if err != nil {
		// The HTML5 parser recovers from any markup; only a reader error
		// gets here, and a strings.Reader has none.
		n.add(line, "the HTML body could not be read (%v): imported as plain text", err)
		return plainBlocks(src, line), ""
	}
	for _, nd := range nodes {
		r.blockNode(nd, editor.Paragraph)
	}
	r.flush(editor.Paragraph)
	return r.blocks, r.dateline
}

func (r *htmlReader) flush(kind editor.BlockKind) {
	if len(r.run) == 0 {
		return
	}
	if plainLine(r.run) != "" {
		r.blocks = append(r.blocks, block{kind: kind, nodes: r.run, line: r.line})
	}
	r.run = nil
}

func (r *htmlReader) add(kind editor.BlockKind, nodes []inline.Node) {
	if plainLine(nodes) != "" || hasMarkup(nodes) {
		r.blocks = append(r.blocks, block{kind: kind, nodes: nodes, line: r.line})
	}
}

func (r *htmlReader) blockNode(nd *html.Node, kind editor.BlockKind) {
	if nd.Type != html.ElementNode {
		r.run = append(r.run, r.inline(nd)...)
		return
	}
	switch nd.DataAtom {
	case atom.P:
		r.flush(kind)
		r.add(kind, r.inlineKids(nd))
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.flush(kind)
		if nd.DataAtom == atom.H1 {
			r.n.once(r.line, "an <h1> in the body is kept as a subhead")
		}
		r.add(editor.Subhead, r.inlineKids(nd))
	case atom.Blockquote:
		r.flush(kind)
		r.blockKids(nd, editor.Quote)
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Center, atom.Address, atom.Body, atom.Html:
		r.flush(kind)
		r.blockKids(nd, kind)
	case atom.Aside, atom.Nav, atom.Details, atom.Summary, atom.Fieldset:
		r.flush(kind)
		r.n.once(r.line, fmt.Sprintf("an <%s> in the body is kept as paragraphs where it stood", nd.Data))
		r.blockKids(nd, kind)
	case atom.Ul, atom.Ol:
		r.flush(kind)
		r.n.once(r.line, "list items are kept as paragraphs (the desk's body has no lists)")
		r.listItems(nd, kind)
	case atom.Dl:
		r.flush(kind)
		r.n.once(r.line, "a definition list (<dl>) is kept as paragraphs")
		for c := nd.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				r.add(kind, r.inlineKids(c))
			}
		}
	case atom.Table:
		r.flush(kind)
		r.n.once(r.line, "a table is kept as paragraphs, one a row, cells apart by \" | \"")
		r.table(nd, kind)
	case atom.Pre:
		r.flush(kind)
		r.n.once(r.line, "preformatted text (<pre>) is kept as a paragraph; its line layout is lost")
		r.add(kind, []inline.Node{{Kind: inline.Text, Text: collapseText(textOf(nd))}})
	case atom.Figure:
		r.flush(kind)
		r.n.add(r.line, "dropped a <figure> in the body (the desk keeps no images); its caption was %q", figureCaption(nd))
	case atom.Hr:
		r.flush(kind)
	case atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Figcaption:
		// Out of their parents (a fragment starting mid-list): text.
		r.flush(kind)
		r.add(kind, r.inlineKids(nd))
	default:
		if dropElement(nd) {
			r.dropped(nd)
			return
		}
		r.run = append(r.run, r.inline(nd)...)
	}
}

// listItems keeps a list's items as paragraphs marked "• " or, in an
// ordered list, with their numbers (from its start).
func (r *htmlReader) listItems(nd *html.Node, kind editor.BlockKind) {
	i := 0
	if s, err := strconv.Atoi(attr(nd, "start")); err == nil {
		i = s - 1
	}
	for c := nd.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		i++
		mark := "• "
		if nd.DataAtom == atom.Ol {
			mark = strconv.Itoa(i) + ". "
		}
		r.add(kind, append([]inline.Node{{Kind: inline.Text, Text: mark}}, r.inlineKids(c)...))
	}
}

// figureCaption is the text of a figure's last figcaption.
func figureCaption(nd *html.Node) string {
	caption := ""
	for c := nd.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Figcaption {
			caption = strings.TrimSpace(collapseText(textOf(c)))
		}
	}
	return caption
}

func (r *htmlReader) blockKids(nd *html.Node, kind editor.BlockKind) {
	for c := nd.FirstChild; c != nil; c = c.NextSibling {
		r.blockNode(c, kind)
	}
	r.flush(kind)
}

func (r *htmlReader) table(nd *html.Node, kind editor.BlockKind) {
	for c := nd.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Tr {
			r.table(c, kind)
			continue
		}
		var cells []string
		for td := c.FirstChild; td != nil; td = td.NextSibling {
			if td.Type == html.ElementNode {
				cells = append(cells, strings.TrimSpace(collapseText(textOf(td))))
			}
		}
		r.add(kind, []inline.Node{{Kind: inline.Text, Text: strings.Join(cells, " | ")}})
	}
}

// dropElement: elements whose content is not copy a reader sees.
func dropElement(nd *html.Node) bool {
	switch nd.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Iframe, atom.Object, atom.Embed,
		atom.Video, atom.Audio, atom.Canvas, atom.Svg, atom.Math, atom.Form, atom.Input, atom.Button,
		atom.Select, atom.Textarea, atom.Img, atom.Picture, atom.Source, atom.Track, atom.Map, atom.Area,
		atom.Link, atom.Meta, atom.Base, atom.Head, atom.Title:
		return true
	}
	return nd.Data == "svg" || nd.Data == "math"
}

func (r *htmlReader) dropped(nd *html.Node) {
	what := "<" + nd.Data + ">"
	switch nd.DataAtom {
	case atom.Img:
		r.n.add(r.line, "dropped an image in the body (the desk keeps no images): src %q, alt %q", attr(nd, "src"), attr(nd, "alt"))
		return
	case atom.Script, atom.Style, atom.Template, atom.Noscript:
		r.n.once(r.line, "dropped "+what+" from the body: it is code, not copy")
		return
	}
	r.n.once(r.line, "dropped "+what+" from the body: embedded content the desk does not keep")
}

func (r *htmlReader) inlineKids(nd *html.Node) []inline.Node {
	var out []inline.Node
	for c := nd.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, r.inline(c)...)
	}
	return out
}

func (r *htmlReader) inline(nd *html.Node) []inline.Node {
	switch nd.Type {
	case html.TextNode:
		t := collapseText(nd.Data)
		if strings.TrimSpace(t) != "" {
			r.seenText = true
		}
		return []inline.Node{{Kind: inline.Text, Text: t}}
	case html.ElementNode:
	default:
		return nil // comments, doctypes
	}
	switch nd.DataAtom {
	case atom.Em, atom.I:
		return []inline.Node{{Kind: inline.Emphasis, Kids: r.inlineKids(nd)}}
	case atom.Strong, atom.B:
		return []inline.Node{{Kind: inline.Strong, Kids: r.inlineKids(nd)}}
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		return []inline.Node{{Kind: inline.Code, Text: collapseText(textOf(nd))}}
	case atom.Br:
		return []inline.Node{{Kind: inline.Break}}
	case atom.Sup, atom.Sub:
		t, marked := raisedText(textOf(nd), nd.DataAtom == atom.Sup)
		if marked {
			r.n.add(r.line, "%s", raisedNote(nd.Data, t))
		}
		return []inline.Node{{Kind: inline.Text, Text: t}}
	case atom.A:
		if href := strings.TrimSpace(attr(nd, "href")); href != "" {
			return []inline.Node{{Kind: inline.Link, Href: href, Title: attr(nd, "title"), Kids: r.inlineKids(nd)}}
		}
		return r.inlineKids(nd)
	case atom.Span:
		if !r.seenText && r.dateline == "" && len(r.blocks) == 0 && hasClass(nd, "dateline") {
			r.dateline = strings.Trim(collapseText(textOf(nd)), " ")
			return nil
		}
		return r.inlineKids(nd)
	case atom.Font, atom.Small, atom.Big, atom.U, atom.Ins, atom.Mark, atom.Abbr, atom.Acronym,
		atom.Time, atom.Bdi, atom.Bdo, atom.Data, atom.Wbr, atom.Cite, atom.Dfn, atom.Var, atom.Label, atom.Nobr:
		return r.inlineKids(nd)
	}
	if dropElement(nd) {
		r.dropped(nd)
		return nil
	}
	r.n.once(r.line, fmt.Sprintf("<%s> in the body: kept its text, dropped the element", nd.Data))
	return r.inlineKids(nd)
}

func attr(nd *html.Node, name string) string {
	for _, a := range nd.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasClass(nd *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(nd, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(nd *html.Node) string {
	if nd.Type == html.TextNode {
		return nd.Data
	}
	var b strings.Builder
	for c := nd.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && dropElement(c) {
			continue
		}
		b.WriteString(textOf(c))
	}
	return b.String()
}

// plainBlocks splits a plain-text body into paragraphs: at blank lines
// when it has them, else at each line break (agency plain text comes both
// ways).
func plainBlocks(src string, line int) []block {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var paras []string
	if strings.Contains(src, "\n\n") {
		for _, p := range strings.Split(src, "\n\n") {
			paras = append(paras, strings.ReplaceAll(p, "\n", " "))
		}
	} else {
		paras = strings.Split(src, "\n")
	}
	var out []block
	for _, p := range paras {
		if t := strings.Trim(collapseText(p), " "); t != "" {
			out = append(out, block{kind: editor.Paragraph, nodes: []inline.Node{{Kind: inline.Text, Text: t}}, line: line})
		}
	}
	return out
}
