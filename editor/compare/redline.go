package compare

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"copydesk/editor"
)

// ReportMeta says what a report compares: the article and the two
// revisions. The reports print nothing they are not given.
type ReportMeta struct {
	ArticleID string
	From, To  RevisionInfo
	// IncludeInternal puts internal fields (the ednote) in the report. Off
	// by default: a redline may travel outside the desk.
	IncludeInternal bool
	// Generated is when the report was made; zero leaves it out (and keeps
	// goldens stable).
	Generated time.Time
}

// RevisionInfo describes one side of the comparison.
type RevisionInfo struct {
	Seq    int    // revision number; 0 for something that is not a stored revision (the draft, a file)
	Label  string // the revision's label, "draft", or a file name
	Time   time.Time
	Author string
}

// String is the revision as the reports show it: `#3 “sub's cut” · 16 Oct 2019 10:05 UTC · anna`.
func (v RevisionInfo) String() string {
	var parts []string
	head := ""
	if v.Seq > 0 {
		head = fmt.Sprintf("#%d", v.Seq)
	}
	if v.Label != "" {
		head = strings.TrimSpace(head + " “" + v.Label + "”")
	}
	for _, p := range []string{head, timeStamp(v.Time), v.Author} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "(unnamed)"
	}
	return strings.Join(parts, " · ")
}

func timeStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006 15:04 MST")
}

//go:embed redline.tmpl
var redlineTemplate string

//go:embed redline.css
var redlineCSS string

// redline is parsed at the first HTML report, not at start-up: every
// copydesk command, and the window, would otherwise pay for it.
var redline = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("redline").Parse(redlineTemplate))
})

type redlineView struct {
	Title, ArticleID, From, To, Generated, Stats, Lang string
	CSS                                                template.CSS
	Fields                                             []fieldView
	Checks                                             []checkView
	Blocks                                             []blockView
}

type chunkView struct{ Tag, Text string }

type fieldView struct {
	ID, Label, Old, New string
	Chunks              []chunkView
	Added, Removed      []string
	Internal            bool
}

type checkView struct{ Href, Where, What, Old, New string }

type blockView struct {
	ID, Class, Tag, Num, Note, NoteHref, NoteLink, NoteTail string
	Chunks                                                  []chunkView
}

// Redline renders the comparison as a standalone, printable HTML5 page:
// the revisions, a stats line, the metadata changes as a table, the
// changed numbers and quotes with links to their paragraphs, and the text
// with <ins> and <del> marks. Every piece of copy is escaped; invalid
// UTF-8 (which the store never lets in) is shown as U+FFFD.
func Redline(r *Result, meta ReportMeta) []byte {
	v := redlineView{
		Title:     clean(reportTitle(r)),
		ArticleID: clean(meta.ArticleID),
		From:      clean(meta.From.String()),
		To:        clean(meta.To.String()),
		Generated: timeStamp(meta.Generated),
		Stats:     StatsLine(r.Stats),
		Lang:      langTag(r.Language),
		CSS:       template.CSS(redlineCSS),
	}
	for _, f := range r.Fields {
		if f.Internal && !meta.IncludeInternal {
			continue
		}
		v.Fields = append(v.Fields, fieldView{ID: "f-" + f.Field, Label: clean(f.Label), Old: clean(f.Old), New: clean(f.New),
			Chunks: chunkViews(f.Chunks), Added: cleanAll(f.Added), Removed: cleanAll(f.Removed), Internal: f.Internal})
	}
	for _, c := range r.Checks() {
		cv := checkView{Href: "f-" + c.Field, Where: fieldLabel(c.Field), What: c.What, Old: clean(c.Old), New: clean(c.New)}
		if c.Entry >= 0 {
			cv.Href, cv.Where = blockID(c.Entry), "¶ "+paraNum(c.Entry)
		}
		v.Checks = append(v.Checks, cv)
	}
	for k, e := range r.Blocks {
		b := blockView{ID: blockID(k), Class: e.Kind.String(), Tag: htmlTag(e.Block), Num: paraNum(k), Chunks: chunkViews(e.Chunks)}
		switch e.Kind {
		case Moved:
			b.Note = "Moved here from"
			if e.Partner >= 0 {
				b.NoteHref, b.NoteLink = blockID(e.Partner), "¶ "+paraNum(e.Partner)
			}
			if e.Block != e.OldBlock {
				b.NoteTail = ", where it was a " + e.OldBlock.String()
			}
		case MovedAway:
			b.Note = "This " + e.Block.String() + " moved to"
			if e.Partner >= 0 {
				b.NoteHref, b.NoteLink = blockID(e.Partner), "¶ "+paraNum(e.Partner)
				if t, ok := r.TextA(k); ok {
					b.NoteTail = ": “" + clean(firstWords(t, 12)) + "”"
				}
			}
		case Changed:
			if e.Block != e.OldBlock {
				b.Note = "Was a " + e.OldBlock.String()
			}
		}
		v.Blocks = append(v.Blocks, b)
	}
	var buf bytes.Buffer
	if err := redline().Execute(&buf, v); err != nil {
		// The template is fixed and the view holds only strings: an error
		// here is a bug in this file, caught by the tests.
		panic(fmt.Sprintf("compare: redline template: %v", err))
	}
	return buf.Bytes()
}

