package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"copydesk/editor"
)

// NinjsSchemaURI is the schema the ninjs export declares and is tested
// against.
const NinjsSchemaURI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"

// ninjsItem is the subset of ninjs 2.2 the desk writes, in the order a
// reader of the file expects.
type ninjsItem struct {
	URI                string             `json:"uri"`
	Type               string             `json:"type"`
	RepresentationType string             `json:"representationtype,omitempty"`
	Standard           *ninjsStandard     `json:"standard,omitempty"`
	Version            string             `json:"version,omitempty"`
	FirstCreated       string             `json:"firstcreated,omitempty"`
	VersionCreated     string             `json:"versioncreated,omitempty"`
	ContentCreated     string             `json:"contentcreated,omitempty"`
	Embargoed          string             `json:"embargoed,omitempty"`
	PubStatus          string             `json:"pubstatus,omitempty"`
	EdNote             string             `json:"ednote,omitempty"`
	Urgency            int                `json:"urgency,omitempty"`
	CopyrightNotice    string             `json:"copyrightnotice,omitempty"`
	Language           string             `json:"language,omitempty"`
	Slugline           string             `json:"slugline,omitempty"`
	Headlines          []ninjsText        `json:"headlines,omitempty"`
	Descriptions       []ninjsText        `json:"descriptions,omitempty"`
	Bodies             []ninjsBody        `json:"bodies,omitempty"`
	By                 string             `json:"by,omitempty"`
	Located            string             `json:"located,omitempty"`
	InfoSources        []ninjsParty       `json:"infosources,omitempty"`
	Subjects           []ninjsSubject     `json:"subjects,omitempty"`
	Associations       []ninjsAssociation `json:"associations,omitempty"`
}

type ninjsStandard struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Schema  string `json:"schema"`
}

type ninjsText struct {
	Role        string `json:"role,omitempty"`
	ContentType string `json:"contenttype,omitempty"`
	Value       string `json:"value"`
}

type ninjsBody struct {
	Role        string `json:"role,omitempty"`
	ContentType string `json:"contenttype,omitempty"`
	CharCount   int    `json:"charcount"`
	WordCount   int    `json:"wordcount"`
	Value       string `json:"value"`
}

type ninjsParty struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

type ninjsSubject struct {
	Name string `json:"name"`
	Rel  string `json:"rel,omitempty"`
}

type ninjsAssociation struct {
	Name            string      `json:"name"`
	URI             string      `json:"uri"`
	Type            string      `json:"type"`
	Descriptions    []ninjsText `json:"descriptions,omitempty"`
	By              string      `json:"by,omitempty"`
	CopyrightNotice string      `json:"copyrightnotice,omitempty"`
}

// Ninjs writes the article as IPTC ninjs 2.2 JSON, valid by the IPTC's
// JSON Schema. ninjs has no dateline, section or correction of its own, so:
//
//   - the dateline is rendered in the house style at the head of both
//     bodies (as agencies deliver it; the HTML body marks it with
//     <span class="dateline">), its place in located ("SOCHI, Russia"),
//     its day in contentcreated (at 00:00Z: the desk keeps only the day)
//     and its agency in infosources (role "source");
//   - the section is a subject with rel "section", tags are subjects
//     without rel;
//   - the standfirst is a description with role "summary", the
//     correction one with role "correction";
//   - bylines are the natural-language by: "Name, Title; Name (role)";
//   - the photo is an association named "photo" of type picture: its
//     caption a description with role "caption", its credit by, its
//     copyright copyrightnotice.
//
// The desk's ednote never leaves the desk; ninjs's ednote, a note to the
// receiving editors, carries a kill or withhold notice ("KILL: …"),
// beside pubstatus canceled or withheld.
func Ninjs(a *editor.Article, opt Options) ([]byte, error) {
	return writeNinjs(a, opt, ninjsStandard{Name: "ninjs", Version: "2.2", Schema: NinjsSchemaURI})
}

