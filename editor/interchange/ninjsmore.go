package interchange

import (
	"encoding/json"
	"sort"
	"strings"

	"copydesk/editor"
)

// ninjsAssoc is an associated item as far as the desk reads it: a picture
// with its caption, credit and copyright, in the 2.x or 1.x shape.
type ninjsAssoc struct {
	Name            string      `json:"name"`
	Type            string      `json:"type"`
	Descriptions    []ninjsText `json:"descriptions"`
	DescriptionText string      `json:"description_text"`
	DescriptionHTML string      `json:"description_html"`
	Headline        string      `json:"headline"`
	By              string      `json:"by"`
	Byline          string      `json:"byline"`
	CopyrightNotice string      `json:"copyrightnotice"`
	CopyrightHolder string      `json:"copyrightholder"`
}

// associations takes the first picture as the story's photo; other
// associated items are reported. ninjs 2.x lists them, 1.x keys them by
// name.
func (r *ninjsReader) associations(f ninjsField) {
	var items []ninjsAssoc
	if err := json.Unmarshal(f.raw, &items); err != nil {
		var named map[string]ninjsAssoc
		if err := json.Unmarshal(f.raw, &named); err != nil {
			r.n.add(f.line, "dropped associations: expected a list (ninjs 2) or an object (ninjs 1) of items, found %s", kindOf(f.raw))
			return
		}
		keys := make([]string, 0, len(named))
		for k := range named {
			keys = append(keys, k)
		}
		// ninjs 1.x (AP) names the story's own picture "featuremedia":
		// it comes first, and is a picture even when untyped.
		sort.Slice(keys, func(i, j int) bool {
			if (keys[i] == "featuremedia") != (keys[j] == "featuremedia") {
				return keys[i] == "featuremedia"
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			it := named[k]
			if it.Name == "" {
				it.Name = k
			}
			if k == "featuremedia" && it.Type == "" {
				it.Type = "picture"
			}
			items = append(items, it)
		}
	}
	for _, it := range items {
		if it.Type != "picture" && it.Type != "graphic" {
			r.n.add(f.line, "dropped the associated %s item %q: the desk keeps one photo's caption and credits", firstNonEmpty(it.Type, "untyped"), it.Name)
			continue
		}
		ph := editor.Photo{
			Credit:    strings.TrimSpace(firstNonEmpty(it.By, it.Byline)),
			Copyright: strings.TrimSpace(firstNonEmpty(it.CopyrightNotice, it.CopyrightHolder)),
		}
		for _, d := range it.Descriptions {
			switch strings.ToLower(d.Role) {
			case "caption", "", "summary", "description":
				if ph.Caption == "" {
					ph.Caption = r.textValue(d, f.line)
					continue
				}
			}
			r.n.add(f.line, "dropped the photo's %s description %q", firstNonEmpty(d.Role, "second"), d.Value)
		}
		if ph.Caption == "" {
			ph.Caption = firstNonEmpty(it.DescriptionText, r.textValue(ninjsText{ContentType: "text/html", Value: it.DescriptionHTML}, f.line))
		}
		if it.Headline != "" {
			r.n.add(f.line, "dropped the photo's headline %q", it.Headline)
		}
		if !r.a.Photo.IsZero() {
			r.n.add(f.line, "dropped a second picture %q (the desk keeps one): caption %q", it.Name, ph.Caption)
			continue
		}
		r.a.Photo = ph
	}
}

// markedDateline handles the dateline the desk's own ninjs export marks
// with <span class="dateline"> at the head of the HTML body: it is cut
// from the copy. When the item's metadata (located, contentcreated,
// infosources) already says it, nothing more is needed; else it is read
// as text.
func (r *ninjsReader) markedDateline(text string, line int) {
	for _, st := range editor.Styles {
		if r.a.Dateline.RenderIn(st, r.a.Language) == text {
			return
		}
	}
	if d, rest, ok := editor.ParseDateline(text+" .", year(r.opt)); ok && strings.TrimSpace(rest) == "." {
		mergeDateline(r.a, d, line, r.n)
		return
	}
	if r.a.Dateline.IsZero() {
		r.a.EdNote = strings.TrimSpace(r.a.EdNote + "\nDateline as received: " + text)
		r.n.add(line, "the dateline %q does not read as one: kept in the ednote, fill the dateline by hand", text)
		return
	}
	r.n.add(line, "the body's dateline %q differs from the item's located/contentcreated: the metadata is kept", text)
}

// leadingDateline cuts a dateline that heads the first paragraph (see
// cutLeadingDateline).
func (r *ninjsReader) leadingDateline(blocks []block) []block {
	return cutLeadingDateline(r.a, blocks, r.opt, r.n)
}
