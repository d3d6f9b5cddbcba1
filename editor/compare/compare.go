// Package compare finds what changed between two revisions of an article:
// the body paragraph-first and then word by word inside changed paragraphs,
// moved paragraphs, every metadata field, and — listed apart, because a
// standards editor checks them first — changed numbers and quoted passages.
// It renders the comparison as a printable HTML redline and as plain text.
//
// The body diff runs go-diff on blocks mapped to runes (the line-mode trick
// with paragraphs as lines), then on words mapped to runes inside pairs of
// similar paragraphs. Character mode is never used: it is slow on long copy,
// gives "delete all, insert all" on a rewrite, and replaces invalid UTF-8.
// Because every rune stands for a whole token taken from the input, the
// result is byte-exact even for invalid UTF-8 (which the store refuses
// anyway): the two sides always rebuild A and B.
package compare

import (
	"time"

	"copydesk/editor"
)

// Options steer Compare. The zero value is the default.
type Options struct {
	// DiffTimeout bounds the diff work of one Compare call. When it runs
	// out, what is left is compared block by block (whole paragraphs
	// deleted and inserted) — still exact, only coarser. 0 means
	// DefaultDiffTimeout; a negative value means no limit.
	DiffTimeout time.Duration
	// PairThreshold is the word-set similarity (Dice coefficient, 0…1)
	// above which a deleted and an inserted paragraph at the same place
	// are shown as one changed paragraph. 0 means DefaultPairThreshold.
	// A lone replacement (one paragraph out, one of the same kind in)
	// needs only half of it.
	PairThreshold float64
	// MoveThreshold is the similarity above which a paragraph deleted in
	// one place and inserted in another is shown as moved (and edited).
	// Identical paragraphs are always moves. 0 means DefaultMoveThreshold.
	MoveThreshold float64
	// DatelineStyle renders the dateline for the field list; "" is TASS.
	DatelineStyle editor.Style
}

// Defaults for Options.
const (
	DefaultDiffTimeout   = 500 * time.Millisecond
	DefaultPairThreshold = 0.5
	DefaultMoveThreshold = 0.8
)

func (o Options) withDefaults() Options {
	if o.DiffTimeout == 0 {
		o.DiffTimeout = DefaultDiffTimeout
	}
	if o.PairThreshold <= 0 || o.PairThreshold > 1 {
		o.PairThreshold = DefaultPairThreshold
	}
	if o.MoveThreshold <= 0 || o.MoveThreshold > 1 {
		o.MoveThreshold = DefaultMoveThreshold
	}
	if o.DatelineStyle == "" {
		o.DatelineStyle = editor.StyleTASS
	}
	return o
}

// Kind says what happened to a body block between A and B.
type Kind int

// The kinds of body entries.
const (
	Equal     Kind = iota // the same in A and B
	Inserted              // only in B
	Deleted               // only in A
	Changed               // edited in place: Chunks hold the word-level diff
	Moved                 // at its new place in B; its old place is the MovedAway entry Partner
	MovedAway             // where a Moved block stood in A; its text is the Partner's
)

