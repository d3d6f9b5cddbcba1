package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
)

// Parse reads a Markdown file as an article. file names the file in errors
// and warnings; it is not opened.
//
// The file must be UTF-8 text (editor.CheckText); a byte-order mark and
// CRLF or CR line ends are accepted. It may start with a YAML front matter
// between two "---" lines (the closing one may also be "..."), holding the
// fields Format writes, plus "ednote" (a reporter's note to the desk is
// taken in, though it is never written out).
//
//   - A key Parse does not know is dropped with a Warning naming it and its
//     line. A value of the wrong type (tags: 5, a date that is not a date)
//     is an *editor.InputError naming the key and its line.
//   - A missing id gets a new one (editor.NewID); missing created and
//     modified get opt.Now (or each other, if only one is missing and now
//     would put modified before created); a missing status is draft and a
//     missing language "en", as in editor.New.
//   - Times are RFC 3339; they come back in UTC when their offset is zero
//     and in a fixed zone of their offset otherwise.
//
// Without a headline in the front matter (or without a front matter) the
// headline is the body's first block, which must be a level-1 heading
// ("# Headline", or "Headline" underlined with "==="). If the block after
// it is a paragraph wholly in single emphasis ("*…*" or "_…_") and the
// standfirst is not set otherwise, that paragraph is the standfirst. No
// other paragraph is ever taken for the headline or the standfirst: a file
// without either headline is an error.
//
// The rest is the body, normalised through editor.ParseBody and
// editor.FormatBody: paragraphs, "##" subheads and "> " quotes, one blank
// line between blocks. Markdown a news body has no place for (other heading
// levels, lists, code, rules, tables, raw HTML) keeps its text and loses
// its structure; each such line is reported as a Warning. A dateline
// leading the first paragraph of a file without front matter becomes the
// dateline (editor.ParseDateline; a missing year is opt.Year, else the
// year of opt.Now, marked as assumed); with a front matter it stays in the
// body, since the front matter says what the dateline is.
//
// The article must pass Validate; its error comes back wrapped with the
// file name and the line of the offending key where known
// (editor.AsValidation finds it).
func Parse(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	if err := editor.CheckText(file, data); err != nil {
		return nil, nil, err
	}
	src := newSource(file, data)
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	a := editor.New(now) // the defaults: a new ID, draft, "en"
	stamp := a.Created   // now as editor.New stamps it: UTC, whole milliseconds
	a.Created, a.Modified = time.Time{}, time.Time{}

	var (
		warns []editor.Warning
		lines = map[string]int{}
		fm    fields
	)
	body, bodyLine := src.text, 1
	yamlText, yamlLine, rest, restLine, has, err := src.splitFrontMatter()
	if err != nil {
		return nil, nil, err
	}
	if has {
		r := &fmReader{src: src, firstLine: yamlLine, a: a, lines: lines}
		if err := r.read(yamlText); err != nil {
			return nil, nil, err
		}
		warns = append(warns, r.warnings...)
		fm = r.set
		body, bodyLine = rest, restLine
	}

	bodyLines := strings.Split(body, "\n")
	if !fm.headline || strings.TrimSpace(a.Headline) == "" {
		skip, err := takeTitles(a, fm, bodyLines, bodyLine, lines)
		if err != nil {
			return nil, nil, noHeadline(src, has, bodyLines, bodyLine)
		}
		bodyLines = bodyLines[skip:]
		bodyLine += skip
	}
	warns = append(warns, structureWarnings(bodyLines, bodyLine)...)
	lines["body"] = bodyLine
	blocks := editor.ParseBody(strings.Join(bodyLines, "\n"))
	if !has {
		warns = append(warns, takeDateline(a, blocks, opt, now, bodyLines, bodyLine)...)
	}
	a.Body = editor.FormatBody(blocks)

	if a.ID == "" { // "id:" with no value
		a.ID = editor.NewID()
	}
	stampTimes(a, fm, stamp)
	a.Tags = editor.NormalizeTags(a.Tags)
	if len(a.Bylines) == 0 && strings.TrimSpace(opt.Author) != "" {
		a.Bylines = []editor.Byline{{Name: strings.TrimSpace(opt.Author), Role: editor.RoleWriter}}
	}

	if err := a.Validate(); err != nil {
		return nil, nil, src.validationError(err, lines)
	}
	return a, warns, nil
}

// errNoHeadline is takeTitles' "no headline": Parse says where it looked.
var errNoHeadline = errors.New("no headline")

// takeTitles takes the headline, and the standfirst unless the front
// matter gave one, from the top of the body, noting their lines; skip is
// how many body lines they took.
func takeTitles(a *editor.Article, fm fields, bodyLines []string, bodyLine int, lines map[string]int) (skip int, err error) {
	h, ok := takeHeadline(bodyLines)
	if !ok {
		return 0, errNoHeadline
	}
	a.Headline = h.text
	lines["headline"] = bodyLine + h.line
	skip = h.next
	if !fm.standfirst || a.Standfirst == "" {
		if s, ok := takeStandfirst(bodyLines, h.next); ok {
			a.Standfirst = s.text
			lines["standfirst"] = bodyLine + s.line
			skip = s.next
		}
	}
	return skip, nil
}

