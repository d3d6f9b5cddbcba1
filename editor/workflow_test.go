package editor

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckMoveLimits(t *testing.T) {
	under := []LimitCount{{"headline", "chars", 72, 90}, {"body", "words", 700, 1500}}
	over := []LimitCount{{"headline", "chars", 96, 90}, {"body", "words", 700, 1500}}
	tests := []struct {
		name     string
		from, to Status
		counts   []LimitCount
		override bool
		want     string // "" allowed; else part of the error
	}{
		{"under the limits", StatusInEdit, StatusReady, under, false, ""},
		{"over, refused", StatusInEdit, StatusReady, over, false, "cannot set the story to Ready: headline 96/90 characters over the section's limit"},
		{"over, overridden", StatusInEdit, StatusReady, over, true, ""},
		{"over, back to draft", StatusInEdit, StatusDraft, over, false, ""},
		{"over, ready to published", StatusReady, StatusPublished, over, false, ""},
		{"over, spiked", StatusInEdit, StatusSpiked, over, false, ""},
		{"the workflow still applies", StatusDraft, StatusReady, under, true, "one step at a time"},
	}
	for _, tc := range tests {
		err := CheckMove(tc.from, tc.to, tc.counts, tc.override)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	a := &Article{Status: StatusInEdit}
	err := a.SetStatusChecked(StatusReady, over, false)
	var ole *OverLimitError
	if !errors.As(err, &ole) || len(ole.Over) != 1 || a.Status != StatusInEdit {
		t.Errorf("SetStatusChecked over a limit: %v, status %s", err, a.Status)
	}
	if err := a.SetStatusChecked(StatusReady, over, true); err != nil || a.Status != StatusReady {
		t.Errorf("with override: %v, status %s", err, a.Status)
	}
}

func TestOverrideNote(t *testing.T) {
	over := []LimitCount{{"headline", "chars", 96, 90}, {"standfirst", "words", 30, 40}, {"body", "words", 1600, 1500}}
	tests := []struct {
		counts []LimitCount
		reason string
		want   string
	}{
		{over, "  breaking\nnews ", "override: headline 96/90 characters, body 1600/1500 words over the section's limit — breaking news"},
		{over, "", "override: headline 96/90 characters, body 1600/1500 words over the section's limit"},
		{over[1:2], "why", ""},
		{nil, "why", ""},
	}
	for _, tc := range tests {
		if got := OverrideNote(tc.counts, tc.reason); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestCorrections(t *testing.T) {
	now := time.Date(2019, 10, 16, 10, 0, 0, 0, time.UTC)
	pub := &Article{ID: NewID(), Headline: "Bortnikov speaks", Body: "From 76 countries.", Status: StatusPublished, Created: now, Modified: now}
	edit := func(fn func(a *Article)) *Article { c := pub.Clone(); fn(c); return c }
	tests := []struct {
		name    string
		prev    *Article
		next    *Article
		isCorr  bool
		problem string // "" when CheckCorrection passes
	}{
		{"no change", pub, edit(func(a *Article) { a.Modified = now.Add(time.Hour) }), false, ""},
		{"ednote only", pub, edit(func(a *Article) { a.EdNote = "check the figure" }), false, ""},
		{"copy without a note", pub, edit(func(a *Article) { a.Body = "From 79 countries." }), true, "correction: is empty"},
		{"copy with a note", pub, edit(func(a *Article) { a.Body = "From 79 countries."; a.Correction = "An earlier version said 76." }), true, ""},
		{"spiked", pub, edit(func(a *Article) { a.Status = StatusSpiked; a.Body = "x" }), true, ""},
		{"draft is not published", edit(func(a *Article) { a.Status = StatusReady }), edit(func(a *Article) { a.Status = StatusReady; a.Body = "x" }), false, ""},
		{"old note kept", edit(func(a *Article) { a.Correction = "An earlier version said 76." }),
			edit(func(a *Article) { a.Correction = "An earlier version said 76."; a.Headline = "Bortnikov: 79" }), true, "still holds the note of the last correction"},
	}
	for _, tc := range tests {
		if got := IsCorrection(tc.prev, tc.next); got != tc.isCorr {
			t.Errorf("%s: IsCorrection = %v", tc.name, got)
		}
		err := CheckCorrection(tc.prev, tc.next)
		switch {
		case tc.problem == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.problem != "" && (err == nil || !strings.Contains(err.Error(), tc.problem)):
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.problem)
		}
	}
}

// The refusal reads in characters the window's font draws: "→" came from
// a fallback font whose missing space glyph showed as "→�" in the window.
func TestWorkflowMessageHasNoArrow(t *testing.T) {
	err := CanMove(StatusDraft, StatusPublished)
	if err == nil || strings.ContainsRune(err.Error(), '→') || !strings.Contains(err.Error(), "one step at a time") {
		t.Errorf("message %v", err)
	}
}
