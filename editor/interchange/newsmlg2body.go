package interchange

import (
	"html"
	"strings"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// contentSet takes the body from the first rendition the desk reads, in
// the order XHTML, NITF, plain text; the others are reported.
func (r *g2Reader) contentSet(el *xnode) {
	var pick *xnode
	for _, k := range el.elems() {
		if g2RenditionRank(k) > 0 && (pick == nil || g2RenditionRank(k) > g2RenditionRank(pick)) {
			pick = k
		}
	}
	for _, k := range el.elems() {
		if k == pick {
			continue
		}
		if k.name == "remoteContent" {
			r.n.add(k.line, "a rendition is not in the file (remoteContent %s): only inline copy is imported", firstNonEmpty(k.attr("href"), k.attr("residref")))
			continue
		}
		r.n.add(k.line, "dropped a <%s> rendition of type %q: the body is read from one rendition", k.name, k.attr("contenttype"))
	}
	if pick == nil {
		return
	}
	switch {
	case pick.name == "inlineData":
		r.blocks = plainBlocks(pick.textContent(), pick.line)
	case firstElem(pick) == nil:
	case firstElem(pick).name == "nitf":
		r.nitf(firstElem(pick))
	default:
		r.xhtml(firstElem(pick))
	}
}

// g2RenditionRank orders the renditions the desk reads: XHTML (3), NITF (2),
// plain text (1); 0 is one it does not read.
func g2RenditionRank(x *xnode) int {
	ct := strings.ToLower(x.attr("contenttype"))
	switch {
	case x.name == "inlineXML" && strings.Contains(ct, "xhtml"):
		return 3
	case x.name == "inlineXML" && strings.Contains(ct, "nitf"):
		return 2
	case x.name == "inlineData" && (ct == "" || strings.HasPrefix(ct, "text/plain")):
		return 1
	case x.name == "inlineXML" && ct == "":
		// No content type: judge by the root element.
		if root := firstElem(x); root != nil && (root.name == "html" || root.name == "nitf") {
			return 2
		}
	}
	return 0
}

func firstElem(x *xnode) *xnode {
	if els := x.elems(); len(els) > 0 {
		return els[0]
	}
	return nil
}

// xhtml reads an XHTML rendition: the <body> (or the element itself when
// it is a fragment) is written back out as HTML and read as the ninjs
// HTML bodies are, so both formats agree on what markup means. A
// <figure class="photo"> (the desk's export) is the photo.
func (r *g2Reader) xhtml(root *xnode) {
	body := root
	if root.name == "html" {
		body = root.child("body")
		if body == nil {
			return
		}
		if hd := root.child("head"); hd != nil && r.a.Headline == "" {
			if t := hd.child("title"); t != nil {
				r.a.Headline = g2Text(t)
			}
		}
	}
	var b strings.Builder
	for _, k := range body.kids {
		if k.name == "figure" && strings.Contains(" "+k.attr("class")+" ", " photo ") && r.a.Photo.IsZero() {
			r.figure(k)
			continue
		}
		writeHTML(&b, k)
	}
	blocks, dateline := readHTMLBody(b.String(), body.line, r.n)
	if dateline != "" && r.dateline == "" {
		r.dateline, r.datelineLine = dateline, body.line
	}
	r.blocks = blocks
}

// figure reads the desk's photo: figcaption, span.credit, span.copyright.
func (r *g2Reader) figure(el *xnode) {
	for _, k := range el.elems() {
		switch {
		case k.name == "figcaption":
			r.a.Photo.Caption = g2Block(k)
		case k.name == "span" && k.attr("class") == "credit":
			r.a.Photo.Credit = g2Block(k)
		case k.name == "span" && k.attr("class") == "copyright":
			r.a.Photo.Copyright = g2Block(k)
		}
	}
}

// htmlVoid are the elements HTML writes without an end tag: "</br>" would
// read as a second break.
var htmlVoid = map[string]bool{"br": true, "hr": true, "img": true, "wbr": true, "col": true, "area": true, "source": true, "track": true, "embed": true, "input": true, "meta": true, "link": true, "base": true, "param": true}

// writeHTML writes an XML subtree as HTML: local names, attributes
// escaped, text escaped.
func writeHTML(b *strings.Builder, x *xnode) {
	if x.name == "" {
		b.WriteString(html.EscapeString(x.text))
		return
	}
	b.WriteString("<" + x.name)
	for _, a := range x.attrs {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		b.WriteString(" " + a.Name.Local + `="` + html.EscapeString(a.Value) + `"`)
	}
	b.WriteString(">")
	if htmlVoid[x.name] {
		return
	}
	for _, k := range x.kids {
		writeHTML(b, k)
	}
	b.WriteString("</" + x.name + ">")
}

// nitf reads an inline NITF rendition with the NITF reader into a scratch
// article: its body is the story's, and its head fills what the G2
// metadata left empty.
func (r *g2Reader) nitf(root *xnode) {
	nr := &nitfReader{a: newArticle(r.opt), n: r.n, opt: r.opt}
	for _, el := range root.elems() {
		switch {
		case !isNITF(el):
			nr.foreign(el)
		case el.name == "head":
			nr.head(el)
		case el.name == "body":
			nr.body(el)
		}
	}
	r.blocks = nr.blocks
	s, a := nr.a, r.a
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&a.Headline, s.Headline)
	fill(&a.Standfirst, s.Standfirst)
	fill(&a.Slug, s.Slug)
	fill(&a.Section, s.Section)
	fill(&a.Correction, s.Correction)
	fill(&a.Dateline.Place, s.Dateline.Place)
	fill(&a.Dateline.Region, s.Dateline.Region)
	fill(&a.Dateline.Source, s.Dateline.Source)
	if a.Dateline.Date == "" {
		a.Dateline.Date, a.Dateline.DateAssumed = s.Dateline.Date, s.Dateline.DateAssumed
	}
	if len(a.Bylines) == 0 {
		a.Bylines = s.Bylines
	}
	if a.Photo.IsZero() {
		a.Photo = s.Photo
	}
	if a.Urgency == 0 {
		a.Urgency = s.Urgency
	}
	if a.Embargo.IsZero() {
		a.Embargo = s.Embargo
	}
	a.Tags = append(a.Tags, s.Tags...)
}

// g2LeadingDateline cuts a dateline that heads the first paragraph (AP
// and Reuters G2 bodies start "WASHINGTON (AP) — …") and fills the
// dateline fields the metadata left empty; what was cut is reported.
func g2LeadingDateline(a *editor.Article, blocks []block, opt editor.ImportOptions, n *notes) []block {
	if len(blocks) == 0 || blocks[0].kind != editor.Paragraph {
		return blocks
	}
	first := blocks[0]
	nodes := collapseSpace(first.nodes)
	if len(nodes) == 0 || nodes[0].Kind != inline.Text {
		return blocks
	}
	d, rest, ok := editor.ParseDateline(nodes[0].Text, year(opt))
	if !ok {
		return blocks
	}
	mergeDateline(a, d, first.line, n)
	n.add(first.line, "cut the dateline %q from the head of the first paragraph (it is in the dateline fields)", strings.TrimSpace(strings.TrimSuffix(nodes[0].Text, rest)))
	nodes = append([]inline.Node{{Kind: inline.Text, Text: rest}}, nodes[1:]...)
	out := append([]block(nil), blocks...)
	out[0].nodes = nodes
	if plainLine(nodes) == "" && !hasMarkup(nodes) {
		out = out[1:]
	}
	return out
}
