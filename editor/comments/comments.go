// Package comments is the desk's notes on passages of the copy: a comment
// quotes words of the headline, standfirst or body, carries a note, and
// collects replies; it is resolved and reopened. Comments are not copy:
// they never reach a public export, and adding or resolving one makes no
// revision. The anchor survives editing: after any edit, revision or
// restore, Reanchor finds the same words again through a word-level
// comparison of the text the anchor was made on and the text now; when
// those words are gone the comment is orphaned and keeps its last quote.
// The package knows nothing of Fyne or the store.
package comments

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"

	"copydesk/editor"
)

// The fields a comment can quote.
const (
	Headline   = "headline"
	Standfirst = "standfirst"
	Body       = "body"
)

// Anchor is where the quoted words are: byte offsets into the text of
// one field (for the body, of one block as editor.ParseBody splits it),
// with that text kept so that the anchor can be carried to a later text.
type Anchor struct {
	Field string `json:"field"`
	Block int    `json:"block,omitempty"` // index of the body block
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Context is the field's (or block's) text the offsets refer to.
	Context string `json:"context"`
}

// Event is one thing that happened to a comment: its history.
type Event struct {
	Time   time.Time `json:"time"`
	Author string    `json:"author,omitempty"`
	What   string    `json:"what"` // added, replied, resolved, reopened
	Text   string    `json:"text,omitempty"`
}

// Comment is a note on a passage.
type Comment struct {
	ID        string    `json:"id"`
	ArticleID string    `json:"article_id"`
	Author    string    `json:"author,omitempty"`
	Time      time.Time `json:"time"`
	Note      string    `json:"note"`
	// Quote is the quoted words as they stand now, or — once orphaned —
	// as they last stood.
	Quote    string  `json:"quote"`
	Anchor   Anchor  `json:"anchor"`
	Orphaned bool    `json:"orphaned,omitempty"`
	Resolved bool    `json:"resolved,omitempty"`
	Events   []Event `json:"events"`
}

// State is "open", "resolved" or "orphaned" (an orphaned comment may also
// be resolved; resolved wins, since nothing is left to do).
func (c *Comment) State() string {
	switch {
	case c.Resolved:
		return "resolved"
	case c.Orphaned:
		return "orphaned"
	}
	return "open"
}

// Replies are the comment's replies, oldest first.
func (c *Comment) Replies() []Event {
	var out []Event
	for _, e := range c.Events {
		if e.What == "replied" {
			out = append(out, e)
		}
	}
	return out
}

// FieldText returns an article's text of a comment field.
func FieldText(a *editor.Article, field string) (string, bool) {
	switch field {
	case Headline:
		return a.Headline, true
	case Standfirst:
		return a.Standfirst, true
	case Body:
		return a.Body, true
	}
	return "", false
}

// New makes a comment on the first place quote stands in the article:
// in field, or when field is "" in the headline, the standfirst, then the
// body. The quote must lie within one body block (a paragraph, subhead or
// quote). It fails with an *editor.FieldError naming what is wrong.
func New(a *editor.Article, field, quote, note, author string, now time.Time) (*Comment, error) {
	quote = strings.TrimSpace(quote)
	if quote == "" {
		return nil, &editor.FieldError{Field: "quote", Problem: "is empty", Fix: "give words of the headline, standfirst or body"}
	}
	if strings.TrimSpace(note) == "" {
		return nil, &editor.FieldError{Field: "note", Problem: "is empty", Fix: "say what the comment is about"}
	}
	anchor, ok := find(a, field, quote)
	if !ok {
		where := "the headline, standfirst or body (within one paragraph)"
		if field != "" {
			where = "the " + field
		}
		return nil, &editor.FieldError{Field: "quote", Problem: "«" + quote + "» is not in " + where,
			Fix: "quote words exactly as the copy has them"}
	}
	now = now.UTC()
	return &Comment{ID: newID(), ArticleID: a.ID, Author: author, Time: now, Note: note, Quote: quote,
		Anchor: anchor, Events: []Event{{Time: now, Author: author, What: "added", Text: note}}}, nil
}

func find(a *editor.Article, field, quote string) (Anchor, bool) {
	for _, f := range []string{Headline, Standfirst, Body} {
		if field != "" && field != f {
			continue
		}
		if f != Body {
			t, _ := FieldText(a, f)
			if i := strings.Index(t, quote); i >= 0 {
				return Anchor{Field: f, Start: i, End: i + len(quote), Context: t}, true
			}
			continue
		}
		for k, b := range editor.ParseBody(a.Body) {
			if i := strings.Index(b.Text, quote); i >= 0 {
				return Anchor{Field: Body, Block: k, Start: i, End: i + len(quote), Context: b.Text}, true
			}
		}
	}
	return Anchor{}, false
}

// newID is eight random hex digits: short enough to type after --resolve,
// and a clash among one story's comments is vanishingly unlikely.
func newID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Reply adds a reply.
func (c *Comment) Reply(author, text string, now time.Time) error {
	if strings.TrimSpace(text) == "" {
		return &editor.FieldError{Field: "reply", Problem: "is empty", Fix: "write the reply"}
	}
	c.Events = append(c.Events, Event{Time: now.UTC(), Author: author, What: "replied", Text: text})
	return nil
}

// Resolve marks the comment done; resolving a resolved comment is an error.
func (c *Comment) Resolve(author string, now time.Time) error {
	if c.Resolved {
		return &editor.FieldError{Field: "comment " + c.ID, Problem: "is already resolved", Fix: "reopen it first to resolve it again"}
	}
	c.Resolved = true
	c.Events = append(c.Events, Event{Time: now.UTC(), Author: author, What: "resolved"})
	return nil
}

// Reopen makes a resolved comment open again.
func (c *Comment) Reopen(author string, now time.Time) error {
	if !c.Resolved {
		return &editor.FieldError{Field: "comment " + c.ID, Problem: "is not resolved", Fix: "only a resolved comment can be reopened"}
	}
	c.Resolved = false
	c.Events = append(c.Events, Event{Time: now.UTC(), Author: author, What: "reopened"})
	return nil
}
