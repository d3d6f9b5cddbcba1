package interchange

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// nitfReader turns a parsed NITF tree into an article.
type nitfReader struct {
	a      *editor.Article
	n      *notes
	opt    editor.ImportOptions
	blocks []block
	photo  bool // the photo is taken: later media are reported
	// correction from body.end, used when docdata has none.
	tagline string
	// title is the head's <title>, reported when the hedline differs.
	title     string
	titleLine int
}

// ParseNITF reads an NITF 3.x document — 3.0 to 3.6, with the
// http://iptc.org/std/NITF/2006-10-18/ namespace or none — as agencies
// deliver it. The article is a new draft (fresh ID, stamped opt.Now);
// the warnings list what could not be mapped onto its fields. A file that
// is not NITF, or not well-formed, gives an *editor.InputError naming the
// file and line.
func ParseNITF(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	data, err := prepare(file, data)
	if err != nil {
		return nil, nil, err
	}
	var n notes
	root, err := parseXML(file, data, &n)
	if err != nil {
		return nil, nil, err
	}
	if root.name != "nitf" {
		return nil, nil, &editor.InputError{File: file, Line: root.line, Offset: -1, Problem: fmt.Sprintf("the root element is <%s>, not <nitf>", root.name), Fix: "this is not a NITF file; import it as the format it is"}
	}
	r := &nitfReader{a: newArticle(opt), n: &n, opt: opt}
	if lang := firstNonEmpty(root.attr("baselang"), langOf(root.child("body")), root.attr("lang")); lang != "" {
		r.a.Language = lang
	}
	for _, el := range root.elems() {
		switch {
		case !isNITF(el):
			r.foreign(el)
		case el.name == "head":
			r.head(el)
		case el.name == "body":
			r.body(el)
		default:
			n.add(el.line, "dropped <%s>: NITF has no such element under <nitf>", el.name)
		}
	}
	if r.a.Headline == "" && len(r.blocks) == 0 {
		return nil, nil, &editor.InputError{File: file, Line: root.line, Offset: -1, Problem: "the NITF file has neither a headline (hedline/hl1) nor body text", Fix: "check that the file holds a story"}
	}
	if r.title != "" && r.a.Headline != r.title {
		n.add(r.titleLine, "dropped the <title> %q: it differs from the headline, which is kept", r.title)
	}
	if r.a.Correction == "" && r.tagline != "" {
		r.a.Correction = r.tagline
	}
	r.blocks = cutLeadingDateline(r.a, r.blocks, opt, &n)
	r.a.Body = formatBody(r.blocks, &n)
	finish(r.a, opt, &n)
	return r.a, n.warnings(), nil
}

// isNITF reports whether el belongs to NITF: no namespace (NITF 3.0–3.4,
// and most agency files) or an IPTC NITF namespace.
func isNITF(el *xnode) bool {
	return el.space == "" || strings.HasPrefix(el.space, "http://iptc.org/std/NITF/")
}

