package check

import (
	"sort"

	"copydesk/editor"
)

// Checker runs every check over an article. Its methods are safe for
// concurrent use, and may take a few milliseconds on a long story: call
// them off the UI goroutine.
type Checker struct {
	Rules   *Rules   // nil: no style rules and no limits
	Speller *Speller // nil: no spelling
}

// Report is the outcome of a check.
type Report struct {
	// Findings are spelling and style findings in reading order.
	Findings []Finding `json:"findings"`
	// Limits are the section's length limits with the fields' counts.
	Limits []editor.LimitCount `json:"limits,omitempty"`
	// Notice says plainly what could not be checked (no dictionary for
	// the article's language); "" when everything was.
	Notice string `json:"notice,omitempty"`
}

// Over reports the limits the article is past.
func (r Report) Over() []editor.LimitCount { return editor.OverLimits(r.Limits) }

// Check runs spelling, house style and limits.
func (c *Checker) Check(a *editor.Article) Report {
	var rep Report
	if c.Speller != nil {
		fs, err := c.Speller.Check(a)
		if err != nil {
			rep.Notice = err.Error()
		}
		rep.Findings = append(rep.Findings, fs...)
	}
	if c.Rules != nil {
		rep.Findings = append(rep.Findings, c.Rules.Style(a)...)
		rep.Limits = c.Rules.Counts(a)
	}
	sortFindings(rep.Findings)
	return rep
}

// sortFindings puts findings in reading order: by field, body block and
// offset; at one place spelling before style.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].Place, fs[j].Place
		if fa, fb := fieldOrder[a.Field], fieldOrder[b.Field]; fa != fb {
			return fa < fb
		}
		if a.Block != b.Block {
			return a.Block < b.Block
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return fs[i].Kind < fs[j].Kind
	})
}
