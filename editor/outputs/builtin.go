package outputs

import "copydesk/editor/formats"

// Builtins are the profiles a desk has until it keeps its own. The numbers
// are the common wire and web figures:
//
//   - alert: AFP's English alert, a headline of 55 characters at most and
//     nothing else.
//   - urgent: the headline and the first paragraph only; 80 characters and
//     60 words, the length of a wire "urgent" lead.
//   - story: the full story in NITF; a 90-character headline, a 40-word
//     standfirst and 1,200 words of body, a wire desk's default story.
//   - web: HTML; a 70-character headline (what search results show before
//     cutting it), a 160-character standfirst (a meta description) and no
//     body limit.
func Builtins() []Profile {
	return []Profile{
		{Name: "alert", Format: formats.Text, Fields: []Field{Headline},
			Limits: Limits{HeadlineChars: 55}},
		{Name: "urgent", Format: formats.Text, Fields: []Field{Headline, Lead},
			Limits: Limits{HeadlineChars: 80, BodyWords: 60}},
		{Name: "story", Format: formats.NITF, Fields: []Field{Headline, Standfirst, Body},
			Limits: Limits{HeadlineChars: 90, StandfirstWords: 40, BodyWords: 1200}},
		{Name: "web", Format: formats.HTML, Fields: []Field{Headline, Standfirst, Body},
			Limits: Limits{HeadlineChars: 70, StandfirstChars: 160}},
	}
}

// Find returns the profile named name (case ignored), or nil.
func Find(ps []Profile, name string) *Profile {
	for i := range ps {
		if equalFold(ps[i].Name, name) {
			return &ps[i]
		}
	}
	return nil
}
