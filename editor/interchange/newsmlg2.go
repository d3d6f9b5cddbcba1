package interchange

import (
	"fmt"
	"strconv"
	"strings"

	"copydesk/editor"
)

// G2Namespace is the namespace of NewsML-G2 elements.
const G2Namespace = "http://iptc.org/std/nar/2006-10-01/"

// g2SectionPrefix marks the subject the desk's export writes its section
// in (export.G2SectionPrefix; interchange cannot import export).
const g2SectionPrefix = "section:"

// Item is one story read from a file that can hold several (NewsML-G2,
// ANPA and IPTC 7901 wire), with the agency's identity of it: a later
// version of the same item has the same GUID and a higher Version.
type Item struct {
	Article  *editor.Article
	Warnings []editor.Warning
	GUID     string // newsItem@guid; for wire copy the source and keyword
	Version  int    // newsItem@version, the wire's write-through number; 0 when the file gives none
}

// ParseNewsMLG2 reads a NewsML-G2 (2.x) newsItem, or a newsMessage whose
// itemSet holds several: each text item becomes a story, in file order.
// Items of other classes (pictures, graphics, packages) are reported and
// skipped; a file with no text item at all is an *editor.InputError.
// The metadata maps onto the article as the desk's own export writes it
// (editor/export.NewsMLG2), and the body comes from the first inline
// XHTML, NITF or plain-text rendition. Bounds are parseXML's: at most
// 50,000 elements, 200 deep.
func ParseNewsMLG2(file string, data []byte, opt editor.ImportOptions) ([]Item, error) {
	data, err := prepare(file, data)
	if err != nil {
		return nil, err
	}
	var top notes
	root, err := parseXML(file, data, &top)
	if err != nil {
		return nil, err
	}
	var items []*xnode
	switch {
	case !isG2(root):
		return nil, &editor.InputError{File: file, Line: root.line, Offset: -1, Problem: fmt.Sprintf("<%s> is not in the NewsML-G2 namespace %s", root.name, G2Namespace), Fix: "this is not a NewsML-G2 file; import it as the format it is"}
	case root.name == "newsItem":
		items = []*xnode{root}
	case root.name == "newsMessage":
		items = g2MessageItems(root, &top)
	default:
		return nil, &editor.InputError{File: file, Line: root.line, Offset: -1, Problem: fmt.Sprintf("the root element is <%s>, not <newsItem> or <newsMessage>", root.name), Fix: "import a NewsML-G2 news item or news message"}
	}
	var out []Item
	for _, el := range items {
		it, ok := readG2Item(el, opt, &top)
		if ok {
			out = append(out, it)
		}
	}
	if len(out) == 0 {
		return nil, &editor.InputError{File: file, Line: root.line, Offset: -1, Problem: "the NewsML-G2 file holds no text item with a headline or body text", Fix: "check that the file holds a story (the desk imports text items, not pictures or packages)"}
	}
	// Warnings about the message as a whole go with the first story.
	out[0].Warnings = append(top.warnings(), out[0].Warnings...)
	return out, nil
}

// isG2 reports whether el is a NewsML-G2 element: its namespace, or none
// (agency files without a default namespace exist).
func isG2(el *xnode) bool { return el.space == G2Namespace || el.space == "" }

// g2MessageItems are the newsItems of a newsMessage's itemSet; other items
// are reported.
func g2MessageItems(msg *xnode, n *notes) []*xnode {
	var items []*xnode
	for _, el := range msg.elems() {
		if el.name != "itemSet" {
			continue // header: sent, sender, transmitId … say nothing of the story
		}
		for _, it := range el.elems() {
			if it.name == "newsItem" && isG2(it) {
				items = append(items, it)
				continue
			}
			n.add(it.line, "skipped a <%s> in the news message: the desk imports news items", it.name)
		}
	}
	return items
}

// g2Reader reads one newsItem.
type g2Reader struct {
	a      *editor.Article
	n      *notes
	opt    editor.ImportOptions
	blocks []block
	// text is the natural-language dateline, read once the metadata is.
	dateline     string
	datelineLine int
	by           string // natural-language by, used when no creator is named
	byLine       int
}

