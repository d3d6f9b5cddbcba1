package badgerstore

// How values are laid out. Drafts and revisions are a one-line JSON header,
// a newline, then the content bytes as they were hashed: keeping the
// content outside the JSON keeps it byte-exact and lets a history listing
// read the header without scanning the content.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// frame joins a header, encoded as one line of JSON, and a body.
func frame(header any, body []byte) []byte {
	h, err := json.Marshal(header)
	if err != nil {
		// Headers hold only strings, numbers and times.
		panic(fmt.Sprintf("badgerstore: encoding a header: %v", err))
	}
	v := make([]byte, 0, len(h)+1+len(body))
	v = append(v, h...)
	v = append(v, '\n')
	return append(v, body...)
}

// unframe splits a value made by frame. JSON never holds a raw newline,
// so the first one ends the header.
func unframe(val []byte) (header, body []byte, err error) {
	i := bytes.IndexByte(val, '\n')
	if i < 0 {
		return nil, nil, errors.New("the value has no header")
	}
	return val[:i], val[i+1:], nil
}

// How a revision's content is kept after its header. The newest revision
// and every keyframe are kept whole; the others as a reverse delta: the
// go-diff delta (DiffToDelta) that turns the next revision's content into
// this one's. Schema 1 knew only contentFull.
const (
	contentFull  = "full"
	contentDelta = "delta"
)

type revisionHeader struct {
	storage.Revision
	Encoding string `json:"encoding"` // how the content after the header is kept
}

// storedRevision is a revision's value split into its parts, before the
// content of a delta is rebuilt.
type storedRevision struct {
	rec      storage.Revision
	encoding string
	body     []byte // the content (full) or the delta against revision Seq+1
}

// encodeRevision is the stored value of a revision kept whole.
func encodeRevision(r storage.Revision, content []byte) []byte {
	return frame(revisionHeader{Revision: r, Encoding: contentFull}, content)
}

// encodeStored is the value of a revision in whichever encoding it has.
func encodeStored(sr storedRevision) []byte {
	return frame(revisionHeader{Revision: sr.rec, Encoding: sr.encoding}, sr.body)
}

// decodeStored reads a revision's value; body is a copy, safe to keep
// after the transaction.
func decodeStored(val []byte) (storedRevision, error) {
	r, enc, body, err := decodeRevisionHeader(val)
	if err != nil {
		return storedRevision{rec: r}, err
	}
	return storedRevision{rec: r, encoding: enc, body: bytes.Clone(body)}, nil
}

// decodeRevisionRecord reads only the record of a revision.
func decodeRevisionRecord(val []byte) (storage.Revision, error) {
	r, _, _, err := decodeRevisionHeader(val)
	return r, err
}

func decodeRevisionHeader(val []byte) (storage.Revision, string, []byte, error) {
	head, body, err := unframe(val)
	if err != nil {
		return storage.Revision{}, "", nil, err
	}
	var h revisionHeader
	if err := json.Unmarshal(head, &h); err != nil {
		return storage.Revision{}, "", nil, fmt.Errorf("the revision record does not decode: %w", err)
	}
	if h.Encoding != contentFull && h.Encoding != contentDelta {
		return h.Revision, "", nil, fmt.Errorf("the revision's content is kept as %q, which this Copydesk does not read", h.Encoding)
	}
	return h.Revision, h.Encoding, body, nil
}

// draftHeader is what is kept with a draft besides the article.
type draftHeader struct {
	Version uint64    `json:"version"`
	Saved   time.Time `json:"saved"`
	Seq     uint64    `json:"seq"`
	// Rev says the draft is revision Seq itself (as after a save): its
	// content is not stored twice, so a durable save writes and syncs
	// the story once. Schema 2.
	Rev bool `json:"rev,omitempty"`
}

// encodeDraft is the stored value of a draft whose article encodes as
// content; a draft that is its revision keeps no content of its own.
func encodeDraft(h draftHeader, content []byte) []byte {
	if h.Rev {
		content = nil
	}
	return frame(h, content)
}

// decodeDraftHeader reads a draft without decoding its article.
func decodeDraftHeader(val []byte) (draftHeader, error) {
	head, _, err := unframe(val)
	if err != nil {
		return draftHeader{}, err
	}
	var h draftHeader
	if err := json.Unmarshal(head, &h); err != nil {
		return h, fmt.Errorf("the draft record does not decode: %w", err)
	}
	return h, nil
}

// decodeDraft reads a draft; revision, called only for a draft that is
// its revision, returns that revision's content.
func decodeDraft(val []byte, revision func(seq uint64) ([]byte, error)) (storage.Draft, error) {
	h, err := decodeDraftHeader(val)
	if err != nil {
		return storage.Draft{}, err
	}
	_, body, _ := unframe(val)
	if h.Rev {
		if body, err = revision(h.Seq); err != nil {
			return storage.Draft{}, fmt.Errorf("the draft is revision %d, which cannot be read: %w", h.Seq, err)
		}
	}
	a, err := editor.Decode(body)
	if err != nil {
		return storage.Draft{}, err
	}
	return storage.Draft{Article: a, Version: h.Version, Saved: h.Saved, Seq: h.Seq}, nil
}

// summarize is the library's row for a draft of a.
func summarize(a *editor.Article, words int, h draftHeader) storage.Summary {
	return storage.Summary{
		ID:       a.ID,
		Slug:     a.Slug,
		Section:  a.Section,
		Headline: a.Headline,
		Status:   a.Status,
		Tags:     append([]string(nil), a.Tags...),
		Words:    words,
		Modified: h.Saved,
		Seq:      h.Seq,
	}
}

func encodeSummary(s storage.Summary) []byte {
	b, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("badgerstore: encoding a summary: %v", err))
	}
	return b
}

func decodeSummary(val []byte) (storage.Summary, error) {
	var s storage.Summary
	if err := json.Unmarshal(val, &s); err != nil {
		return s, fmt.Errorf("the summary does not decode: %w", err)
	}
	return s, nil
}
