package check_test

import (
	"errors"
	"testing"

	"copydesk/editor"
	"copydesk/editor/check"
)

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
