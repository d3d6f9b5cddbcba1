package editor

import (
	"strings"
	"testing"
	"time"
)

func TestNoticeActions(t *testing.T) {
	published := func() *Article {
		a := New(time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC))
		a.Headline, a.Body, a.Status = "Quake hits Tokyo", "Text.", StatusPublished
		return a
	}
	tests := []struct {
		name    string
		prep    func(a *Article)
		act     func(a *Article) error
		problem string // "" : the action is allowed
		status  Status
		notice  NoticeKind
	}{
		{"kill published", nil, func(a *Article) error { return a.Kill("Legal.", false) }, "", StatusSpiked, NoticeKill},
		{"kill sent draft", func(a *Article) { a.Status = StatusReady }, func(a *Article) error { return a.Kill("Legal.", true) }, "", StatusSpiked, NoticeKill},
		{"kill never out", func(a *Article) { a.Status = StatusReady }, func(a *Article) error { return a.Kill("Legal.", false) }, "spike it instead", "", ""},
		{"kill empty note", nil, func(a *Article) error { return a.Kill("  ", false) }, "notice.note", "", ""},
		{"kill twice", func(a *Article) { _ = a.Kill("Legal.", false) }, func(a *Article) error { return a.Kill("Again.", false) }, "already killed", "", ""},
		{"withhold", nil, func(a *Article) error { return a.Withhold("Checking.", false) }, "", StatusPublished, NoticeWithhold},
		{"withhold killed", func(a *Article) { _ = a.Kill("Legal.", false) }, func(a *Article) error { return a.Withhold("x", false) }, "is killed", "", ""},
		{"withhold twice", func(a *Article) { _ = a.Withhold("Checking.", false) }, func(a *Article) error { return a.Withhold("x", false) }, "already withheld", "", ""},
		{"note with a control character", nil, func(a *Article) error { return a.Withhold("bad\x07", false) }, "U+0007", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := published()
			if tt.prep != nil {
				tt.prep(a)
			}
			before := *a
			err := tt.act(a)
			if tt.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tt.problem) {
					t.Errorf("err = %v, want %q", err, tt.problem)
				}
				if a.Status != before.Status || a.Notice != before.Notice {
					t.Error("a refused action changed the story")
				}
				return
			}
			if err != nil || a.Status != tt.status || a.Notice.Kind != tt.notice || a.Validate() != nil {
				t.Errorf("err %v, status %s, notice %+v, valid %v", err, a.Status, a.Notice, a.Validate())
			}
		})
	}
}

func TestCorrect(t *testing.T) {
	prev := New(time.Now())
	prev.Headline, prev.Body, prev.Status, prev.Correction = "Quake", "Text.", StatusPublished, "Old note."
	_ = prev.Withhold("Checking.", false)
	next := prev.Clone()
	next.Body = "Fixed text."
	if err := Correct(prev, next, "Old note.", false); err == nil {
		t.Error("the last correction's note was taken again")
	}
	if err := Correct(prev, next, "", false); err == nil {
		t.Error("an empty note was taken")
	}
	if err := Correct(prev, next, "The toll was 9, not 90.", false); err != nil || next.Correction != "The toll was 9, not 90." || !next.Notice.IsZero() {
		t.Errorf("Correct: %v; note %q, notice %+v (a correction releases a withhold)", err, next.Correction, next.Notice)
	}
	if !IsCorrection(prev, next) || CheckCorrection(prev, next) != nil {
		t.Error("the corrected copy does not pass as a correction")
	}
	killed := prev.Clone()
	killed.Notice = Notice{}
	_ = killed.Kill("Legal.", false)
	if err := Correct(killed, killed.Clone(), "x", true); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Errorf("correcting a killed story: %v", err)
	}
	draft := New(time.Now())
	if err := Correct(draft, draft.Clone(), "x", false); err == nil || !strings.Contains(err.Error(), "never published") {
		t.Errorf("correcting a draft: %v", err)
	}
}

func TestValidateNotice(t *testing.T) {
	for _, n := range []Notice{{Kind: "retract", Note: "x"}, {Kind: NoticeKill, Note: " "}} {
		a := New(time.Now())
		a.Headline, a.Notice = "Quake", n
		err := a.Validate()
		if v, ok := AsValidation(err); !ok || v.Field("notice.kind") == nil && v.Field("notice.note") == nil {
			t.Errorf("notice %+v: %v", n, err)
		}
	}
}