// readG2Item reads one newsItem. ok is false for an item that is not
// text, or has neither headline nor body: it is reported in top.
func readG2Item(el *xnode, opt editor.ImportOptions, top *notes) (Item, bool) {
	var n notes
	r := &g2Reader{a: newArticle(opt), n: &n, opt: opt}
	guid := strings.TrimSpace(el.attr("guid"))
	if meta := el.child("itemMeta"); meta != nil {
		if c := meta.child("itemClass"); c != nil {
			if q := c.attr("qcode"); q != "" && q != "ninat:text" && !strings.HasSuffix(q, ":text") {
				top.add(el.line, "skipped the item %s: its class is %s, and the desk imports text", guid, q)
				return Item{}, false
			}
		}
	}
	if lang := strings.TrimSpace(el.attr("lang")); lang != "" {
		r.a.Language = lang
	}
	if opt.Year == 0 {
		r.opt.Year = g2Year(el)
	}
	for _, k := range el.elems() {
		if !isG2(k) {
			n.once(k.line, fmt.Sprintf("dropped <%s> from the namespace %s", k.name, k.space))
			continue
		}
		switch k.name {
		case "catalogRef", "catalog", "hopHistory", "pubHistory", "partMeta", "assert", "inlineRef", "derivedFrom", "derivedFromValue":
			// Scheme catalogs and provenance: nothing of the story.
		case "rightsInfo":
			r.rights(k)
		case "itemMeta":
			r.itemMeta(k)
		case "contentMeta":
			r.contentMeta(k)
		case "contentSet":
			r.contentSet(k)
		default:
			n.add(k.line, "dropped <%s>: NewsML-G2 has no such element in a news item", k.name)
		}
	}
	r.finishDateline()
	if r.a.Headline == "" && len(r.blocks) == 0 {
		top.add(el.line, "skipped the item %s: it has neither a headline nor body text", guid)
		return Item{}, false
	}
	r.blocks = g2LeadingDateline(r.a, r.blocks, r.opt, r.n)
	r.a.Body = formatBody(r.blocks, r.n)
	finish(r.a, opt, r.n)
	version, _ := strconv.Atoi(strings.TrimSpace(el.attr("version")))
	return Item{Article: r.a, Warnings: n.warnings(), GUID: guid, Version: version}, true
}

// g2Year is the year the item was written (contentCreated, else
// versionCreated): a dateline in the copy without a year is of that year,
// not of the day it is imported. 0 when neither says.
func g2Year(item *xnode) int {
	for _, p := range [][2]string{{"contentMeta", "contentCreated"}, {"itemMeta", "versionCreated"}} {
		if m := item.child(p[0]); m != nil {
			if c := m.child(p[1]); c != nil {
				if d, ok := normDay(c.textContent()); ok {
					y, _ := strconv.Atoi(d[:4])
					return y
				}
			}
		}
	}
	return 0
}

// g2Slug is a slugline as the desk stores slugs: Reuters ends its
// sluglines with "/" ("BRITAIN-ECONOMY/"), which would leave an empty part
// after the slash; leading and trailing slashes are cut, and said.
func g2Slug(s string, line int, n *notes) string {
	t := strings.TrimSpace(strings.Trim(s, "/ "))
	if t != s {
		n.add(line, "the slugline %q is kept as %q (no slash at either end)", s, t)
	}
	return t
}

// g2Text is an element's text as a one-line field.
func g2Text(el *xnode) string { return strings.Trim(collapseText(el.textContent()), " ") }