func langOf(el *xnode) string {
	if el == nil {
		return ""
	}
	return el.attr("lang")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func (r *nitfReader) foreign(el *xnode) {
	r.n.once(el.line, fmt.Sprintf("dropped <%s> from the namespace %s", el.name, el.space))
}

func (r *nitfReader) head(head *xnode) {
	for _, el := range head.elems() {
		if !isNITF(el) {
			r.foreign(el)
			continue
		}
		switch el.name {
		case "title":
			if t := strings.TrimSpace(collapseText(el.textContent())); t != "" && r.a.Headline == "" {
				r.a.Headline = t // hedline, if any, replaces it
				r.title, r.titleLine = t, el.line
			}
		case "docdata":
			r.docdata(el)
		case "pubdata":
			if s := strings.TrimSpace(el.attr("position.section")); s != "" {
				if r.a.Section == "" {
					r.a.Section = s
				} else if r.a.Section != s {
					r.n.add(el.line, "dropped the second section %q (kept %q)", s, r.a.Section)
				}
			}
		case "meta":
			r.n.add(el.line, "dropped <meta name=%q content=%q>", el.attr("name"), el.attr("content"))
		default:
			r.n.add(el.line, "dropped <%s> from the head: the desk has no field for it", el.name)
		}
	}
}

func (r *nitfReader) docdata(dd *xnode) {
	r.managementStatus(dd)
	for _, el := range dd.elems() {
		if !isNITF(el) {
			r.foreign(el)
			continue
		}
		switch el.name {
		case "doc-id", "date.issue":
			// The desk gives the story its own ID and times.
		case "du-key":
			if k := strings.TrimSpace(el.attr("key")); k != "" {
				r.a.Slug = k
			}
		case "urgency":
			r.edUrgency(el)
		case "date.release":
			t, zoneless, err := parseTime(el.attr("norm"))
			if err != nil {
				r.n.add(el.line, "dropped the release time: %v; set the embargo by hand", err)
				continue
			}
			if zoneless {
				r.n.add(el.line, "the release time %q gives no time zone: read as UTC, check the embargo", el.attr("norm"))
			}
			r.a.Embargo = t
		case "key-list":
			for _, kw := range el.elems() {
				// The key attribute is NITF's; some agencies give the
				// keyword as the element's text instead.
				k := firstNonEmpty(kw.attr("key"), collapseText(kw.textContent()))
				switch {
				case kw.name != "keyword":
					r.n.add(kw.line, "dropped <%s> from the key-list", kw.name)
				case k != "":
					r.a.Tags = append(r.a.Tags, k)
				}
			}
		case "correction":
			if info := el.attr("info"); strings.TrimSpace(info) != "" {
				r.a.Correction = info
			}
		case "ed-msg":
			if info := strings.TrimSpace(el.attr("info")); info != "" {
				r.addEdNote(info)
			}
		default:
			r.n.add(el.line, "dropped <%s> from docdata: the desk has no field for it", el.name)
		}
	}
}

// managementStatus warns of a story whose status is not "usable".
func (r *nitfReader) managementStatus(dd *xnode) {
	switch st := dd.attr("management-status"); st {
	case "", "usable":
	default:
		r.n.add(dd.line, "the story's status is %q: check before publishing it", st)
	}
}

// edUrgency reads the urgency, 1 (most urgent) to 9.
func (r *nitfReader) edUrgency(el *xnode) {
	u, err := strconv.Atoi(strings.TrimSpace(el.attr("ed-urg")))
	if err != nil || u < 1 || u > 9 {
		r.n.add(el.line, "dropped the urgency %q: urgency is 1 (most urgent) to 9", el.attr("ed-urg"))
		return
	}
	r.a.Urgency = u
}

func (r *nitfReader) addEdNote(s string) {
	if r.a.EdNote != "" {
		r.a.EdNote += "\n"
	}
	r.a.EdNote += s
}

func (r *nitfReader) body(body *xnode) {
	for _, el := range body.elems() {
		if !isNITF(el) {
			r.foreign(el)
			continue
		}
		switch el.name {
		case "body.head":
			r.bodyHead(el)
		case "body.content":
			r.content(el, false)
		case "body.end":
			r.bodyEnd(el)
		default:
			r.n.add(el.line, "dropped <%s>: NITF has no such element in the body", el.name)
		}
	}
}

func (r *nitfReader) bodyHead(bh *xnode) {
	hedlines, abstracts := 0, 0
	for _, el := range bh.elems() {
		if !isNITF(el) {
			r.foreign(el)
			continue
		}
		switch el.name {
		case "hedline":
			hedlines++
			for _, h := range el.elems() {
				switch {
				case h.name == "hl1" && hedlines == 1:
					r.a.Headline = r.plainField("headline", h)
				case h.name == "hl1":
					r.n.add(h.line, "dropped a second headline %q", r.plainField("headline", h))
				case h.name == "hl2":
					r.n.add(h.line, "dropped the subheadline %q: the desk has none (a standfirst is <abstract>)", r.plainField("subheadline", h))
				default:
					r.n.add(h.line, "dropped <%s> from the hedline", h.name)
				}
			}
		case "byline":
			r.byline(el)
		case "distributor":
			if s := r.plainField("distributor", el); s != "" {
				r.a.Dateline.Source = s
			}
		case "dateline":
			r.dateline(el)
		case "abstract":
			abstracts++
			s := r.abstract(el)
			if abstracts == 1 {
				r.a.Standfirst = s
			} else {
				r.n.add(el.line, "dropped a second abstract %q", s)
			}
		case "note":
			r.note(el)
		default:
			r.n.add(el.line, "dropped <%s> from body.head: the desk has no field for it", el.name)
		}
	}
}

func (r *nitfReader) note(el *xnode) {
	text := strings.TrimSpace(collapseText(el.textContent()))
	if text == "" {
		return
	}
	if el.attr("noteclass") == "editorsnote" {
		r.addEdNote(text)
		return
	}
	r.n.add(el.line, "dropped a <note> (%s): %q", firstNonEmpty(el.attr("noteclass"), "undef"), text)
}

// plainField is an element's text as a one-line field; markup in it is
// reported, its text kept.
func (r *nitfReader) plainField(field string, el *xnode) string {
	nodes := r.inlines(el)
	if hasMarkup(nodes) {
		r.n.once(el.line, fmt.Sprintf("the %s had emphasis or links: kept as plain text", field))
	}
	return plainLine(nodes)
}

// bylineLeads are the words before a name that say what the person did.
var bylineLeads = []struct {
	lead string
	role editor.Role
}{
	{"by ", editor.RoleWriter},
	{"photo: ", editor.RolePhotographer},
	{"photo by ", editor.RolePhotographer},
	{"photos by ", editor.RolePhotographer},
	{"photographer: ", editor.RolePhotographer},
	{"edited by ", editor.RoleEditor},
	{"translated by ", editor.RoleTranslator},
}

// byline reads <byline>: each <person> is one byline; a <byttl> belongs to
// the person before it (or the first, when it comes first). The role is
// the class (the desk's export writes it) or a lead such as "Photo:";
// without either it is a writer. A byline without <person> is read from
// its text.
func (r *nitfReader) byline(el *xnode) {
	role := editor.Role(strings.TrimSpace(el.attr("class")))
	var people []editor.Byline
	var loose strings.Builder
	pendingTitle := ""
	for _, k := range el.kids {
		switch {
		case k.name == "":
			loose.WriteString(k.text)
		case k.name == "person":
			people = append(people, editor.Byline{Name: r.plainField("byline", k), Title: pendingTitle})
			pendingTitle = ""
		case k.name == "byttl":
			t := r.plainField("byline title", k)
			switch {
			case len(people) == 0 && pendingTitle == "":
				pendingTitle = t
			case len(people) > 0 && people[len(people)-1].Title == "":
				people[len(people)-1].Title = t
			default:
				r.n.add(k.line, "dropped a second byline title %q", t)
			}
		default:
			loose.WriteString(k.textContent())
		}
	}
	text, role := bylineLead(strings.Trim(collapseText(loose.String()), " "), role)
	if !role.Valid() {
		if role != "" {
			r.n.add(el.line, "byline role %q is not one the desk knows: read as a writer", role)
		}
		role = editor.RoleWriter
	}
	if len(people) == 0 {
		// No <person>: the text is the name, and a title after a comma
		// ("Jane Smith, Press Association"), as the ninjs reader splits it.
		if name := strings.Trim(text, " ,;"); name != "" {
			if n, t, ok := strings.Cut(name, ", "); ok && pendingTitle == "" {
				name, pendingTitle = strings.TrimSpace(n), strings.TrimSpace(t)
			}
			people = append(people, editor.Byline{Name: name, Title: pendingTitle})
		} else if pendingTitle != "" {
			r.n.add(el.line, "dropped a byline title %q without a name", pendingTitle)
		}
	} else if rest := strings.NewReplacer(",", " ", ";", " ", " and ", " ").Replace(" " + text + " "); strings.TrimSpace(rest) != "" {
		r.n.add(el.line, "dropped the byline words %q around the names", text)
	}
	for _, p := range people {
		p.Role = role
		r.a.Bylines = append(r.a.Bylines, p)
	}
}

// bylineLead strips a lead such as "Photo:" off a byline's text; the role
// it names applies when the class gave no valid one.
func bylineLead(text string, role editor.Role) (string, editor.Role) {
	lower := strings.ToLower(text)
	for _, l := range bylineLeads {
		if strings.HasPrefix(lower, l.lead) || lower == strings.TrimSpace(l.lead) {
			if !role.Valid() {
				role = l.role
			}
			return strings.TrimSpace(text[min(len(l.lead), len(text)):]), role
		}
	}
	return text, role
}

func (r *nitfReader) dateline(el *xnode) {
	marked := false
	for _, k := range el.elems() {
		switch k.name {
		case "location":
			marked = true
			r.location(k)
		case "story.date":
			marked = true
			r.storyDate(k)
		default:
			r.n.add(k.line, "dropped <%s> from the dateline", k.name)
		}
	}
	if marked {
		return
	}
	text := strings.TrimSpace(collapseText(el.textContent()))
	if text == "" {
		return
	}
	// No markup: read the text as a dateline heading a paragraph would be.
	if d, rest, ok := editor.ParseDateline(text+" .", year(r.opt)); ok && strings.TrimSpace(rest) == "." {
		mergeDateline(r.a, d, el.line, r.n)
		return
	}
	if placeOnly(text) {
		// <dateline>Oslo</dateline>: a place and nothing else.
		r.a.Dateline.Place = text
		return
	}
	r.addEdNote("Dateline as received: " + text)
	r.n.add(el.line, "the dateline %q has no <location> or <story.date> and does not read as one: kept in the ednote, fill the dateline by hand", text)
}

func (r *nitfReader) location(el *xnode) {
	var region []string
	city := ""
	for _, k := range el.elems() {
		t := strings.TrimSpace(collapseText(k.textContent()))
		switch k.name {
		case "city":
			city = t
		case "country", "region", "state":
			if t != "" {
				region = append(region, t)
			}
		default:
			if t != "" {
				r.n.add(k.line, "dropped <%s> %q from the dateline's location", k.name, t)
			}
		}
	}
	if city == "" && len(region) == 0 {
		t := strings.Trim(collapseText(el.textContent()), " ")
		if t == "" {
			return
		}
		r.a.Dateline.Place = t
		if strings.Contains(t, ",") {
			r.n.add(el.line, "the dateline's location %q has no <city>: kept whole as the place, split it by hand if it names a region", t)
		}
		return
	}
	r.a.Dateline.Place = city
	if len(region) > 0 {
		// NITF writers put the country last; the desk keeps one region.
		r.a.Dateline.Region = region[len(region)-1]
		if len(region) > 1 {
			r.n.add(el.line, "the dateline names %d regions %q: kept %q", len(region), region, region[len(region)-1])
		}
	}
}

func (r *nitfReader) storyDate(el *xnode) {
	norm := strings.TrimSpace(el.attr("norm"))
	if d, ok := normDay(norm); ok {
		r.a.Dateline.Date = d
		return
	}
	text := strings.TrimSpace(collapseText(el.textContent()))
	if d, assumed, ok := parseDayText(text, year(r.opt)); ok {
		r.a.Dateline.Date, r.a.Dateline.DateAssumed = d, assumed
		if assumed {
			r.n.add(el.line, "the story date %q gives no year: %s assumed, confirm it", text, d[:4])
		}
		return
	}
	if text != "" || norm != "" {
		r.n.add(el.line, "dropped the story date %q (norm %q): not a date the desk reads; set it by hand", text, norm)
	}
}

func (r *nitfReader) bodyEnd(el *xnode) {
	for _, k := range el.elems() {
		switch k.name {
		case "tagline":
			if k.attr("class") == "correction" {
				r.tagline = strings.Trim(plainLines(r.inlines(k)), " ")
				continue
			}
			nodes := r.inlines(k)
			r.blocks = append(r.blocks, block{kind: editor.Paragraph, nodes: nodes, line: k.line})
			r.n.add(k.line, "the tagline %q is kept as the last paragraph", plainLine(nodes))
		case "bibliography":
			nodes := r.inlines(k)
			r.blocks = append(r.blocks, block{kind: editor.Paragraph, nodes: nodes, line: k.line})
			r.n.add(k.line, "the bibliography is kept as the last paragraph")
		default:
			r.n.add(k.line, "dropped <%s> from body.end", k.name)
		}
	}
}

// abstract is the text of <abstract>: its paragraphs, and text written
// straight into it (not wrapped in <p>), which was dropped.
func (r *nitfReader) abstract(el *xnode) string {
	var parts []string
	for _, k := range el.kids {
		t := ""
		if k.name == "" {
			t = strings.TrimSpace(collapseText(k.text))
		} else {
			t = r.plainField("abstract", k)
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// placeOnly reports whether a dateline's text is a place name alone
// ("Oslo", "NEW YORK", "Rio de Janeiro", "索契"): letters, spaces, dots,
// hyphens and apostrophes, at most five words, no digits.
func placeOnly(s string) bool {
	if s == "" || len(strings.Fields(s)) > 5 || utf8.RuneCountInString(s) > 40 {
		return false
	}
	letters := 0
	for _, c := range s {
		switch {
		case unicode.IsLetter(c) || unicode.IsMark(c):
			letters++
		case c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’':
		default:
			return false
		}
	}
	return letters >= 2
}
