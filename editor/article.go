// Package editor is the editorial core of Copydesk: the article and its
// fields, validation, counts, status workflow, datelines in house styles and
// the CommonMark body split into blocks. It knows nothing of Fyne or Badger;
// the window and the store call into it.
package editor

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Article is one news item as the desk keeps it. Field names follow the
// trade (see DESIGN.md): what IPTC NITF, ninjs and schema.org NewsArticle
// carry, plus the desk's internal fields (slug, ednote, status).
//
// Every optional field is `omitempty` so that adding a field later does not
// change the canonical encoding — and so the content hash — of old revisions.
type Article struct {
	ID         string    `json:"id"`
	Slug       string    `json:"slug,omitempty"`
	Section    string    `json:"section,omitempty"`
	Headline   string    `json:"headline"`
	Standfirst string    `json:"standfirst,omitempty"`
	Body       string    `json:"body"` // CommonMark: paragraphs, ## subheads, > quotes
	Dateline   Dateline  `json:"dateline"`
	Bylines    []Byline  `json:"bylines,omitempty"`
	Photo      Photo     `json:"photo"`
	Tags       []string  `json:"tags,omitempty"`
	Status     Status    `json:"status"`
	SpikedFrom Status    `json:"spiked_from,omitempty"` // the status to return to on unspike
	Urgency    int       `json:"urgency,omitempty"`     // IPTC: 1 most urgent … 9 least; 0 unset
	EdNote     string    `json:"ednote,omitempty"`      // internal: never exported
	Language   string    `json:"language,omitempty"`    // BCP 47, e.g. "en", "ru"
	Embargo    time.Time `json:"embargo,omitzero"`      // not before this time; zero: none
	Correction string    `json:"correction,omitempty"`  // public correction note of a published story
	Notice     Notice    `json:"notice,omitzero"`       // a kill or withhold notice to subscribers
	Created    time.Time `json:"created"`
	Modified   time.Time `json:"modified"`
}

// Dateline says where and when the story was filed and by which agency. It
// is stored as fields and rendered by a house style (see Style).
type Dateline struct {
	Place  string `json:"place,omitempty"`  // SOCHI
	Region string `json:"region,omitempty"` // country or region: Russia
	// Date is the filing day as YYYY-MM-DD.
	Date string `json:"date,omitempty"`
	// DateAssumed is set when the copy gave no year and one was supplied
	// (from --year or the import date): an editor should confirm it.
	DateAssumed bool   `json:"date_assumed,omitempty"`
	Source      string `json:"source,omitempty"` // agency: TASS, AP, Reuters
}

// IsZero reports whether no part of the dateline is set.
func (d Dateline) IsZero() bool { return d == Dateline{} }

// Day parses Date. The second result is false when Date is empty or malformed.
func (d Dateline) Day() (time.Time, bool) {
	t, err := time.Parse(DateLayout, d.Date)
	return t, err == nil
}

// DateLayout is the layout of Dateline.Date.
const DateLayout = "2006-01-02"

// Role is what a person named on the story did.
type Role string

// The roles a byline or credit carries.
const (
	RoleWriter       Role = "writer"
	RolePhotographer Role = "photographer"
	RoleEditor       Role = "editor"
	RoleTranslator   Role = "translator"
)

// Roles lists the known roles in the order the UI offers them.
var Roles = []Role{RoleWriter, RolePhotographer, RoleEditor, RoleTranslator}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// Byline names a person and their role: writers are the byline proper,
// the other roles are credits.
type Byline struct {
	Name  string `json:"name"`
	Role  Role   `json:"role"`
	Title string `json:"title,omitempty"` // "Moscow correspondent" (NITF byttl)
}

// Photo is the story's lead picture as text: the desk does not store images.
type Photo struct {
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Copyright string `json:"copyright,omitempty"`
}

// IsZero reports whether the photo has no caption, credit or copyright.
func (p Photo) IsZero() bool { return p == Photo{} }

// New returns an empty draft with a fresh time-ordered ID, stamped now.
func New(now time.Time) *Article {
	now = now.UTC().Truncate(time.Millisecond)
	return &Article{
		ID:       NewID(),
		Status:   StatusDraft,
		Language: "en",
		Created:  now,
		Modified: now,
	}
}

// NewID returns a UUIDv7: IDs sort by creation time, which keeps Badger's
// keys for new articles together.
func NewID() string {
	id, err := uuid.NewV7()
	if err != nil {
		// NewV7 fails only when the system's random source does; the
		// program cannot make any safe ID then.
		panic(fmt.Sprintf("editor: no random source for IDs: %v", err))
	}
	return id.String()
}

// ValidID reports whether s has the form of an article ID.
func ValidID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}

// Clone returns a deep copy: slices are not shared.
func (a *Article) Clone() *Article {
	c := *a
	c.Bylines = append([]Byline(nil), a.Bylines...)
	c.Tags = append([]string(nil), a.Tags...)
	return &c
}

// Writers returns the bylines with the writer role, in order.
func (a *Article) Writers() []Byline {
	var w []Byline
	for _, b := range a.Bylines {
		if b.Role == RoleWriter || b.Role == "" {
			w = append(w, b)
		}
	}
	return w
}
