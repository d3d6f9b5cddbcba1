package editor

import "time"

// Revise applies an update filed from elsewhere (a wire or Markdown file)
// to an article on the desk and returns the result. The copy comes from the
// update — headline, standfirst, body — and so does every other field the
// update carries; what the update leaves empty keeps the desk's value. The
// desk's own fields (ID, created time, status, ednote, embargo,
// correction) are never taken from a file.
func Revise(desk, update *Article, now time.Time) *Article {
	a := desk.Clone()
	a.Headline = update.Headline
	a.Standfirst = update.Standfirst
	a.Body = update.Body
	if update.Section != "" {
		a.Section = update.Section
	}
	if update.Slug != "" {
		a.Slug = update.Slug
	}
	if !update.Dateline.IsZero() {
		a.Dateline = update.Dateline
	}
	if !update.Photo.IsZero() {
		a.Photo = update.Photo
	}
	if len(update.Bylines) > 0 {
		a.Bylines = append([]Byline(nil), update.Bylines...)
	}
	if len(update.Tags) > 0 {
		a.Tags = NormalizeTags(append(append([]string(nil), a.Tags...), update.Tags...))
	}
	if update.Urgency != 0 {
		a.Urgency = update.Urgency
	}
	if update.Language != "" {
		a.Language = update.Language
	}
	now = now.UTC().Truncate(time.Millisecond)
	if now.Before(a.Created) {
		now = a.Created
	}
	a.Modified = now
	return a
}
