package editor

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on field sizes. They bound memory and storage against a bad paste
// or a hostile file, far above anything a real story needs.
const (
	MaxHeadlineChars = 1000
	MaxLineChars     = 10000 // standfirst, caption, credit, ednote, correction …
	MaxBodyBytes     = 4 << 20
	MaxTags          = 200
	MaxTagChars      = 100
	MaxBylines       = 100
	MaxSlugChars     = 200
)

// FieldError names the field that is wrong, what is wrong with it, and what
// to do about it.
type FieldError struct {
	Field   string // JSON name: "headline", "dateline.date", "bylines[2].role"
	Problem string
	Fix     string
}

func (e *FieldError) Error() string {
	if e.Fix == "" {
		return e.Field + ": " + e.Problem
	}
	return e.Field + ": " + e.Problem + " (" + e.Fix + ")"
}

// ValidationError is every problem found in one article.
type ValidationError struct {
	Problems []*FieldError
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}

// Field returns the problem with the named field, or nil.
func (e *ValidationError) Field(name string) *FieldError {
	for _, p := range e.Problems {
		if p.Field == name {
			return p
		}
	}
	return nil
}

// AsValidation unwraps a *ValidationError from err.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

// Validate checks every field and returns a *ValidationError listing all
// problems, or nil. A draft may lack a headline while it is being written;
// Validate asks for one because nothing without a headline can be filed.
func (a *Article) Validate() error {
	var v validator
	if !ValidID(a.ID) {
		v.add("id", fmt.Sprintf("%q is not an article ID", a.ID), "IDs are UUIDs made by the desk; do not edit them")
	}
	v.copy(a)
	v.dateline(a.Dateline)
	v.credits(a)
	v.workflow(a)
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// copy checks what readers read: headline, slug, section, standfirst, body.
func (v *validator) copy(a *Article) {
	if strings.TrimSpace(a.Headline) == "" {
		v.add("headline", "is empty", "every story needs a headline")
	}
	v.line("headline", a.Headline, MaxHeadlineChars)
	v.line("slug", a.Slug, MaxSlugChars)
	if p := checkSlug(a.Slug); p != "" {
		v.add("slug", p, slugFix)
	}
	v.line("section", a.Section, MaxLineChars)
	v.text("standfirst", a.Standfirst, MaxLineChars)
	v.text("body", a.Body, 0) // bounded in bytes below
	if len(a.Body) > MaxBodyBytes {
		v.add("body", fmt.Sprintf("is %d bytes, over the limit of %d", len(a.Body), MaxBodyBytes), "split the story")
	}
}

func (v *validator) dateline(d Dateline) {
	v.line("dateline.place", d.Place, MaxLineChars)
	v.line("dateline.region", d.Region, MaxLineChars)
	v.line("dateline.source", d.Source, MaxLineChars)
	if d.Date != "" {
		if _, ok := d.Day(); !ok {
			v.add("dateline.date", fmt.Sprintf("%q is not a date", d.Date), "write it as YYYY-MM-DD")
		}
	}
}

// credits checks the bylines, the photo's credits and the tags.
func (v *validator) credits(a *Article) {
	if len(a.Bylines) > MaxBylines {
		v.add("bylines", fmt.Sprintf("has %d names, over the limit of %d", len(a.Bylines), MaxBylines), "")
	}
	for i, b := range a.Bylines {
		f := fmt.Sprintf("bylines[%d]", i)
		if strings.TrimSpace(b.Name) == "" {
			v.add(f+".name", "is empty", "type the name or remove the line")
		}
		v.line(f+".name", b.Name, MaxLineChars)
		v.line(f+".title", b.Title, MaxLineChars)
		if !b.Role.Valid() {
			v.add(f+".role", fmt.Sprintf("%q is not a role", b.Role), "use writer, photographer, editor or translator")
		}
	}
	v.line("photo.caption", a.Photo.Caption, MaxLineChars)
	v.line("photo.credit", a.Photo.Credit, MaxLineChars)
	v.line("photo.copyright", a.Photo.Copyright, MaxLineChars)
	if len(a.Tags) > MaxTags {
		v.add("tags", fmt.Sprintf("has %d tags, over the limit of %d", len(a.Tags), MaxTags), "keep the tags that help readers find the story")
	}
	for i, t := range a.Tags {
		f := fmt.Sprintf("tags[%d]", i)
		if strings.TrimSpace(t) == "" {
			v.add(f, "is empty", "remove it")
		}
		v.line(f, t, MaxTagChars)
	}
}

// workflow checks the desk's fields: status, urgency, notes, notice,
// language, times (in the order the problems were always listed).
func (v *validator) workflow(a *Article) {
	if !a.Status.Valid() {
		v.add("status", fmt.Sprintf("%q is not a status", a.Status), "use draft, in_edit, ready, published or spiked")
	}
	if a.Urgency < 0 || a.Urgency > 9 {
		v.add("urgency", fmt.Sprintf("%d is out of range", a.Urgency), "use 1 (most urgent) to 9, or 0 for none")
	}
	v.text("ednote", a.EdNote, MaxLineChars)
	v.text("correction", a.Correction, MaxLineChars)
	if n := a.Notice; !n.IsZero() {
		if n.Kind != NoticeKill && n.Kind != NoticeWithhold {
			v.add("notice.kind", fmt.Sprintf("%q is not a notice", n.Kind), "use kill or withhold")
		}
		if strings.TrimSpace(n.Note) == "" {
			v.add("notice.note", "is empty", "say for subscribers what they must do and why")
		}
		v.text("notice.note", n.Note, MaxLineChars)
	}
	v.line("language", a.Language, 35)
	if p := checkLanguage(a.Language); p != "" {
		v.add("language", p, "use a tag like en, ru, pt-BR or sr-Latn")
	}
	if a.Modified.Before(a.Created) {
		v.add("modified", "is before created", "")
	}
}

type validator struct{ problems []*FieldError }

func (v *validator) add(field, problem, fix string) {
	v.problems = append(v.problems, &FieldError{Field: field, Problem: problem, Fix: fix})
}

// line checks a one-line field: valid UTF-8, no control characters, bounded.
func (v *validator) line(field, s string, max int) {
	if !v.encoding(field, s) {
		return
	}
	if i := strings.IndexAny(s, "\n\r"); i >= 0 {
		v.add(field, fmt.Sprintf("has a line break at character %d", utf8.RuneCountInString(s[:i])+1), "keep it on one line")
	}
	if n := utf8.RuneCountInString(s); n > max {
		v.add(field, fmt.Sprintf("is %d characters, over the limit of %d", n, max), "shorten it")
	}
}

// text checks a multi-line field; max 0 means no character limit.
func (v *validator) text(field, s string, max int) {
	if !v.encoding(field, s) {
		return
	}
	if max > 0 {
		if n := utf8.RuneCountInString(s); n > max {
			v.add(field, fmt.Sprintf("is %d characters, over the limit of %d", n, max), "shorten it")
		}
	}
}

// hasControlBytes says whether valid UTF-8 s may hold a control character
// other than newline, tab and carriage return: a byte below 0x20, DEL, or
// the lead byte 0xC2 of U+0080–U+009F. unicode.IsControl is true only in
// those ranges, so a body without such bytes (nearly every one) is passed
// by this byte scan instead of a decode of every rune, which on a
// 10,000-word body was a fifth of an import.
func hasControlBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\t' && c != '\r', c == 0x7F:
			return true
		case c == 0xC2 && i+1 < len(s) && s[i+1] < 0xA0:
			return true
		}
	}
	return false
}

func (v *validator) encoding(field, s string) bool {
	if !utf8.ValidString(s) {
		off := 0
		for off < len(s) {
			r, size := utf8.DecodeRuneInString(s[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		v.add(field, fmt.Sprintf("is not valid UTF-8 (bad byte at offset %d)", off), "re-type or re-import the text as UTF-8")
		return false
	}
	if !hasControlBytes(s) {
		return true
	}
	for i, r := range s {
		if r == '\n' || r == '\t' || r == '\r' {
			continue
		}
		if unicode.IsControl(r) {
			v.add(field, fmt.Sprintf("has the control character U+%04X at character %d", r, utf8.RuneCountInString(s[:i])+1), "delete it")
			return false
		}
	}
	return true
}
