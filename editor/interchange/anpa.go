package interchange

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// The control characters that frame wire messages (ANPA-1312, IPTC 7901).
const (
	soh = 0x01 // start of heading
	stx = 0x02 // start of text
	etx = 0x03 // end of text
	eot = 0x04 // end of transmission
	syn = 0x16 // synchronous idle, before SOH
	us  = 0x1f // unit separator, after the ANPA story number
)

// maxWireMessages bounds the messages of one file: a capture of a day's
// wire is split by the feed software; a file of a million SOHs is not copy.
const maxWireMessages = 1000

// IsWire reports whether data is framed wire copy: it starts with SOH,
// after any SYN, CR or LF (ANPA sends SYN SYN SOH).
func IsWire(data []byte) bool {
	head := bytes.TrimLeft(data, "\x16\r\n")
	return len(head) > 0 && head[0] == soh
}

// ParseWire reads ANPA-1312 or IPTC 7901 wire copy: one or more messages,
// each SOH heading STX text ETX (then a transmission time and EOT). The
// heading gives the priority (urgency), the category (section) and the
// keyword (slug); the text's heading lines give headline and byline, and a
// dateline such as "WASHINGTON (AP) —" or "Washington (dpa) -" heads the
// first paragraph. Bytes that are not UTF-8 are read as Latin-1 (Windows
// 1252, which agencies send under that name), and said.
func ParseWire(file string, data []byte, opt editor.ImportOptions) ([]Item, error) {
	if len(data) == 0 {
		return nil, &editor.InputError{File: file, Offset: -1, Problem: "the file is empty", Fix: "choose the file that holds the story"}
	}
	if len(data) > editor.MaxImportBytes {
		return nil, &editor.InputError{File: file, Offset: -1, Problem: fmt.Sprintf("the file is %d bytes, over the import limit of %d", len(data), editor.MaxImportBytes), Fix: "a story is far smaller: check that this is the right file"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &editor.InputError{File: file, Line: lineAt(data, int64(i)), Offset: i, Problem: fmt.Sprintf("the file is binary (a NUL byte at offset %d)", i), Fix: "import the wire file as the feed wrote it"}
	}
	var top notes
	text := string(data)
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, &editor.InputError{File: file, Offset: -1, Problem: "the file is neither UTF-8 nor Latin-1: " + err.Error(), Fix: "convert it to UTF-8 first"}
		}
		text = string(dec)
		top.add(0, "the file is not UTF-8: read as Latin-1 (Windows-1252), check accented letters")
	}
	msgs := splitWire(text)
	if len(msgs) == 0 {
		return nil, &editor.InputError{File: file, Line: 1, Offset: -1, Problem: "no wire message: the file has no SOH … STX heading", Fix: "import it as plain text, or ask the sender for the file as the feed wrote it"}
	}
	if len(msgs) > maxWireMessages {
		return nil, &editor.InputError{File: file, Offset: -1, Problem: fmt.Sprintf("the file holds more than %d wire messages", maxWireMessages), Fix: "split it: a wire file holds one story, or a few"}
	}
	var out []Item
	for _, m := range msgs {
		it, err := readWireMessage(file, m, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	out[0].Warnings = append(top.warnings(), out[0].Warnings...)
	return out, nil
}

// wireMessage is one SOH … ETX message, split at STX.
type wireMessage struct {
	heading, text string
	line          int  // the line the message starts on
	open          bool // no ETX: the text ran to the end of the file
}

func splitWire(s string) []wireMessage {
	var out []wireMessage
	for {
		i := strings.IndexByte(s, soh)
		if i < 0 || len(out) > maxWireMessages {
			return out
		}
		line := strings.Count(s[:i], "\n") + 1
		if len(out) > 0 {
			line += out[len(out)-1].line - 1
		}
		s = s[i+1:]
		j := strings.IndexByte(s, stx)
		if j < 0 {
			return out
		}
		m := wireMessage{heading: s[:j], line: line}
		s = s[j+1:]
		k := strings.IndexByte(s, etx)
		if k < 0 {
			k, m.open = len(s), true
			if e := strings.IndexByte(s, eot); e >= 0 {
				k = e
			}
		}
		m.text = s[:k]
		s = s[k:]
		out = append(out, m)
	}
}

// wireHeading is what a message heading says.
type wireHeading struct {
	source, priority, category, keyword, version string
	filed                                        string // ANPA's filing date, "10-16"
	anpa                                         bool   // ANPA-1312 (else IPTC 7901)
}

var (
	// ANPA: [service level][story number][UPI] US selector LF priority SP
	// category format-codes SP keyword SP version SP reference SP date SP count.
	anpaSecond = regexp.MustCompile(`^([a-zA-Z]) ([a-zA-Z])[\x11-\x14]*\s+(\S+)(?:\s+(\S*))?`)
	// IPTC 7901: source and number, priority digit, category, word count,
	// then optional text (a keyword).
	anpaDate    = regexp.MustCompile(`^\d\d-\d\d$`)
	anpaVersion = regexp.MustCompile(`^(\d{1,3})(?:st|nd|rd|th)`)
	iptcHeading = regexp.MustCompile(`^\s*([A-Za-z]{2,8})\s*\d*\s+([1-6])\s+([A-Za-z]{1,3})\s+\d{1,5}(?:\s+(.*))?$`)
)

func readHeading(h string) wireHeading {
	lines := strings.Split(strings.ReplaceAll(h, "\r", ""), "\n")
	if len(lines) >= 2 {
		if m := anpaSecond.FindStringSubmatch(lines[1]); m != nil {
			src := strings.TrimSpace(lines[0])
			if i := strings.IndexByte(src, us); i >= 0 {
				src = strings.TrimSpace(src[i+1:])
			}
			h := wireHeading{source: src, priority: m[1], category: m[2], keyword: m[3], version: m[4], anpa: true}
			for _, tok := range strings.Fields(lines[1]) {
				if anpaDate.MatchString(tok) {
					h.filed = tok
				}
			}
			return h
		}
	}
	one := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, h)), " ")
	if m := iptcHeading.FindStringSubmatch(one); m != nil {
		return wireHeading{source: m[1], priority: m[2], category: m[3], keyword: strings.TrimSpace(m[4])}
	}
	return wireHeading{}
}

