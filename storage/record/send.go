package record

import (
	"context"
	"fmt"
	"time"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
)

// Outgoing is one send of a story as a profile to a target, as File ›
// Send… and `copydesk send` make it. The embargo is the caller's to check
// first (check.EmbargoBlocks, then ForcedExport when forced).
type Outgoing struct {
	// Article is the story as sent; its revision in the history holds it.
	Article *editor.Article
	Profile *outputs.Profile
	Options formats.ExportOptions
	Target  transmit.Target
	Config  transmit.Config
	Policy  transmit.Policy
	Author  string
	// Notice names the notice this send carries ("kill", "withhold",
	// "correction"); "" for the story.
	Notice string
	// OnAttempt, when set, is told of each attempt as it ends (from the
	// goroutine running Send: the window wraps its UI update in fyne.Do).
	OnAttempt func(transmit.Attempt)
	// Deliver replaces transmit.Deliver (tests).
	Deliver transmit.Deliverer
}

// Send renders the story by its profile, delivers it with retries and
// files the transmission — sent or failed, every attempt, the exact
// bytes — as a revision of the story. It returns the record and the
// revision's number. A failed delivery is an error (the record is made
// all the same: seq is not 0); so is a failure to record (seq is 0).
// It blocks for the retries' waits: the window calls it in a goroutine.
func Send(ctx context.Context, s storage.Store, o Outgoing) (*Transmission, uint64, error) {
	data, err := o.Profile.Render(o.Article, o.Options)
	if err != nil {
		return nil, 0, err
	}
	cfg := o.Config
	if cfg.ContentType == "" {
		cfg.ContentType = ContentType(o.Profile.Format)
	}
	r := transmit.Send(ctx, o.Target, o.Profile.FileName(o.Article), data, cfg, o.Policy, o.Deliver, o.OnAttempt)
	t := Transmission{Time: time.Now().UTC(), Author: o.Author, Profile: o.Profile.Name, Format: string(o.Profile.Format),
		Target: o.Target.String(), File: r.Where, Notice: o.Notice, Attempts: r.Attempts, Bytes: data}
	if r.Err != nil {
		t.Error = r.Err.Error()
	}
	// The record outlives a cancelled send: it says what was tried.
	seq, err := transmitArticle(context.WithoutCancel(ctx), s, o.Article.ID, o.Article, t)
	if err != nil {
		return &t, 0, fmt.Errorf("recording the transmission: %w", err)
	}
	if r.Err != nil {
		return &t, seq, fmt.Errorf("%w (the failure is recorded as revision %d)", r.Err, seq)
	}
	return &t, seq, nil
}

// ContentType is the MIME type a format is POSTed as.
func ContentType(f formats.Format) string {
	switch f {
	case formats.HTML:
		return "text/html; charset=utf-8"
	case formats.Markdown:
		return "text/markdown; charset=utf-8"
	case formats.NITF:
		return "application/xml; charset=utf-8"
	case formats.NewsMLG2:
		return "application/vnd.iptc.g2.newsitem+xml; charset=utf-8"
	case formats.Ninjs, formats.Ninjs23:
		return "application/json; charset=utf-8"
	}
	return "text/plain; charset=utf-8"
}
