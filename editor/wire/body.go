package wire

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// correctionLead opens the paragraph Format writes for a.Correction.
const correctionLead = "CORRECTION:"

// The body is read by these rules:
//
//   - The dateline is cut from the first paragraph; what follows it is the
//     first paragraph, always a paragraph (when the dateline stands alone,
//     the next block is).
//   - A last paragraph opening "CORRECTION:" is the correction.
//   - A paragraph whose every line starts with ">" is a block quote.
//   - A short single-line paragraph — up to 20 words, a capital or digit
//     first, no sentence punctuation at its end, no quote marks — is a
//     subhead, unless it is the last paragraph (a subhead heads something).
//   - Everything else is a paragraph, its lines and characters as sent.
//
// Wire copy is plain text and the body is CommonMark, so the text is
// escaped where CommonMark would read markup into it (see escapeInline:
// only where needed, so plain copy stays byte for byte).
func (p *parser) body(blocks []block, hasDateline bool) error {
	size := 0
	for _, b := range blocks {
		for _, l := range b {
			size += len(l.text) + 1
		}
	}
	if size > editor.MaxBodyBytes {
		return p.inputError(blocks[0][0].num, fmt.Sprintf("the body is about %d bytes, over the limit of %d", size, editor.MaxBodyBytes),
			"split the story, or check that this is the right file")
	}
	if n := len(blocks); n > 0 && !(hasDateline && n == 1) {
		if c, ok := correction(blocks[n-1]); ok {
			p.a.Correction = c
			blocks = blocks[:n-1]
		}
	}
	var out []editor.Block
	first := true // the next block is the first paragraph
	if hasDateline {
		b := blocks[0]
		d, rest, _ := editor.ParseDateline(b.text(), p.year)
		p.a.Dateline = d
		if d.DateAssumed {
			p.warn(b[0].num, "the dateline gives no year: assumed %d from %s; check the date", p.year, p.yearFrom)
		}
		blocks = blocks[1:]
		if rest != "" {
			out = append(out, bodyBlock(editor.Paragraph, rest))
			first = false
		}
	} else {
		p.warn(0, "no dateline (TASS, AP or Reuters style) opens a paragraph near the top: the story has none; add it in the editor")
	}
	for k, b := range blocks {
		last := k == len(blocks)-1
		switch {
		case first:
			out = append(out, bodyBlock(editor.Paragraph, b.text()))
			first = false
		case isQuoteBlock(b):
			out = append(out, bodyBlock(editor.Quote, unquote(b)))
		case len(b) == 1 && !last && isSubhead(b[0].text):
			out = append(out, bodyBlock(editor.Subhead, strings.TrimSpace(b[0].text)))
		default:
			out = append(out, bodyBlock(editor.Paragraph, b.text()))
		}
	}
	p.a.Body = editor.FormatBody(out)
	return nil
}

// bodyBlock turns plain copy into a body block of inline CommonMark.
func bodyBlock(kind editor.BlockKind, text string) editor.Block {
	md := escapeInline(text)
	if kind == editor.Subhead {
		md = escapeClosingHashes(md)
	}
	return editor.Block{Kind: kind, Text: md}
}

// escapeClosingHashes escapes a trailing run of "#" in a subhead, which
// CommonMark would read as the heading's closing sequence and drop.
func escapeClosingHashes(md string) string {
	i := strings.LastIndexAny(md, " \t")
	tail := md[i+1:]
	if tail == "" || strings.Trim(tail, "#") != "" {
		return md
	}
	return md[:i+1] + `\` + tail
}

// correction reads the final "CORRECTION: …" paragraph.
func correction(b block) (string, bool) {
	if !strings.HasPrefix(b[0].text, correctionLead) {
		return "", false
	}
	lines := []string{strings.TrimSpace(b[0].text[len(correctionLead):])}
	for _, l := range b[1:] {
		lines = append(lines, strings.TrimSpace(l.text))
	}
	c := strings.TrimSpace(strings.Join(lines, "\n"))
	return c, c != ""
}

// isQuoteBlock: every line starts with ">" and something is quoted.
func isQuoteBlock(b block) bool {
	for _, l := range b {
		if !strings.HasPrefix(l.text, ">") {
			return false
		}
	}
	return unquote(b) != ""
}

// unquote removes one ">" level from each line; empty lines go.
func unquote(b block) string {
	var lines []string
	for _, l := range b {
		t := strings.TrimSpace(strings.TrimPrefix(l.text, ">"))
		if strings.TrimSpace(t) != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n")
}

// maxSubheadWords bounds a subhead: the fixture's longest has 13 words,
// a one-sentence paragraph rarely fewer than 20.
const maxSubheadWords = 20

// isSubhead: a short line that heads what follows, not a sentence.
func isSubhead(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxSubheadWords || utf8.RuneCountInString(s) > 200 || hasQuote(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	return !endsSentence(words[len(words)-1]) && !strings.HasSuffix(s, ".")
}
