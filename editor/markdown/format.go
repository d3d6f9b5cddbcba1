// Package markdown reads and writes articles as CommonMark files with a YAML
// front matter: the form in which a reporter working outside the desk files
// copy, and in which finished copy leaves the desk for static sites and
// pandoc.
//
// A file is
//
//	---
//	id: 0192…
//	headline: …
//	…every exportable field, see Format…
//	---
//
//	The body, as CommonMark: paragraphs, ## subheads, > quotes.
//
// The front matter is optional on import; without it the headline comes
// from the body (see Parse). The editor's note (ednote) never leaves the
// desk: Format never writes it.
package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"copydesk/editor"
)

// frontMatter is the article's metadata in the order Format writes it. The
// order is part of the format (goldens, diffs between exports), so new keys
// go at the end of their group and are never renamed.
//
// language and status are always written: Parse fills a missing key with
// the defaults of editor.New, so leaving out an empty language would bring
// it back as "en".
type frontMatter struct {
	ID         string     `yaml:"id"`
	Slug       string     `yaml:"slug,omitempty"`
	Section    string     `yaml:"section,omitempty"`
	Headline   string     `yaml:"headline"`
	Standfirst string     `yaml:"standfirst,omitempty"`
	Dateline   fmDateline `yaml:"dateline,omitempty"`
	Bylines    []fmByline `yaml:"bylines,omitempty"`
	Photo      fmPhoto    `yaml:"photo,omitempty"`
	Tags       []string   `yaml:"tags,omitempty,flow"`
	Status     string     `yaml:"status"`
	SpikedFrom string     `yaml:"spiked_from,omitempty"`
	Urgency    int        `yaml:"urgency,omitempty"`
	Language   string     `yaml:"language"`
	Embargo    string     `yaml:"embargo,omitempty"`
	Correction string     `yaml:"correction,omitempty"`
	Kill       string     `yaml:"kill,omitempty"`     // a kill notice's public note
	Withhold   string     `yaml:"withhold,omitempty"` // a withhold notice's public note
	Created    string     `yaml:"created"`
	Modified   string     `yaml:"modified"`
}

type fmDateline struct {
	Place       string `yaml:"place,omitempty"`
	Region      string `yaml:"region,omitempty"`
	Date        string `yaml:"date,omitempty"`
	DateAssumed bool   `yaml:"date_assumed,omitempty"`
	Source      string `yaml:"source,omitempty"`
}

type fmByline struct {
	Name  string `yaml:"name"`
	Role  string `yaml:"role"`
	Title string `yaml:"title,omitempty"`
}

type fmPhoto struct {
	Caption   string `yaml:"caption,omitempty"`
	Credit    string `yaml:"credit,omitempty"`
	Copyright string `yaml:"copyright,omitempty"`
}

// TimeLayout is how Format writes created, modified and embargo: RFC 3339
// with as many fractional digits as the time has, in the time's own offset
// (UTC is written "Z").
const TimeLayout = time.RFC3339Nano

// Format writes the article as CommonMark with a YAML front matter holding
// every exportable field: id, slug, section, headline, standfirst, dateline,
// bylines, photo, tags, status, spiked_from, urgency, language, embargo,
// correction, created, modified. Empty optional fields are left out. The
// ednote is never written. The body follows the front matter as it is
// stored: it already is CommonMark.
//
// Strings are quoted by the YAML encoder, so no field text (quotes, ": ",
// "#", a leading "-", line breaks, "---", control characters) can break the
// front matter; Parse(Format(a)) gives back a (see Parse for the one
// normalisation applied to the body).
func Format(a *editor.Article) []byte {
	var buf bytes.Buffer
	writeFrontMatter(&buf, a, func(n *yaml.Node) error { return nil })
	writeBody(&buf, a.Body)
	return buf.Bytes()
}

// newFrontMatter is the article's exportable metadata.
func newFrontMatter(a *editor.Article) frontMatter {
	fm := frontMatter{
		ID:         a.ID,
		Slug:       a.Slug,
		Section:    a.Section,
		Headline:   a.Headline,
		Standfirst: a.Standfirst,
		Dateline: fmDateline{
			Place:       a.Dateline.Place,
			Region:      a.Dateline.Region,
			Date:        a.Dateline.Date,
			DateAssumed: a.Dateline.DateAssumed,
			Source:      a.Dateline.Source,
		},
		Photo: fmPhoto{
			Caption:   a.Photo.Caption,
			Credit:    a.Photo.Credit,
			Copyright: a.Photo.Copyright,
		},
		Tags:       a.Tags,
		Status:     string(a.Status),
		SpikedFrom: string(a.SpikedFrom),
		Urgency:    a.Urgency,
		Language:   a.Language,
		Correction: a.Correction,
		Created:    formatTime(a.Created),
		Modified:   formatTime(a.Modified),
	}
	for _, b := range a.Bylines {
		fm.Bylines = append(fm.Bylines, fmByline{Name: b.Name, Role: string(b.Role), Title: b.Title})
	}
	if !a.Embargo.IsZero() {
		fm.Embargo = formatTime(a.Embargo)
	}
	switch a.Notice.Kind {
	case editor.NoticeKill:
		fm.Kill = a.Notice.Note
	case editor.NoticeWithhold:
		fm.Withhold = a.Notice.Note
	}
	return fm
}

// writeFrontMatter writes the fenced YAML front matter of a; fix may
// change the YAML tree before it is written.
func writeFrontMatter(buf *bytes.Buffer, a *editor.Article, fix func(*yaml.Node) error) {
	fm := newFrontMatter(a)
	var doc yaml.Node
	err := doc.Encode(&fm)
	if err == nil {
		err = fix(&doc)
	}
	buf.WriteString(fence + "\n")
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err == nil {
		err = enc.Encode(&doc)
	}
	if err == nil {
		err = enc.Close()
	}
	if err != nil {
		// frontMatter holds only strings, ints, bools and slices of
		// them: yaml.v3 encodes every such value.
		panic(fmt.Sprintf("markdown: encoding the front matter of %s: %v", a.ID, err))
	}
	buf.WriteString(fence + "\n")
}

// writeBody writes the body after the front matter, as it stands.
func writeBody(buf *bytes.Buffer, body string) {
	body = strings.TrimRight(body, "\n")
	if strings.TrimSpace(body) != "" {
		buf.WriteString("\n")
		buf.WriteString(body)
		buf.WriteString("\n")
	}
}

// fence opens and closes the front matter.
const fence = "---"

func formatTime(t time.Time) string {
	return t.Format(TimeLayout)
}
