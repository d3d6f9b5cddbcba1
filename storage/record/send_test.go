package record_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
	"copydesk/storage/record"
)

// TestSendRecordsAttempts: a target that fails once then takes the story
// leaves one record with both attempts and the bytes; SentCopy and
// SentTargets find it; a target that never takes it is recorded as
// failed and not offered for notices.
func TestSendRecordsAttempts(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	t0 := time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	a := filed(t, s, t0)
	var received []byte
	calls := 0
	flaky := func(_ context.Context, _ transmit.Target, _ string, data []byte, cfg transmit.Config) (string, error) {
		calls++
		if calls == 1 {
			return "", errors.New("connection reset")
		}
		if cfg.ContentType != "application/xml; charset=utf-8" {
			return "", &transmit.PermanentError{Err: errors.New("content type " + cfg.ContentType)}
		}
		received = data
		return "https://wire.example/in (201 Created)", nil
	}
	target, _ := transmit.ParseTarget("https://bob:pw@wire.example/in")
	o := record.Outgoing{Article: a, Profile: outputs.Find(outputs.Builtins(), "story"), Target: target, Author: "tester",
		Options: formats.ExportOptions{Now: t0}, Deliver: flaky,
		Policy: transmit.Policy{Attempts: 3, Sleep: func(context.Context, time.Duration) error { return nil }}}
	tr, seq, err := record.Send(ctx, s, o)
	if err != nil || seq == 0 || len(tr.Attempts) != 2 || string(tr.Bytes) != string(received) || tr.Target != "https://bob@wire.example/in" {
		t.Fatalf("Send = %+v, %d, %v", tr, seq, err)
	}
	copy, sent, err := record.SentCopy(ctx, s, a.ID, "https://wire.example/in")
	if err != nil || sent.Seq != seq || copy.Headline != a.Headline {
		t.Errorf("SentCopy = %v, %+v, %v", copy, sent, err)
	}

	if _, sent, err := record.SentCopy(ctx, s, a.ID, "https://bob:other@wire.example/in"); err != nil || sent.Seq != seq {
		t.Errorf("typed with the user and another password: %v", err)
	}
	if _, _, err := record.SentCopy(ctx, s, a.ID, "https://eve@wire.example/in"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("another account found bob's transmission: %v", err)
	}
	down, _ := transmit.ParseTarget("/nowhere/at/all")
	o.Target, o.Deliver = down, nil
	_, seq2, err := record.Send(ctx, s, o)
	if err == nil || seq2 != seq+1 || !strings.Contains(err.Error(), "recorded as revision") {
		t.Errorf("a failing target: %d, %v", seq2, err)
	}
	targets, err := record.SentTargets(ctx, s, a.ID)
	if err != nil || len(targets) != 1 || targets[0].Seq != seq {
		t.Errorf("SentTargets = %+v, %v", targets, err)
	}
	if _, _, err := record.SentCopy(ctx, s, a.ID, "/nowhere/at/all"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("SentCopy of a target never reached: %v", err)
	}

	// A decision needs a reason; a withhold of a story sent is allowed.
	if _, _, err := record.Act(ctx, s, a.ID, record.Decision{Action: record.Withhold, Note: "Hold it."}); err == nil {
		t.Error("a withhold without a reason was filed")
	}
	rev, got, err := record.Act(ctx, s, a.ID, record.Decision{Action: record.Withhold, Reason: "toll", Note: "Hold it.", Author: "chief"})
	if err != nil || rev.Kind != storage.KindWithhold || rev.Note != "reason: toll" || got.Notice.Kind != editor.NoticeWithhold {
		t.Errorf("Act = %+v, %+v, %v", rev, got, err)
	}
}

// TestTypingDuringSendStaysTheDraft: the window autosaves while a send
// waits on its target. The sent copy is filed as a revision, and the draft
// typed meanwhile is still the draft, with nothing kept as changed
// elsewhere; a send with no typing leaves the sent copy as the draft.
func TestTypingDuringSendStaysTheDraft(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	t0 := time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	a := filed(t, s, t0)
	typed := *a
	typed.Headline = "Urgent: " + a.Headline
	deliver := func(_ context.Context, _ transmit.Target, _ string, _ []byte, _ transmit.Config) (string, error) {
		d, err := s.Draft(ctx, a.ID)
		if err != nil {
			return "", err
		}
		if _, err := s.SaveDraft(ctx, &typed, d.Version); err != nil { // the window's autosave
			return "", err
		}
		return "https://wire.example/in (201 Created)", nil
	}
	target, _ := transmit.ParseTarget("https://wire.example/in")
	o := record.Outgoing{Article: a, Profile: outputs.Find(outputs.Builtins(), "story"), Target: target, Author: "tester",
		Options: formats.ExportOptions{Now: t0}, Deliver: deliver}
	_, seq, err := record.Send(ctx, s, o)
	if err != nil {
		t.Fatal(err)
	}
	sent, _, err := s.Revision(ctx, a.ID, seq)
	if err != nil || sent.Headline != a.Headline {
		t.Fatalf("revision %d: %v, %v", seq, sent, err)
	}
	d, err := s.Draft(ctx, a.ID)
	if err != nil || d.Article.Headline != typed.Headline {
		t.Fatalf("the draft after the send: %q, %v; want the typing %q", d.Article.Headline, err, typed.Headline)
	}
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil || len(revs) != 2 {
		t.Errorf("revisions: %d, %v; want the import and the send", len(revs), err)
	}

	o.Article, o.Deliver = d.Article, nil
	o.Target, _ = transmit.ParseTarget(t.TempDir())
	if _, _, err := record.Send(ctx, s, o); err != nil {
		t.Fatal(err)
	}
	if d2, err := s.Draft(ctx, a.ID); err != nil || d2.Article.ContentHash() != d.Article.ContentHash() {
		t.Errorf("a send with no typing changed the draft: %v", err)
	}
}