// anpaUrgency maps ANPA's priority letters onto IPTC urgency (1 most
// urgent … 9): flash, bulletin, urgent, routine, deferred; advisories and
// specials sit between urgent and routine.
var anpaUrgency = map[string]int{"f": 1, "b": 2, "u": 3, "s": 4, "a": 4, "r": 5, "d": 6}

// wireSections are the category codes agencies use most (ANPA letters,
// IPTC 7901 codes such as dpa's), as section names.
var wireSections = map[string]string{
	"a": "Domestic", "i": "International", "f": "Financial", "s": "Sports", "e": "Entertainment", "w": "Washington",
	"l": "Lifestyle", "k": "Commentary", "v": "Advisories", "n": "State and regional", "p": "Politics", "q": "Results",
	"pl": "Politics", "wi": "Business", "sp": "Sports", "ku": "Culture", "vm": "Miscellaneous", "bi": "Education",
	"eco": "Business", "pol": "Politics", "spo": "Sports", "cul": "Culture", "gen": "General",
}

func readWireMessage(file string, m wireMessage, opt editor.ImportOptions) (Item, error) {
	var n notes
	a := newArticle(opt)
	h := readHeading(m.heading)
	if h.priority == "" {
		return Item{}, &editor.InputError{File: file, Line: m.line, Offset: -1, Problem: fmt.Sprintf("the wire heading %q is neither ANPA-1312 nor IPTC 7901 (no priority and category)", strings.TrimSpace(strings.Map(printable, m.heading))), Fix: "check that this is a wire file as the feed wrote it"}
	}
	if m.open {
		n.add(m.line, "the message has no ETX: read to the end of the file, check that it is whole")
	}
	if u, err := strconv.Atoi(h.priority); err == nil {
		a.Urgency = u
	} else if u, ok := anpaUrgency[strings.ToLower(h.priority)]; ok {
		a.Urgency = u
	} else {
		n.add(m.line, "the priority %q is not one the desk knows: urgency left unset", h.priority)
	}
	if s, ok := wireSections[strings.ToLower(h.category)]; ok {
		a.Section = s
	} else {
		a.Section = h.category
		n.add(m.line, "the category code %q is not one the desk knows: kept as the section, rename it", h.category)
	}
	a.Slug = g2Slug(h.keyword, m.line, &n)
	w := &wireText{a: a, n: &n, opt: opt, line: m.line, keyword: h.keyword}
	w.read(m.text)
	if a.Headline == "" && len(w.blocks) == 0 {
		return Item{}, &editor.InputError{File: file, Line: m.line, Offset: -1, Problem: "the wire message has neither a headline nor body text", Fix: "check that the file holds a story"}
	}
	a.Body = formatBody(w.blocks, &n)
	finish(a, opt, &n)
	// An ANPA story is known by its source, keyword and filing day: the
	// write-throughs of one story share them. IPTC 7901 gives no day, and
	// its keywords ("Deutschland/Konjunktur/") recur daily: no identity.
	guid := ""
	if h.anpa && h.keyword != "" && h.filed != "" {
		guid = "wire:" + strings.ToLower(h.source) + ":" + strings.ToLower(h.keyword) + ":" + h.filed
	}
	return Item{Article: a, Warnings: n.warnings(), GUID: guid, Version: wireVersion(h.version)}, nil
}

