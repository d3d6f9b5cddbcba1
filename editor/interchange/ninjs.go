package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"copydesk/editor"
	"copydesk/editor/export/inline"
)

// ninjsField is one top-level field of a ninjs item, with its line.
type ninjsField struct {
	key  string
	raw  json.RawMessage
	line int
}

type ninjsReader struct {
	a    *editor.Article
	n    *notes
	opt  editor.ImportOptions
	file string
	// err is the first HTML value too large to read (see readHTML).
	err error
	// title is the item's title: the headline when it has none.
	title     string
	titleLine int
	html      *ninjsBodyPick
	plain     *ninjsBodyPick
}

type ninjsBodyPick struct {
	value string
	line  int
}

// ParseNinjs reads a ninjs item, 1.x or 2.x, as agencies deliver it. The
// shapes differ — 1.x has headline, description_text/_html and
// body_text/_html strings and associations keyed by name; 2.x has
// headlines, descriptions and bodies arrays and associations as an array
// — and both are read. An HTML body is preferred to a plain one and
// becomes the desk's CommonMark; a dateline heading the first paragraph
// moves to the dateline fields. The article is a new draft; the warnings
// list every field that could not be mapped. A file that is not a JSON
// object gives an *editor.InputError naming the file and line.
func ParseNinjs(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	data, err := prepare(file, data)
	if err != nil {
		return nil, nil, err
	}
	fields, err := ninjsFields(file, data)
	if err != nil {
		return nil, nil, err
	}
	var n notes
	r := &ninjsReader{a: newArticle(opt), n: &n, opt: opt, file: file}
	for _, f := range fields {
		r.field(f)
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	var blocks []block
	switch {
	case r.html != nil:
		var lead string
		blocks, lead = r.readHTML(r.html.value, r.html.line)
		if r.err != nil {
			return nil, nil, r.err
		}
		if lead != "" {
			r.markedDateline(lead, r.html.line)
		} else {
			blocks = r.leadingDateline(blocks)
		}
	case r.plain != nil:
		blocks = r.leadingDateline(plainBlocks(r.plain.value, r.plain.line))
	}
	if r.a.Headline == "" && r.title != "" {
		r.a.Headline = r.title
		n.add(r.titleLine, "no headline: the item's title %q is used", r.title)
	} else if r.title != "" && r.title != r.a.Headline {
		n.add(r.titleLine, "dropped the item's title %q (its headline is kept)", r.title)
	}
	if r.a.Headline == "" && len(blocks) == 0 {
		return nil, nil, &editor.InputError{File: file, Line: 1, Offset: -1, Problem: "the item has neither a headline nor a body", Fix: "check that this is a ninjs news item"}
	}
	r.a.Body = formatBody(blocks, &n)
	finish(r.a, opt, &n)
	return r.a, n.warnings(), nil
}

// ninjsFields reads the top-level object's fields in file order, each
// with its line, so warnings can point at them.
func ninjsFields(file string, data []byte) ([]ninjsField, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	fail := func(err error) error {
		off := d.InputOffset()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		return &editor.InputError{File: file, Line: lineAt(data, off), Offset: int(off), Problem: "not valid JSON: " + err.Error(), Fix: "the file is damaged or not ninjs; ask the sender for it again"}
	}
	tok, err := d.Token()
	if err != nil {
		return nil, fail(err)
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return nil, &editor.InputError{File: file, Line: lineAt(data, d.InputOffset()), Offset: -1, Problem: "the file is JSON but not an object: a ninjs item is one {…}", Fix: "import one item per file"}
	}
	var fields []ninjsField
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return nil, fail(err)
		}
		key, _ := tok.(string)
		line := lineAt(data, d.InputOffset())
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return nil, fail(err)
		}
		fields = append(fields, ninjsField{key: key, raw: raw, line: line})
	}
	if _, err := d.Token(); err != nil {
		return nil, fail(err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, &editor.InputError{File: file, Line: lineAt(data, d.InputOffset()), Offset: int(d.InputOffset()), Problem: "more data after the item's closing }", Fix: "import one item per file"}
	}
	return fields, nil
}

// ninjsIgnored are fields about the file rather than the story: the desk
// gives the story its own ID, version and times.
var ninjsIgnored = map[string]bool{
	"uri": true, "representationtype": true, "profile": true, "version": true,
	"firstcreated": true, "versioncreated": true, "standard": true, "mimetype": true, "$schema": true,
}

