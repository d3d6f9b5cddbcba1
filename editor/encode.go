package editor

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Encode is the article's canonical encoding: JSON with the struct's field
// order, no HTML escaping and no trailing newline. Stores keep this form and
// content hashes are taken over it, so it must stay stable: new fields are
// optional (omitempty / omitzero) and never renamed.
func (a *Article) Encode() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		// Article holds only strings, ints, bools, slices and times: it
		// always encodes.
		panic(fmt.Sprintf("editor: encoding article %s: %v", a.ID, err))
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Decode reads an article from its canonical encoding.
func Decode(data []byte) (*Article, error) {
	var a Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("decoding article: %w", err)
	}
	return &a, nil
}

// ContentHash is the hex SHA-256 of the canonical encoding.
func (a *Article) ContentHash() string {
	return HashBytes(a.Encode())
}

// HashBytes is the hex SHA-256 of data.
func HashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
