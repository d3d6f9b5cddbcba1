// Package wire reads and writes wire copy: a story as a news agency sends
// it in plain text — a section label, the headline, the standfirst, photo
// lines, then the body led by a dateline (TASS, AP or Reuters style), with
// subheads as short lines of their own.
//
// Parse recognises that layout by general rules (see header.go and
// body.go), never by the words of one story; Format writes an article back
// in the same layout, and Parse reads what Format writes back to the same
// article.
package wire

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// line is one line of copy, trimmed of white space at its ends (no-break
// spaces too: Format writes lines trimmed, and what Parse reads must not
// depend on blanks a reader cannot see), with its 1-based number.
type line struct {
	text string
	num  int
}

// block is a run of non-blank lines: a paragraph of wire copy.
type block []line

func (b block) text() string {
	parts := make([]string, len(b))
	for i, l := range b {
		parts[i] = l.text
	}
	return strings.Join(parts, "\n")
}

// maxHeaderBlocks bounds how far Parse looks for the dateline: at most
// this many blocks other than bylines come between the first block and
// the dateline's (the headline under a section label, the standfirst, and
// the photo's caption, credit and copyright when each is a paragraph of
// its own, as in copy pasted from a web page). Byline blocks are not counted, however
// many there are: Format writes a story's bylines in the headline's block
// when it has no dateline, and a bound counted in blocks of any kind
// would then reach further into the body on a second import than on the
// first, and find there a paragraph that reads as a dateline.
const maxHeaderBlocks = 5

// Parse reads wire copy into a draft article. file names the input in
// errors. The copy must be UTF-8 text (a byte-order mark and CRLF line ends
// are fine); anything else, and copy without a headline, gets an
// *editor.InputError. The warnings say what Parse assumed or dropped: a
// year for a dateline that has none, a second photo.
func Parse(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	if err := editor.CheckText(file, data); err != nil {
		return nil, nil, err
	}
	if err := checkControls(file, data); err != nil {
		return nil, nil, err
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	year, yearFrom := opt.Year, "the --year option"
	if year == 0 {
		year, yearFrom = now.Year(), "the import date"
	}
	if year < 1 || year > 9999 {
		return nil, nil, fmt.Errorf("wire: the year %d is out of range: give a year from 1 to 9999", opt.Year)
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	p := &parser{file: file, year: year, yearFrom: yearFrom, a: editor.New(now)}
	if err := p.parse(splitBlocks(text)); err != nil {
		return nil, nil, err
	}
	if len(p.a.Writers()) == 0 {
		if name := strings.TrimSpace(opt.Author); name != "" {
			p.a.Bylines = append(p.a.Bylines, editor.Byline{Name: name, Role: editor.RoleWriter})
		}
	}
	p.a.Language = language(p.a.Headline + "\n" + p.a.Body)
	if err := p.a.Validate(); err != nil {
		return nil, nil, &editor.InputError{File: file, Offset: -1,
			Problem: "the copy does not make a valid article: " + err.Error(),
			Fix:     "shorten or correct the field named and import again"}
	}
	return p.a, p.warnings, nil
}

// checkControls refuses control characters other than tab and line ends:
// the article's fields cannot hold them (ANPA framing bytes, a stray
// escape) and dropping them silently could drop copy.
func checkControls(file string, data []byte) error {
	lineNum := 1
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == '\n' || (r == '\r' && (off+1 == len(data) || data[off+1] != '\n')):
			lineNum++ // LF, CRLF or a lone CR, as splitBlocks counts lines
		case r == '\t' || r == '\r':
		case unicode.IsControl(r):
			return &editor.InputError{File: file, Line: lineNum, Offset: off,
				Problem: fmt.Sprintf("the control character U+%04X at offset %d is not text", r, off),
				Fix:     "remove it (e.g. wire framing bytes) and import again"}
		}
		off += size
	}
	return nil
}

