package export

import (
	"strconv"
	"strings"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// G2Namespace is the namespace of NewsML-G2 (the IPTC's "NAR" namespace,
// unchanged since 2006).
const G2Namespace = "http://iptc.org/std/nar/2006-10-01/"

// XHTMLNamespace is the namespace of the XHTML body a G2 item carries.
const XHTMLNamespace = "http://www.w3.org/1999/xhtml"

// g2Catalog is the IPTC's catalog of G2 schemes (ninat, stat, drol …):
// every qcode the export writes is from it, so a receiver resolves them.
const g2Catalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"

// NewsMLG2 writes the article as a NewsML-G2 2.35 newsItem, valid by the
// IPTC's XML Schema (power conformance). Where things go:
//
//   - newsItem@guid is the article's URI, @version the revision (when
//     exported from one), @xml:lang the language.
//   - itemMeta: itemClass ninat:text, provider (literal Copydesk),
//     versionCreated (Modified, else Options.Now), firstCreated (Created),
//     embargoed (the embargo), pubStatus (stat:usable / withheld /
//     canceled, as in NITF and ninjs), edNote (a kill or withhold
//     notice, "KILL: …").
//   - contentMeta: urgency; contentCreated (the dateline's day); located
//     (the dateline's place, its region as the broader area); infoSource
//     (the dateline's agency); creator (writers) and contributor (the
//     other roles, role ctrrol:…), a title as its note (G2's jobtitle is a
//     code, not text);
//     language; keyword (tags); subject with the literal section
//     (type cpnat:abstract, why:direct) for the section; slugline;
//     headline; dateline (rendered in the house style); description
//     drol:summary (standfirst) and drol:correction (the correction).
//   - contentSet/inlineXML application/xhtml+xml: an XHTML document whose
//     body holds p, h2, blockquote/p; em, strong, code, a, br. The photo
//     leads the body as <figure class="photo"> (img-less: the desk keeps
//     no image), its caption in figcaption, credit and copyright in
//     spans the importer reads back.
//
// The ednote never leaves the desk.
func NewsMLG2(a *editor.Article, opt Options) ([]byte, error) {
	if err := checkFields(a); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.Grow(len(a.Body)*2 + 4096)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<newsItem xmlns="` + G2Namespace + `" guid="` + xmlAttr(URI(a)) + `"`)
	if v := opt.version(); v != "" {
		b.WriteString(` version="` + v + `"`)
	}
	b.WriteString(` standard="NewsML-G2" standardversion="2.35" conformance="power"`)
	if a.Language != "" {
		b.WriteString(` xml:lang="` + xmlAttr(a.Language) + `"`)
	}
	b.WriteString(">\n")
	b.WriteString(`  <catalogRef href="` + g2Catalog + `"/>` + "\n")
	g2ItemMeta(&b, a, opt)
	g2ContentMeta(&b, a, opt)
	b.WriteString("  <contentSet>\n")
	b.WriteString(`    <inlineXML contenttype="application/xhtml+xml">` + "\n")
	g2XHTML(&b, a)
	b.WriteString("    </inlineXML>\n  </contentSet>\n</newsItem>\n")
	return []byte(b.String()), nil
}

func g2ItemMeta(b *strings.Builder, a *editor.Article, opt Options) {
	b.WriteString("  <itemMeta>\n")
	b.WriteString(`    <itemClass qcode="ninat:text"/>` + "\n")
	b.WriteString(`    <provider literal="Copydesk"/>` + "\n")
	modified := opt.now()
	if !a.Modified.IsZero() {
		modified = a.Modified
	}
	b.WriteString("    <versionCreated>" + isoTime(modified) + "</versionCreated>\n")
	if !a.Created.IsZero() {
		b.WriteString("    <firstCreated>" + isoTime(a.Created) + "</firstCreated>\n")
	}
	if !a.Embargo.IsZero() {
		b.WriteString("    <embargoed>" + isoTime(a.Embargo) + "</embargoed>\n")
	}
	b.WriteString(`    <pubStatus qcode="stat:` + pubStatusOf(a) + `"/>` + "\n")
	if n := a.Notice; !n.IsZero() {
		b.WriteString("    <edNote>" + g2Lines(n.Text()) + "</edNote>\n")
	}
	b.WriteString("  </itemMeta>\n")
}

func g2ContentMeta(b *strings.Builder, a *editor.Article, opt Options) {
	b.WriteString("  <contentMeta>\n")
	if a.Urgency > 0 {
		b.WriteString("    <urgency>" + strconv.Itoa(a.Urgency) + "</urgency>\n")
	}
	d := a.Dateline
	if _, ok := d.Day(); ok {
		b.WriteString("    <contentCreated>" + d.Date + "</contentCreated>\n")
	}
	switch {
	case d.Place != "":
		b.WriteString(`    <located type="cptype:city"><name>` + xmlText(d.Place) + "</name>")
		if d.Region != "" {
			b.WriteString(`<broader type="cptype:country"><name>` + xmlText(d.Region) + "</name></broader>")
		}
		b.WriteString("</located>\n")
	case d.Region != "":
		b.WriteString(`    <located type="cptype:country"><name>` + xmlText(d.Region) + "</name></located>\n")
	}
	if d.Source != "" {
		b.WriteString(`    <infoSource role="cinfos:origcont"><name>` + xmlText(d.Source) + "</name></infoSource>\n")
	}
	for _, by := range a.Bylines {
		el := "creator"
		role := ""
		if !isWriter(by) {
			el, role = "contributor", ` role="ctrrol:`+xmlAttr(string(by.Role))+`"`
		}
		b.WriteString("    <" + el + role + "><name>" + xmlText(by.Name) + "</name>")
		if by.Title != "" {
			b.WriteString("<note>" + xmlText(by.Title) + "</note>")
		}
		b.WriteString("</" + el + ">\n")
	}
	if a.Language != "" {
		b.WriteString(`    <language tag="` + xmlAttr(a.Language) + `"/>` + "\n")
	}
	if a.Section != "" {
		b.WriteString(`    <subject type="cpnat:abstract" why="why:direct" literal="` + xmlAttr(G2SectionPrefix+a.Section) + `"><name>` + xmlText(a.Section) + "</name></subject>\n")
	}
	for _, t := range a.Tags {
		b.WriteString("    <keyword>" + xmlText(t) + "</keyword>\n")
	}
	if a.Slug != "" {
		b.WriteString("    <slugline>" + xmlText(a.Slug) + "</slugline>\n")
	}
	if a.Headline != "" {
		b.WriteString("    <headline>" + xmlText(a.Headline) + "</headline>\n")
	}
	if lead := d.Render(opt.style()); lead != "" {
		b.WriteString("    <dateline>" + xmlText(lead) + "</dateline>\n")
	}
	if a.Standfirst != "" {
		b.WriteString(`    <description role="drol:summary">` + g2Lines(a.Standfirst) + "</description>\n")
	}
	if a.Correction != "" {
		b.WriteString(`    <description role="drol:correction">` + g2Lines(a.Correction) + "</description>\n")
	}
	b.WriteString("  </contentMeta>\n")
}

// G2SectionPrefix marks the subject that carries the desk's section (its
// literal is "section:NAME"), so an import tells it from other subjects.
const G2SectionPrefix = "section:"

// g2Lines writes a multi-line plain field as G2's Block1 text allows:
// line breaks as <br/>.
func g2Lines(s string) string { return xmlTextBreaks(s) }

// g2XHTML writes the body as an XHTML document inside inlineXML.
func g2XHTML(b *strings.Builder, a *editor.Article) {
	b.WriteString(`      <html xmlns="` + XHTMLNamespace + `"`)
	if a.Language != "" {
		b.WriteString(` xml:lang="` + xmlAttr(a.Language) + `"`)
	}
	b.WriteString(">\n        <head><title>" + xmlText(a.Headline) + "</title></head>\n        <body>\n")
	if p := a.Photo; !p.IsZero() {
		b.WriteString(`          <figure class="photo">`)
		if p.Caption != "" {
			b.WriteString("<figcaption>" + xmlTextBreaks(p.Caption) + "</figcaption>")
		}
		if p.Credit != "" {
			b.WriteString(`<span class="credit">` + xmlTextBreaks(p.Credit) + "</span>")
		}
		if p.Copyright != "" {
			b.WriteString(`<span class="copyright">` + xmlTextBreaks(p.Copyright) + "</span>")
		}
		b.WriteString("</figure>\n")
	}
	for _, bl := range parseBody(a.Body) {
		switch bl.Kind {
		case editor.Subhead:
			b.WriteString("          <h2>")
			xhtmlInline(b, bl.Nodes)
			b.WriteString("</h2>\n")
		case editor.Quote:
			b.WriteString("          <blockquote><p>")
			xhtmlInline(b, bl.Nodes)
			b.WriteString("</p></blockquote>\n")
		default:
			b.WriteString("          <p>")
			xhtmlInline(b, bl.Nodes)
			b.WriteString("</p>\n")
		}
	}
	b.WriteString("        </body>\n      </html>\n")
}

// xhtmlInline is htmlInline with XML's empty-element <br/> and XML
// escaping.
func xhtmlInline(b *strings.Builder, nodes []inline.Node) {
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text:
			b.WriteString(xmlText(n.Text))
		case inline.Code:
			b.WriteString("<code>" + xmlText(n.Text) + "</code>")
		case inline.Break:
			b.WriteString("<br/>")
		case inline.Emphasis:
			b.WriteString("<em>")
			xhtmlInline(b, n.Kids)
			b.WriteString("</em>")
		case inline.Strong:
			b.WriteString("<strong>")
			xhtmlInline(b, n.Kids)
			b.WriteString("</strong>")
		case inline.Link:
			href, ok := inline.SafeHref(n.Href)
			if !ok {
				xhtmlInline(b, n.Kids)
				continue
			}
			b.WriteString(`<a href="` + xmlAttr(href) + `"`)
			if n.Title != "" {
				b.WriteString(` title="` + xmlAttr(n.Title) + `"`)
			}
			b.WriteString(">")
			xhtmlInline(b, n.Kids)
			b.WriteString("</a>")
		}
	}
}
