package check_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/storage"
)

func TestRevisionKind(t *testing.T) {
	pub := fixture(t)
	pub.Status = editor.StatusPublished
	changed := pub.Clone()
	changed.Body = strings.Replace(changed.Body, "79 countries", "76 countries", 1)
	noted := changed.Clone()
	noted.Correction = "An earlier version gave the number of countries as 79."
	draft := fixture(t)
	draftChanged := draft.Clone()
	draftChanged.Headline = "New headline"
	tests := []struct {
		name       string
		prev, next *editor.Article
		want       storage.Kind
		err        string
	}{
		{"published, unchanged", pub, pub.Clone(), storage.KindSave, ""},
		{"published, changed, no note", pub, changed, "", "correction: is empty"},
		{"published, changed, noted", pub, noted, storage.KindCorrection, ""},
		{"draft, changed", draft, draftChanged, storage.KindSave, ""},
	}
	for _, tc := range tests {
		got, err := check.RevisionKind(tc.prev, tc.next, storage.KindSave)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: got %q, %v; want %q, %q", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func TestReadyCheck(t *testing.T) {
	r := rules(t, "limits:\n  default: {headline_chars: 60, body_words: 2000}\n")
	a := fixture(t)
	a.Status = editor.StatusInEdit
	_, err := r.ReadyCheck(a, editor.StatusReady, false, "")
	var ole *editor.OverLimitError
	if !errors.As(err, &ole) || ole.Over[0].Field != "headline" {
		t.Fatalf("over the headline limit: %v", err)
	}
	note, err := r.ReadyCheck(a, editor.StatusReady, true, "the desk chief agreed")
	want := "override: headline 87/60 characters over the section's limit — the desk chief agreed"
	if err != nil || note != want {
		t.Errorf("override: %q, %v; want %q", note, err, want)
	}
	if note, err := r.ReadyCheck(a, editor.StatusDraft, false, ""); err != nil || note != "" {
		t.Errorf("back to draft: %q, %v", note, err)
	}
	if note, err := check.ForStyle(editor.StyleTASS).ReadyCheck(a, editor.StatusReady, true, "x"); err != nil || note != "" {
		t.Errorf("under the limits with override: %q, %v", note, err)
	}
}