// writeNinjs writes the item declaring std, the version of ninjs it is.
func writeNinjs(a *editor.Article, opt Options, std ninjsStandard) ([]byte, error) {
	if err := checkFields(a); err != nil {
		return nil, err
	}
	blocks := parseBody(a.Body)
	lead := a.Dateline.RenderIn(opt.style(), a.Language)
	it := ninjsItem{
		URI:                URI(a),
		Type:               "text",
		RepresentationType: "full",
		Standard:           &std,
		Version:            opt.version(),
		PubStatus:          pubStatusOf(a),
		EdNote:             noticeText(a),
		Urgency:            a.Urgency,
		Language:           a.Language,
		Slugline:           a.Slug,
		By:                 NinjsBy(a.Bylines),
		Located:            joinNonEmpty(", ", a.Dateline.Place, a.Dateline.Region),
	}
	if !a.Created.IsZero() {
		it.FirstCreated = isoTime(a.Created)
	}
	if !a.Modified.IsZero() {
		it.VersionCreated = isoTime(a.Modified)
	}
	if _, ok := a.Dateline.Day(); ok {
		it.ContentCreated = a.Dateline.Date + "T00:00:00Z"
	}
	if !a.Embargo.IsZero() {
		it.Embargoed = isoTime(a.Embargo)
	}
	if a.Headline != "" {
		it.Headlines = []ninjsText{{Role: "main", ContentType: "text/plain", Value: a.Headline}}
	}
	if a.Standfirst != "" {
		it.Descriptions = append(it.Descriptions, ninjsText{Role: "summary", ContentType: "text/plain", Value: a.Standfirst})
	}
	if a.Correction != "" {
		it.Descriptions = append(it.Descriptions, ninjsText{Role: "correction", ContentType: "text/plain", Value: a.Correction})
	}
	if len(blocks) > 0 || lead != "" {
		var h strings.Builder
		htmlBody(&h, blocks, "", false, lead)
		plain := plainBody(blocks, lead)
		words, chars := editor.CountWords(plain), editor.CountChars(plain)
		it.Bodies = []ninjsBody{
			{Role: "main", ContentType: "text/html", CharCount: chars, WordCount: words, Value: strings.TrimSuffix(h.String(), "\n")},
			{Role: "main", ContentType: "text/plain", CharCount: chars, WordCount: words, Value: plain},
		}
	}
	if a.Dateline.Source != "" {
		it.InfoSources = []ninjsParty{{Name: a.Dateline.Source, Role: "source"}}
	}
	if a.Section != "" {
		it.Subjects = append(it.Subjects, ninjsSubject{Name: a.Section, Rel: "section"})
	}
	for _, t := range a.Tags {
		it.Subjects = append(it.Subjects, ninjsSubject{Name: t})
	}
	if p := a.Photo; !p.IsZero() {
		as := ninjsAssociation{Name: "photo", URI: URI(a) + ":photo", Type: "picture", By: p.Credit, CopyrightNotice: p.Copyright}
		if p.Caption != "" {
			as.Descriptions = []ninjsText{{Role: "caption", ContentType: "text/plain", Value: p.Caption}}
		}
		it.Associations = []ninjsAssociation{as}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(it); err != nil {
		return nil, fmt.Errorf("writing article %s as ninjs: %w", a.ID, err)
	}
	return buf.Bytes(), nil
}

// NinjsBy writes bylines as ninjs's natural-language by: "Name, Title" for
// a writer, "Name (photographer)" for a credit, several joined by "; ".
// The ninjs importer reads this form back.
func NinjsBy(bylines []editor.Byline) string {
	parts := make([]string, 0, len(bylines))
	for _, b := range bylines {
		s := b.Name
		if b.Title != "" {
			s += ", " + b.Title
		}
		if !isWriter(b) {
			s += " (" + string(b.Role) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
