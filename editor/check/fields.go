package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"copydesk/editor"
)

// segment is one stretch of copy a check reads: a one-line field, or one
// body block.
type segment struct {
	field string
	block int // -1 outside the body
	text  string
}

// segments lists the copy readers see, in the order the story reads:
// headline, standfirst, photo caption, the body blocks, the correction.
// Names, credits, tags and the ednote are not copy to check.
func segments(a *editor.Article) []segment {
	segs := []segment{
		{field: "headline", block: -1, text: a.Headline},
		{field: "standfirst", block: -1, text: a.Standfirst},
		{field: "photo.caption", block: -1, text: a.Photo.Caption},
	}
	for i, b := range editor.ParseBody(a.Body) {
		segs = append(segs, segment{field: "body", block: i, text: b.Text})
	}
	segs = append(segs, segment{field: "correction", block: -1, text: a.Correction})
	out := segs[:0]
	for _, s := range segs {
		if strings.TrimSpace(s.text) != "" {
			out = append(out, s)
		}
	}
	return out
}

// fieldOrder ranks fields for sorting findings in reading order.
var fieldOrder = map[string]int{
	"headline": 0, "standfirst": 1, "photo.caption": 2, "dateline": 3, "dateline.place": 3,
	"dateline.date": 3, "dateline.source": 3, "body": 4, "correction": 5,
}

// field returns a pointer to the article's text field a place names.
func field(a *editor.Article, name string) (*string, bool) {
	switch name {
	case "headline":
		return &a.Headline, true
	case "standfirst":
		return &a.Standfirst, true
	case "photo.caption":
		return &a.Photo.Caption, true
	case "correction":
		return &a.Correction, true
	case "dateline.place":
		return &a.Dateline.Place, true
	case "dateline.region":
		return &a.Dateline.Region, true
	case "dateline.source":
		return &a.Dateline.Source, true
	}
	return nil, false
}

// Apply returns a copy of the article with the finding's fix (or, when
// replacement is not nil, that replacement — a spelling suggestion) made.
// The article itself is not changed. It fails when the finding has no fix
// and no replacement is given, or when the copy at the finding's place is
// no longer what was checked.
func Apply(a *editor.Article, f Finding, replacement *string) (*editor.Article, error) {
	with := f.Fix
	if replacement != nil {
		with = replacement
	}
	if with == nil {
		return nil, fmt.Errorf("%s: the %s rule gives no fix here", f.Place, f.Rule)
	}
	out := a.Clone()
	if f.Place.Field == "body" {
		blocks := editor.ParseBody(out.Body)
		if f.Place.Block < 0 || f.Place.Block >= len(blocks) {
			return nil, staleError(f)
		}
		t, err := splice(blocks[f.Place.Block].Text, f, *with)
		if err != nil {
			return nil, err
		}
		blocks[f.Place.Block].Text = t
		out.Body = editor.FormatBody(blocks)
		return out, nil
	}
	p, ok := field(out, f.Place.Field)
	if !ok {
		return nil, fmt.Errorf("%s: no fix can be made in this field", f.Place)
	}
	t, err := splice(*p, f, *with)
	if err != nil {
		return nil, err
	}
	*p = t
	return out, nil
}

// splice replaces runes [Start, End) of text with with, after checking
// they still read f.Text.
func splice(text string, f Finding, with string) (string, error) {
	start, ok1 := byteOffset(text, f.Place.Start)
	end, ok2 := byteOffset(text, f.Place.End)
	if !ok1 || !ok2 || start > end || text[start:end] != f.Text {
		return "", staleError(f)
	}
	return text[:start] + with + text[end:], nil
}

func staleError(f Finding) error {
	return fmt.Errorf("%s: the copy there is no longer %q: check again", f.Place, f.Text)
}

// byteOffset converts a rune offset into a byte offset in s.
func byteOffset(s string, runes int) (int, bool) {
	if runes < 0 {
		return 0, false
	}
	i := 0
	for n := 0; n < runes; n++ {
		if i >= len(s) {
			return 0, false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, true
}

// ApplyAll makes every fix among the findings that has one and returns
// the new article and how many fixes were made. Within a field or body
// block the fixes go from the end backwards, so earlier places stay
// valid; a fix overlapping one already made is skipped. It fails, making
// none, when any place no longer reads what was checked.
func ApplyAll(a *editor.Article, fs []Finding) (*editor.Article, int, error) {
	var fixes []Finding
	for _, f := range fs {
		if f.Fix != nil {
			fixes = append(fixes, f)
		}
	}
	sortFindings(fixes)
	out := a.Clone()
	blocks := editor.ParseBody(out.Body)
	bodyChanged, n := false, 0
	lastField, lastBlock, lastStart := "", -2, -1
	for i := len(fixes) - 1; i >= 0; i-- {
		f := fixes[i]
		if f.Place.Field == lastField && f.Place.Block == lastBlock && f.Place.End > lastStart {
			continue
		}
		var text *string
		if f.Place.Field == "body" {
			if f.Place.Block < 0 || f.Place.Block >= len(blocks) {
				return a, 0, staleError(f)
			}
			text, bodyChanged = &blocks[f.Place.Block].Text, true
		} else if p, ok := field(out, f.Place.Field); ok {
			text = p
		} else {
			return a, 0, fmt.Errorf("%s: no fix can be made in this field", f.Place)
		}
		t, err := splice(*text, f, *f.Fix)
		if err != nil {
			return a, 0, err
		}
		*text = t
		n++
		lastField, lastBlock, lastStart = f.Place.Field, f.Place.Block, f.Place.Start
	}
	if bodyChanged {
		out.Body = editor.FormatBody(blocks)
	}
	return out, n, nil
}