// wireVersion reads ANPA's version field: "1stLd-Writethru", "7thWritethru"
// are the 2nd and 8th versions of the story; none is the first.
func wireVersion(v string) int {
	m := anpaVersion.FindStringSubmatch(v)
	if m == nil {
		return 1
	}
	k, _ := strconv.Atoi(m[1])
	return k + 1
}

func printable(r rune) rune {
	if r < 0x20 {
		return ' '
	}
	return r
}

// wireText reads a message's text: heading lines (ANPA's ^…< lines, 7901's
// keyword line and "=" terminated headline), then paragraphs, each
// indented or after a blank line.
type wireText struct {
	a       *editor.Article
	n       *notes
	opt     editor.ImportOptions
	line    int
	keyword string
	blocks  []block
	para    []string
	paraAt  int // the line the paragraph being read starts on
}

// anpaCodes are the typesetting codes ANPA lines end with (and 7901's
// "=" after the headline).
const anpaCodes = "<=>@"

func (w *wireText) read(text string) {
	lines := strings.Split(strings.ReplaceAll(text, "\r", ""), "\n")
	for i := range lines {
		lines[i] = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' {
				return -1
			}
			return r
		}, lines[i])
	}
	lines = w.cutTrailer(lines)
	inBody := false
	afterBy := false
	for i, raw := range lines {
		ln := w.line + 1 + i
		t := strings.TrimSpace(raw)
		indented := strings.HasPrefix(raw, "\t") || strings.HasPrefix(raw, "  ")
		if !inBody {
			if t == "" {
				continue
			}
			heading := strings.HasPrefix(t, "^") || w.a.Headline == "" || afterBy || wireLabel(t)
			if indented || !heading {
				inBody = true
			} else {
				afterBy = w.headingLine(t, ln, afterBy)
				continue
			}
		}
		if t == "" || indented {
			w.flush()
		}
		if t != "" {
			if len(w.para) == 0 {
				w.paraAt = ln
			}
			w.para = append(w.para, strings.TrimRight(strings.TrimLeft(t, "^"), anpaCodes))
		}
	}
	w.flush()
	w.leadingDateline()
}

