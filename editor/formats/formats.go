// Package formats is the one door in and out of the desk: it picks the
// importer for a file (wire copy, Markdown, NITF, ninjs, NewsML-G2,
// ANPA/IPTC 7901 wire) and the exporter for a format name, so the window
// and the command line share one list.
package formats

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/comments"
	"copydesk/editor/export"
	"copydesk/editor/interchange"
	"copydesk/editor/markdown"
	"copydesk/editor/wire"
)

// Format names an interchange format.
type Format string

// The formats the desk reads and writes.
const (
	Text     Format = "text"
	HTML     Format = "html"
	Markdown Format = "md"
	NITF     Format = "nitf"
	Ninjs    Format = "ninjs"
	NewsMLG2 Format = "newsml"  // NewsML-G2 2.35 newsItem
	Ninjs23  Format = "ninjs23" // ninjs 2.3 (the ninjs format is 2.2)
	// AgencyWire is ANPA-1312 or IPTC 7901 wire copy (SOH … STX … ETX):
	// read, never written.
	AgencyWire Format = "anpa"
)

// ExportFormats lists what Export writes, in the order the UI offers them.
var ExportFormats = []Format{Text, HTML, Markdown, NITF, Ninjs, Ninjs23, NewsMLG2}

// ParseFormat accepts a format name as typed on the command line.
func ParseFormat(s string) (Format, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	switch k {
	case "txt", "wire":
		k = string(Text)
	case "markdown":
		k = string(Markdown)
	case "htm":
		k = string(HTML)
	case "xml":
		k = string(NITF)
	case "json":
		k = string(Ninjs)
	case "g2", "newsml-g2", "newsmlg2", "newsml2":
		k = string(NewsMLG2)
	case "ninjs2.3", "ninjs-2.3", "ninjs_2.3":
		k = string(Ninjs23)
	}
	for _, f := range ExportFormats {
		if string(f) == k {
			return f, nil
		}
	}
	names := make([]string, len(ExportFormats))
	for i, f := range ExportFormats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q: use one of %s", s, strings.Join(names, ", "))
}

// Extension is the file name extension for f, with the dot.
func (f Format) Extension() string {
	switch f {
	case Markdown:
		return ".md"
	case HTML:
		return ".html"
	case NITF, NewsMLG2:
		return ".xml"
	case Ninjs, Ninjs23:
		return ".json"
	}
	return ".txt"
}

// Label is the format's name as the UI shows it.
func (f Format) Label() string {
	switch f {
	case Markdown:
		return "Markdown (CommonMark + YAML front matter)"
	case HTML:
		return "HTML page (HTML5 + schema.org NewsArticle)"
	case NITF:
		return "NITF 3.6 (IPTC XML)"
	case Ninjs:
		return "ninjs 2.2 (IPTC JSON)"
	case NewsMLG2:
		return "NewsML-G2 2.35 (IPTC XML)"
	case Ninjs23:
		return "ninjs 2.3 (IPTC JSON)"
	}
	return "Plain text (wire layout)"
}

// Detect picks the importer for a file: ANPA/IPTC 7901 wire copy by its
// SOH, then by its extension, then by its first bytes; the desk's wire
// layout is the default.
func Detect(file string, data []byte) Format {
	// Framed wire copy says what it is in its first byte, whatever the
	// feed software named the file.
	if interchange.IsWire(data) {
		return AgencyWire
	}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown":
		return Markdown
	case ".txt", ".text":
		return Text
	case ".xml", ".nitf":
		if isNewsMLG2(data) {
			return NewsMLG2
		}
		return NITF
	case ".json", ".ninjs":
		return Ninjs
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<nitf")) || bytes.HasPrefix(head, []byte("<news")) {
		if isNewsMLG2(data) {
			return NewsMLG2
		}
		return NITF
	}
	if bytes.HasPrefix(head, []byte("{")) {
		return Ninjs
	}
	if bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")) || bytes.HasPrefix(head, []byte("# ")) {
		return Markdown
	}
	return Text
}

// Import reads one file as one article (see ImportAll): a file holding
// several stories is refused, naming how many.
func Import(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	arts, warnings, err := ImportAll(file, data, opt)
	if err != nil {
		return nil, nil, err
	}
	if len(arts) != 1 {
		return nil, nil, &editor.InputError{File: file, Offset: -1, Problem: fmt.Sprintf("the file holds %d stories, not one", len(arts)), Fix: "import it with copydesk import, which makes a story of each"}
	}
	return arts[0], warnings, nil
}

// importOne reads decoded UTF-8 data as one article, choosing the
// importer with Detect.
func importOne(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	switch Detect(file, data) {
	case Markdown:
		return markdown.Parse(file, data, opt)
	case NITF:
		return interchange.ParseNITF(file, data, opt)
	case Ninjs:
		return interchange.ParseNinjs(file, data, opt)
	case NewsMLG2, AgencyWire:
		return importFirst(file, data, opt)
	default:
		return wire.Parse(file, data, opt)
	}
}

// ExportOptions steer exporters.
type ExportOptions struct {
	Style     editor.Style // dateline house style
	Revision  uint64       // the revision exported, 0 for the draft
	Now       time.Time    // the moment of export; zero is time.Now()
	Published time.Time    // first publication, when known
	// DeskCopy asks for the desk copy: HTML only, with Comments (anchored
	// to the article) as margin notes. Public exports never carry them.
	DeskCopy bool
	Comments []*comments.Comment
}

// Export writes a in format f.
func Export(a *editor.Article, f Format, opt ExportOptions) ([]byte, error) {
	if opt.DeskCopy && f != HTML {
		return nil, fmt.Errorf("a desk copy is an HTML page: --format html, not %s", f)
	}
	switch f {
	case Text:
		return wire.Format(a, opt.Style), nil
	case Markdown:
		return markdown.Export(a), nil
	}
	eo := export.Options{Style: opt.Style, Revision: opt.Revision, Now: opt.Now, Published: opt.Published}
	switch f {
	case HTML:
		if opt.DeskCopy {
			// Anchored to the copy exported (the window's may be newer
			// than the store's draft the comments were read with).
			comments.Reanchor(opt.Comments, a)
			return export.DeskCopyHTML(a, opt.Comments, eo)
		}
		return export.HTML(a, eo)
	case NITF:
		return export.NITF(a, eo)
	case Ninjs:
		return export.Ninjs(a, eo)
	case NewsMLG2:
		return export.NewsMLG2(a, eo)
	case Ninjs23:
		return export.Ninjs23(a, eo)
	}
	return nil, fmt.Errorf("unknown format %q", f)
}