// ninjsUnmapped are ninjs fields the desk has no place for.
var ninjsUnmapped = map[string]string{
	"people": "people", "person": "people", "organisations": "organisations", "organisation": "organisations",
	"places": "places", "place": "places", "events": "events", "event": "events", "objects": "objects", "object": "objects",
	"genres": "genres", "genre": "genres", "renditions": "renditions", "altids": "alternative IDs",
	"trustindicators": "trust indicators", "rightsinfo": "rights", "usageterms": "usage terms",
	"copyrightholder": "copyright holder", "copyrightnotice": "copyright notice", "expires": "expiry",
	"digitalsourcetype": "digital source type", "signal": "signals",
}

// ninjsFieldReaders reads each ninjs field the desk knows into the
// article, by its key.
var ninjsFieldReaders = map[string]func(r *ninjsReader, f ninjsField){
	"type":      (*ninjsReader).itemType,
	"headlines": (*ninjsReader).headlines,
	"headline": func(r *ninjsReader, f ninjsField) {
		r.a.Headline = plainLine([]inline.Node{{Kind: inline.Text, Text: r.str(f)}})
	},
	"title":            func(r *ninjsReader, f ninjsField) { r.title, r.titleLine = strings.TrimSpace(r.str(f)), f.line },
	"descriptions":     (*ninjsReader).descriptions,
	"description_text": (*ninjsReader).descriptionText,
	"description_html": (*ninjsReader).descriptionHTML,
	"bodies":           (*ninjsReader).bodies,
	"body_html":        (*ninjsReader).bodyHTML,
	"body_xhtml":       (*ninjsReader).bodyHTML,
	"body_text":        (*ninjsReader).bodyText,
	"by":               (*ninjsReader).by,
	"byline":           (*ninjsReader).by,
	"located":          func(r *ninjsReader, f ninjsField) { r.located(r.str(f)) },
	"contentcreated":   (*ninjsReader).contentCreated,
	"slugline":         func(r *ninjsReader, f ninjsField) { r.a.Slug = strings.TrimSpace(r.str(f)) },
	"language":         func(r *ninjsReader, f ninjsField) { r.a.Language = strings.TrimSpace(r.str(f)) },
	"ednote":           func(r *ninjsReader, f ninjsField) { r.a.EdNote = strings.TrimSpace(r.str(f)) },
	"urgency":          (*ninjsReader).urgency,
	"embargoed":        (*ninjsReader).embargoed,
	"pubstatus":        (*ninjsReader).pubStatus,
	"subjects":         (*ninjsReader).subjects,
	"subject":          (*ninjsReader).subjects,
	"keywords":         (*ninjsReader).keywords,
	"infosources":      (*ninjsReader).infosources,
	"infosource":       (*ninjsReader).infosources,
	"associations":     (*ninjsReader).associations,
}

func (r *ninjsReader) field(f ninjsField) {
	if ninjsIgnored[f.key] {
		return
	}
	if read, ok := ninjsFieldReaders[f.key]; ok {
		read(r, f)
		return
	}
	if what, ok := ninjsUnmapped[f.key]; ok {
		r.n.add(f.line, "dropped %s (%s): the desk has no field for them", what, f.key)
		return
	}
	r.n.add(f.line, "dropped the field %q: not a ninjs field the desk knows", f.key)
}

func (r *ninjsReader) itemType(f ninjsField) {
	if t := r.str(f); t != "" && t != "text" && t != "composite" {
		r.n.add(f.line, "the item is of type %q: only its text is imported", t)
	}
}

func (r *ninjsReader) headlines(f ninjsField) {
	for i, h := range r.texts(f) {
		v := r.textValue(h, f.line)
		if i == 0 || (r.a.Headline == "" && v != "") {
			r.a.Headline = v
			continue
		}
		r.n.add(f.line, "dropped the %s headline %q", firstNonEmpty(h.Role, "second"), v)
	}
}

func (r *ninjsReader) descriptions(f ninjsField) {
	for _, d := range r.texts(f) {
		switch v := d.Value; strings.ToLower(d.Role) {
		case "correction":
			r.a.Correction = strings.TrimSpace(v)
		case "", "summary", "abstract", "description", "standfirst", "dek":
			if r.a.Standfirst == "" {
				r.a.Standfirst = r.textValue(d, f.line)
				continue
			}
			fallthrough
		default:
			r.n.add(f.line, "dropped the %s description %q", firstNonEmpty(d.Role, "second"), r.textValue(d, f.line))
		}
	}
}

func (r *ninjsReader) descriptionText(f ninjsField) {
	if r.a.Standfirst == "" {
		r.a.Standfirst = plainLine([]inline.Node{{Kind: inline.Text, Text: r.str(f)}})
	}
}

func (r *ninjsReader) descriptionHTML(f ninjsField) {
	if r.a.Standfirst == "" {
		r.a.Standfirst = r.textValue(ninjsText{ContentType: "text/html", Value: r.str(f)}, f.line)
	}
}

