package review

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/compare"
)

// field is one metadata field a card can accept or reject: how to read it
// as text, compare it exactly and copy it from one article to another.
// Exact comparison (tags and bylines as ordered lists, case kept) is what
// makes "reject all" give A back byte for byte.
type field struct {
	name, label string
	prose       bool // flagged for numbers and quotes
	text        func(*editor.Article) string
	equal       func(a, b *editor.Article) bool
	copy        func(dst, src *editor.Article)
}

func str(name, label string, prose bool, get func(*editor.Article) *string) field {
	return field{name: name, label: label, prose: prose,
		text:  func(a *editor.Article) string { return *get(a) },
		equal: func(a, b *editor.Article) bool { return *get(a) == *get(b) },
		copy:  func(dst, src *editor.Article) { *get(dst) = *get(src) },
	}
}

// fields are every field of the article but the ID, the body and the
// timestamps, in the order the metadata panel shows them.
var fields = []field{
	str("headline", "Headline", true, func(a *editor.Article) *string { return &a.Headline }),
	str("standfirst", "Standfirst", true, func(a *editor.Article) *string { return &a.Standfirst }),
	str("section", "Section", false, func(a *editor.Article) *string { return &a.Section }),
	str("slug", "Slug", false, func(a *editor.Article) *string { return &a.Slug }),
	str("dateline.place", "Dateline place", false, func(a *editor.Article) *string { return &a.Dateline.Place }),
	str("dateline.region", "Dateline region", false, func(a *editor.Article) *string { return &a.Dateline.Region }),
	str("dateline.date", "Dateline date", false, func(a *editor.Article) *string { return &a.Dateline.Date }),
	{name: "dateline.date_assumed", label: "Dateline year assumed",
		text:  func(a *editor.Article) string { return yesNo(a.Dateline.DateAssumed) },
		equal: func(a, b *editor.Article) bool { return a.Dateline.DateAssumed == b.Dateline.DateAssumed },
		copy:  func(dst, src *editor.Article) { dst.Dateline.DateAssumed = src.Dateline.DateAssumed }},
	str("dateline.source", "Dateline source", false, func(a *editor.Article) *string { return &a.Dateline.Source }),
	{name: "bylines", label: "Bylines",
		text: func(a *editor.Article) string {
			parts := make([]string, len(a.Bylines))
			for i, b := range a.Bylines {
				parts[i] = compare.BylineText(b)
			}
			return strings.Join(parts, "; ")
		},
		equal: func(a, b *editor.Article) bool { return slices.Equal(a.Bylines, b.Bylines) },
		copy:  func(dst, src *editor.Article) { dst.Bylines = slices.Clone(src.Bylines) }},
	str("photo.caption", "Photo caption", true, func(a *editor.Article) *string { return &a.Photo.Caption }),
	str("photo.credit", "Photo credit", false, func(a *editor.Article) *string { return &a.Photo.Credit }),
	str("photo.copyright", "Photo copyright", false, func(a *editor.Article) *string { return &a.Photo.Copyright }),
	{name: "tags", label: "Tags",
		text:  func(a *editor.Article) string { return strings.Join(a.Tags, ", ") },
		equal: func(a, b *editor.Article) bool { return slices.Equal(a.Tags, b.Tags) },
		copy:  func(dst, src *editor.Article) { dst.Tags = slices.Clone(src.Tags) }},
	// The status carries the status to return to on unspike: one decision.
	{name: "status", label: "Status",
		text: func(a *editor.Article) string {
			if a.SpikedFrom != "" {
				return string(a.Status) + " (from " + string(a.SpikedFrom) + ")"
			}
			return string(a.Status)
		},
		equal: func(a, b *editor.Article) bool { return a.Status == b.Status && a.SpikedFrom == b.SpikedFrom },
		copy:  func(dst, src *editor.Article) { dst.Status, dst.SpikedFrom = src.Status, src.SpikedFrom }},
	{name: "urgency", label: "Urgency",
		text: func(a *editor.Article) string {
			if a.Urgency == 0 {
				return ""
			}
			return strconv.Itoa(a.Urgency)
		},
		equal: func(a, b *editor.Article) bool { return a.Urgency == b.Urgency },
		copy:  func(dst, src *editor.Article) { dst.Urgency = src.Urgency }},
	str("language", "Language", false, func(a *editor.Article) *string { return &a.Language }),
	{name: "embargo", label: "Embargo",
		text: func(a *editor.Article) string {
			if a.Embargo.IsZero() {
				return ""
			}
			return a.Embargo.UTC().Format(time.RFC3339)
		},
		equal: func(a, b *editor.Article) bool { return a.Embargo.Equal(b.Embargo) },
		copy:  func(dst, src *editor.Article) { dst.Embargo = src.Embargo }},
	str("correction", "Correction", true, func(a *editor.Article) *string { return &a.Correction }),
	str("ednote", "Ednote", false, func(a *editor.Article) *string { return &a.EdNote }),
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}
