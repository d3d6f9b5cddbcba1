// Package interchange reads the formats agencies deliver copy in — NITF
// 3.x (with or without its namespace) and ninjs 1.x and 2.x — into desk
// articles. It is liberal in what it accepts: what it reads, it maps onto
// the article's fields; what it cannot map it reports as a Warning naming
// the element or field and its line; it never guesses silently. Bodies
// become the desk's CommonMark (paragraphs, ## subheads, > quotes,
// emphasis and links), whatever markup they came in.
//
// The exporters in editor/export write what these importers read back:
// testdata/README.md in editor/export tables what each format carries.
package interchange

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// notes collects the warnings of one import. Dropped markup of one kind is
// reported once, with a count and the first line, so an agency file that
// tags every name does not bury the user in warnings.
type notes struct {
	list    []editor.Warning
	dropped map[string]*dropped
}

type dropped struct {
	line, count int
}

func (n *notes) add(line int, format string, args ...any) {
	n.list = append(n.list, editor.Warning{Line: line, Message: fmt.Sprintf(format, args...)})
}

// once records a repeated loss under key (a message): reported once.
func (n *notes) once(line int, key string) {
	if n.dropped == nil {
		n.dropped = map[string]*dropped{}
	}
	if d, ok := n.dropped[key]; ok {
		d.count++
		return
	}
	n.dropped[key] = &dropped{line: line, count: 1}
}

func (n *notes) warnings() []editor.Warning {
	out := append([]editor.Warning(nil), n.list...)
	for key, d := range n.dropped {
		msg := key
		if d.count > 1 {
			msg += fmt.Sprintf(" (%d times; the first is here)", d.count)
		}
		out = append(out, editor.Warning{Line: d.line, Message: msg})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Message < out[j].Message
	})
	return out
}

// block is one body block as read, before it becomes CommonMark.
type block struct {
	kind  editor.BlockKind
	nodes []inline.Node
	line  int
}

// formatBody writes the blocks as the desk's CommonMark body. A block
// whose inline markup CommonMark cannot express exactly is still written
// (its text is never lost) and reported.
func formatBody(blocks []block, n *notes) string {
	out := make([]editor.Block, 0, len(blocks))
	for _, b := range blocks {
		nodes := collapseSpace(b.nodes)
		if b.kind == editor.Subhead {
			nodes = breaksToSpaces(nodes)
		}
		md, exact := inline.Markdown(nodes)
		if strings.TrimSpace(md) == "" {
			continue
		}
		if !exact {
			n.add(b.line, "a %s's emphasis or links could not be written exactly in Markdown: its text is kept, check its markup", b.kind)
		}
		out = append(out, editor.Block{Kind: b.kind, Text: md})
	}
	return editor.FormatBody(out)
}

func breaksToSpaces(nodes []inline.Node) []inline.Node {
	out := make([]inline.Node, 0, len(nodes))
	for _, nd := range nodes {
		switch nd.Kind {
		case inline.Break:
			nd = inline.Node{Kind: inline.Text, Text: " "}
		case inline.Emphasis, inline.Strong, inline.Link:
			nd.Kids = breaksToSpaces(nd.Kids)
		}
		out = append(out, nd)
	}
	return out
}