// splitBlocks cuts the copy into paragraphs at blank lines. Lines end at
// LF, CRLF or a lone CR. A line of white space only (no-break spaces
// included, as CommonMark's body parser sees it) is blank.
func splitBlocks(text string) []block {
	var blocks []block
	var cur block
	num := 0
	for len(text) > 0 || num == 0 {
		num++
		i := strings.IndexAny(text, "\r\n")
		var raw string
		if i < 0 {
			raw, text = text, ""
		} else {
			raw = text[:i]
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			text = text[i+1:]
		}
		if strings.TrimSpace(raw) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line{text: strings.TrimSpace(raw), num: num})
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// parser holds what one Parse has found so far.
type parser struct {
	file     string
	year     int
	yearFrom string
	a        *editor.Article
	photo    photoState
	sf       []line // standfirst lines in order
	warnings []editor.Warning
	dropped  int // lines dropped so far
}

func (p *parser) warn(num int, format string, args ...any) {
	p.warnings = append(p.warnings, editor.Warning{Line: num, Message: fmt.Sprintf(format, args...)})
}

// maxDropWarnings bounds the warnings about dropped lines: a file of a
// thousand photo lines needs a few examples and a count, not a thousand
// warnings.
const maxDropWarnings = 10

// excerpt shortens a line quoted in a warning.
func excerpt(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// drop warns that a line was dropped.
func (p *parser) drop(num int, format string, args ...any) {
	p.dropped++
	switch {
	case p.dropped <= maxDropWarnings:
		p.warn(num, format, args...)
	case p.dropped == maxDropWarnings+1:
		p.warn(num, "more photo lines were dropped; only the first %d are listed", maxDropWarnings)
	}
}

func (p *parser) inputError(num int, problem, fix string) error {
	return &editor.InputError{File: p.file, Line: num, Offset: -1, Problem: problem, Fix: fix}
}

// datelineAfter is the index of the dateline paragraph among the blocks
// after the headline's (blocks[i]), looking past at most maxHeaderBlocks
// blocks that are not bylines; -1 when there is none that near the top.
func (p *parser) datelineAfter(blocks []block, i int) int {
	for k, others := i+1, 0; k < len(blocks) && others <= maxHeaderBlocks; k++ {
		if _, _, ok := editor.ParseDateline(blocks[k].text(), p.year); ok {
			return k
		}
		if !allBylines(blocks[k]) {
			others++
		}
	}
	return -1
}

// parse reads the zones of the copy: an optional embargo line and section
// label, the headline, the header lines under it (standfirst, photo,
// bylines), then the body from the dateline paragraph on.
func (p *parser) parse(blocks []block) error {
	if len(blocks) == 0 {
		return p.inputError(0, "no headline: the file holds only white space", "import the file that holds the story")
	}
	i := 0
	if n, ok := noticeLine(blocks[0][0].text); ok && len(blocks[0]) == 1 && len(blocks) > 1 {
		p.a.Notice = n
		blocks = blocks[1:]
	}
	if t, ok := embargoLine(blocks[0][0].text); ok {
		p.a.Embargo = t
		if len(blocks[0]) == 1 {
			i++
		} else {
			blocks[0] = blocks[0][1:]
		}
	}
	if i >= len(blocks) {
		return p.inputError(blocks[0][0].num, "no headline: the copy has only an embargo line", "the headline is the first line of the story")
	}
	if _, _, ok := editor.ParseDateline(blocks[i].text(), p.year); ok {
		return p.inputError(blocks[i][0].num, "no headline: the copy starts with the dateline paragraph",
			"put the headline on the first line, followed by a blank line")
	}
	dl := p.datelineAfter(blocks, i)
	zoneEnd := len(blocks)
	if dl >= 0 {
		zoneEnd = dl
	}
	if zoneEnd-i >= 2 && len(blocks[i]) == 1 && isSectionLabel(blocks[i][0].text, p.year) && isHeadlineLike(blocks[i+1][0].text, p.year) {
		p.a.Section = blocks[i][0].text
		i++
	}
	head := blocks[i]
	p.a.Headline = strings.TrimSpace(head[0].text)
	if n := utf8.RuneCountInString(p.a.Headline); n > editor.MaxHeadlineChars {
		return p.inputError(head[0].num, fmt.Sprintf("the headline (the first line) is %d characters, over the limit of %d", n, editor.MaxHeadlineChars),
			"check that this is wire copy: the headline stands alone on the first line")
	}
	header := []block{head[1:]}
	i++
	if dl >= 0 {
		header = append(header, blocks[i:dl]...)
		i = dl
	} else {
		// Without a dateline near the top the body starts right after the
		// headline's block; only byline lines may come between — and
		// after any number of them, the dateline may still open the body.
		for i < len(blocks) && allBylines(blocks[i]) {
			header = append(header, blocks[i])
			i++
		}
		if i < len(blocks) {
			if _, _, ok := editor.ParseDateline(blocks[i].text(), p.year); ok {
				dl = i
			}
		}
	}
	p.header(header)
	return p.body(blocks[i:], dl >= 0)
}

// noticeLine reads "KILL: note" or "WITHHELD: note", the line Format
// writes first under a notice.
func noticeLine(s string) (editor.Notice, bool) {
	for _, kind := range []editor.NoticeKind{editor.NoticeKill, editor.NoticeWithhold} {
		n := editor.Notice{Kind: kind}
		if note, ok := strings.CutPrefix(s, n.Lead()+": "); ok && strings.TrimSpace(note) != "" {
			n.Note = strings.TrimSpace(note)
			return n, true
		}
	}
	return editor.Notice{}, false
}

// embargoLine reads "EMBARGOED UNTIL <RFC 3339 time>", the line Format
// writes first for an embargoed story.
func embargoLine(s string) (time.Time, bool) {
	const prefix = "EMBARGOED UNTIL "
	if !strings.HasPrefix(s, prefix) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s[len(prefix):]))
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// language is the copy's language as editor.DetectLanguage tells it;
// English when the copy is too short to tell.
func language(text string) string {
	if l := editor.DetectLanguage(text); l != "" {
		return l
	}
	return "en"
}