// g2Block is a Block1 element's text as a multi-line field: <br/> a line
// break, other markup its text.
func g2Block(el *xnode) string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(x *xnode) {
		for _, k := range x.kids {
			switch k.name {
			case "":
				b.WriteString(collapseText(k.text))
			case "br":
				b.WriteString("\n")
			default:
				walk(k)
			}
		}
	}
	walk(el)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.Trim(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

func (r *g2Reader) addEdNote(s string) {
	if s == "" {
		return
	}
	if r.a.EdNote != "" {
		r.a.EdNote += "\n"
	}
	r.a.EdNote += s
}

// rights keeps the copyright notice and usage terms in the ednote: the
// desk has no rights field, and an editor must see them.
func (r *g2Reader) rights(el *xnode) {
	for _, k := range el.elems() {
		switch k.name {
		case "copyrightNotice":
			if t := g2Text(k); t != "" {
				r.addEdNote("Rights: " + t)
				r.n.add(k.line, "the copyright notice is kept in the ednote (the desk has no rights field)")
			}
		case "usageTerms":
			if t := g2Text(k); t != "" {
				r.addEdNote("Usage terms: " + t)
				r.n.add(k.line, "the usage terms are kept in the ednote (the desk has no rights field)")
			}
		}
	}
}

func (r *g2Reader) itemMeta(el *xnode) {
	for _, k := range el.elems() {
		switch k.name {
		case "itemClass", "provider", "versionCreated", "firstCreated", "fileName", "generator", "profile", "service",
			"memberOf", "instanceOf", "altRep", "deliverableOf", "hash", "expires", "origRep", "incomingFeedId",
			"metadataCreator", "link", "role":
			// How the item was made and sent: the desk stamps its own.
		case "embargoed":
			t, zoneless, err := parseTime(k.textContent())
			if err != nil {
				r.n.add(k.line, "dropped the embargo: %v; set it by hand", err)
				continue
			}
			if zoneless {
				r.n.add(k.line, "the embargo %q gives no time zone: read as UTC, check it", strings.TrimSpace(k.textContent()))
			}
			r.a.Embargo = t
		case "pubStatus":
			if q := k.attr("qcode"); q != "" && q != "stat:usable" {
				r.n.add(k.line, "the item's publication status is %s: check before publishing it", q)
			}
		case "title":
			if r.a.Headline == "" {
				r.a.Headline = g2Text(k) // a headline, if any, replaces it
			}
		case "edNote":
			r.addEdNote(g2Block(k))
		case "signal":
			if q := k.attr("qcode"); q != "" && q != "sig:update" {
				r.n.add(k.line, "the item carries the signal %s: check it", q)
			}
		default:
			r.n.add(k.line, "dropped <%s> from itemMeta: the desk has no field for it", k.name)
		}
	}
}

func (r *g2Reader) contentMeta(el *xnode) {
	headline := false
	for _, k := range el.elems() {
		switch k.name {
		case "icon", "contentModified", "digitalSourceType", "audience", "exclAudience", "altId", "rating", "userInteraction", "contentMetaExtProperty":
			// About the item's handling, not its copy.
		case "urgency":
			r.urgency(k)
		case "contentCreated":
			if d, ok := normDay(k.textContent()); ok {
				r.a.Dateline.Date = d
			}
		case "located":
			r.located(k)
		case "infoSource":
			r.infoSource(k)
		case "creator", "contributor":
			r.party(k)
		case "language":
			r.language(k)
		case "keyword":
			r.keyword(k)
		case "subject":
			r.subject(k)
		case "genre":
			r.n.once(k.line, "dropped the genre (the desk has no field for it)")
		case "slugline":
			r.a.Slug = g2Slug(g2Text(k), k.line, r.n)
		case "headline":
			r.headline(k, &headline)
		case "dateline":
			r.dateline, r.datelineLine = g2Text(k), k.line
		case "by":
			r.by, r.byLine = g2Text(k), k.line
		case "creditline":
			r.n.add(k.line, "dropped the credit line %q (the desk has no field for it)", g2Text(k))
		case "description":
			r.description(k)
		default:
			r.n.add(k.line, "dropped <%s> from contentMeta: the desk has no field for it", k.name)
		}
	}
}

// urgency keeps a 1–9 urgency and drops anything else with a note.
func (r *g2Reader) urgency(k *xnode) {
	u, err := strconv.Atoi(strings.TrimSpace(k.textContent()))
	if err != nil || u < 1 || u > 9 {
		r.n.add(k.line, "dropped the urgency %q: urgency is 1 (most urgent) to 9", strings.TrimSpace(k.textContent()))
		return
	}
	r.a.Urgency = u
}

// infoSource names the dateline's source unless one is already set.
func (r *g2Reader) infoSource(k *xnode) {
	if name := g2Name(k); name != "" && r.a.Dateline.Source == "" {
		r.a.Dateline.Source = name
	}
}

// language takes the first non-empty language tag.
func (r *g2Reader) language(k *xnode) {
	if tag := strings.TrimSpace(k.attr("tag")); tag != "" && r.a.Language == "" {
		r.a.Language = tag
	}
}

// keyword adds a non-empty keyword to the tags.
func (r *g2Reader) keyword(k *xnode) {
	if t := g2Text(k); t != "" {
		r.a.Tags = append(r.a.Tags, t)
	}
}

// headline keeps the first headline of a contentMeta (*seen says one was
// taken) and drops any further one with a note naming its role.
func (r *g2Reader) headline(k *xnode, seen *bool) {
	if t := g2Text(k); !*seen {
		r.a.Headline, *seen = t, true
	} else {
		r.n.add(k.line, "dropped the %s headline %q", firstNonEmpty(k.attr("role"), "second"), t)
	}
}

// g2Name is a concept's name: its first <name>, else its literal.
func g2Name(el *xnode) string {
	if nm := el.child("name"); nm != nil {
		if t := g2Text(nm); t != "" {
			return t
		}
	}
	return strings.TrimSpace(el.attr("literal"))
}

// located fills the dateline's place from the located concept and its
// region from the broader country (or region).
func (r *g2Reader) located(el *xnode) {
	if r.a.Dateline.Place != "" || r.a.Dateline.Region != "" {
		r.n.add(el.line, "dropped a second located %q", g2Name(el))
		return
	}
	name := g2Name(el)
	if strings.HasSuffix(el.attr("type"), ":country") {
		r.a.Dateline.Region = name
		return
	}
	r.a.Dateline.Place = name
	for _, b := range el.elems() {
		if b.name == "broader" && strings.HasSuffix(b.attr("type"), ":country") {
			r.a.Dateline.Region = g2Name(b)
		}
	}
}

// party reads a creator (a writer) or a contributor (a credit whose role
// is the code after the scheme: ctrrol:photographer).
func (r *g2Reader) party(el *xnode) {
	name := g2Name(el)
	if name == "" {
		r.n.add(el.line, "dropped a <%s> without a name", el.name)
		return
	}
	by := editor.Byline{Name: name, Role: editor.RoleWriter}
	if nt := el.child("note"); nt != nil {
		by.Title = g2Text(nt)
	}
	if el.name == "contributor" {
		role := el.attr("role")
		if i := strings.LastIndex(role, ":"); i >= 0 {
			role = role[i+1:]
		}
		if rl := editor.Role(strings.ToLower(role)); rl.Valid() {
			by.Role = rl
		} else {
			by.Role = editor.RoleEditor
			r.n.add(el.line, "the contributor %s has the role %q, which the desk does not know: kept as an editor's credit", name, el.attr("role"))
		}
	}
	r.a.Bylines = append(r.a.Bylines, by)
}

// subject: the desk's own section subject is the section; others become
// tags by their name (a subject known only by its code is reported).
func (r *g2Reader) subject(el *xnode) {
	if lit := el.attr("literal"); strings.HasPrefix(lit, g2SectionPrefix) && r.a.Section == "" {
		r.a.Section = strings.TrimSpace(strings.TrimPrefix(lit, g2SectionPrefix))
		return
	}
	name := ""
	if nm := el.child("name"); nm != nil {
		name = g2Text(nm)
	}
	if name == "" {
		name = strings.TrimSpace(el.attr("literal"))
	}
	if name == "" {
		r.n.add(el.line, "dropped the subject %s: it has no name to tag the story with", firstNonEmpty(el.attr("qcode"), el.attr("uri")))
		return
	}
	r.a.Tags = append(r.a.Tags, name)
}

func (r *g2Reader) description(el *xnode) {
	v := g2Block(el)
	switch role := el.attr("role"); role {
	case "", "drol:summary", "drol:abstract", "drol:lead":
		if r.a.Standfirst == "" {
			// A standfirst is one run of text: the item's line breaks
			// are layout (the text export reads it back as one).
			r.a.Standfirst = strings.TrimSpace(collapseText(v))
			return
		}
	case "drol:correction":
		r.a.Correction = v
		return
	}
	r.n.add(el.line, "dropped the %s description %q", firstNonEmpty(el.attr("role"), "second"), v)
}

// finishDateline reads the natural-language dateline for what the
// metadata did not say; and the natural-language by when no creator or
// contributor named the writer.
func (r *g2Reader) finishDateline() {
	if r.by != "" && len(r.a.Writers()) == 0 {
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(r.by, "By "), "BY "))
		if name != "" {
			r.a.Bylines = append(r.a.Bylines, editor.Byline{Name: name, Role: editor.RoleWriter})
		}
	}
	text := r.dateline
	if text == "" {
		return
	}
	for _, st := range editor.Styles {
		if r.a.Dateline.Render(st) == text {
			return
		}
	}
	if d, rest, ok := editor.ParseDateline(text+" .", year(r.opt)); ok && strings.TrimSpace(rest) == "." {
		mergeDateline(r.a, d, r.datelineLine, r.n)
		return
	}
	if r.a.Dateline.Place == "" {
		r.a.Dateline.Place = strings.TrimRight(text, " .,-—")
		r.n.add(r.datelineLine, "the dateline %q does not read as place, date and agency: kept whole as the place, check it", text)
	}
}
