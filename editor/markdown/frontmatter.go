package markdown

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"copydesk/editor"
)

// fmReader reads the front matter into an article key by key, from the
// YAML node tree rather than by unmarshalling into a struct: that way an
// unknown key is reported instead of ignored, a duplicate key is caught,
// and every error names the key's line in the file.
type fmReader struct {
	src       *source
	firstLine int // file line of the YAML text's first line
	a         *editor.Article
	lines     map[string]int // field path ("bylines[1].role") → file line
	set       fields
	warnings  []editor.Warning
	// kill and withhold are the notes of the notice keys.
	kill, withhold string
}

// handler takes the value node of one key.
type handler func(v *yaml.Node) error

func (r *fmReader) read(text string) error {
	var doc yaml.Node
	if err := r.unmarshal(text, &doc); err != nil {
		return err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil // only blank lines or comments
	}
	root := resolve(doc.Content[0])
	if isNull(root) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return r.src.inputError(r.line(root), "the front matter is not a list of \"key: value\" lines",
			"write the metadata as e.g. \"headline: …\" on its own line, one key a line")
	}
	a := r.a
	err := r.mapping("", root, map[string]handler{
		"id":          r.str("id", &a.ID),
		"slug":        r.str("slug", &a.Slug),
		"section":     r.str("section", &a.Section),
		"headline":    r.flag(&r.set.headline, r.str("headline", &a.Headline)),
		"standfirst":  r.flag(&r.set.standfirst, r.str("standfirst", &a.Standfirst)),
		"dateline":    r.dateline,
		"bylines":     r.bylines,
		"photo":       r.photo,
		"tags":        r.strList("tags", &a.Tags),
		"status":      r.status("status", &a.Status, false),
		"spiked_from": r.status("spiked_from", &a.SpikedFrom, true),
		"urgency":     r.integer("urgency", &a.Urgency),
		"language":    r.str("language", &a.Language),
		"embargo":     r.time("embargo", &a.Embargo, nil),
		"correction":  r.str("correction", &a.Correction),
		"kill":        r.str("kill", &r.kill),
		"withhold":    r.str("withhold", &r.withhold),
		"ednote":      r.str("ednote", &a.EdNote),
		"created":     r.time("created", &a.Created, &r.set.created),
		"modified":    r.time("modified", &a.Modified, &r.set.modified),
	})
	if err != nil {
		return err
	}
	return r.notice()
}

// notice makes the kill or withhold key the article's notice: one of them.
func (r *fmReader) notice() error {
	switch {
	case r.kill != "" && r.withhold != "":
		return r.src.inputError(r.lines["withhold"], "the front matter has both kill and withhold",
			"keep one: a killed story is not withheld")
	case r.kill != "":
		r.a.Notice = editor.Notice{Kind: editor.NoticeKill, Note: r.kill}
	case r.withhold != "":
		r.a.Notice = editor.Notice{Kind: editor.NoticeWithhold, Note: r.withhold}
	}
	return nil
}

// unmarshal parses the YAML text. yaml.v3 is not known to panic on any
// input since v3.0.1, but an importer must never take the program down
// with it, so a panic becomes an input error.
func (r *fmReader) unmarshal(text string, doc *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = r.src.inputError(r.firstLine, fmt.Sprintf("the front matter could not be read (the YAML reader failed: %v)", p),
				"check the metadata between the --- lines")
		}
	}()
	if e := yaml.Unmarshal([]byte(text), doc); e != nil {
		return r.syntaxError(e)
	}
	return nil
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxError turns a yaml.v3 error ("yaml: line 3: mapping values are not
// allowed in this context") into an input error on the file's line.
func (r *fmReader) syntaxError(err error) error {
	msg := strings.TrimSpace(err.Error())
	line := r.firstLine
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			line = r.firstLine + n - 1
		}
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return r.src.inputError(line, "the front matter is not valid YAML: "+msg,
		"put a value that holds \": \", \" #\" or starts with a sign such as - [ { * & ! | > ' \" % @ in double quotes, e.g. headline: \"Q&A: what next\"")
}

func (r *fmReader) line(n *yaml.Node) int { return n.Line + r.firstLine - 1 }

// mapping walks the keys of m in file order: known keys go to their
// handler, unknown ones become warnings, a repeated key is an error.
func (r *fmReader) mapping(path string, m *yaml.Node, keys map[string]handler) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := resolve(m.Content[i]), m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.warn(r.line(k), fmt.Sprintf("a key in %s that is not a word was dropped", orTop(path)))
			continue
		}
		name := join(path, k.Value)
		if prev, dup := seen[k.Value]; dup {
			return r.src.inputError(r.line(k), fmt.Sprintf("the key %q appears twice (lines %d and %d)", name, prev, r.line(k)),
				"keep one of them")
		}
		seen[k.Value] = r.line(k)
		h, ok := keys[k.Value]
		if !ok {
			r.unknown(name, k.Value, r.line(k), keys)
			continue
		}
		r.lines[name] = r.line(k)
		if err := h(v); err != nil {
			return err
		}
	}
	return nil
}

