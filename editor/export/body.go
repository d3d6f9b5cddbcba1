package export

import (
	"strings"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// bodyBlock is one block of the body as the desk sees it, its inline
// CommonMark parsed once for every writer.
type bodyBlock struct {
	Kind  editor.BlockKind
	Nodes []inline.Node
	Src   int // index among editor.ParseBody's blocks (comments anchor to it)
}

func parseBody(md string) []bodyBlock {
	blocks := editor.ParseBody(md)
	out := make([]bodyBlock, 0, len(blocks))
	for i, b := range blocks {
		nodes := inline.Parse(b.Text)
		if len(nodes) == 0 {
			continue
		}
		out = append(out, bodyBlock{Kind: b.Kind, Nodes: nodes, Src: i})
	}
	return out
}

// htmlBody writes the body as HTML: <p>, <h2> for subheads, <blockquote>
// for quotes. With dirAuto each block takes its direction from its own
// first strong character, so Arabic or Hebrew copy inside an English
// story reads right to left. lead, when set, leads the first paragraph
// (or stands as its own first paragraph) in a <span class="dateline">.
func htmlBody(b *strings.Builder, blocks []bodyBlock, indent string, dirAuto bool, lead string) {
	htmlBodyThen(b, blocks, indent, dirAuto, lead, nil)
}

// htmlBodyThen is htmlBody calling after (when not nil) behind each
// block, with the block's index among editor.ParseBody's: the desk copy
// writes a block's margin notes there.
func htmlBodyThen(b *strings.Builder, blocks []bodyBlock, indent string, dirAuto bool, lead string, after func(src int)) {
	dir := ""
	if dirAuto {
		dir = ` dir="auto"`
	}
	if lead != "" && (len(blocks) == 0 || blocks[0].Kind != editor.Paragraph) {
		b.WriteString(indent + "<p" + dir + `><span class="dateline">` + htmlText(lead) + "</span></p>\n")
		lead = ""
	}
	for i, bl := range blocks {
		switch bl.Kind {
		case editor.Subhead:
			b.WriteString(indent + "<h2" + dir + ">")
			htmlInline(b, bl.Nodes)
			b.WriteString("</h2>\n")
		case editor.Quote:
			b.WriteString(indent + "<blockquote" + dir + "><p>")
			htmlInline(b, bl.Nodes)
			b.WriteString("</p></blockquote>\n")
		default:
			b.WriteString(indent + "<p" + dir + ">")
			if i == 0 && lead != "" {
				b.WriteString(`<span class="dateline">` + htmlText(lead) + "</span> ")
			}
			htmlInline(b, bl.Nodes)
			b.WriteString("</p>\n")
		}
		if after != nil {
			after(bl.Src)
		}
	}
}

func htmlInline(b *strings.Builder, nodes []inline.Node) {
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text:
			b.WriteString(htmlText(n.Text))
		case inline.Code:
			b.WriteString("<code>" + htmlText(n.Text) + "</code>")
		case inline.Break:
			b.WriteString("<br>")
		case inline.Emphasis:
			b.WriteString("<em>")
			htmlInline(b, n.Kids)
			b.WriteString("</em>")
		case inline.Strong:
			b.WriteString("<strong>")
			htmlInline(b, n.Kids)
			b.WriteString("</strong>")
		case inline.Link:
			href, ok := inline.SafeHref(n.Href)
			if !ok {
				htmlInline(b, n.Kids)
				continue
			}
			b.WriteString(`<a href="` + htmlAttr(href) + `"`)
			if n.Title != "" {
				b.WriteString(` title="` + htmlAttr(n.Title) + `"`)
			}
			b.WriteString(">")
			htmlInline(b, n.Kids)
			b.WriteString("</a>")
		}
	}
}

// plainBody is the body as a reader sees it in plain text: blocks apart by
// a blank line, markup gone, lead (the dateline) before the first
// paragraph.
func plainBody(blocks []bodyBlock, lead string) string {
	parts := make([]string, 0, len(blocks)+1)
	if lead != "" && (len(blocks) == 0 || blocks[0].Kind != editor.Paragraph) {
		parts = append(parts, lead)
		lead = ""
	}
	for i, bl := range blocks {
		t := inline.Plain(bl.Nodes)
		if i == 0 && lead != "" {
			t = lead + " " + t
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n\n")
}
