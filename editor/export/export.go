// Package export writes an article in the formats finished copy leaves
// the desk in: a standalone HTML5 page (with schema.org NewsArticle
// JSON-LD), IPTC NITF 3.6 XML and IPTC ninjs 2.2 JSON. Plain text and
// Markdown are written by editor/wire and editor/markdown.
//
// Every writer reads the body through editor.ParseBody (paragraphs,
// subheads, quotes) and each block's inline CommonMark through package
// inline, so the three formats agree on what the story says. The ednote
// never leaves the desk, raw HTML in the copy is text, and a link whose
// target could run code in a reader's browser is written as its text.
//
// What each format carries and drops is tabled in testdata/README.md.
package export

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"copydesk/editor"
)

// Options steer the writers.
type Options struct {
	// Style is the house style of the dateline; "" is TASS.
	Style editor.Style
	// Revision is the sequence number of the revision exported (NITF
	// du-key version, ninjs version, schema.org version); 0 for the
	// working draft, which writes none.
	Revision uint64
	// Now is the moment of export: the issue time (NITF date.issue) and,
	// when Published is zero, the publication time of a published story.
	// Zero means time.Now(). A story not published has no publication
	// time: exporting a draft does not date it.
	Now time.Time
	// Published is when the story was first published, if the caller
	// knows (datePublished, NITF date.publication).
	Published time.Time
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now().UTC()
	}
	return o.Now.UTC()
}

func (o Options) published() time.Time {
	if o.Published.IsZero() {
		return o.now()
	}
	return o.Published.UTC()
}

func (o Options) style() editor.Style {
	if o.Style == "" {
		return editor.StyleTASS
	}
	return o.Style
}

func (o Options) version() string {
	if o.Revision == 0 {
		return ""
	}
	return strconv.FormatUint(o.Revision, 10)
}

// URI is the article's identifier outside the desk: a URN, stable across
// revisions (the revision is carried as a version beside it).
func URI(a *editor.Article) string { return "urn:copydesk:article:" + a.ID }

// checkFields refuses an article that no XML or HTML document could carry
// as written: invalid UTF-8, control characters other than tab and line
// breaks, Unicode noncharacters, a malformed dateline date. Drafts may be
// exported without a headline, so this is not editor.Validate.
func checkFields(a *editor.Article) error {
	var problems []*editor.FieldError
	check := func(field, s string) {
		if p := badChar(s); p != "" {
			problems = append(problems, &editor.FieldError{Field: field, Problem: p, Fix: "delete it, or re-import the copy as UTF-8 text"})
		}
	}
	check("id", a.ID)
	check("slug", a.Slug)
	check("section", a.Section)
	check("headline", a.Headline)
	check("standfirst", a.Standfirst)
	check("body", a.Body)
	check("dateline.place", a.Dateline.Place)
	check("dateline.region", a.Dateline.Region)
	check("dateline.source", a.Dateline.Source)
	check("dateline.date", a.Dateline.Date)
	if a.Dateline.Date != "" {
		if _, ok := a.Dateline.Day(); !ok {
			problems = append(problems, &editor.FieldError{Field: "dateline.date", Problem: fmt.Sprintf("%q is not a date", a.Dateline.Date), Fix: "write it as YYYY-MM-DD"})
		}
	}
	for i, b := range a.Bylines {
		check(fmt.Sprintf("bylines[%d].name", i), b.Name)
		check(fmt.Sprintf("bylines[%d].title", i), b.Title)
		check(fmt.Sprintf("bylines[%d].role", i), string(b.Role))
	}
	check("photo.caption", a.Photo.Caption)
	check("photo.credit", a.Photo.Credit)
	check("photo.copyright", a.Photo.Copyright)
	for i, t := range a.Tags {
		check(fmt.Sprintf("tags[%d]", i), t)
	}
	check("language", a.Language)
	check("correction", a.Correction)
	check("notice.note", a.Notice.Note)
	if len(problems) > 0 {
		return &editor.ValidationError{Problems: problems}
	}
	return nil
}

// badChar describes the first character of s that XML 1.0 or HTML text
// cannot hold, or returns "".
func badChar(s string) string {
	n := 0
	for i, r := range s {
		n++
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Sprintf("is not valid UTF-8 (bad byte at offset %d)", i)
			}
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return fmt.Sprintf("has the control character U+%04X at character %d", r, n)
		case (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe:
			return fmt.Sprintf("has the noncharacter U+%04X at character %d", r, n)
		}
	}
	return ""
}

// roleLead is how a byline reads before the name: "By ", "Photo: " …
func roleLead(r editor.Role) string {
	switch r {
	case editor.RolePhotographer:
		return "Photo: "
	case editor.RoleEditor:
		return "Edited by "
	case editor.RoleTranslator:
		return "Translated by "
	}
	return "By "
}

// isWriter reports whether a byline is a writer's (the byline proper);
// the other roles are credits.
func isWriter(b editor.Byline) bool { return b.Role == editor.RoleWriter || b.Role == "" }

// isoTime is the RFC 3339 form every format here takes, to the second.
func isoTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
