// Package check is what a copy desk does to every story before it moves:
// spelling (Hunspell, through package spell), the desk's house style
// (preferred and banned terms, number style, dateline form, quote marks)
// from a rules file the desk edits, the section's length limits, and the
// embargo. It reports Findings — each with its place and, where the rule
// gives one, a fix that Apply makes as a pure function on the article.
//
// The package knows no Fyne: the window's check panel (app/checks) and
// `copydesk check` both call Checker.Check, off the UI goroutine.
package check

import (
	"fmt"
	"strconv"
)

// Kind says which check made a finding.
type Kind string

// The kinds of finding, in the order the panel groups them.
const (
	KindSpelling Kind = "spelling"
	KindStyle    Kind = "style"
)

// Place is where a finding is. Start and End are rune offsets into the
// field's text — for the body, into the text of body block Block (as
// editor.ParseBody splits it, the same units and offsets the block editor
// uses). Block is -1 outside the body.
type Place struct {
	Field string `json:"field"` // headline, standfirst, photo.caption, body, correction, dateline, dateline.source …
	Block int    `json:"block"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// String is the place as the command line prints it: "body ¶3:12".
func (p Place) String() string {
	s := p.Field
	if p.Block >= 0 {
		s += " ¶" + strconv.Itoa(p.Block+1)
	}
	if p.End > p.Start || p.Start > 0 {
		s += ":" + strconv.Itoa(p.Start+1)
	}
	return s
}

// Finding is one thing a check found.
type Finding struct {
	Kind  Kind   `json:"kind"`
	Rule  string `json:"rule"` // spelling, term, numbers, quotes, dateline
	Place Place  `json:"place"`
	// Text is the copy at Place as it was checked: Apply refuses a fix
	// when the copy there has changed since.
	Text    string `json:"text"`
	Message string `json:"message"`
	// Format and Args are Message before it was formatted, so that the
	// window can put Format (the English text is its dictionary key) in
	// its own language; both are empty for a message from elsewhere.
	Format string `json:"-"`
	Args   []any  `json:"-"`
	// Suggestions are replacements to offer (spelling: Hunspell's).
	Suggestions []string `json:"suggestions,omitempty"`
	// Fix is the rule's own replacement for Text; nil when the rule gives none.
	Fix *string `json:"fix,omitempty"`
}

// say sets the message from an English format and its arguments. The
// formats are dictionary keys of the window (app/i18n checks that each is
// translated): change one there too.
func (f *Finding) say(format string, args ...any) {
	f.Format, f.Args = format, args
	f.Message = fmt.Sprintf(format, args...)
}

// String is the finding on one line, as the command line prints it.
func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Place, f.Rule, f.Message)
	if f.Fix != nil {
		s += fmt.Sprintf(" (fix: %q → %q)", f.Text, *f.Fix)
	} else if len(f.Suggestions) > 0 {
		s += fmt.Sprintf(" (suggest: %s)", joinQuoted(f.Suggestions))
	}
	return s
}

func joinQuoted(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(s)
	}
	return out
}

func fix(s string) *string { return &s }
