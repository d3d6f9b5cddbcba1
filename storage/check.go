package storage

// Checks every Store implementation applies the same way, so that a desk
// moving from the embedded store to a shared one sees the same refusals.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// Limits on what a caller may attach to a revision or keep as a setting.
const (
	MaxAuthorChars  = 200
	MaxLabelChars   = 200
	MaxNoteChars    = 10000
	MaxSettingName  = 200
	MaxSettingBytes = 4 << 20
	MaxQueryChars   = 1000
)

// Kinds lists every kind of revision.
var Kinds = []Kind{KindSave, KindCheckpoint, KindImport, KindRestore, KindStatus, KindCorrection, KindReview, KindKill, KindWithhold}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Check reports the first thing wrong with m as an *editor.FieldError
// naming the field ("meta.label" …). An empty Kind is allowed: stores
// record it as KindSave.
func (m Meta) Check() error {
	if m.Kind != "" && !m.Kind.Valid() {
		return &editor.FieldError{Field: "meta.kind", Problem: fmt.Sprintf("%q is not a kind of revision", m.Kind),
			Fix: "use save, checkpoint, import, restore, status, correction, review, kill or withhold"}
	}
	if err := checkLine("meta.author", m.Author, MaxAuthorChars); err != nil {
		return err
	}
	if err := CheckLabel(m.Label); err != nil {
		return err
	}
	return checkText("meta.note", m.Note, MaxNoteChars)
}

// KindOrSave is m.Kind, or KindSave when it is empty.
func (m Meta) KindOrSave() Kind {
	if m.Kind == "" {
		return KindSave
	}
	return m.Kind
}

// CheckLabel checks a revision label: one line of at most MaxLabelChars.
func CheckLabel(label string) error {
	return checkLine("meta.label", label, MaxLabelChars)
}

// CheckSetting checks a setting's name and the size of its value.
func CheckSetting(name string, value []byte) error {
	if name == "" {
		return &editor.FieldError{Field: "setting", Problem: "has no name", Fix: "name the setting"}
	}
	if err := checkLine("setting name", name, MaxSettingName); err != nil {
		return err
	}
	if len(value) > MaxSettingBytes {
		return &editor.FieldError{Field: "setting " + name,
			Problem: fmt.Sprintf("is %d bytes, over the limit of %d", len(value), MaxSettingBytes)}
	}
	return nil
}

// ValidateDraft checks an article as a draft being typed: everything
// Validate checks, except that the headline may still be empty.
func ValidateDraft(a *editor.Article) error {
	if a == nil {
		return &editor.FieldError{Field: "article", Problem: "is missing"}
	}
	if strings.TrimSpace(a.Headline) != "" {
		return a.Validate()
	}
	// The stand-in keeps every other check of the headline (line breaks,
	// control characters, length) in force.
	probe := a.Clone()
	probe.Headline = "x" + a.Headline
	return probe.Validate()
}

// Validate checks an article that is to become a revision.
func Validate(a *editor.Article) error {
	if a == nil {
		return &editor.FieldError{Field: "article", Problem: "is missing"}
	}
	return a.Validate()
}

// Check reports what is wrong with q.
func (q Query) Check() error {
	if q.Status != "" && !q.Status.Valid() {
		return &editor.FieldError{Field: "query.status", Problem: fmt.Sprintf("%q is not a status", q.Status),
			Fix: "use draft, in_edit, ready, published or spiked"}
	}
	if q.Offset < 0 {
		return &editor.FieldError{Field: "query.offset", Problem: fmt.Sprintf("%d is negative", q.Offset)}
	}
	if q.Limit < 0 {
		return &editor.FieldError{Field: "query.limit", Problem: fmt.Sprintf("%d is negative", q.Limit), Fix: "use 0 for no limit"}
	}
	if err := checkLine("query.tag", q.Tag, editor.MaxTagChars); err != nil {
		return err
	}
	return checkLine("query.text", q.Text, MaxQueryChars)
}

// TextWords splits a Query's Text into the lower-case words that must all
// be found.
func TextWords(text string) []string {
	return strings.Fields(strings.ToLower(text))
}

// MatchText reports whether every word occurs, case-insensitively, in the
// summary's headline, slug or tags. words come from TextWords.
func MatchText(s Summary, words []string) bool {
	return MatchWords(SearchText(s), words)
}

// SearchText is what a Query's Text is matched against: the headline,
// slug and tags, lower-cased, one to a line. Stores may keep it with an
// index so that a search decodes no summaries.
func SearchText(s Summary) string {
	return strings.ToLower(s.Headline + "\n" + s.Slug + "\n" + strings.Join(s.Tags, "\n"))
}

// MatchWords reports whether every word is in text (made by SearchText).
func MatchWords(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func checkLine(field, s string, max int) error {
	if err := checkText(field, s, max); err != nil {
		return err
	}
	if strings.ContainsAny(s, "\n\r") {
		return &editor.FieldError{Field: field, Problem: "has a line break", Fix: "keep it on one line"}
	}
	return nil
}

func checkText(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return &editor.FieldError{Field: field, Problem: "is not valid UTF-8"}
	}
	for _, r := range s {
		if r != '\n' && r != '\r' && r != '\t' && unicode.IsControl(r) {
			return &editor.FieldError{Field: field, Problem: fmt.Sprintf("has the control character U+%04X", r), Fix: "delete it"}
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return &editor.FieldError{Field: field, Problem: fmt.Sprintf("is %d characters, over the limit of %d", n, max), Fix: "shorten it"}
	}
	return nil
}
