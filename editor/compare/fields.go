package compare

import (
	"strconv"
	"strings"
	"time"

	"copydesk/editor"
)

// compareFields lists every metadata field that differs, in the order the
// metadata panel shows them.
func (c *comparer) compareFields(a, b *editor.Article) []FieldChange {
	var out []FieldChange
	prose := func(field, label, old, new string) {
		if old != new {
			out = append(out, FieldChange{Field: field, Label: label, Old: old, New: new, Chunks: c.diffText(old, new)})
		}
	}
	plain := func(field, label, old, new string) {
		if old != new {
			out = append(out, FieldChange{Field: field, Label: label, Old: old, New: new})
		}
	}
	prose("headline", "Headline", a.Headline, b.Headline)
	prose("standfirst", "Standfirst", a.Standfirst, b.Standfirst)
	plain("section", "Section", a.Section, b.Section)
	plain("slug", "Slug", a.Slug, b.Slug)

	da, db := a.Dateline, b.Dateline
	plain("dateline", "Dateline", da.Render(c.opt.DatelineStyle), db.Render(c.opt.DatelineStyle))
	plain("dateline.place", "Dateline place", da.Place, db.Place)
	plain("dateline.region", "Dateline region", da.Region, db.Region)
	plain("dateline.date", "Dateline date", da.Date, db.Date)
	plain("dateline.date_assumed", "Dateline year assumed", yesNo(da.DateAssumed), yesNo(db.DateAssumed))
	plain("dateline.source", "Dateline source", da.Source, db.Source)

	out = append(out, bylineChanges(a.Bylines, b.Bylines)...)

	prose("photo.caption", "Photo caption", a.Photo.Caption, b.Photo.Caption)
	plain("photo.credit", "Photo credit", a.Photo.Credit, b.Photo.Credit)
	plain("photo.copyright", "Photo copyright", a.Photo.Copyright, b.Photo.Copyright)

	if added, removed := tagChanges(a.Tags, b.Tags); len(added)+len(removed) > 0 {
		out = append(out, FieldChange{Field: "tags", Label: "Tags", Old: strings.Join(a.Tags, ", "),
			New: strings.Join(b.Tags, ", "), Added: added, Removed: removed})
	}

	plain("status", "Status", statusText(a.Status), statusText(b.Status))
	plain("urgency", "Urgency", urgencyText(a.Urgency), urgencyText(b.Urgency))
	plain("language", "Language", a.Language, b.Language)
	plain("embargo", "Embargo", timeText(a.Embargo), timeText(b.Embargo))
	prose("correction", "Correction", a.Correction, b.Correction)
	prose("notice", "Notice", noticeText(a.Notice), noticeText(b.Notice))
	if a.EdNote != b.EdNote {
		out = append(out, FieldChange{Field: "ednote", Label: "Ednote", Old: a.EdNote, New: b.EdNote,
			Chunks: c.diffText(a.EdNote, b.EdNote), Internal: true})
	}
	return out
}

// noticeText is a kill or withhold notice as subscribers read it.
func noticeText(n editor.Notice) string {
	if n.IsZero() {
		return ""
	}
	return n.Text()
}

// diffText is the word-level diff of two field values.
func (c *comparer) diffText(a, b string) []Chunk {
	return c.diffTokens(c.tokenize(a), c.tokenize(b))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func statusText(s editor.Status) string {
	if s == "" {
		return ""
	}
	return s.Label()
}

func urgencyText(u int) string {
	if u == 0 {
		return ""
	}
	return strconv.Itoa(u)
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// tagChanges compares tags as a set, ignoring case and spacing (TagKey):
// a tag respelt in another case is not a change.
func tagChanges(a, b []string) (added, removed []string) {
	inA := make(map[string]bool, len(a))
	for _, t := range a {
		inA[editor.TagKey(t)] = true
	}
	inB := make(map[string]bool, len(b))
	for _, t := range b {
		k := editor.TagKey(t)
		if !inB[k] && !inA[k] && k != "" {
			added = append(added, t)
		}
		inB[k] = true
	}
	seen := make(map[string]bool, len(a))
	for _, t := range a {
		k := editor.TagKey(t)
		if !inB[k] && !seen[k] && k != "" {
			removed = append(removed, t)
		}
		seen[k] = true
	}
	return added, removed
}

// BylineText is a byline as the reports show it: "Name (role, title)".
func BylineText(b editor.Byline) string {
	var extra []string
	if b.Role != "" {
		extra = append(extra, string(b.Role))
	}
	if b.Title != "" {
		extra = append(extra, b.Title)
	}
	if len(extra) == 0 {
		return b.Name
	}
	return b.Name + " (" + strings.Join(extra, ", ") + ")"
}

// bylineChanges reports names added and removed (one "bylines" change with
// both lists, and the whole list before and after), and for a name on both
// sides whose role or title changed, a "bylines.role" / "bylines.title"
// change. A person can be on the story twice (writer and photographer), so
// identical bylines are matched first, then the rest by name.
func bylineChanges(a, b []editor.Byline) []FieldChange {
	restA, restB := append([]editor.Byline(nil), a...), append([]editor.Byline(nil), b...)
	for i := 0; i < len(restA); i++ {
		for j := range restB {
			if sameName(restA[i], restB[j]) && restA[i].Role == restB[j].Role && restA[i].Title == restB[j].Title {
				restA = append(restA[:i], restA[i+1:]...)
				restB = append(restB[:j], restB[j+1:]...)
				i--
				break
			}
		}
	}
	var roles []FieldChange
	for i := 0; i < len(restA); i++ {
		for j := range restB {
			if !sameName(restA[i], restB[j]) {
				continue
			}
			ba, bb := restA[i], restB[j]
			if ba.Role != bb.Role {
				roles = append(roles, FieldChange{Field: "bylines.role", Label: "Role of " + bb.Name, Person: bb.Name, Old: string(ba.Role), New: string(bb.Role)})
			}
			if ba.Title != bb.Title {
				roles = append(roles, FieldChange{Field: "bylines.title", Label: "Title of " + bb.Name, Person: bb.Name, Old: ba.Title, New: bb.Title})
			}
			restA = append(restA[:i], restA[i+1:]...)
			restB = append(restB[:j], restB[j+1:]...)
			i--
			break
		}
	}
	oldList, newList := bylineList(a), bylineList(b)
	if oldList == newList {
		return nil
	}
	all := FieldChange{Field: "bylines", Label: "Bylines", Old: oldList, New: newList}
	for _, x := range restA {
		all.Removed = append(all.Removed, BylineText(x))
	}
	for _, x := range restB {
		all.Added = append(all.Added, BylineText(x))
	}
	return append([]FieldChange{all}, roles...)
}

func sameName(x, y editor.Byline) bool { return editor.TagKey(x.Name) == editor.TagKey(y.Name) }

func bylineList(bs []editor.Byline) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = BylineText(b)
	}
	return strings.Join(parts, "; ")
}
