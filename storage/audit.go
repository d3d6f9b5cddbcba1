package storage

import (
	"fmt"
	"iter"
	"slices"
)

// Audit gathers a Verify report article by article. Both stores walk
// their own records; the problems they find are worded here, once, so
// that `copydesk verify` reads the same on either, and progress is
// counted the same way.
type Audit struct {
	rep      Report
	progress Progress
	total    int
	seen     map[string]bool // articles done
}

// NewAudit starts a report. drafts is how many drafts the store holds,
// the first guess at the total progress is told; progress may be nil.
func NewAudit(drafts int, progress Progress) *Audit {
	return &Audit{progress: progress, total: drafts, seen: make(map[string]bool, drafts)}
}

// Problem records what is wrong with revision seq of article id (seq 0:
// the article as a whole; id "": a record that names no article).
func (a *Audit) Problem(id string, seq uint64, what string) {
	a.rep.Problems = append(a.rep.Problems, Problem{ArticleID: id, Seq: seq, What: what})
}

// AddRevisions counts n revisions read.
func (a *Audit) AddRevisions(n int) { a.rep.Revisions += n }

// CheckLink checks revision seq of article id, whose record is rec and
// whose rebuilt content is content, against prev, the revision before it
// (nil for the first). rebuildErr is why the content could not be
// rebuilt, or nil.
func (a *Audit) CheckLink(id string, seq uint64, prev *Revision, rec Revision, content []byte, rebuildErr error) {
	if rebuildErr != nil {
		a.Problem(id, seq, "cannot be rebuilt: "+rebuildErr.Error())
		return
	}
	for _, what := range CheckRevision(id, prev, rec, content) {
		a.Problem(id, seq, what)
	}
}

// NoDraft records that article id has revisions but no draft.
func (a *Audit) NoDraft(id string) { a.Problem(id, 0, "has revisions but no draft") }

// CheckNewest records a draft that names draftSeq as its article's newest
// revision when the newest is another.
func (a *Audit) CheckNewest(id string, draftSeq, newest uint64) {
	if draftSeq != newest {
		a.Problem(id, 0, fmt.Sprintf("the draft says the newest revision is %d, but it is %d", draftSeq, newest))
	}
}

// Done counts article id as checked and tells progress.
func (a *Audit) Done(id string) {
	a.seen[id] = true
	a.rep.Articles++
	if a.progress != nil {
		// Revisions without a draft make articles the first guess missed.
		done := len(a.seen)
		a.total = max(a.total, done)
		a.progress(done, a.total)
	}
}

// DraftsWithoutRevisions records, in the order of their IDs, the drafts
// among drafts whose article Done has not seen: they have no revision.
func (a *Audit) DraftsWithoutRevisions(drafts iter.Seq[string]) {
	var orphans []string
	for id := range drafts {
		if !a.seen[id] {
			orphans = append(orphans, id)
		}
	}
	slices.Sort(orphans)
	for _, id := range orphans {
		a.Problem(id, 0, "has a draft but no revisions")
		a.Done(id)
	}
}

// Report is what the audit found.
func (a *Audit) Report() Report { return a.rep }