func reportTitle(r *Result) string {
	if t := strings.TrimSpace(r.HeadlineB); t != "" {
		return t
	}
	if t := strings.TrimSpace(r.HeadlineA); t != "" {
		return t
	}
	return "untitled story"
}

// firstWords is the start of text, cut after n words with an ellipsis.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// langTag returns lang when it has the shape of a BCP 47 tag, else "".
func langTag(lang string) string {
	if len(lang) == 0 || len(lang) > 35 {
		return ""
	}
	for i, c := range lang {
		alpha := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !alpha && !('0' <= c && c <= '9' && i > 0) && !(c == '-' && i > 0 && i < len(lang)-1) {
			return ""
		}
	}
	return lang
}

func blockID(k int) string { return fmt.Sprintf("p%d", k+1) }
func paraNum(k int) string { return fmt.Sprint(k + 1) }
func fieldLabel(f string) string {
	switch f {
	case "headline":
		return "Headline"
	case "standfirst":
		return "Standfirst"
	}
	return f
}

func htmlTag(k editor.BlockKind) string {
	switch k {
	case editor.Subhead:
		return "h3"
	case editor.Quote:
		return "blockquote"
	}
	return "p"
}

func chunkViews(chunks []Chunk) []chunkView {
	out := make([]chunkView, len(chunks))
	for i, c := range chunks {
		tag := ""
		switch c.Op {
		case OpInsert:
			tag = "ins"
		case OpDelete:
			tag = "del"
		}
		out[i] = chunkView{Tag: tag, Text: clean(c.Text)}
	}
	return out
}

// clean makes copy safe to print: invalid UTF-8 becomes U+FFFD, and so do
// control characters other than tab and newline, which HTML forbids.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, badControl) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if badControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func badControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7F || 0x80 <= r && r < 0xA0 ||
		0xFDD0 <= r && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = clean(s)
	}
	return out
}

// Check is a changed number or quoted passage, with what it is.
type Check struct {
	ValueChange
	What string // "number" or "quote"
}

// Checks is the numbers and the quotes in one list, in reading order:
// fields first, then by paragraph, numbers before quotes within one. The
// reports and the history view list them so.
func (r *Result) Checks() []Check {
	var out []Check
	n, q := 0, 0
	key := func(v ValueChange) int {
		switch v.Field {
		case "headline":
			return -3
		case "standfirst":
			return -2
		}
		return v.Entry
	}
	for n < len(r.Numbers) || q < len(r.Quotes) {
		if q >= len(r.Quotes) || n < len(r.Numbers) && key(r.Numbers[n]) <= key(r.Quotes[q]) {
			out = append(out, Check{r.Numbers[n], "number"})
			n++
		} else {
			out = append(out, Check{r.Quotes[q], "quote"})
			q++
		}
	}
	return out
}

// StatsLine sums up the changes in one line: "12 words added, 8 removed;
// paragraphs: 3 changed, 1 new, 1 deleted, 1 moved".
func StatsLine(s Stats) string {
	words := fmt.Sprintf("%s added, %d removed", editor.Plural(s.WordsAdded, "word"), s.WordsRemoved)
	var paras []string
	for _, p := range []struct {
		n    int
		what string
	}{{s.ParagraphsChanged, "changed"}, {s.ParagraphsInserted, "new"}, {s.ParagraphsDeleted, "deleted"}, {s.ParagraphsMoved, "moved"}} {
		if p.n > 0 {
			paras = append(paras, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	if len(paras) == 0 {
		return words + "; no paragraph changed"
	}
	return words + "; paragraphs: " + strings.Join(paras, ", ")
}
