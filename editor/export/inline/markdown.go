package inline

import (
	"strings"
)

// Markdown writes nodes as a block's inline CommonMark, for importers.
//
// CommonMark has no escaping rule that is both minimal and simple, so the
// text is written as it stands first and parsed back: when the parse gives
// the same tree, that form is kept (a reporter's "2 * 3" stays "2 * 3").
// Otherwise the characters CommonMark could read as markup are escaped and
// the check repeats (first without "<", which only matters before an
// autolink); then every ASCII punctuation mark. exact is false
// when no form parses back to the same tree (e.g. emphasis that
// CommonMark's flanking rules cannot express); the last form is returned
// and the caller should warn.
//
// The tree is first put in canonical form (see Canon), and exactness is
// judged against that.
func Markdown(nodes []Node) (md string, exact bool) {
	want := Canon(nodes)
	for lvl := escapeNone; lvl <= escapeAll; lvl++ {
		var b strings.Builder
		writeMarkdown(&b, want, lvl, false)
		md = b.String()
		if Equal(Canon(Parse(md)), want) {
			return md, true
		}
	}
	return md, false
}

// Canon puts a tree in the form CommonMark can express, without changing
// what a reader sees: white space at the edges of emphasis moves outside
// it, neighbouring emphasis of one kind merges, empty emphasis and line
// breaks at the ends of the block go, and the block's outer ASCII white
// space is trimmed (a no-break space is copy and stays).
func Canon(nodes []Node) []Node {
	out := canonKids(nodes)
	out = trimEdges(out)
	return out
}