func (r *ninjsReader) bodyHTML(f ninjsField) {
	if v := r.str(f); v != "" && r.html == nil {
		r.html = &ninjsBodyPick{value: v, line: f.line}
	}
}

func (r *ninjsReader) bodyText(f ninjsField) {
	if v := r.str(f); v != "" && r.plain == nil {
		r.plain = &ninjsBodyPick{value: v, line: f.line}
	}
}

func (r *ninjsReader) by(f ninjsField) {
	r.a.Bylines = append(r.a.Bylines, parseBy(r.str(f))...)
}

func (r *ninjsReader) contentCreated(f ninjsField) {
	if d, ok := normDay(r.str(f)); ok {
		r.a.Dateline.Date = d
	} else {
		r.n.add(f.line, "dropped contentcreated %q: not a date", r.str(f))
	}
}

func (r *ninjsReader) embargoed(f ninjsField) {
	t, zoneless, err := parseTime(r.str(f))
	switch {
	case err != nil:
		r.n.add(f.line, "dropped the embargo: %v; set it by hand", err)
	default:
		if zoneless {
			r.n.add(f.line, "the embargo %q gives no time zone: read as UTC, check it", r.str(f))
		}
		r.a.Embargo = t
	}
}

func (r *ninjsReader) pubStatus(f ninjsField) {
	if s := r.str(f); s != "" && s != "usable" {
		r.n.add(f.line, "the item's publication status is %q: check before publishing it", s)
	}
}

func (r *ninjsReader) keywords(f ninjsField) {
	var kws []string
	if err := json.Unmarshal(f.raw, &kws); err != nil {
		r.n.add(f.line, "dropped keywords: not a list of text")
		return
	}
	r.a.Tags = append(r.a.Tags, kws...)
}

// str is a text field's value; anything else is reported and read as "".
func (r *ninjsReader) str(f ninjsField) string {
	var s string
	if err := json.Unmarshal(f.raw, &s); err != nil {
		if string(f.raw) != "null" {
			r.n.add(f.line, "dropped %s: expected text, found %s", f.key, kindOf(f.raw))
		}
		return ""
	}
	return s
}

func kindOf(raw json.RawMessage) string {
	switch t := bytes.TrimSpace(raw); {
	case len(t) == 0:
		return "nothing"
	case t[0] == '{':
		return "an object"
	case t[0] == '[':
		return "a list"
	case t[0] == '"':
		return "text"
	case t[0] == 't' || t[0] == 'f':
		return "true/false"
	}
	return "a number"
}

// ninjsText is a headline, description or body of ninjs 2.x.
type ninjsText struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	Value       string `json:"value"`
}

func (r *ninjsReader) texts(f ninjsField) []ninjsText {
	var out []ninjsText
	if err := json.Unmarshal(f.raw, &out); err != nil {
		r.n.add(f.line, "dropped %s: expected a list of {role, contenttype, value}, found %s", f.key, kindOf(f.raw))
		return nil
	}
	return out
}

// textValue is a headline or description as a one-line field; HTML in it
// keeps its text.
func (r *ninjsReader) textValue(t ninjsText, line int) string {
	if isHTMLType(t.ContentType) {
		blocks, _ := r.readHTML(t.Value, line)
		parts := make([]string, 0, len(blocks))
		for _, b := range blocks {
			parts = append(parts, plainLine(b.nodes))
		}
		return strings.Join(parts, " ")
	}
	return plainLine([]inline.Node{{Kind: inline.Text, Text: t.Value}})
}

// readHTML is readHTMLBody for a value with at most maxElements
// elements; a larger one (a million "<p>" took 760 MB to read) sets r.err
// and gives nothing.
func (r *ninjsReader) readHTML(src string, line int) ([]block, string) {
	if htmlElementsOver(src, maxElements) {
		if r.err == nil {
			r.err = &editor.InputError{File: r.file, Line: line, Offset: -1, Problem: fmt.Sprintf("the HTML value has more than %d elements and comments", maxElements), Fix: "a story has far fewer: check that this is the right file, or split it"}
		}
		return nil, ""
	}
	return readHTMLBody(src, line, r.n)
}

func isHTMLType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.Contains(ct, "html")
}

