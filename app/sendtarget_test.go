package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/app/escape"
	"copydesk/editor/outputs/transmit"
)

// TestSendTargetSaysWhatIsWrong: a target that cannot be read keeps Send
// off and says why under the field, as it is typed.
func TestSendTargetSaysWhatIsWrong(t *testing.T) {
	h := newSendHarness(t)
	h.openFixture(t)
	c := h.w.win.Canvas()
	h.w.sendDialog()
	settle(h.w)
	e := overlayWidgets[*escape.SelectEntry](c)[0]
	for _, r := range "ftps://x/y" {
		c.Focused().TypedRune(r)
	}
	if err := e.Validate(); err == nil || !strings.Contains(err.Error(), "FTPS is not supported") {
		t.Errorf("target %q: %v", e.Text, err)
	}
	if b := findButton(c, "Send"); b == nil || !b.Disabled() {
		t.Error("Send is on for a target that cannot be read")
	}
	test.Tap(findButton(c, "Send"))
	if c.Overlays().Top() == nil {
		t.Error("Send went ahead")
	}
}

// TestSendProgressKeepsTheWindowNarrow: a long attempt error in the
// status bar does not widen the window past a 1024-px screen.
func TestSendProgressKeepsTheWindowNarrow(t *testing.T) {
	h := newSendHarness(t)
	h.openFixture(t)
	j := h.w.sends.newJob("x", "http://127.0.0.1:9/in")
	h.w.sends.add(j)
	j.attempt(transmit.Attempt{N: 1, Error: "POST http://127.0.0.1:9/in: dial tcp 127.0.0.1:9: connect: connection refused " + strings.Repeat("and more ", 20), Wait: 2 * time.Second})
	if w := h.w.win.Content().MinSize().Width; w > 1000 {
		t.Errorf("while sending the window needs %.0f px", w)
	}
	j.done("")
}
