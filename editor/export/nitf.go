package export

import (
	"strconv"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// NITFNamespace is the XML namespace of NITF 3.5 and 3.6.
const NITFNamespace = "http://iptc.org/std/NITF/2006-10-18/"

// NITF writes the article as an IPTC NITF 3.6 document, valid by the
// IPTC's XML Schema. Where things go:
//
//   - head/docdata: doc-id (id-string = article ID), urgency (ed-urg),
//     date.issue (Options.Now), date.release (the embargo), du-key (key =
//     slug, version = revision), correction (info = the correction note),
//     key-list/keyword (tags); docdata@management-status is the status as
//     usable / withheld / canceled.
//   - head/pubdata: position.section (section), date.publication.
//   - body.head: hedline/hl1, byline (person, byttl; class = role for
//     credits), distributor/org (dateline source), dateline (location with
//     city and country, story.date with norm), abstract (standfirst).
//   - body.content: media (the photo: media-reference@copyright,
//     media-caption, media-producer for the credit), then p, hl2 for
//     subheads and bq/block/p for quotes.
//   - body.end/tagline class="correction": the correction for readers.
//
// NITF 3.6 has em but no strong or code: **strong** is written
// <em class="strong"> and `code` <em class="code">, which the importer
// reads back.
func NITF(a *editor.Article, opt Options) ([]byte, error) {
	if err := checkFields(a); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.Grow(len(a.Body)*2 + 2048)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<nitf xmlns="` + NITFNamespace + `" version="-//IPTC//DTD NITF 3.6//EN"`)
	if a.Language != "" {
		b.WriteString(` baselang="` + xmlAttr(a.Language) + `"`)
	}
	b.WriteString(">\n  <head>\n")
	b.WriteString("    <title>" + xmlText(a.Headline) + "</title>\n")

	nitfDocdata(&b, a, opt)
	nitfPubdata(&b, a, opt)
	b.WriteString("  </head>\n  <body>\n    <body.head>\n")

	b.WriteString("      <hedline>\n        <hl1>" + xmlText(a.Headline) + "</hl1>\n      </hedline>\n")
	if n := a.Notice; !n.IsZero() {
		b.WriteString(`      <note noteclass="editorsnote" type="npa"><body.content><p>` + xmlTextBreaks(n.Text()) + "</p></body.content></note>\n")
	}
	nitfBylines(&b, a.Bylines)
	if a.Dateline.Source != "" {
		b.WriteString("      <distributor><org>" + xmlText(a.Dateline.Source) + "</org></distributor>\n")
	}
	nitfDateline(&b, a.Dateline)
	if a.Standfirst != "" {
		b.WriteString("      <abstract>\n        <p>" + xmlTextBreaks(a.Standfirst) + "</p>\n      </abstract>\n")
	}
	b.WriteString("    </body.head>\n    <body.content>\n")

	nitfPhoto(&b, a.Photo)
	nitfBody(&b, a.Body)
	b.WriteString("    </body.content>\n")
	if a.Correction != "" {
		b.WriteString(`    <body.end>` + "\n" + `      <tagline class="correction">` + xmlTextBreaks(a.Correction) + "</tagline>\n    </body.end>\n")
	}
	b.WriteString("  </body>\n</nitf>\n")
	return []byte(b.String()), nil
}

// nitfDocdata writes head/docdata: the status, ID, urgency, issue and
// release times, version and slug, correction and keywords.
func nitfDocdata(b *strings.Builder, a *editor.Article, opt Options) {
	b.WriteString(`    <docdata management-status="` + pubStatusOf(a) + `">` + "\n")
	b.WriteString(`      <doc-id regsrc="Copydesk" id-string="` + xmlAttr(a.ID) + `"/>` + "\n")
	if n := a.Notice; !n.IsZero() {
		b.WriteString(`      <ed-msg msg-type="` + string(n.Kind) + `" info="` + xmlAttr(n.Text()) + `"/>` + "\n")
	}
	if a.Urgency > 0 {
		b.WriteString(`      <urgency ed-urg="` + strconv.Itoa(a.Urgency) + `"/>` + "\n")
	}
	b.WriteString(`      <date.issue norm="` + nitfTime(opt.now()) + `"/>` + "\n")
	if !a.Embargo.IsZero() {
		b.WriteString(`      <date.release norm="` + nitfTime(a.Embargo) + `"/>` + "\n")
	}
	if v := opt.version(); v != "" || a.Slug != "" {
		b.WriteString("      <du-key")
		if v != "" {
			b.WriteString(` version="` + v + `"`)
		}
		if a.Slug != "" {
			b.WriteString(` key="` + xmlAttr(a.Slug) + `"`)
		}
		b.WriteString("/>\n")
	}
	if a.Correction != "" {
		b.WriteString(`      <correction info="` + xmlAttr(a.Correction) + `"/>` + "\n")
	}
	if len(a.Tags) > 0 {
		b.WriteString("      <key-list>\n")
		for _, t := range a.Tags {
			b.WriteString(`        <keyword key="` + xmlAttr(t) + `"/>` + "\n")
		}
		b.WriteString("      </key-list>\n")
	}
	b.WriteString("    </docdata>\n")
}

// nitfPubdata writes head/pubdata: the section and first publication.
func nitfPubdata(b *strings.Builder, a *editor.Article, opt Options) {
	b.WriteString(`    <pubdata type="web"`)
	if a.Section != "" {
		b.WriteString(` position.section="` + xmlAttr(a.Section) + `"`)
	}
	if pub, ok := publishedAt(a, opt); ok {
		b.WriteString(` date.publication="` + nitfTime(pub) + `"`)
	}
	b.WriteString("/>\n")
}

// nitfBylines writes a byline per credit, its role as the class.
func nitfBylines(b *strings.Builder, bylines []editor.Byline) {
	for _, by := range bylines {
		b.WriteString("      <byline")
		if !isWriter(by) {
			b.WriteString(` class="` + xmlAttr(string(by.Role)) + `"`)
		}
		b.WriteString(">" + xmlText(roleLead(by.Role)) + "<person>" + xmlText(by.Name) + "</person>")
		if by.Title != "" {
			b.WriteString(", <byttl>" + xmlText(by.Title) + "</byttl>")
		}
		b.WriteString("</byline>\n")
	}
}

// nitfDateline writes the dateline: location (city, country) and date.
func nitfDateline(b *strings.Builder, d editor.Dateline) {
	if d.Place == "" && d.Region == "" && d.Date == "" {
		return
	}
	b.WriteString("      <dateline>")
	if d.Place != "" || d.Region != "" {
		b.WriteString("<location>")
		if d.Place != "" {
			b.WriteString("<city>" + xmlText(d.Place) + "</city>")
		}
		if d.Place != "" && d.Region != "" {
			b.WriteString(", ")
		}
		if d.Region != "" {
			b.WriteString("<country>" + xmlText(d.Region) + "</country>")
		}
		b.WriteString("</location>")
	}
	if day, ok := d.Day(); ok {
		if d.Place != "" || d.Region != "" {
			b.WriteString(", ")
		}
		b.WriteString(`<story.date norm="` + day.Format("20060102") + `">` + day.Format("January 2, 2006") + "</story.date>")
	}
	b.WriteString("</dateline>\n")
}

// nitfPhoto writes the photo as media: copyright, caption, credit.
func nitfPhoto(b *strings.Builder, p editor.Photo) {
	if p.IsZero() {
		return
	}
	b.WriteString(`      <media media-type="image" class="photo">` + "\n        <media-reference")
	if p.Copyright != "" {
		b.WriteString(` copyright="` + xmlAttr(p.Copyright) + `"`)
	}
	b.WriteString("/>\n")
	if p.Caption != "" {
		b.WriteString("        <media-caption>" + xmlTextBreaks(p.Caption) + "</media-caption>\n")
	}
	if p.Credit != "" {
		b.WriteString("        <media-producer>" + xmlTextBreaks(p.Credit) + "</media-producer>\n")
	}
	b.WriteString("      </media>\n")
}

// nitfBody writes the body's blocks: p, hl2 for subheads, bq/block/p for
// quotes.
func nitfBody(b *strings.Builder, body string) {
	for _, bl := range parseBody(body) {
		switch bl.Kind {
		case editor.Subhead:
			b.WriteString("      <hl2>")
			nitfInline(b, bl.Nodes)
			b.WriteString("</hl2>\n")
		case editor.Quote:
			b.WriteString("      <bq><block><p>")
			nitfInline(b, bl.Nodes)
			b.WriteString("</p></block></bq>\n")
		default:
			b.WriteString("      <p>")
			nitfInline(b, bl.Nodes)
			b.WriteString("</p>\n")
		}
	}
}

func nitfInline(b *strings.Builder, nodes []inline.Node) {
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text:
			b.WriteString(xmlText(n.Text))
		case inline.Code:
			b.WriteString(`<em class="code">` + xmlText(n.Text) + "</em>")
		case inline.Break:
			b.WriteString("<br/>")
		case inline.Emphasis:
			b.WriteString("<em>")
			nitfInline(b, n.Kids)
			b.WriteString("</em>")
		case inline.Strong:
			b.WriteString(`<em class="strong">`)
			nitfInline(b, n.Kids)
			b.WriteString("</em>")
		case inline.Link:
			href, ok := inline.SafeHref(n.Href)
			if !ok {
				nitfInline(b, n.Kids)
				continue
			}
			b.WriteString(`<a href="` + xmlAttr(href) + `"`)
			if n.Title != "" {
				b.WriteString(` title="` + xmlAttr(n.Title) + `"`)
			}
			b.WriteString(">")
			nitfInline(b, n.Kids)
			b.WriteString("</a>")
		}
	}
}

// pubStatusOf is the article's IPTC publication status: its workflow
// status's (pubStatus), but withheld under a withhold notice and canceled
// under a kill.
func pubStatusOf(a *editor.Article) string {
	switch a.Notice.Kind {
	case editor.NoticeKill:
		return "canceled"
	case editor.NoticeWithhold:
		return "withheld"
	}
	return pubStatus(a.Status)
}

// pubStatus maps the desk's workflow onto the IPTC publication status
// (NITF management-status, ninjs pubstatus): copy still in the desk's hands
// is withheld, a spiked story is canceled.
func pubStatus(s editor.Status) string {
	switch s {
	case editor.StatusReady, editor.StatusPublished:
		return "usable"
	case editor.StatusSpiked:
		return "canceled"
	}
	return "withheld"
}

// nitfTime is ISO 8601 basic format, as NITF's norm attributes show it.
func nitfTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
)

// xmlText escapes character data; ">" too, so "]]>" never appears.
func xmlText(s string) string { return textEscaper.Replace(s) }

// xmlAttr escapes an attribute value so that a parser gives back the same
// string: white space other than spaces is written as references, which
// attribute-value normalisation leaves alone.
func xmlAttr(s string) string { return attrEscaper.Replace(s) }

// xmlTextBreaks writes a multi-line plain field, its line breaks as <br/>.
func xmlTextBreaks(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = xmlText(l)
	}
	return strings.Join(lines, "<br/>")
}