func canonKids(nodes []Node) []Node {
	var out []Node
	for _, n := range Normalize(nodes) {
		switch n.Kind {
		case Emphasis, Strong:
			kids := canonKids(n.Kids)
			lead, kids := takeLeadingSpace(kids)
			kids, trail := takeTrailingSpace(kids)
			out = append(out, Node{Kind: Text, Text: lead})
			if len(kids) > 0 {
				if k := len(out) - 1; out[k].Text == "" && k > 0 && out[k-1].Kind == n.Kind {
					// Neighbours of one kind read as one: *a**b* is not
					// two emphases.
					out[k-1].Kids = Normalize(append(out[k-1].Kids, kids...))
				} else {
					out = append(out, Node{Kind: n.Kind, Kids: kids})
				}
			}
			out = append(out, Node{Kind: Text, Text: trail})
			out = Normalize(out)
		case Link:
			n.Kids = canonKids(n.Kids)
			out = append(out, n)
		default:
			out = append(out, n)
		}
	}
	return Normalize(out)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func takeLeadingSpace(kids []Node) (string, []Node) {
	if len(kids) == 0 || kids[0].Kind != Text {
		return "", kids
	}
	t := kids[0].Text
	i := 0
	for i < len(t) && isASCIISpace(t[i]) {
		i++
	}
	out := append([]Node(nil), kids...)
	out[0].Text = t[i:]
	return t[:i], Normalize(out)
}

func takeTrailingSpace(kids []Node) ([]Node, string) {
	if len(kids) == 0 || kids[len(kids)-1].Kind != Text {
		return kids, ""
	}
	k := len(kids) - 1
	t := kids[k].Text
	i := len(t)
	for i > 0 && isASCIISpace(t[i-1]) {
		i--
	}
	out := append([]Node(nil), kids...)
	out[k].Text = t[:i]
	return Normalize(out), t[i:]
}

func trimEdges(nodes []Node) []Node {
	for len(nodes) > 0 {
		switch first := nodes[0]; {
		case first.Kind == Break:
			nodes = nodes[1:]
			continue
		case first.Kind == Text && strings.TrimLeft(first.Text, " \t\n\r\f\v") != first.Text:
			nodes = Normalize(append([]Node{{Kind: Text, Text: strings.TrimLeft(first.Text, " \t\n\r\f\v")}}, nodes[1:]...))
			continue
		}
		break
	}
	for len(nodes) > 0 {
		k := len(nodes) - 1
		switch last := nodes[k]; {
		case last.Kind == Break:
			nodes = nodes[:k]
			continue
		case last.Kind == Text && strings.TrimRight(last.Text, " \t\n\r\f\v") != last.Text:
			nodes = Normalize(append(nodes[:k:k], Node{Kind: Text, Text: strings.TrimRight(last.Text, " \t\n\r\f\v")}))
			continue
		}
		break
	}
	return nodes
}

type escapeLevel int

const (
	escapeNone   escapeLevel = iota // the text as it stands
	escapeInline                    // characters that open emphasis, code, links, entities
	escapeMarkup                    // and "<", which can open an autolink
	escapeAll                       // every ASCII punctuation mark
)

// writeMarkdown writes nodes at an escape level; outside (for readers
// other than the desk, see ExportMarkdown) also escapes every "<" and a
// "[" that starts a line.
func writeMarkdown(b *strings.Builder, nodes []Node, lvl escapeLevel, outside bool) {
	for _, n := range nodes {
		switch n.Kind {
		case Text:
			writeText(b, n.Text, lvl, outside)
		case Emphasis:
			b.WriteByte('*')
			writeMarkdown(b, n.Kids, lvl, outside)
			b.WriteByte('*')
		case Strong:
			b.WriteString("**")
			writeMarkdown(b, n.Kids, lvl, outside)
			b.WriteString("**")
		case Code:
			writeCode(b, n.Text)
		case Break:
			b.WriteString("\\\n")
		case Link:
			if lvl == escapeNone && n.Title == "" && isAutolink(n) {
				b.WriteString("<" + n.Href + ">")
				continue
			}
			b.WriteByte('[')
			writeMarkdown(b, n.Kids, lvl, outside)
			b.WriteString("](")
			writeDestination(b, n.Href)
			if n.Title != "" {
				b.WriteString(` "`)
				for i := 0; i < len(n.Title); i++ {
					c := n.Title[i]
					if c == '"' || c == '\\' || (c == '&' && entityAt(n.Title, i)) {
						b.WriteByte('\\')
					}
					b.WriteByte(c)
				}
				b.WriteByte('"')
			}
			b.WriteByte(')')
		}
	}
}

// isAutolink reports whether the link can be written <href>: its text is
// its address, an absolute URL with nothing CommonMark would end it on.
func isAutolink(n Node) bool {
	if len(n.Kids) != 1 || n.Kids[0].Kind != Text || n.Kids[0].Text != n.Href {
		return false
	}
	i := strings.Index(n.Href, ":")
	if i < 2 || i > 32 {
		return false
	}
	for j := 0; j < len(n.Href); j++ {
		c := n.Href[j]
		if c <= ' ' || c == '<' || c == '>' || c >= 0x7f {
			return false
		}
	}
	return true
}

func writeText(b *strings.Builder, t string, lvl escapeLevel, outside bool) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if outside && lvl < escapeMarkup && (c == '<' || c == '[' && atLineStart(b)) {
			b.WriteByte('\\')
			b.WriteByte(c)
			continue
		}
		switch lvl {
		case escapeInline, escapeMarkup:
			switch c {
			case '\\', '`', '*', '_', '[', ']':
				b.WriteByte('\\')
			case '<':
				// Raw HTML is text to the desk, so "<b>" needs no escape;
				// an autolink "<http://…>" does.
				if lvl == escapeMarkup {
					b.WriteByte('\\')
				}
			case '!':
				if i+1 < len(t) && t[i+1] == '[' {
					b.WriteByte('\\')
				}
			case '&':
				if entityAt(t, i) {
					b.WriteByte('\\')
				}
			}
		case escapeAll:
			if isASCIIPunct(c) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
}

// atLineStart reports whether b is empty or ends a line: a "[" written
// there could open a link reference definition.
func atLineStart(b *strings.Builder) bool {
	return b.Len() == 0 || b.String()[b.Len()-1] == '\n'
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

// entityAt reports whether an entity or character reference starts at
// t[i] == '&': CommonMark would replace it with the character.
func entityAt(t string, i int) bool {
	j := i + 1
	if j < len(t) && t[j] == '#' {
		j++
	}
	k := j
	for k < len(t) && k-j < 32 && (t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z' || t[k] >= '0' && t[k] <= '9') {
		k++
	}
	return k > j && k < len(t) && t[k] == ';'
}

func writeCode(b *strings.Builder, code string) {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			if run > longest {
				longest = run
			}
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") ||
		(len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "") {
		pad = " "
	}
	b.WriteString(fence + pad + code + pad + fence)
}

func writeDestination(b *strings.Builder, href string) {
	plain := href != ""
	for i := 0; i < len(href); i++ {
		c := href[i]
		if c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == 0x7f {
			plain = false
			break
		}
	}
	if plain {
		for i := 0; i < len(href); i++ {
			c := href[i]
			if c == '\\' || (c == '&' && entityAt(href, i)) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
		return
	}
	b.WriteByte('<')
	for i := 0; i < len(href); i++ {
		c := href[i]
		if c == '<' || c == '>' || c == '\\' || (c == '&' && entityAt(href, i)) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('>')
}
