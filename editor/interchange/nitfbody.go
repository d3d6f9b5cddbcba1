package interchange

import (
	"fmt"
	"strconv"
	"strings"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// content reads body.content (or a block, bq or note inside it): p, hl2
// and quotes become the desk's blocks; the photo comes from the first
// media; lists, tables and the like keep their text as paragraphs, and
// say so.
func (r *nitfReader) content(el *xnode, quote bool) {
	kind := editor.Paragraph
	if quote {
		kind = editor.Quote
	}
	for _, k := range el.kids {
		if k.name == "" {
			r.contentText(el, k, kind)
			continue
		}
		if !isNITF(k) {
			r.foreign(k)
			continue
		}
		switch k.name {
		case "p":
			r.blocks = append(r.blocks, block{kind: kind, nodes: r.inlines(k), line: k.line})
		case "hl2":
			r.blocks = append(r.blocks, block{kind: editor.Subhead, nodes: r.inlines(k), line: k.line})
		case "bq":
			r.bq(k)
		case "block", "body.content":
			r.content(k, quote)
		case "tobject", "key-list", "classifier", "byline", "dateline", "copyrite", "abstract", "datasource":
			// The metadata a <block> may open with.
			r.n.add(k.line, "dropped <%s> inside a <%s>: the desk keeps one story's metadata", k.name, el.name)
		case "media":
			r.media(k)
		case "ul", "ol":
			r.list(k, quote)
		case "dl":
			r.n.once(k.line, "a definition list (<dl>) is kept as paragraphs")
			for _, item := range k.elems() {
				r.blocks = append(r.blocks, block{kind: kind, nodes: r.inlines(item), line: item.line})
			}
		case "table", "nitf-table":
			r.table(k, kind)
		case "pre":
			r.n.once(k.line, "preformatted text (<pre>) is kept as a paragraph; its line layout is lost")
			r.blocks = append(r.blocks, block{kind: kind, nodes: []inline.Node{{Kind: inline.Text, Text: collapseText(k.textContent())}}, line: k.line})
		case "fn":
			r.n.once(k.line, "a footnote (<fn>) is kept as paragraphs where it stood")
			r.content(k, quote)
		case "note":
			r.contentNote(k, quote)
		case "hr":
			// A rule between paragraphs: the blank line already is one.
		default:
			r.contentOther(k, kind)
		}
	}
}

// contentText keeps text standing directly in el as a paragraph.
func (r *nitfReader) contentText(el, k *xnode, kind editor.BlockKind) {
	if t := strings.TrimSpace(k.text); t != "" {
		r.blocks = append(r.blocks, block{kind: kind, nodes: []inline.Node{{Kind: inline.Text, Text: collapseText(k.text)}}, line: k.line})
		r.n.once(k.line, "text directly in <"+el.name+"> is kept as a paragraph")
	}
}

// contentNote reads an editor's note as such, any other note as
// paragraphs where it stood.
func (r *nitfReader) contentNote(k *xnode, quote bool) {
	if k.attr("noteclass") == "editorsnote" {
		r.note(k)
		return
	}
	r.n.once(k.line, fmt.Sprintf("a <note> (%s) is kept as paragraphs where it stood", firstNonEmpty(k.attr("noteclass"), "undef")))
	r.content(k, quote)
}

// contentOther keeps the text of an element NITF does not allow in the
// body as a paragraph, and says so.
func (r *nitfReader) contentOther(k *xnode, kind editor.BlockKind) {
	if t := strings.TrimSpace(collapseText(k.textContent())); t != "" {
		r.n.add(k.line, "<%s> is not NITF body content: its text %q is kept as a paragraph", k.name, t)
		r.blocks = append(r.blocks, block{kind: kind, nodes: r.inlines(k), line: k.line})
	}
}

func (r *nitfReader) bq(el *xnode) {
	for _, k := range el.kids {
		switch {
		case k.name == "credit":
			nodes := append([]inline.Node{{Kind: inline.Text, Text: "— "}}, r.inlines(k)...)
			r.blocks = append(r.blocks, block{kind: editor.Quote, nodes: nodes, line: k.line})
			r.n.add(k.line, "the quote's credit %q is kept as its last line, after a dash", plainLine(nodes[1:]))
		case k.name == "" && strings.TrimSpace(k.text) == "":
		default:
			wrap := &xnode{name: "bq", kids: []*xnode{k}, line: k.line}
			r.content(wrap, true)
		}
	}
}

func (r *nitfReader) list(el *xnode, quote bool) {
	kind := editor.Paragraph
	if quote {
		kind = editor.Quote
	}
	r.n.once(el.line, "list items are kept as paragraphs (the desk's body has no lists)")
	i := 0
	if n, err := strconv.Atoi(el.attr("seqnum")); err == nil {
		i = n - 1
	}
	for _, li := range el.elems() {
		i++
		mark := "• "
		if el.name == "ol" {
			mark = strconv.Itoa(i) + ". "
		}
		nodes := append([]inline.Node{{Kind: inline.Text, Text: mark}}, r.inlines(li)...)
		r.blocks = append(r.blocks, block{kind: kind, nodes: nodes, line: li.line})
	}
}

func (r *nitfReader) table(el *xnode, kind editor.BlockKind) {
	r.n.once(el.line, "a table is kept as paragraphs, one a row, cells apart by \" | \"")
	var rows []*xnode
	var walk func(*xnode)
	walk = func(x *xnode) {
		for _, k := range x.elems() {
			if k.name == "tr" {
				rows = append(rows, k)
			} else {
				walk(k)
			}
		}
	}
	walk(el)
	for _, tr := range rows {
		var cells []string
		for _, c := range tr.elems() {
			cells = append(cells, strings.TrimSpace(collapseText(c.textContent())))
		}
		r.blocks = append(r.blocks, block{kind: kind, nodes: []inline.Node{{Kind: inline.Text, Text: strings.Join(cells, " | ")}}, line: tr.line})
	}
}

// media reads the story's photo from the first media element: caption,
// producer (the credit, else media-reference@source-credit) and copyright.
// The desk keeps no images, so a reference to one is reported.
func (r *nitfReader) media(el *xnode) {
	var ph editor.Photo
	var refs []string
	for _, k := range el.elems() {
		switch k.name {
		case "media-caption":
			ph.Caption = joinField(ph.Caption, plainLine(r.inlines(k)))
		case "media-producer":
			ph.Credit = joinField(ph.Credit, r.plainField("photo credit", k))
		case "media-reference":
			if c := strings.TrimSpace(k.attr("copyright")); c != "" && ph.Copyright == "" {
				ph.Copyright = c
			}
			if c := strings.TrimSpace(k.attr("source-credit")); c != "" && ph.Credit == "" {
				ph.Credit = c
			}
			if s := firstNonEmpty(k.attr("source"), k.attr("data-location"), k.attr("name")); s != "" {
				refs = append(refs, s)
			}
		case "media-metadata", "media-object":
			r.n.once(k.line, fmt.Sprintf("dropped <%s>: the desk keeps no images", k.name))
		default:
			r.n.add(k.line, "dropped <%s> from a media element", k.name)
		}
	}
	if ph.IsZero() {
		r.n.add(el.line, "dropped a %s media element without caption, credit or copyright", el.attr("media-type"))
		return
	}
	if r.photo {
		r.n.add(el.line, "dropped a second picture (the desk keeps one): caption %q, credit %q", ph.Caption, ph.Credit)
		return
	}
	r.photo = true
	r.a.Photo = ph
	for _, ref := range refs {
		r.n.add(el.line, "the photo's file %q is not kept: the desk keeps the caption and credits only", ref)
	}
}

func joinField(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// inlines reads mixed content — text, em, a, br and the semantic
// elements NITF wraps names and numbers in — as inline nodes. em's class
// "strong" and "code" (the desk's export) come back as strong and code.
func (r *nitfReader) inlines(el *xnode) []inline.Node {
	var out []inline.Node
	for _, k := range el.kids {
		switch k.name {
		case "":
			out = append(out, inline.Node{Kind: inline.Text, Text: collapseText(k.text)})
		case "em":
			switch k.attr("class") {
			case "strong":
				out = append(out, inline.Node{Kind: inline.Strong, Kids: r.inlines(k)})
			case "code":
				out = append(out, inline.Node{Kind: inline.Code, Text: collapseText(k.textContent())})
			default:
				out = append(out, inline.Node{Kind: inline.Emphasis, Kids: r.inlines(k)})
			}
		case "a":
			if href := strings.TrimSpace(k.attr("href")); href != "" {
				out = append(out, inline.Node{Kind: inline.Link, Href: href, Title: k.attr("title"), Kids: r.inlines(k)})
			} else {
				out = append(out, r.inlines(k)...)
			}
		case "br":
			out = append(out, inline.Node{Kind: inline.Break})
		case "chron", "classifier", "copyrite", "copyrite.year", "copyrite.holder", "event", "function", "location",
			"sublocation", "city", "state", "region", "country", "money", "num", "frac", "numer", "frac-sep", "denom",
			"object.title", "org", "person", "name.given", "name.family", "postaddr", "addressee",
			"care.of", "delivery.point", "postcode", "delivery.office", "virtloc", "lang", "pronounce", "alt-code":
			// Semantic markup around text the reader sees: the text stays.
			if k.name != "alt-code" {
				out = append(out, r.inlines(k)...)
			}
		case "sup", "sub":
			t, marked := raisedText(k.textContent(), k.name == "sup")
			if marked {
				r.n.add(k.line, "%s", raisedNote(k.name, t))
			}
			out = append(out, inline.Node{Kind: inline.Text, Text: t})
		case "q":
			r.n.once(k.line, "an inline quotation (<q>) is kept as its text, without added quotation marks")
			out = append(out, r.inlines(k)...)
		default:
			if !isNITF(k) {
				r.n.once(k.line, fmt.Sprintf("<%s> from the namespace %s inside text: kept its text", k.name, k.space))
			} else {
				r.n.once(k.line, fmt.Sprintf("<%s> inside text: kept its text, dropped the element", k.name))
			}
			out = append(out, r.inlines(k)...)
		}
	}
	return out
}