// wireLabel reports whether a line before the body is a labelled note or
// a byline, not copy.
func wireLabel(t string) bool {
	low := strings.ToLower(strings.TrimPrefix(t, "^"))
	for _, p := range []string{"by ", "eds:", "update:", "index:", "symbol:", "code:", "hl:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// wireTrailer matches the lines a wire message ends with: (END), -0-, the
// ANPA sign-off "AP-WF-10-16-24 1345GMT", 7901's initials "dpa ab xx".
var wireTrailer = regexp.MustCompile(`^(\(END\)|\(MORE\)|-0-|[A-Z]{2,4}-[A-Z]{2,4}-\d\d-\d\d-\d\d \d{4}[A-Z]{0,4}<?|[a-z]{2,4}( [a-z0-9]{1,4}){1,6})$`)

// cutTrailer drops the sign-off lines at the end of the text (only there:
// a short line in the copy is copy).
func (w *wireText) cutTrailer(lines []string) []string {
	for len(lines) > 0 {
		t := strings.TrimSpace(lines[len(lines)-1])
		if t != "" && !wireTrailer.MatchString(t) {
			break
		}
		if t != "" {
			w.n.add(w.line+len(lines), "dropped the wire's end line %q", t)
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

// headingLine reads one line before the body. afterBy says the line
// before was a byline: a title or the agency's name may follow it.
func (w *wireText) headingLine(t string, ln int, afterBy bool) bool {
	t = strings.TrimSpace(strings.TrimRight(strings.TrimPrefix(t, "^"), anpaCodes))
	low := strings.ToLower(t)
	switch {
	case t == "":
	case w.keyword != "" && strings.HasPrefix(low, strings.ToLower(w.keyword)):
		// The keyword repeated, perhaps with its version.
	case strings.HasSuffix(t, "/") && !strings.Contains(t, " ") && w.a.Slug == "":
		w.a.Slug = g2Slug(t, ln, w.n) // 7901's keyword line
	case strings.HasPrefix(low, "hl:"):
		w.a.Headline = strings.TrimSpace(t[3:])
	case strings.HasPrefix(low, "by "):
		w.a.Bylines = append(w.a.Bylines, editor.Byline{Name: wireName(strings.TrimSpace(t[3:])), Role: editor.RoleWriter})
		return true
	case strings.HasPrefix(low, "eds:") || strings.HasPrefix(low, "update:") || strings.HasPrefix(low, "index:") || strings.HasPrefix(low, "symbol:") || strings.HasPrefix(low, "code:"):
		w.a.EdNote = strings.TrimSpace(w.a.EdNote + "\n" + t)
	case afterBy && len(w.a.Bylines) > 0:
		if b := &w.a.Bylines[len(w.a.Bylines)-1]; b.Title == "" {
			b.Title = t
		}
		return true
	case w.a.Headline == "":
		w.a.Headline = t
	default:
		w.a.EdNote = strings.TrimSpace(w.a.EdNote + "\n" + t)
		w.n.add(ln, "the heading line %q is kept in the ednote", t)
	}
	return false
}

// wireName is a byline name as the wire sends it, in capitals ("JANE
// DOE"), in the case newsrooms print it ("Jane Doe").
func wireName(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, wd := range words {
		r, size := utf8.DecodeRuneInString(wd)
		words[i] = strings.ToUpper(string(r)) + wd[size:]
	}
	return strings.Join(words, " ")
}

func (w *wireText) flush() {
	if len(w.para) == 0 {
		return
	}
	ln := w.paraAt
	t := strings.Join(w.para, " ")
	w.para = nil
	if strings.Contains(t, " _ ") {
		// ANPA's 7-bit copy writes the dash as an underscore.
		t = strings.ReplaceAll(t, " _ ", " — ")
		w.n.once(ln, "read \" _ \" as a dash (ANPA's 7-bit dash)")
	}
	w.blocks = append(w.blocks, block{kind: editor.Paragraph, nodes: []inline.Node{{Kind: inline.Text, Text: t}}, line: ln})
}

// wireDateline is a dateline at the head of wire copy: a place (and a
// region after a comma), the agency in brackets, a dash (ANPA writes the
// em dash as "_", 7-bit copy as "-" or "--").
var wireDateline = regexp.MustCompile(`^(\p{Lu}[\p{L}.' ’-]*?)(?:, ([\p{L}.' ’-]+?))?\s*\(([^()]{1,40})\)\s*(?:—|–|--|-|_)\s+`)

func (w *wireText) leadingDateline() {
	if len(w.blocks) == 0 {
		return
	}
	first := w.blocks[0].nodes[0].Text
	m := wireDateline.FindStringSubmatchIndex(first)
	if m == nil {
		return
	}
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return first[m[2*k]:m[2*k+1]]
	}
	w.a.Dateline.Place, w.a.Dateline.Region, w.a.Dateline.Source = sub(1), sub(2), sub(3)
	w.n.add(w.blocks[0].line, "cut the dateline %q from the head of the first paragraph (it is in the dateline fields)", strings.TrimSpace(first[:m[1]]))
	rest := first[m[1]:]
	if rest == "" {
		w.blocks = w.blocks[1:]
		return
	}
	w.blocks[0].nodes = []inline.Node{{Kind: inline.Text, Text: rest}}
}
