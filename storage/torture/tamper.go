// Package torture attacks a desk the way a reliability tester would:
// every kind of file of a Badger desk flipped, truncated and deleted
// (plain and encrypted), a full disk, huge stories, a restore killed
// half-way, and backups edited by someone who knows the format but not
// the passphrase. Its test drives the real copydesk binary and prints a
// table: cases, panics, silent losses, clear refusals, tampering
// detected. `make torture` runs the full set; `go test -short` (and so
// make test) a smaller one.
//
// This file holds the tamper edits: what anyone can do to a backup
// without a key. The file's checksums are always made to match again
// (they guard against damage, not intent), so what must catch each edit
// is the revision chain, the draft hashes, the desk's head or, on an
// encrypted backup, the seal.
package torture

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/backup"
)

// Tamper is one edit of a backup file.
type Tamper struct {
	Name string
	// Encrypted: the edit is of an encrypted backup (plain ones are edited
	// record by record).
	Encrypted bool
	// Limit: on a plain backup this edit recomputes every hash, which no
	// unkeyed check can tell from the real thing; it is expected to pass
	// (the README says so).
	Limit bool
	Edit  func(file []byte) ([]byte, error)
}

// rec is a backup record as the body holds it (storage/backup's record).
type rec struct {
	*storage.History
	DraftHash string          `json:"draft_hash,omitempty"`
	Setting   json.RawMessage `json:"setting,omitempty"`
	Damaged   json.RawMessage `json:"damaged,omitempty"`
}

// editRecords decodes a plain backup's records, lets edit change them and
// the header, and writes the file again with its checksums fixed.
func editRecords(file []byte, edit func(h *backup.Header, recs []rec) []rec) ([]byte, error) {
	var ferr error
	out, err := backup.EditLines(file, func(h *backup.Header, lines [][]byte) [][]byte {
		recs := make([]rec, len(lines))
		for i, l := range lines {
			if err := json.Unmarshal(l, &recs[i]); err != nil {
				ferr = err
				return lines
			}
		}
		recs = edit(h, recs)
		var outLines [][]byte
		for _, r := range recs {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				ferr = err
				return lines
			}
			outLines = append(outLines, b.Bytes())
		}
		return outLines
	})
	if ferr != nil {
		return nil, ferr
	}
	return out, err
}

// articles are the indexes of the article records.
func articles(recs []rec) []int {
	var out []int
	for i, r := range recs {
		if r.History != nil && r.Draft.Article != nil {
			out = append(out, i)
		}
	}
	return out
}

// onArticle edits the last article record.
func onArticle(fn func(h *backup.Header, r *rec)) func([]byte) ([]byte, error) {
	return func(file []byte) ([]byte, error) {
		return editRecords(file, func(h *backup.Header, recs []rec) []rec {
			if a := articles(recs); len(a) > 0 {
				fn(h, &recs[a[len(a)-1]])
			}
			return recs
		})
	}
}

// rehash makes an article's chain and draft hash consistent again, as
// someone who knows the algorithms would (unkeyed).
func rehash(r *rec) {
	var prev *storage.Revision
	for i := range r.Revisions {
		rv := &r.Revisions[i].Revision
		rv.ContentHash = editor.HashBytes(r.Revisions[i].Article.Encode())
		rv.ParentHash = ""
		if prev != nil {
			rv.ParentHash = prev.Hash
		}
		rv.Hash = storage.ChainHash(*rv)
		prev = rv
	}
	r.DraftHash = storage.DraftHash(r.Draft, nil)
}

// rehead recomputes the header's head and counts over recs (unkeyed).
func rehead(h *backup.Header, recs []rec) {
	b := storage.NewHeadBuilder(nil)
	h.Articles, h.Revisions = 0, 0
	for _, r := range recs {
		if r.History != nil {
			b.Article(*r.History)
			h.Articles++
			h.Revisions += len(r.Revisions)
		}
		if r.Setting != nil {
			var s struct {
				Name  string `json:"name"`
				Value []byte `json:"value"`
			}
			_ = json.Unmarshal(r.Setting, &s)
			b.Setting(s.Name, s.Value)
		}
	}
	hd := b.Head()
	h.Head = &hd
}

// dropNewest removes an article's newest revision and makes the draft
// follow the one before, as a careful editor of the file would.
func dropNewest(h *backup.Header, r *rec) {
	if n := len(r.Revisions); n > 1 {
		r.Revisions = r.Revisions[:n-1]
		r.Draft.Seq = uint64(n - 1)
		r.Draft.Article = r.Revisions[n-2].Article
		h.Revisions--
	}
}

