package wire

import (
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// Format writes the article as plain-text wire copy in the layout of the
// TASS fixture, the dateline in the given house style:
//
//	KILL: … or WITHHELD: …             only under a kill or withhold notice
//	EMBARGOED UNTIL <time>             only for an embargoed story
//	Section
//
//	Headline
//
//	Standfirst
//	Caption Credit                     the photo lines, as agencies run them
//	Caption
//	© Copyright
//
//	By Name, Title                     bylines and credits, if any
//
//	DATELINE. First paragraph …
//
//	Subhead
//
//	> A block quote, each line marked
//
//	CORRECTION: …
//
// Emphasis and code marks go; a link is written "text (address)". The
// ednote never appears. Lines end in "\n", the file with one.
//
// A block quote keeps its "> " marks: plain-text readers know them from
// mail, no wire paragraph starts with ">", and Parse reads them back as a
// quote instead of folding it into the paragraphs.
//
// Parse reads the output back to the same article (the house style may
// drop dateline fields: TASS shows no region, AP no date, none the year).
// For that, the layout bends in two places: a headline that would read as
// a section label, a standfirst or caption that would read as the
// dateline, or copy with no dateline to mark where the body starts, gets
// the standfirst, photo and byline lines in the headline's block, directly
// under it; and photo lines come before the standfirst when they
// have no caption (so the standfirst is not read as their caption) or when
// the standfirst would pair with them as a caption run together.
func Format(a *editor.Article, style editor.Style) []byte {
	var blocks [][]string
	if n := a.Notice; !n.IsZero() {
		blocks = append(blocks, []string{n.Lead() + ": " + oneLine(n.Note)})
	}
	if !a.Embargo.IsZero() {
		blocks = append(blocks, []string{"EMBARGOED UNTIL " + a.Embargo.UTC().Format(time.RFC3339Nano)})
	}
	if s := oneLine(a.Section); s != "" {
		blocks = append(blocks, []string{s})
	}
	headline := oneLine(a.Headline)
	dateline := a.Dateline.RenderText(style, a.Language)
	year := 2000 // any leap year: only whether the dateline reads back matters
	if t, ok := a.Dateline.Day(); ok {
		year = t.Year()
	}
	_, _, datelineReads := editor.ParseDateline(dateline+" x", year)

	blocks = append(blocks, headlineBlocks(a, headline, year, datelineReads)...)

	pending := dateline // the dateline, until it has led a paragraph
	body := editor.ParseBody(a.Body)
	for i, b := range body {
		lines := plainLines(b.Text)
		if len(lines) == 0 {
			continue
		}
		switch b.Kind {
		case editor.Paragraph:
			// A short paragraph would read back as a subhead: wrapped
			// over two lines it reads as the paragraph it is.
			if len(lines) == 1 && i+1 < len(body) && (pending == "" || i > 0) && isSubhead(lines[0]) {
				lines = wrapInTwo(lines[0])
			}
		case editor.Subhead:
			lines = []string{strings.Join(lines, " ")}
		case editor.Quote:
			for i, l := range lines {
				lines[i] = "> " + l
			}
		}
		if pending != "" {
			if b.Kind == editor.Paragraph {
				lines[0] = pending + " " + lines[0]
			} else {
				blocks = append(blocks, []string{pending})
			}
			pending = ""
		}
		blocks = append(blocks, lines)
	}
	if pending != "" {
		blocks = append(blocks, []string{pending})
	}
	if c := textLines(a.Correction); len(c) > 0 {
		c[0] = correctionLead + " " + c[0]
		blocks = append(blocks, c)
	}

	return joinBlocks(blocks)
}

// headlineBlocks are the headline with the standfirst, photo and byline
// lines: in the headline's block when the dateline would not read back
// apart from them, else in blocks of their own under it.
func headlineBlocks(a *editor.Article, headline string, year int, datelineReads bool) [][]string {
	photo, captioned := photoLines(a.Photo)
	var lead []string // standfirst and photo lines
	sf := oneLine(a.Standfirst)
	if _, pairs := splitPair(sf, firstOf(photo)); captioned && !pairs {
		lead = append(appendNonEmpty(nil, sf), photo...)
	} else {
		lead = appendNonEmpty(photo, sf)
	}
	bylines := bylineLines(a.Bylines)
	_, _, leadReadsAsDateline := editor.ParseDateline(firstOf(lead), year)
	if !datelineReads || leadReadsAsDateline || (oneLine(a.Section) == "" && isSectionLabel(headline, year)) {
		return [][]string{append(append([]string{headline}, lead...), bylines...)}
	}
	blocks := [][]string{{headline}}
	if len(lead) > 0 {
		blocks = append(blocks, lead)
	}
	if len(bylines) > 0 {
		blocks = append(blocks, bylines)
	}
	return blocks
}

// joinBlocks writes the blocks' lines with a blank line between blocks.
func joinBlocks(blocks [][]string) []byte {
	var out strings.Builder
	for i, b := range blocks {
		if i > 0 {
			out.WriteString("\n")
		}
		for _, l := range b {
			out.WriteString(l)
			out.WriteString("\n")
		}
	}
	return []byte(out.String())
}

// photoLines are the photo as agencies run it: caption and credit run
// together, then the caption, then the copyright line. When the credit
// cannot run on (it is no name, or the joined line would read as another
// header line), the caption is repeated alone — the run-together line with
// nothing to run on — and the credit follows as "Photo: …".
func photoLines(ph editor.Photo) (lines []string, captioned bool) {
	c, r, cp := oneLine(ph.Caption), oneLine(ph.Credit), oneLine(ph.Copyright)
	run := c + " " + r
	switch {
	case c != "" && r != "" && isCreditLike(r) && pairable(classify(run), run):
		lines = []string{run, c}
	case c != "":
		lines = []string{c, c}
		if r != "" {
			lines = append(lines, "Photo: "+r)
		}
	case r != "":
		lines = []string{"Photo: " + r}
	}
	if cp != "" {
		if !isCopyright(cp) {
			cp = "© " + cp
		}
		lines = append(lines, cp)
	}
	return lines, c != ""
}

// bylineLines writes one line per person: "By NAME" for writers, the role
// for credits, ", TITLE" when there is one.
func bylineLines(bylines []editor.Byline) []string {
	var lines []string
	for _, b := range bylines {
		name := oneLine(b.Name)
		if name == "" {
			continue
		}
		lead := "By "
		switch b.Role {
		case editor.RolePhotographer:
			lead = "Photographer: "
		case editor.RoleEditor:
			lead = "Editor: "
		case editor.RoleTranslator:
			lead = "Translator: "
		}
		l := lead + name
		if t := oneLine(b.Title); t != "" {
			l += ", " + t
		}
		lines = append(lines, l)
	}
	return lines
}

// plainLines renders a block's inline CommonMark as the lines a reader
// sees: markup gone, links as "text (address)", blank lines dropped (a
// blank line would split the block).
//
// Text the importer escaped has no markup (literalText): it is unescaped
// in linear time. Markup typed in the editor is read by the desk's
// CommonMark reader.
func plainLines(md string) []string {
	if t, ok := literalText(md); ok {
		return textLines(t)
	}
	var b strings.Builder
	writePlain(&b, inline.Parse(md))
	return textLines(b.String())
}

func writePlain(b *strings.Builder, nodes []inline.Node) {
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text, inline.Code:
			b.WriteString(n.Text)
		case inline.Break:
			b.WriteByte('\n')
		case inline.Link:
			var text strings.Builder
			writePlain(&text, n.Kids)
			t := text.String()
			href, ok := inline.SafeHref(n.Href)
			switch {
			case !ok:
				// javascript:, data: and the like: the text alone, as
				// every other format writes such a link.
				b.WriteString(t)
			case t == n.Href || t == href || "mailto:"+t == n.Href:
				b.WriteString(t)
			case t == "":
				b.WriteString(href)
			default:
				b.WriteString(t + " (" + href + ")")
			}
		default:
			writePlain(b, n.Kids)
		}
	}
}

// textLines splits text into trimmed, non-blank lines.
func textLines(s string) []string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// oneLine is a one-line field as Format writes it: line breaks become
// spaces, the ends are trimmed.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Join(textLines(s), " "))
}

func firstOf(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[0]
}

func appendNonEmpty(lines []string, s ...string) []string {
	for _, x := range s {
		if x != "" {
			lines = append(lines, x)
		}
	}
	return lines
}

// wrapInTwo breaks a line at its last space, so that a short paragraph is
// not taken for a subhead (which is always one line); a line of one word
// stays as it is.
func wrapInTwo(s string) []string {
	i := strings.LastIndex(s, " ")
	if i <= 0 || strings.TrimSpace(s[:i]) == "" {
		return []string{s}
	}
	return []string{s[:i], s[i+1:]}
}
