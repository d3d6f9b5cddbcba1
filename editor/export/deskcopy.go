package export

import (
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/comments"
)

// DeskCopyHTML writes the HTML page of the story as the desk sees it:
// the public page, marked "desk copy — not for publication", with each
// comment as a margin note (an <aside>) beside the passage it quotes —
// author, time, the quoted words, the note, its replies and its state.
// Comments on the headline or standfirst follow the header; orphaned
// ones, whose words are gone, close the page. The comments should be
// anchored to a (comments.Reanchor). Public exports (HTML included)
// never carry comments: this is the one page that does.
func DeskCopyHTML(a *editor.Article, cs []*comments.Comment, opt Options) ([]byte, error) {
	return html(a, opt, &deskNotes{all: cs, done: map[*comments.Comment]bool{}})
}

// deskNotes are the comments a desk copy still has to write. Its methods
// do nothing on a nil *deskNotes: the public page.
type deskNotes struct {
	all  []*comments.Comment
	done map[*comments.Comment]bool
}

// deskCSS is added to the page's style sheet: notes in the right margin
// when the window is wide enough, between the paragraphs when not.
const deskCSS = `
.deskcopy{background:#fde7e7;color:#7a0000;border:1px solid #c00;padding:.4em .8em;font-weight:bold}
aside.comment{border-left:4px solid #c98a00;background:#fff8e1;color:#222;margin:.4em 0 1em 1.5em;padding:.3em .8em;font-size:.85em}
aside.comment.resolved{border-left-color:#6a8f3a;background:#f1f7ea}
aside.comment.orphaned{border-left-color:#999;background:#f2f2f2}
aside.comment p{margin:.2em 0}
aside.comment blockquote{margin:.2em 0;font-style:italic}
aside.comment ol{margin:.2em 0;padding-left:1.2em}
@media (min-width:70em){article{margin-right:18em}aside.comment{float:right;clear:right;width:15em;margin:0 -18em .8em 1em}}
`

func (d *deskNotes) banner(b *strings.Builder) {
	if d != nil {
		b.WriteString(`<p class="deskcopy">Desk copy with the desk's comments — not for publication</p>` + "\n")
	}
}

// write writes the open notes on field (for the body, on block src).
func (d *deskNotes) write(b *strings.Builder, field string, src int) {
	if d == nil {
		return
	}
	for _, c := range d.all {
		if d.done[c] || c.Orphaned || c.Anchor.Field != field || field == comments.Body && c.Anchor.Block != src {
			continue
		}
		d.done[c] = true
		writeNote(b, c)
	}
}

// rest writes the notes not written beside their words: orphaned ones,
// and any whose paragraph the page has not (an empty one).
func (d *deskNotes) rest(b *strings.Builder) {
	if d == nil {
		return
	}
	var left []*comments.Comment
	for _, c := range d.all {
		if !d.done[c] {
			left = append(left, c)
		}
	}
	if len(left) == 0 {
		return
	}
	b.WriteString("<section class=\"orphaned-comments\">\n<h2>Comments whose words are gone</h2>\n")
	for _, c := range left {
		d.done[c] = true
		writeNote(b, c)
	}
	b.WriteString("</section>\n")
}

func writeNote(b *strings.Builder, c *comments.Comment) {
	state := c.State()
	b.WriteString(`<aside class="comment ` + state + `" id="comment-` + htmlAttr(c.ID) + `">` + "\n")
	b.WriteString(`<p class="who"><b>` + htmlText(nameOrNone(c.Author)) + "</b> " + noteTime(c.Time) +
		` · <span class="state">` + state + "</span></p>\n")
	b.WriteString(`<blockquote dir="auto"><p>` + htmlText(oneLine(c.Quote)) + "</p></blockquote>\n")
	b.WriteString(`<p class="note" dir="auto">` + htmlText(oneLine(c.Note)) + "</p>\n")
	if rs := c.Replies(); len(rs) > 0 {
		b.WriteString("<ol class=\"replies\">\n")
		for _, r := range rs {
			b.WriteString("<li><b>" + htmlText(nameOrNone(r.Author)) + "</b> " + noteTime(r.Time) +
				`: <span dir="auto">` + htmlText(oneLine(r.Text)) + "</span></li>\n")
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</aside>\n")
}

func noteTime(t time.Time) string {
	t = t.UTC()
	return `<time datetime="` + t.Format(time.RFC3339) + `">` + t.Format("2 Jan 2006 15:04 UTC") + "</time>"
}

func nameOrNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(no name)"
	}
	return s
}