// PlainTampers are the edits of an unencrypted backup.
func PlainTampers() []Tamper {
	return []Tamper{
		{Name: "draft body edited", Edit: onArticle(func(_ *backup.Header, r *rec) { r.Draft.Article.Body += "\n\nA sentence nobody wrote." })},
		{Name: "draft status set to published", Edit: onArticle(func(_ *backup.Header, r *rec) { r.Draft.Article.Status = editor.StatusPublished })},
		{Name: "draft headline edited", Edit: onArticle(func(_ *backup.Header, r *rec) { r.Draft.Article.Headline += " (corrected)" })},
		{Name: "revision body edited", Edit: onArticle(func(_ *backup.Header, r *rec) { r.Revisions[0].Article.Body += " Not said." })},
		{Name: "revision author edited", Edit: onArticle(func(_ *backup.Header, r *rec) { r.Revisions[0].Revision.Author = "Someone else" })},
		{Name: "revision body edited, chain rehashed", Edit: onArticle(func(_ *backup.Header, r *rec) {
			r.Revisions[len(r.Revisions)-1].Article.Body += " Not said."
			rehash(r)
		})},
		{Name: "draft edited, its hash recomputed", Edit: onArticle(func(_ *backup.Header, r *rec) {
			r.Draft.Article.Body += " Not said."
			r.DraftHash = storage.DraftHash(r.Draft, nil)
		})},
		{Name: "newest revision dropped", Edit: onArticle(dropNewest)},
		{Name: "whole article dropped", Edit: func(file []byte) ([]byte, error) {
			return editRecords(file, func(h *backup.Header, recs []rec) []rec {
				a := articles(recs)
				last := a[len(a)-1]
				h.Articles--
				h.Revisions -= len(recs[last].Revisions)
				return append(recs[:last], recs[last+1:]...)
			})
		}},
		{Name: "header counts edited", Edit: func(file []byte) ([]byte, error) {
			return backup.Reseal(file, func(h *backup.Header, body []byte) []byte { h.Articles++; return body })
		}},
		{Name: "article dropped, head and counts recomputed", Limit: true, Edit: func(file []byte) ([]byte, error) {
			return editRecords(file, func(h *backup.Header, recs []rec) []rec {
				a := articles(recs)
				recs = append(recs[:a[0]], recs[a[0]+1:]...)
				rehead(h, recs)
				return recs
			})
		}},
		{Name: "draft rewritten, every hash recomputed", Limit: true, Edit: func(file []byte) ([]byte, error) {
			return editRecords(file, func(h *backup.Header, recs []rec) []rec {
				a := articles(recs)
				r := &recs[a[0]]
				r.Draft.Article.Body += " Not said."
				rehash(r)
				rehead(h, recs)
				return recs
			})
		}},
	}
}

// EncryptedTampers are the edits of an encrypted backup by someone
// without the passphrase. other is an encrypted backup of another desk,
// made under a passphrase the attacker knows.
func EncryptedTampers(other []byte) []Tamper {
	flip := func(at func(n int) int) func([]byte) ([]byte, error) {
		return func(file []byte) ([]byte, error) {
			return backup.Reseal(file, func(_ *backup.Header, body []byte) []byte {
				body[at(len(body))] ^= 0x01
				return body
			})
		}
	}
	return []Tamper{
		{Name: "ciphertext byte flipped (first)", Encrypted: true, Edit: flip(func(int) int { return 0 })},
		{Name: "ciphertext byte flipped (middle)", Encrypted: true, Edit: flip(func(n int) int { return n / 2 })},
		{Name: "GCM tag flipped (last byte)", Encrypted: true, Edit: flip(func(n int) int { return n - 1 })},
		{Name: "body cut short by 16 bytes", Encrypted: true, Edit: func(file []byte) ([]byte, error) {
			return backup.Reseal(file, func(_ *backup.Header, body []byte) []byte { return body[:len(body)-16] })
		}},
		{Name: "header counts edited", Encrypted: true, Edit: func(file []byte) ([]byte, error) {
			return backup.Reseal(file, func(h *backup.Header, body []byte) []byte { h.Articles--; h.Head.Articles--; return body })
		}},
		{Name: "head replaced by a recomputed one", Encrypted: true, Edit: func(file []byte) ([]byte, error) {
			return backup.Reseal(file, func(h *backup.Header, body []byte) []byte {
				hd := storage.NewHeadBuilder(nil).Head()
				hd.Keyed = true
				h.Head = &hd
				return body
			})
		}},
		{Name: "seal stripped from the header", Encrypted: true, Edit: func(file []byte) ([]byte, error) {
			return backup.Reseal(file, func(h *backup.Header, body []byte) []byte { h.Sealed = nil; return body })
		}},
		{Name: "body swapped for another desk's", Encrypted: true, Edit: func(file []byte) ([]byte, error) {
			var body []byte
			if _, err := backup.Reseal(other, func(_ *backup.Header, b []byte) []byte { body = b; return b }); err != nil {
				return nil, err
			}
			return backup.Reseal(file, func(*backup.Header, []byte) []byte { return body })
		}},
		{Name: "forged backup, key header of the attacker's own desk", Encrypted: true, Edit: func([]byte) ([]byte, error) {
			if other == nil {
				return nil, errors.New("no other backup")
			}
			return other, nil
		}},
	}
}

// String names a tamper for the table.
func (t Tamper) String() string {
	kind := "plain"
	if t.Encrypted {
		kind = "encrypted"
	}
	return fmt.Sprintf("%s: %s", kind, t.Name)
}
