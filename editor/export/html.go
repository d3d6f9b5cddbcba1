package export

import (
	"regexp"
	"strings"
	"sync"
	"time"

	"copydesk/assets"
	"copydesk/editor"
	"copydesk/editor/comments"
)

// HTML writes the article as one standalone UTF-8 HTML5 document: the
// style sheet inline, a schema.org NewsArticle in JSON-LD, and an
// <article> with header (section, headline, standfirst, bylines, dateline
// and time), the photo's caption and credits, the body, the tags and any
// correction. An embargoed story says so at the top.
//
// The photo is a <figure> holding only its <figcaption>: the desk keeps
// no image, and a figure whose content is a caption is valid HTML (the
// content model is "figcaption, then flow content", which may be empty).
// The page that publishes the story puts the picture in before the
// caption; an <img> with an invented src would be a broken image.
func HTML(a *editor.Article, opt Options) ([]byte, error) {
	return html(a, opt, nil)
}

// html writes the page; desk, when not nil, makes it the desk copy with
// the comments in the margin (deskcopy.go).
func html(a *editor.Article, opt Options, desk *deskNotes) ([]byte, error) {
	if err := checkFields(a); err != nil {
		return nil, err
	}
	ld, err := newsArticleJSON(a, opt)
	if err != nil {
		return nil, err
	}
	blocks := parseBody(a.Body)
	esc := htmlText
	var b strings.Builder
	b.Grow(len(a.Body)*2 + len(assets.ArticleCSS) + 4096)

	b.WriteString("<!DOCTYPE html>\n")
	if lang := htmlLang(a.Language); lang != "" {
		dir := ""
		if editor.RightToLeft(lang) {
			dir = ` dir="rtl"`
		}
		b.WriteString(`<html lang="` + htmlAttr(lang) + `"` + dir + `>` + "\n")
	} else {
		b.WriteString("<html>\n")
	}
	b.WriteString("<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	title := strings.TrimSpace(a.Headline)
	if title == "" {
		title = "Untitled story"
	}
	b.WriteString("<title>" + esc(oneLine(title)) + "</title>\n")
	if a.Standfirst != "" {
		b.WriteString(`<meta name="description" content="` + htmlAttr(oneLine(a.Standfirst)) + `">` + "\n")
	}
	if len(a.Tags) > 0 {
		b.WriteString(`<meta name="keywords" content="` + htmlAttr(oneLine(strings.Join(a.Tags, ", "))) + `">` + "\n")
	}
	b.WriteString(`<meta name="generator" content="Copydesk">` + "\n")
	b.WriteString("<style>\n")
	b.Write(assets.ArticleCSS)
	if desk != nil {
		b.WriteString(deskCSS)
	}
	b.WriteString("</style>\n")
	b.WriteString("<script type=\"application/ld+json\">\n")
	b.Write(ld)
	b.WriteString("\n</script>\n</head>\n<body>\n")
	desk.banner(&b)
	b.WriteString("<article>\n")
	if n := a.Notice; !n.IsZero() {
		b.WriteString(`<aside class="notice ` + string(n.Kind) + `">` + "\n<h2>" + esc(noticeHeading(n)) + "</h2>\n")
		htmlParas(&b, n.Note)
		b.WriteString("</aside>\n")
	}
	b.WriteString("<header>\n")

	if !a.Embargo.IsZero() {
		b.WriteString(`<p class="embargo">Embargoed: not for publication before ` + timeElement(a.Embargo, true) + "</p>\n")
	}
	if a.Section != "" {
		b.WriteString(`<p class="section">` + esc(a.Section) + "</p>\n")
	}
	b.WriteString(`<h1 dir="auto">` + esc(a.Headline) + "</h1>\n")
	if a.Standfirst != "" {
		b.WriteString(`<p class="standfirst" dir="auto">` + esc(a.Standfirst) + "</p>\n")
	}
	htmlBylines(&b, a.Bylines)
	b.WriteString(`<p class="meta">`)
	if d := a.Dateline.RenderIn(opt.style(), a.Language); d != "" {
		b.WriteString(`<span class="dateline">` + esc(d) + "</span> ")
	}
	b.WriteString(storyDate(a, opt) + "</p>\n")
	b.WriteString("</header>\n")
	desk.write(&b, comments.Headline, 0)
	desk.write(&b, comments.Standfirst, 0)

	htmlPhoto(&b, a.Photo)

	b.WriteString("<div class=\"body\">\n")
	var after func(int)
	if desk != nil {
		after = func(src int) { desk.write(&b, comments.Body, src) }
	}
	htmlBodyThen(&b, blocks, "", true, "", after)
	b.WriteString("</div>\n")

	if len(a.Tags) > 0 {
		b.WriteString(`<ul class="tags">` + "\n")
		for _, t := range a.Tags {
			b.WriteString(`<li dir="auto">` + esc(t) + "</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	if a.Correction != "" {
		b.WriteString("<aside class=\"correction\">\n<h2>Correction</h2>\n")
		htmlParas(&b, a.Correction)
		b.WriteString("</aside>\n")
	}
	desk.rest(&b)
	b.WriteString("</article>\n</body>\n</html>\n")
	return []byte(b.String()), nil
}

// htmlBylines writes the bylines as a list, each with its role as class.
func htmlBylines(b *strings.Builder, bylines []editor.Byline) {
	if len(bylines) == 0 {
		return
	}
	b.WriteString(`<ul class="bylines">` + "\n")
	for _, by := range bylines {
		role := by.Role
		if role == "" {
			role = editor.RoleWriter
		}
		b.WriteString(`<li class="` + htmlAttr(string(role)) + `">` + htmlText(roleLead(by.Role)) + `<span class="name">` + htmlText(by.Name) + "</span>")
		if by.Title != "" {
			b.WriteString(`, <span class="title">` + htmlText(by.Title) + "</span>")
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
}

// htmlPhoto writes the photo's figure: caption, credit and copyright.
func htmlPhoto(b *strings.Builder, p editor.Photo) {
	if p.IsZero() {
		return
	}
	b.WriteString("<figure class=\"photo\">\n<figcaption dir=\"auto\">")
	var parts []string
	if p.Caption != "" {
		parts = append(parts, `<span class="caption">`+htmlText(p.Caption)+"</span>")
	}
	if p.Credit != "" {
		parts = append(parts, `<span class="credit">Photo: `+htmlText(p.Credit)+"</span>")
	}
	if p.Copyright != "" {
		parts = append(parts, `<small class="copyright">`+htmlText(p.Copyright)+"</small>")
	}
	b.WriteString(strings.Join(parts, " "))
	b.WriteString("</figcaption>\n</figure>\n")
}

// isPublished reports whether the story has been published: only then
// has it a publication date (a spiked story keeps the one it had).
func isPublished(a *editor.Article) bool {
	return a.Status == editor.StatusPublished || a.SpikedFrom == editor.StatusPublished
}

// publishedAt is when the story is published: the caller's Published or
// Now, but never before its embargo. The second result is false for a
// story not published, which has no publication date: exporting a draft
// does not publish it.
func publishedAt(a *editor.Article, opt Options) (time.Time, bool) {
	if !isPublished(a) {
		return time.Time{}, false
	}
	p := opt.published()
	if !a.Embargo.IsZero() && a.Embargo.After(p) {
		p = a.Embargo.UTC()
	}
	return p, true
}

// storyDate is the <time> beside the dateline: the publication date of a
// published story, else the dateline's own day with its year (the house
// styles print the day without the year, or not at all), else nothing.
// Never the day of the export.
func storyDate(a *editor.Article, opt Options) string {
	if p, ok := publishedAt(a, opt); ok {
		p = p.UTC()
		return `<time datetime="` + isoTime(p) + `">` + editor.LocalDate(p, a.Language) + "</time>"
	}
	if day, ok := a.Dateline.Day(); ok {
		return `<time datetime="` + day.Format(time.DateOnly) + `">` + editor.LocalDate(day, a.Language) + "</time>"
	}
	return ""
}

func timeElement(t time.Time, withTime bool) string {
	t = t.UTC()
	layout := "2 January 2006"
	if withTime {
		layout = "2 January 2006, 15:04 UTC"
	}
	return `<time datetime="` + isoTime(t) + `">` + t.Format(layout) + "</time>"
}

// langTag is a well-formed BCP 47 tag of the common shapes (language,
// script, region, variants).
var langTag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$`)
})

// htmlLang returns the article's language for the lang attribute, or ""
// when it is not a language tag (an HTML checker refuses a malformed one;
// without the attribute the page is still valid).
func htmlLang(s string) string {
	if langTag().MatchString(s) {
		return s
	}
	return ""
}

// oneLine folds line breaks into spaces for attributes and <title>.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}

var (
	htmlTextEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	htmlAttrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

// htmlText escapes character data: quotes stay as typed, which keeps the
// copy readable in the file.
func htmlText(s string) string { return htmlTextEscaper.Replace(s) }

// htmlAttr escapes a double-quoted attribute value.
func htmlAttr(s string) string { return htmlAttrEscaper.Replace(s) }

// htmlParas writes a plain note a paragraph a line.
func htmlParas(b *strings.Builder, note string) {
	for _, p := range strings.Split(strings.ReplaceAll(note, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(p) != "" {
			b.WriteString(`<p dir="auto">` + htmlText(p) + "</p>\n")
		}
	}
}

// noticeHeading is the heading of a notice's box on the page.
func noticeHeading(n editor.Notice) string {
	if n.Kind == editor.NoticeKill {
		return "Kill notice: do not use this story"
	}
	return "Withheld: do not use this story until further notice"
}

// noticeText is the notice on one line ("KILL: …"), "" when none.
func noticeText(a *editor.Article) string {
	if a.Notice.IsZero() {
		return ""
	}
	return a.Notice.Text()
}
