package inline

import "strings"

// Sanitize returns nodes with every link an exporter may not write (see
// SafeHref) replaced by its text, and every other link's target in the
// form SafeHref gives. The tree itself is not changed.
func Sanitize(nodes []Node) []Node {
	var out []Node
	for _, n := range nodes {
		switch n.Kind {
		case Link:
			kids := Sanitize(n.Kids)
			href, ok := SafeHref(n.Href)
			if !ok {
				out = append(out, kids...)
				continue
			}
			n.Href, n.Kids = href, kids
		case Emphasis, Strong:
			n.Kids = Sanitize(n.Kids)
		}
		out = append(out, n)
	}
	return Normalize(out)
}

// ExportMarkdown writes a block's nodes as CommonMark for a reader outside
// the desk (pandoc, a static site): links Sanitize keeps, and the text
// escaped so that no other CommonMark reader finds markup the desk does
// not. The desk reads raw HTML as text, a full CommonMark reader passes
// it through, so every "<" is escaped; so is a "[" that starts a line,
// where a full reader (not the desk) would find a link reference
// definition. Every other escape is Markdown's: the least that reads back
// as the same text in the desk.
func ExportMarkdown(nodes []Node) string {
	want := Canon(Sanitize(nodes))
	var md string
	for lvl := escapeNone; lvl <= escapeAll; lvl++ {
		var b strings.Builder
		writeMarkdown(&b, want, lvl, true)
		md = b.String()
		if Equal(Canon(Parse(md)), want) {
			break
		}
	}
	return md
}