var kindNames = [...]string{"equal", "inserted", "deleted", "changed", "moved", "moved-away"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Op is what a chunk of text is on the two sides.
type Op int8

// The chunk operations.
const (
	OpEqual  Op = 0  // in both A and B
	OpDelete Op = -1 // only in A
	OpInsert Op = 1  // only in B
)

func (o Op) String() string {
	switch o {
	case OpDelete:
		return "delete"
	case OpInsert:
		return "insert"
	}
	return "equal"
}

// Chunk is a run of text with one operation. Chunk boundaries fall between
// tokens (words, runs of white space, single punctuation marks), never
// inside a word.
type Chunk struct {
	Op   Op
	Text string
}

// Entry is one body block of the comparison. Entries are in the reading
// order of B, with deleted blocks (and the old places of moved ones) where
// they stood in A, so reading the entries' A sides in order gives A and
// reading their B sides gives B.
type Entry struct {
	Kind Kind
	// Block is the block's kind in B (in A for Deleted and MovedAway);
	// OldBlock is its kind in A (equal to Block unless a paragraph became
	// a quote or a subhead, or back).
	Block, OldBlock editor.BlockKind
	// A and B are the block's index in A's and B's body blocks (as
	// editor.ParseBody splits them); -1 on the side it is missing from.
	// A Moved entry carries both: it is the moved block.
	A, B int
	// Partner links a Moved entry and its MovedAway entry (their indexes
	// in Result.Blocks); -1 otherwise.
	Partner int
	// Similarity of the two sides' word sets (Dice, 0…1) for Changed and
	// Moved entries; 1 for Equal.
	Similarity float64
	// Chunks is the block's text: one chunk for Equal, Inserted and
	// Deleted; the word-level diff for Changed and Moved (all equal when
	// moved unchanged); nil for MovedAway (its text is the Partner's).
	Chunks []Chunk
}

// FieldChange is one metadata field that differs between A and B.
type FieldChange struct {
	Field string // JSON-style name: "headline", "dateline.place", "tags", "bylines"
	Label string // as the UI shows it: "Headline", "Dateline place"
	// Person is the byline's name for the fields of one person
	// (bylines.role, bylines.title), whose Label names them: "Role of
	// NAME". A window in another language builds its label from it.
	Person string
	// Old and New are the values as text; "" when unset.
	Old, New string
	// Chunks is a word-level diff of Old and New for prose fields
	// (headline, standfirst, caption, correction, ednote).
	Chunks []Chunk
	// Added and Removed list set members for tags (compared by
	// editor.TagKey) and bylines.
	Added, Removed []string
	// Internal fields (the ednote) are never published; reports leave
	// them out unless asked (ReportMeta.IncludeInternal).
	Internal bool
}

// ValueChange is a changed number or quoted passage. Old is "" when the
// value was only added, New is "" when it was only removed.
type ValueChange struct {
	// Field is "body", "headline" or "standfirst".
	Field string
	// Entry is the index in Result.Blocks of the body block it sits in,
	// so a view can jump to it; -1 for the headline and standfirst.
	Entry    int
	Old, New string
}

// Stats sum up the body changes. A "paragraph" here is any body block
// (subheads and quotes included).
type Stats struct {
	WordsAdded               int // words in inserted text: inserted blocks, and insertions in changed and moved ones
	WordsRemoved             int
	ParagraphsChanged        int // edited in place
	ParagraphsInserted       int
	ParagraphsDeleted        int
	ParagraphsMoved          int // moved, whether edited or not
	ParagraphsMovedAndEdited int
}

// Result is the comparison of A and B.
type Result struct {
	HeadlineA, HeadlineB string
	// Language is the copy's language (B's, else A's), for reports to
	// mark the text with.
	Language string
	Blocks   []Entry
	Fields   []FieldChange
	Numbers  []ValueChange
	Quotes   []ValueChange
	Stats    Stats
	// Coarse is set when the DiffTimeout ran out and part of the body was
	// compared block by block only.
	Coarse bool
}

// Identical reports whether A and B have the same body and fields.
func (r *Result) Identical() bool {
	if len(r.Fields) > 0 {
		return false
	}
	for _, e := range r.Blocks {
		if e.Kind != Equal {
			return false
		}
	}
	return true
}

// Compare compares revision a (the older, "from") with b ("to"). A nil
// article compares as an empty one. Compare never fails: on a timeout it
// falls back to whole paragraphs (Result.Coarse) and stays exact.
func Compare(a, b *editor.Article, opt Options) *Result {
	opt = opt.withDefaults()
	if a == nil {
		a = &editor.Article{}
	}
	if b == nil {
		b = &editor.Article{}
	}
	c := newComparer(opt)
	r := &Result{HeadlineA: a.Headline, HeadlineB: b.Headline, Language: b.Language}
	if r.Language == "" {
		r.Language = a.Language
	}
	blocksA, blocksB := editor.ParseBody(a.Body), editor.ParseBody(b.Body)
	r.Blocks = c.compareBlocks(blocksA, blocksB)
	r.Fields = c.compareFields(a, b)
	r.Numbers, r.Quotes = c.checks(r, blocksA, blocksB, a, b)
	r.Stats = stats(r)
	r.Coarse = c.coarse
	return r
}