// stampTimes gives the article the import's time stamp where the front
// matter gave no created or modified time, keeping created ≤ modified.
func stampTimes(a *editor.Article, fm fields, stamp time.Time) {
	switch {
	case !fm.created && !fm.modified:
		a.Created, a.Modified = stamp, stamp
	case !fm.created:
		a.Created = stamp
		if a.Created.After(a.Modified) {
			a.Created = a.Modified
		}
	case !fm.modified:
		a.Modified = stamp
		if a.Modified.Before(a.Created) {
			a.Modified = a.Created
		}
	}
}

// takeDateline cuts a dateline that leads the first paragraph of a file
// without front matter (where the dateline has no field of its own) and
// keeps it as the article's dateline. A dateline without a year gets
// opt.Year, else the year of now, marked as assumed, with a warning.
func takeDateline(a *editor.Article, blocks []editor.Block, opt editor.ImportOptions, now time.Time, lines []string, firstLine int) []editor.Warning {
	if len(blocks) == 0 || blocks[0].Kind != editor.Paragraph {
		return nil
	}
	year := opt.Year
	if year == 0 {
		year = now.Year()
	}
	d, rest, ok := editor.ParseDateline(blocks[0].Text, year)
	if !ok {
		return nil
	}
	a.Dateline = d
	blocks[0].Text = rest
	if !d.DateAssumed {
		return nil
	}
	return []editor.Warning{{Line: firstLine + skipBlank(lines, 0),
		Message: fmt.Sprintf("the dateline gives no year: %d assumed (dateline.date %s); confirm it", year, d.Date)}}
}

// fields records which front-matter keys were present, where presence
// changes what Parse fills in.
type fields struct {
	headline, standfirst, created, modified bool
}

// source is the file being parsed: its name, the original bytes (for
// offsets) and the text with the byte-order mark removed and every line
// end made LF. CRLF and a lone CR end a line in CommonMark and in YAML
// alike, so the text reads the same, and line n is line n in both.
type source struct {
	file string
	data []byte
	text string
}

var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

func newSource(file string, data []byte) *source {
	text := strings.TrimPrefix(string(data), "\ufeff")
	if strings.IndexByte(text, '\r') >= 0 { // the replacer's scan costs a quarter of an import
		text = lineEnds.Replace(text)
	}
	return &source{file: file, data: data, text: text}
}

// lineOffset is the byte offset in the original file of the start of line
// n (1-based), or -1 when there is no such line.
func (s *source) lineOffset(n int) int {
	if n < 1 {
		return -1
	}
	off := 0
	if strings.HasPrefix(string(s.data), "\ufeff") {
		off = len("\ufeff")
	}
	for line := 1; line < n; line++ {
		i := bytes.IndexAny(s.data[off:], "\r\n")
		if i < 0 {
			return -1
		}
		off += i + 1
		if s.data[off-1] == '\r' && off < len(s.data) && s.data[off] == '\n' {
			off++
		}
	}
	return off
}

func (s *source) inputError(line int, problem, fix string) *editor.InputError {
	return &editor.InputError{File: s.file, Line: line, Offset: s.lineOffset(line), Problem: problem, Fix: fix}
}

// splitFrontMatter finds a front matter opened by a "---" first line. It
// returns the YAML text and the file line of its first line, and the body
// after the closing line with the body's first line.
func (s *source) splitFrontMatter() (yamlText string, yamlLine int, body string, bodyLine int, has bool, err error) {
	first, rest, _ := strings.Cut(s.text, "\n")
	if strings.TrimRight(first, " \t") != fence {
		return "", 0, s.text, 1, false, nil
	}
	lines := strings.Split(rest, "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == fence || l == "..." {
			return strings.Join(lines[:i], "\n"), 2, strings.Join(lines[i+1:], "\n"), i + 3, true, nil
		}
	}
	return "", 0, "", 0, false, s.inputError(1,
		"the front matter opened by \"---\" on line 1 is never closed",
		"end the metadata with a line \"---\" before the body (or, if the file has no metadata, delete the first line)")
}

// validationError wraps a Validate error with the file name and the line
// of the first field it names, when that field came from a known line.
func (s *source) validationError(err error, lines map[string]int) error {
	where := s.file
	if where == "" {
		where = "input"
	}
	if v, ok := editor.AsValidation(err); ok && len(v.Problems) > 0 {
		if n := fieldLine(v.Problems[0].Field, lines); n > 0 {
			where = fmt.Sprintf("%s:%d", where, n)
		}
	}
	return fmt.Errorf("%s: %w", where, err)
}

// fieldLine finds the line of a field named as FieldError names it
// ("bylines[2].role"), falling back to its parents ("bylines[2]",
// "bylines").
func fieldLine(field string, lines map[string]int) int {
	for field != "" {
		if n, ok := lines[field]; ok {
			return n
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			return 0
		}
		field = field[:i]
	}
	return 0
}

func noHeadline(src *source, hasFrontMatter bool, lines []string, firstLine int) error {
	fix := "start the file with a line \"# Headline\", or give it a front matter with \"headline: …\""
	if hasFrontMatter {
		fix = "add \"headline: …\" to the front matter, or start the body with a line \"# Headline\""
	}
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			return src.inputError(firstLine+i, "the file has no headline: the first block is not a level-1 heading", fix)
		}
	}
	return &editor.InputError{File: src.file, Offset: -1, Problem: "the file has no headline", Fix: fix}
}