func orTop(path string) string {
	if path == "" {
		return "the front matter"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (r *fmReader) warn(line int, msg string) {
	r.warnings = append(r.warnings, editor.Warning{Line: line, Message: msg})
}

// likelyKeys maps keys that other tools write (Jekyll, Hugo, pandoc) to the
// key Copydesk reads in their place. They are suggested, never applied:
// "date" alone could mean the dateline's day or the time of filing.
var likelyKeys = map[string]string{
	"title": "headline", "subtitle": "standfirst", "description": "standfirst",
	"summary": "standfirst", "abstract": "standfirst", "dek": "standfirst",
	"keywords": "tags", "subjects": "tags", "categories": "tags",
	"author": "bylines", "authors": "bylines", "byline": "bylines", "by": "bylines",
	"date": "created, modified or dateline.date", "updated": "modified", "lastmod": "modified",
	"country": "dateline.region", "city": "dateline.place", "location": "dateline.place",
	"body": "the body, after the closing ---", "note": "ednote", "lang": "language",
	"desk": "section", "category": "section", "slugline": "slug",
}

func (r *fmReader) unknown(name, key string, line int, keys map[string]handler) {
	msg := fmt.Sprintf("unknown key %q dropped", name)
	hint := ""
	for k := range keys {
		if strings.EqualFold(k, key) {
			hint = k
		}
	}
	if hint == "" {
		hint = likelyKeys[strings.ToLower(key)]
	}
	if hint != "" {
		msg += fmt.Sprintf(": did you mean %s?", hint)
	} else {
		known := make([]string, 0, len(keys))
		for k := range keys {
			known = append(known, k)
		}
		sort.Strings(known)
		msg += " (known here: " + strings.Join(known, ", ") + ")"
	}
	r.warn(line, msg)
}

func (r *fmReader) flag(set *bool, h handler) handler {
	return func(v *yaml.Node) error {
		*set = true
		return h(v)
	}
}

// resolve follows an alias (*name) to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; i < 100 && n != nil && n.Kind == yaml.AliasNode && n.Alias != nil; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// typeError says what a value should have been, with an example.
func (r *fmReader) typeError(path string, n *yaml.Node, want, example string) error {
	got := "a list"
	switch n.Kind {
	case yaml.MappingNode:
		got = "a group of keys"
	case yaml.ScalarNode:
		got = strconv.Quote(n.Value)
	case yaml.AliasNode:
		got = "an alias"
	}
	return r.src.inputError(r.line(n), fmt.Sprintf("%s must be %s, not %s", path, want, got), "write it as e.g. "+example)
}

func (r *fmReader) scalar(path string, v *yaml.Node, want, example string) (string, error) {
	n := resolve(v)
	if isNull(n) {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", r.typeError(path, n, want, example)
	}
	return n.Value, nil
}

func (r *fmReader) str(path string, dst *string) handler {
	return func(v *yaml.Node) error {
		s, err := r.scalar(path, v, "text", path+": \"…\"")
		*dst = s
		return err
	}
}

func (r *fmReader) integer(path string, dst *int) handler {
	return func(v *yaml.Node) error {
		n := resolve(v)
		if isNull(n) {
			*dst = 0
			return nil
		}
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(dst) != nil {
			return r.typeError(path, n, "a whole number", path+": 3")
		}
		return nil
	}
}

func (r *fmReader) boolean(path string, dst *bool) handler {
	return func(v *yaml.Node) error {
		n := resolve(v)
		if isNull(n) {
			*dst = false
			return nil
		}
		// Decode also takes YAML 1.1's yes/no and on/off.
		if n.Kind != yaml.ScalarNode || n.Decode(dst) != nil {
			return r.typeError(path, n, "true or false", path+": true")
		}
		return nil
	}
}

// strList reads a list of words. A single word is refused rather than
// taken as a list of one: "tags: 5" is more likely a mistake than a tag.
func (r *fmReader) strList(path string, dst *[]string) handler {
	return func(v *yaml.Node) error {
		n := resolve(v)
		*dst = nil
		if isNull(n) {
			return nil
		}
		example := path + ": [Russia, security]"
		if n.Kind != yaml.SequenceNode {
			return r.typeError(path, n, "a list", example)
		}
		for i, item := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			s, err := r.scalar(p, item, "a word or phrase", example)
			if err != nil {
				return err
			}
			r.lines[p] = r.line(resolve(item))
			*dst = append(*dst, s)
		}
		return nil
	}
}

// time reads an RFC 3339 time. An empty value counts as missing.
func (r *fmReader) time(path string, dst *time.Time, set *bool) handler {
	return func(v *yaml.Node) error {
		s, err := r.scalar(path, v, "a time", path+": 2019-10-16T09:30:00Z")
		if err != nil {
			return err
		}
		*dst = time.Time{}
		if strings.TrimSpace(s) == "" {
			return nil
		}
		t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
		if err != nil {
			return r.src.inputError(r.line(resolve(v)), fmt.Sprintf("%s %q is not a time", path, s),
				"write it as RFC 3339, e.g. "+path+": 2019-10-16T09:30:00Z or 2019-10-16T12:30:00+03:00")
		}
		*dst = normalizeZone(t)
		if set != nil {
			*set = true
		}
		return nil
	}
}

// normalizeZone gives a parsed time a location that depends on its offset
// alone: time.Parse picks time.Local when the offset happens to match the
// machine's zone, which would make the same file read differently on
// different machines.
func normalizeZone(t time.Time) time.Time {
	_, off := t.Zone()
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

// status reads a workflow status as editor.ParseStatus accepts it. An
// empty status counts as missing (draft); an empty spiked_from is allowed.
func (r *fmReader) status(path string, dst *editor.Status, emptyOK bool) handler {
	return func(v *yaml.Node) error {
		s, err := r.scalar(path, v, "a status", path+": draft")
		if err != nil {
			return err
		}
		if strings.TrimSpace(s) == "" {
			if emptyOK {
				*dst = ""
			}
			return nil
		}
		st, err := editor.ParseStatus(s)
		if err != nil {
			return r.src.inputError(r.line(resolve(v)), path+": "+err.Error(), "")
		}
		*dst = st
		return nil
	}
}

func (r *fmReader) group(path string, v *yaml.Node, keys map[string]handler) error {
	n := resolve(v)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		var names []string
		for k := range keys {
			names = append(names, k)
		}
		sort.Strings(names)
		return r.typeError(path, n, "a group of keys ("+strings.Join(names, ", ")+")",
			path+": {"+names[0]+": …}")
	}
	return r.mapping(path, n, keys)
}

func (r *fmReader) dateline(v *yaml.Node) error {
	d := &r.a.Dateline
	return r.group("dateline", v, map[string]handler{
		"place":  r.str("dateline.place", &d.Place),
		"region": r.str("dateline.region", &d.Region),
		"date": func(v *yaml.Node) error {
			s, err := r.scalar("dateline.date", v, "a day", "date: 2019-10-16")
			if err != nil {
				return err
			}
			if s != "" {
				if _, err := time.Parse(editor.DateLayout, s); err != nil {
					return r.src.inputError(r.line(resolve(v)), fmt.Sprintf("dateline.date %q is not a day", s),
						"write it as YYYY-MM-DD, e.g. date: 2019-10-16")
				}
			}
			d.Date = s
			return nil
		},
		"date_assumed": r.boolean("dateline.date_assumed", &d.DateAssumed),
		"source":       r.str("dateline.source", &d.Source),
	})
}

func (r *fmReader) photo(v *yaml.Node) error {
	p := &r.a.Photo
	return r.group("photo", v, map[string]handler{
		"caption":   r.str("photo.caption", &p.Caption),
		"credit":    r.str("photo.credit", &p.Credit),
		"copyright": r.str("photo.copyright", &p.Copyright),
	})
}

// bylines reads a list whose items are either a name (a writer) or a group
// of name, role and title. A missing role is writer; roles are matched
// without regard to case.
func (r *fmReader) bylines(v *yaml.Node) error {
	n := resolve(v)
	r.a.Bylines = nil
	if isNull(n) {
		return nil
	}
	example := "bylines: [{name: Jane Doe, role: writer, title: Moscow correspondent}]"
	if n.Kind != yaml.SequenceNode {
		return r.typeError("bylines", n, "a list", example)
	}
	for i, item := range n.Content {
		path := fmt.Sprintf("bylines[%d]", i)
		it := resolve(item)
		r.lines[path] = r.line(it)
		var b editor.Byline
		switch {
		case isNull(it):
		case it.Kind == yaml.ScalarNode:
			b.Name = it.Value
		case it.Kind == yaml.MappingNode:
			var role string
			err := r.mapping(path, it, map[string]handler{
				"name":  r.str(path+".name", &b.Name),
				"role":  r.str(path+".role", &role),
				"title": r.str(path+".title", &b.Title),
			})
			if err != nil {
				return err
			}
			b.Role = editor.Role(strings.ToLower(strings.TrimSpace(role)))
		default:
			return r.typeError(path, it, "a name or a group of name, role and title", example)
		}
		if b.Role == "" {
			b.Role = editor.RoleWriter
		}
		r.a.Bylines = append(r.a.Bylines, b)
	}
	return nil
}
