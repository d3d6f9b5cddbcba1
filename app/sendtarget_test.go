package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSendTargetSaysWhatIsWrong: a target that cannot be read keeps Send
// off and says why under the field, as it is typed.
func TestSendTargetSaysWhatIsWrong(t *testing.T) {
	h := newSendHarness(t)
	h.openFixture(t)
	c := h.w.win.Canvas()
	h.w.sendDialog()
	settle(h.w)
	e := overlayWidgets[*escSelectEntry](c)[0]
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
