package inbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"

	"copydesk/storage"
)

// The inbox remembers, in the store's settings (one small value each, so
// a desk that has taken 100,000 files reads two keys per file, not a
// list): which file contents it imported, as "inbox.hash.SHA256", and
// which story each agency item became, as "inbox.guid.SHA256-OF-GUID".
// They are not in backups (a backup carries the settings it knows by
// name): on a desk restored from one, a file dropped again is imported
// again.
const (
	hashPrefix = "inbox.hash."
	guidPrefix = "inbox.guid."
)

// hashNote is what became of one file's content.
type hashNote struct {
	IDs []string `json:"ids"`
	// Pending is set while the file's stories are being written.
	Pending bool `json:"pending,omitempty"`
}

// guidNote is the story an agency item became, at which version.
type guidNote struct {
	ID      string `json:"id"`
	Version int    `json:"version,omitempty"`
}

func (in *Inbox) get(ctx context.Context, name string, v any) (bool, error) {
	b, err := in.Store.Setting(ctx, name)
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		// A damaged note is as good as none: the file is imported again
		// rather than refused for ever.
		return false, nil
	}
	return true, nil
}

func (in *Inbox) put(ctx context.Context, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return in.Store.SetSetting(ctx, name, b)
}

// seenHash reports whether a file with these bytes was imported. A note
// left pending by a crash counts as imported when one of its stories is
// on the desk (the write had begun), else the file is imported afresh.
func (in *Inbox) seenHash(ctx context.Context, hash string) (bool, error) {
	var n hashNote
	ok, err := in.get(ctx, hashPrefix+hash, &n)
	if err != nil || !ok {
		return false, err
	}
	if !n.Pending {
		return true, nil
	}
	for _, id := range n.IDs {
		_, err := in.Store.Draft(ctx, id)
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return false, err
		}
	}
	return false, nil
}

func (in *Inbox) noteHash(ctx context.Context, hash string, n hashNote) error {
	return in.put(ctx, hashPrefix+hash, n)
}

func guidKey(guid string) string {
	sum := sha256.Sum256([]byte(guid))
	return guidPrefix + hex.EncodeToString(sum[:])
}

// guid is the story the agency item guid became, or a zero note.
func (in *Inbox) guid(ctx context.Context, guid string) (guidNote, error) {
	var n guidNote
	_, err := in.get(ctx, guidKey(guid), &n)
	return n, err
}

func (in *Inbox) noteGUID(ctx context.Context, guid string, n guidNote) error {
	return in.put(ctx, guidKey(guid), n)
}
