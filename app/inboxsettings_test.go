package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// setInboxInSettings types dir into File › Settings…'s wire inbox row and
// saves, as a person does; it returns the row's hint.
func setInboxInSettings(t *testing.T, w *Window, dir string) string {
	t.Helper()
	w.settingsDialog()
	c := w.win.Canvas()
	var entry interface{ SetText(string) } // an entry that also closes the dialog on Escape
	var hint string
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == "Wire inbox" {
					entry, _ = it.Widget.(interface{ SetText(string) })
					hint = it.HintText
				}
			}
		}
	})
	if entry == nil {
		t.Fatal("Settings has no wire inbox row")
	}
	entry.SetText(dir)
	save := findButton(c, "Save")
	if save == nil {
		t.Fatal("Settings has no Save button")
	}
	test.Tap(save)
	settle(w)
	return hint
}

// The wire inbox folder is set in Settings and kept; a folder that is not
// a full path is refused with a message, and the setting left as it was;
// an empty one turns the inbox off. The hint says when it takes effect.
func TestSettingsSetsTheInbox(t *testing.T) {
	h := newHarness(t)
	w := h.w
	hint := setInboxInSettings(t, w, "  /srv/wire/ ")
	if got := w.settings.InboxDir(); got != "/srv/wire" {
		t.Errorf("inbox setting %q after Save, want /srv/wire", got)
	}
	if !strings.Contains(hint, "next start") {
		t.Errorf("hint %q does not say when the change takes effect", hint)
	}
	setInboxInSettings(t, w, "wire")
	if got := w.settings.InboxDir(); got != "/srv/wire" {
		t.Errorf("a relative folder changed the setting to %q", got)
	}
	if top := w.win.Canvas().Overlays().Top(); top == nil || !hasText(top, "not a full path") {
		t.Error("a relative folder was refused without a message")
	}
	w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top())
	setInboxInSettings(t, w, "")
	if got := w.settings.InboxDir(); got != "" {
		t.Errorf("emptied, the inbox setting is %q", got)
	}
}

// --inbox wins over the setting for the run, and the dialog says so.
func TestInboxFlagWinsOverSetting(t *testing.T) {
	h := newHarnessOn(t, test.NewTempApp(t), t.TempDir(), Extensions{}, func(c *Config) { c.InboxFlag = "/tmp/flagged" })
	w := h.w
	for _, c := range []struct{ setting, flag, want string }{
		{"", "", ""},
		{"/srv/wire", "", "/srv/wire"},
		{"/srv/wire", "/tmp/flagged", "/tmp/flagged"},
		{"", "/tmp/flagged", "/tmp/flagged"},
	} {
		w.settings.SetInboxDir(c.setting)
		if got := w.settings.Inbox(c.flag); got != c.want {
			t.Errorf("setting %q, flag %q: inbox %q, want %q", c.setting, c.flag, got, c.want)
		}
	}
	if hint := setInboxInSettings(t, w, "/srv/wire"); !strings.Contains(hint, "/tmp/flagged") {
		t.Errorf("hint %q does not name the folder --inbox made this run watch", hint)
	}
}

// hasText says whether some label or rich text under o contains s.
func hasText(o fyne.CanvasObject, s string) bool {
	found := false
	walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(x.Text, s)
		case *widget.RichText:
			found = found || strings.Contains(x.String(), s)
		}
	})
	return found
}
