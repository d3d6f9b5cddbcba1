package record

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"copydesk/storage"
)

// Transmission is one send of a story to a target, as subscribers got it.
type Transmission struct {
	Time    time.Time `json:"time"`
	Author  string    `json:"author"`
	Profile string    `json:"profile"`
	Format  string    `json:"format"`
	Target  string    `json:"target"`          // a folder, for now
	File    string    `json:"file,omitempty"`  // where it landed
	Error   string    `json:"error,omitempty"` // "" when sent
	Bytes   []byte    `json:"bytes"`           // exactly what was sent
}

// OK says whether the transmission went through.
func (t *Transmission) OK() bool { return t.Error == "" }

// transmissionSetting names the setting that keeps the bytes of the
// transmission recorded as revision seq of story id. Settings live in
// the desk's store, encrypted with it when the desk is.
func transmissionSetting(id string, seq uint64) string {
	return fmt.Sprintf("transmission.%s.%d", id, seq)
}

// Transmit files a transmission in the story's history: a revision of its
// draft labelled "sent" (or "send failed") whose note says when, who,
// which profile, where and the result, and, beside it, the transmission
// with the exact bytes. It returns the revision's number.
func Transmit(ctx context.Context, s storage.Store, id string, t Transmission) (uint64, error) {
	d, err := s.Draft(ctx, id)
	if err != nil {
		return 0, err
	}
	label, result := "sent", "sent"
	if !t.OK() {
		label, result = "send failed", "failed: "+t.Error
	}
	note := fmt.Sprintf("%s to %s as %s (%s, %d bytes) by %s at %s: %s", t.Profile, t.Target, t.File, t.Format,
		len(t.Bytes), t.Author, t.Time.UTC().Format(time.RFC3339), result)
	rev, err := s.SaveRevision(ctx, d.Article, storage.Meta{Author: t.Author, Kind: storage.KindSave,
		Label: label, Note: note, DraftVersion: d.Version})
	if err != nil {
		return 0, err
	}
	data, err := json.Marshal(t)
	if err != nil {
		return 0, err
	}
	return rev.Seq, s.SetSetting(ctx, transmissionSetting(id, rev.Seq), data)
}

// LoadTransmission reads the transmission recorded as revision seq.
func LoadTransmission(ctx context.Context, s storage.Store, id string, seq uint64) (*Transmission, error) {
	data, err := s.Setting(ctx, transmissionSetting(id, seq))
	if err != nil {
		return nil, err
	}
	var t Transmission
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("the transmission recorded as revision %d of %s is damaged: %w", seq, id, err)
	}
	return &t, nil
}
