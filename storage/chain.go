package storage

// The revision chain as every Store builds and checks it: the rules live
// here once so that two implementations cannot drift apart.

import (
	"fmt"
	"time"

	"copydesk/editor"
)

// NewRevision makes the record of the revision that follows prev (nil for
// an article's first) with the given canonical content. at is the time to
// record when m.Time is zero.
func NewRevision(id string, prev *Revision, content []byte, words int, m Meta, at time.Time) Revision {
	r := Revision{
		ArticleID:   id,
		Seq:         1,
		Time:        at,
		Author:      m.Author,
		Kind:        m.KindOrSave(),
		Label:       m.Label,
		Note:        m.Note,
		Words:       words,
		ContentHash: editor.HashBytes(content),
	}
	if !m.Time.IsZero() {
		r.Time = m.Time
	}
	// The chain hash covers the time as RFC 3339 in UTC; storing it so
	// keeps what is read back equal to what was hashed.
	r.Time = r.Time.UTC().Round(0)
	if prev != nil {
		r.Seq = prev.Seq + 1
		r.ParentHash = prev.Hash
	}
	r.Hash = ChainHash(r)
	return r
}

// CheckRevision lists what is wrong with r, stored as revision of article
// id after prev (nil for the first), whose rebuilt content is content.
// An empty result means the link holds.
func CheckRevision(id string, prev *Revision, r Revision, content []byte) []string {
	var bad []string
	if r.ArticleID != id {
		bad = append(bad, fmt.Sprintf("belongs to article %q", r.ArticleID))
	}
	want := uint64(1)
	if prev != nil {
		want = prev.Seq + 1
	}
	if r.Seq != want {
		bad = append(bad, fmt.Sprintf("has sequence number %d where %d was expected", r.Seq, want))
	}
	if got := editor.HashBytes(content); got != r.ContentHash {
		bad = append(bad, fmt.Sprintf("content hash mismatch: the content hashes to %.12s…, the record says %.12s…", got, r.ContentHash))
	} else if a, err := editor.Decode(content); err != nil {
		bad = append(bad, "content does not decode: "+err.Error())
	} else if a.ID != id {
		bad = append(bad, fmt.Sprintf("content is of article %q", a.ID))
	}
	parent := ""
	if prev != nil {
		parent = prev.Hash
	}
	if r.ParentHash != parent {
		bad = append(bad, fmt.Sprintf("parent hash %.12s… does not match the previous revision's hash %.12s…", r.ParentHash, parent))
	}
	if got := ChainHash(r); got != r.Hash {
		bad = append(bad, fmt.Sprintf("chain hash mismatch: the record hashes to %.12s…, it says %.12s…", got, r.Hash))
	}
	return bad
}

// Check reports what makes h unfit to load: a missing draft or content,
// revisions of another article, sequence numbers that are not 1, 2, 3 …,
// or a draft that does not follow its newest revision. It does not check
// hashes: Load keeps them as given and Verify judges them.
func (h History) Check() error {
	a := h.Draft.Article
	if a == nil {
		return fmt.Errorf("history has no draft article")
	}
	if !editor.ValidID(a.ID) {
		return fmt.Errorf("history's draft has %q, which is not an article ID", a.ID)
	}
	if len(h.Revisions) == 0 {
		return fmt.Errorf("history of article %s has no revisions", a.ID)
	}
	if h.Draft.Version == 0 {
		return fmt.Errorf("history of article %s: the draft has version 0; versions start at 1", a.ID)
	}
	if n := uint64(len(h.Revisions)); h.Draft.Seq != n {
		return fmt.Errorf("history of article %s: the draft follows revision %d, but the newest is %d", a.ID, h.Draft.Seq, n)
	}
	for i, sr := range h.Revisions {
		r := sr.Revision
		switch {
		case r.ArticleID != a.ID:
			return fmt.Errorf("history of article %s: revision %d belongs to article %q", a.ID, r.Seq, r.ArticleID)
		case r.Seq != uint64(i+1):
			return fmt.Errorf("history of article %s: revision at position %d has sequence number %d", a.ID, i+1, r.Seq)
		case sr.Article == nil:
			return fmt.Errorf("history of article %s: revision %d has no content", a.ID, r.Seq)
		case sr.Article.ID != a.ID:
			return fmt.Errorf("history of article %s: revision %d holds article %q", a.ID, r.Seq, sr.Article.ID)
		}
	}
	return nil
}
