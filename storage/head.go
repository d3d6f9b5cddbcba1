package storage

// The desk head: one hash over every article's chain head and draft and
// over the desk's settings. A revision chain shows that no revision was
// changed after it was made, but not that the newest revisions, a whole
// article or an edited draft went missing: the head does, when compared
// with one noted earlier (`copydesk verify --head`) or written into a
// backup.

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strconv"
	"strings"

	"copydesk/editor"
)

// Head is what a desk holds, in brief.
type Head struct {
	Articles  int `json:"articles"`
	Revisions int `json:"revisions"`
	Settings  int `json:"settings"`
	// Hash is hex SHA-256 over the sorted entries (see HeadBuilder), or
	// HMAC-SHA256 under HeadKey when Keyed.
	Hash  string `json:"hash"`
	Keyed bool   `json:"keyed,omitempty"`
}

// Fingerprint is the head's hash in a form short enough to note on paper:
// its first 80 bits in five groups of four hex digits.
func (h Head) Fingerprint() string {
	if len(h.Hash) < 20 {
		return h.Hash
	}
	var parts []string
	for i := 0; i < 20; i += 4 {
		parts = append(parts, h.Hash[i:i+4])
	}
	return strings.Join(parts, "-")
}

func (h Head) String() string {
	kind := "SHA-256"
	if h.Keyed {
		kind = "keyed"
	}
	return fmt.Sprintf("%d articles, %d revisions, %d settings; fingerprint %s (%s)", h.Articles, h.Revisions, h.Settings, h.Fingerprint(), kind)
}

// HeadKey derives the key of an encrypted desk's head from the desk's
// key, so that a head cannot be recomputed without the passphrase. It is
// not the desk key itself: the head is printed and compared, the key
// never is.
func HeadKey(deskKey []byte) ([]byte, error) {
	return hkdf.Key(sha256.New, deskKey, nil, "copydesk desk head v1", 32)
}

// DraftHash is the hash of a draft that the head and a backup record
// carry: its content (the status is part of it) and the revision it
// follows. key, when not nil, makes it an HMAC.
func DraftHash(d Draft, key []byte) string {
	h := newHash(key)
	field(h, "draft")
	field(h, editor.HashBytes(d.Article.Encode()))
	field(h, strconv.FormatUint(d.Seq, 10))
	return hex.EncodeToString(h.Sum(nil))
}

// HeadBuilder gathers a desk's articles and settings in any order.
type HeadBuilder struct {
	key     []byte
	head    Head
	entries []string
	newest  []Newest
}

// Newest is an article's newest revision when a head was taken. A chain
// only grows, so later the article must still have revision Seq, with
// this Hash.
type Newest struct {
	ID   string `json:"id"`
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// NewHeadBuilder starts a head; key is HeadKey's result for an
// encrypted desk, nil for a plain one.
func NewHeadBuilder(key []byte) *HeadBuilder {
	return &HeadBuilder{key: key, head: Head{Keyed: key != nil}}
}

// Article adds an article: its ID, how many revisions it has, the chain
// hash of the newest and the hash of its draft.
func (b *HeadBuilder) Article(h History) {
	b.head.Articles++
	b.head.Revisions += len(h.Revisions)
	newest := ""
	if n := len(h.Revisions); n > 0 {
		newest = h.Revisions[n-1].Revision.Hash
	}
	id := ""
	if h.Draft.Article != nil {
		id = h.Draft.Article.ID
	}
	draft := ""
	if h.Draft.Article != nil {
		draft = DraftHash(h.Draft, b.key)
	}
	b.entries = append(b.entries, "a\x00"+id+"\x00"+strconv.Itoa(len(h.Revisions))+"\x00"+newest+"\x00"+draft)
	b.newest = append(b.newest, Newest{ID: id, Seq: uint64(len(h.Revisions)), Hash: newest})
}

// Newest lists each article added with its newest revision, by ID.
func (b *HeadBuilder) Newest() []Newest {
	out := slices.Clone(b.newest)
	slices.SortFunc(out, func(x, y Newest) int { return strings.Compare(x.ID, y.ID) })
	return out
}

// Setting adds one of the desk's settings.
func (b *HeadBuilder) Setting(name string, value []byte) {
	b.head.Settings++
	sum := sha256.Sum256(value)
	b.entries = append(b.entries, "s\x00"+name+"\x00"+hex.EncodeToString(sum[:]))
}

// Head is the head of everything added.
func (b *HeadBuilder) Head() Head {
	slices.Sort(b.entries)
	h := newHash(b.key)
	field(h, "copydesk head v1")
	for _, e := range b.entries {
		field(h, e)
	}
	out := b.head
	out.Hash = hex.EncodeToString(h.Sum(nil))
	return out
}

func newHash(key []byte) hash.Hash {
	if key != nil {
		return hmac.New(sha256.New, key)
	}
	return sha256.New()
}

// field writes s with its length first, so that no two lists of fields
// hash alike.
func field(h hash.Hash, s string) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}

// CheckHistory reports everything that makes h unfit to restore, the way
// an import would refuse it: the shape Check asks for, each revision's
// article valid (no control characters, within the size limits) and its
// chain link holding, and the draft valid. An empty result means the
// history is intact.
func CheckHistory(h History) []string {
	if err := h.Check(); err != nil {
		return []string{err.Error()}
	}
	var bad []string
	id := h.Draft.Article.ID
	if err := ValidateDraft(h.Draft.Article); err != nil {
		bad = append(bad, "the draft: "+err.Error())
	}
	var prev *Revision
	for _, sr := range h.Revisions {
		r := sr.Revision
		if err := Validate(sr.Article); err != nil {
			bad = append(bad, fmt.Sprintf("revision %d: %v", r.Seq, err))
		}
		for _, what := range CheckRevision(id, prev, r, sr.Article.Encode()) {
			bad = append(bad, fmt.Sprintf("revision %d: %s", r.Seq, what))
		}
		if err := (Meta{Author: r.Author, Kind: r.Kind, Label: r.Label, Note: r.Note}).Check(); err != nil {
			bad = append(bad, fmt.Sprintf("revision %d: %v", r.Seq, err))
		}
		prev = &r
	}
	return bad
}
