package checks

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/widget"

	"copydesk/editor/outputs"
)

// outputRows are the texts and importances of the panel's profile rows.
func outputRows(h *harness) (texts []string, imps []widget.Importance) {
	for _, o := range h.p.outputs.Objects {
		l := o.(*widget.Label)
		texts = append(texts, l.Text)
		imps = append(imps, l.Importance)
	}
	return texts, imps
}

// TestPanelOutputs: a row per built-in profile, red naming the overrun
// (the fixture's 87-character headline is past the alert's 55), green
// where it fits; the desk's own profiles from the store replace them.
func TestPanelOutputs(t *testing.T) {
	st := openStore(t)
	h := newHarness(t, st)
	a := fixture(t)
	h.p.CheckNow(a)
	h.wait(t)
	texts, imps := outputRows(h)
	if len(texts) != 4 {
		t.Fatalf("rows = %q, want one per built-in profile", texts)
	}
	if texts[0] != "alert: headline 87/55 — over" || imps[0] != widget.DangerImportance {
		t.Errorf("alert row = %q (%v)", texts[0], imps[0])
	}
	if texts[2] != "story: headline 87/90" || imps[2] != widget.WarningImportance {
		t.Errorf("story row (87/90 is near) = %q (%v)", texts[2], imps[2])
	}

	src := []byte("profiles:\n  - {name: flash, format: text, fields: [headline], limits: {headline_chars: 120}}\n")
	if _, err := outputs.SaveDesk(context.Background(), st, "desk.yaml", src); err != nil {
		t.Fatal(err)
	}
	h.p.Reload()
	h.p.CheckNow(a)
	h.wait(t)
	texts, imps = outputRows(h)
	if len(texts) != 1 || texts[0] != "flash: headline 87/120" || imps[0] != widget.SuccessImportance {
		t.Errorf("desk profiles: rows = %q %v", texts, imps)
	}
}