// collapseText folds runs of ASCII white space into one space, as XML and
// HTML readers see text. A no-break space is copy, not layout: it stays.
func collapseText(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// collapseSpace drops a space that follows another space across element
// boundaries ("a <em> b</em>" reads "a b"), after white space has moved
// out of emphasis (inline.Canon).
func collapseSpace(nodes []inline.Node) []inline.Node {
	nodes = inline.Canon(nodes)
	lastSpace := true
	var walk func([]inline.Node) []inline.Node
	walk = func(nodes []inline.Node) []inline.Node {
		out := make([]inline.Node, 0, len(nodes))
		for _, nd := range nodes {
			switch nd.Kind {
			case inline.Text, inline.Code:
				t := collapseText(nd.Text)
				if lastSpace {
					t = strings.TrimLeft(t, " ")
				}
				if t == "" {
					continue
				}
				lastSpace = strings.HasSuffix(t, " ")
				nd.Text = t
			case inline.Break:
				lastSpace = true
			default:
				nd.Kids = walk(nd.Kids)
			}
			out = append(out, nd)
		}
		return out
	}
	return inline.Canon(walk(nodes))
}

// plainLine is the text of inline nodes as a one-line field: markup gone,
// breaks and runs of white space folded, ends trimmed.
func plainLine(nodes []inline.Node) string {
	return strings.Trim(collapseText(strings.ReplaceAll(inline.Plain(nodes), "\n", " ")), " ")
}

// plainLines is the text of inline nodes as a multi-line field: each
// line's white space folded, hard breaks kept as line breaks.
func plainLines(nodes []inline.Node) string {
	lines := strings.Split(inline.Plain(nodes), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Trim(collapseText(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// hasMarkup reports whether nodes hold anything but text.
func hasMarkup(nodes []inline.Node) bool {
	for _, n := range nodes {
		if n.Kind != inline.Text {
			return true
		}
	}
	return false
}

// newArticle is the article an import fills: a fresh ID, stamped now, a
// draft.
func newArticle(opt editor.ImportOptions) *editor.Article {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	a := editor.New(now)
	a.Language = "" // told from the text in finish when the file does not say
	return a
}

// year completes dates that carry none.
func year(opt editor.ImportOptions) int {
	if opt.Year != 0 {
		return opt.Year
	}
	if !opt.Now.IsZero() {
		return opt.Now.Year()
	}
	return time.Now().Year()
}

// finish applies what every importer does last: the author when the copy
// names no writer, normalised tags, and text the desk can store — control
// characters and Unicode noncharacters removed (reported), line breaks in
// one-line fields folded into spaces.
func finish(a *editor.Article, opt editor.ImportOptions, n *notes) {
	if opt.Author != "" && len(a.Writers()) == 0 {
		a.Bylines = append([]editor.Byline{{Name: opt.Author, Role: editor.RoleWriter}}, a.Bylines...)
	}
	line := func(field string, s *string) { *s = cleanText(field, *s, true, n) }
	text := func(field string, s *string) { *s = cleanText(field, *s, false, n) }
	if strings.TrimSpace(a.Language) == "" {
		a.Language = editor.DetectLanguage(a.Headline + "\n" + a.Standfirst + "\n" + a.Body)
		if a.Language == "" {
			a.Language = "en"
		}
		if a.Language != "en" {
			n.add(0, "the file gives no language: %q was told from the text", a.Language)
		}
	}
	line("headline", &a.Headline)
	line("slug", &a.Slug)
	line("section", &a.Section)
	line("language", &a.Language)
	text("standfirst", &a.Standfirst)
	text("body", &a.Body)
	text("ednote", &a.EdNote)
	text("correction", &a.Correction)
	line("dateline place", &a.Dateline.Place)
	line("dateline region", &a.Dateline.Region)
	line("dateline source", &a.Dateline.Source)
	line("photo caption", &a.Photo.Caption)
	line("photo credit", &a.Photo.Credit)
	line("photo copyright", &a.Photo.Copyright)
	keep := a.Bylines[:0]
	for _, b := range a.Bylines {
		line("byline name", &b.Name)
		line("byline title", &b.Title)
		if b.Name != "" {
			keep = append(keep, b)
		}
	}
	a.Bylines = keep
	for i := range a.Tags {
		line("tag", &a.Tags[i])
	}
	a.Tags = editor.NormalizeTags(a.Tags)
}

// cleanText removes what no desk field may hold and, for a one-line field,
// folds line breaks into spaces.
func cleanText(field, s string, oneLine bool, n *notes) string {
	removed := 0
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return r
		case r == '\n' || r == '\r':
			if oneLine {
				return ' '
			}
			return r
		case r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe:
			removed++
			return -1
		}
		return r
	}, s)
	if removed > 0 {
		n.once(0, fmt.Sprintf("removed control characters or noncharacters from the %s", field))
	}
	if oneLine {
		s = strings.Trim(collapseText(s), " ")
	}
	return s
}

// prepare checks the bytes and strips a UTF-8 byte-order mark.
func prepare(file string, data []byte) ([]byte, error) {
	if err := editor.CheckText(file, data); err != nil {
		return nil, err
	}
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
}

// lineAt is the 1-based line of byte offset off.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// mergeDateline fills the article's dateline from one read out of text (an
// NITF dateline without markup, or the head of a first paragraph, by
// editor.ParseDateline). Fields the file gave as metadata win; a
// disagreement is reported.
func mergeDateline(a *editor.Article, d editor.Dateline, line int, n *notes) {
	fill := func(field string, dst *string, v string) {
		switch {
		case v == "":
		case *dst == "":
			*dst = v
		case *dst != v:
			n.add(line, "the dateline in the copy says %s %q, the metadata %q: the metadata is kept", field, v, *dst)
		}
	}
	fill("place", &a.Dateline.Place, d.Place)
	fill("region", &a.Dateline.Region, d.Region)
	fill("source", &a.Dateline.Source, d.Source)
	if d.Date != "" && a.Dateline.Date == "" {
		a.Dateline.Date, a.Dateline.DateAssumed = d.Date, d.DateAssumed
		if d.DateAssumed {
			n.add(line, "the dateline gives no year: %s assumed, confirm it", d.Date[:4])
		}
	}
}

// cutLeadingDateline cuts a dateline that heads the first paragraph (as
// agencies write it: "GROSSETO, Italy (AP) — The trial …"), filling the
// dateline fields the metadata left empty. AP, CP and EFE send the
// dateline in the metadata and again in the copy: left there, exports
// printed it twice. What was cut is reported.
func cutLeadingDateline(a *editor.Article, blocks []block, opt editor.ImportOptions, n *notes) []block {
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
	before := a.Dateline
	mergeDateline(a, d, first.line, n)
	cut := strings.TrimSpace(strings.TrimSuffix(nodes[0].Text, rest))
	if a.Dateline != before {
		n.add(first.line, "read the dateline %q from the head of the first paragraph", cut)
	} else {
		n.add(first.line, "cut the dateline %q from the head of the first paragraph: it repeats the dateline given apart", cut)
	}
	nodes = append([]inline.Node{{Kind: inline.Text, Text: rest}}, nodes[1:]...)
	out := append([]block(nil), blocks...)
	out[0].nodes = nodes
	if plainLine(nodes) == "" && !hasMarkup(nodes) {
		out = out[1:]
	}
	return out
}