func (r *ninjsReader) bodies(f ninjsField) {
	for _, b := range r.texts(f) {
		role := strings.ToLower(b.Role)
		if role != "" && role != "main" && role != "richtext" && role != "body" && role != "text" {
			r.n.add(f.line, "dropped the body with role %q", b.Role)
			continue
		}
		isHTML := isHTMLType(b.ContentType)
		if b.ContentType == "" {
			isHTML = strings.Contains(b.Value, "</p>") || strings.Contains(b.Value, "<br")
			r.n.add(f.line, "a body gives no contenttype: read as %s from its content", map[bool]string{true: "HTML", false: "plain text"}[isHTML])
		}
		pick := &ninjsBodyPick{value: b.Value, line: f.line}
		switch {
		case isHTML && r.html == nil:
			r.html = pick
		case !isHTML && r.plain == nil && (b.ContentType == "" || strings.HasPrefix(strings.ToLower(b.ContentType), "text/plain")):
			r.plain = pick
		default:
			r.n.add(f.line, "dropped a further body (%s, role %q): the first of each kind is read", firstNonEmpty(b.ContentType, "no contenttype"), b.Role)
		}
	}
}

func (r *ninjsReader) located(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	// "SOCHI, Russia": the place, then the region; the desk's export
	// writes it so.
	place, region, _ := strings.Cut(s, ", ")
	r.a.Dateline.Place, r.a.Dateline.Region = strings.TrimSpace(place), strings.TrimSpace(region)
}

func (r *ninjsReader) urgency(f ninjsField) {
	var v any
	_ = json.Unmarshal(f.raw, &v)
	var u int
	switch t := v.(type) {
	case float64:
		u = int(t)
		if float64(u) != t {
			u = 0
		}
	case string:
		u, _ = strconv.Atoi(strings.TrimSpace(t))
	}
	if u < 1 || u > 9 {
		r.n.add(f.line, "dropped the urgency %s: urgency is 1 (most urgent) to 9", string(f.raw))
		return
	}
	r.a.Urgency = u
}

type ninjsSubject struct {
	Name    string `json:"name"`
	Rel     string `json:"rel"`
	URI     string `json:"uri"`
	Literal string `json:"literal"`
	Code    string `json:"code"`
}

func (r *ninjsReader) subjects(f ninjsField) {
	var subs []ninjsSubject
	if err := json.Unmarshal(f.raw, &subs); err != nil {
		r.n.add(f.line, "dropped %s: expected a list of {name, rel, …}, found %s", f.key, kindOf(f.raw))
		return
	}
	for _, s := range subs {
		name := strings.TrimSpace(s.Name)
		switch {
		case strings.EqualFold(s.Rel, "section") && name != "":
			if r.a.Section == "" {
				r.a.Section = name
			} else {
				r.n.add(f.line, "dropped the second section %q (kept %q)", name, r.a.Section)
			}
		case name != "":
			r.a.Tags = append(r.a.Tags, name)
		default:
			r.n.add(f.line, "dropped a subject without a name (%s)", firstNonEmpty(s.URI, s.Literal, s.Code, "empty"))
		}
	}
}

type ninjsParty struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

func (r *ninjsReader) infosources(f ninjsField) {
	var parties []ninjsParty
	if err := json.Unmarshal(f.raw, &parties); err != nil {
		var one ninjsParty
		if err := json.Unmarshal(f.raw, &one); err != nil {
			r.n.add(f.line, "dropped %s: expected a list of {name, role}, found %s", f.key, kindOf(f.raw))
			return
		}
		parties = []ninjsParty{one}
	}
	for _, p := range parties {
		if strings.EqualFold(p.Role, "source") && r.a.Dateline.Source == "" && p.Name != "" {
			r.a.Dateline.Source = strings.TrimSpace(p.Name)
			continue
		}
		r.n.add(f.line, "dropped the info source %q (role %q): the desk keeps the dateline's agency only", p.Name, p.Role)
	}
}

// parseBy reads ninjs's natural-language by in the form the desk's export
// writes: "Name, Title; Name (photographer)". Agency forms ("By JOHN
// SMITH, Associated Press", "Paulo Santalucia and Frances d'Emilio") read
// as one writer per "; "-separated part, the text after the first comma
// as the title: names joined by "and" are not split (that would guess).
func parseBy(by string) []editor.Byline {
	var out []editor.Byline
	for _, part := range strings.Split(by, "; ") {
		part = strings.TrimSpace(part)
		role := editor.RoleWriter
		for _, rl := range editor.Roles {
			if suffix := " (" + string(rl) + ")"; strings.HasSuffix(part, suffix) {
				role = rl
				part = strings.TrimSuffix(part, suffix)
				break
			}
		}
		if len(part) > 3 && strings.EqualFold(part[:3], "by ") {
			part = strings.TrimSpace(part[3:])
		}
		name, title, _ := strings.Cut(part, ", ")
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		out = append(out, editor.Byline{Name: name, Role: role, Title: strings.TrimSpace(title)})
	}
	return out
}
