package app

import (
	"bytes"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// urlApp records the URLs the window asks the desktop to open.
type urlApp struct {
	fyne.App
	opened []string
}

func (a *urlApp) OpenURL(u *url.URL) error {
	a.opened = append(a.opened, u.String())
	return nil
}

// TestOpenTheLogFolder: Help › "Open the log folder" opens the log's
// folder as a file:// URL; without a log it says so.
func TestOpenTheLogFolder(t *testing.T) {
	a := &urlApp{App: test.NewTempApp(t)}
	h := newHarnessOn(t, a, t.TempDir(), Extensions{}, func(c *Config) { c.LogDir = "/home/x/.local/state/copydesk" })
	it := findMenuItem(h.w.win.MainMenu(), "Open the log folder")
	if it == nil {
		t.Fatal("Help has no Open the log folder")
	}
	it.Action()
	if len(a.opened) != 1 || a.opened[0] != "file:///home/x/.local/state/copydesk" {
		t.Errorf("opened %v; want the log folder", a.opened)
	}

	h = newHarness(t)
	h.w.openLogFolder()
	if s := overlayText(h.w.win.Canvas()); !strings.Contains(s, "keeps no log") {
		t.Errorf("without a log folder the window shows %q", s)
	}
}

// TestErrorsShownAreLogged: an error the window shows in a dialog goes to
// the log (slog.Default, which cmd/copydesk points at app/applog's file).
func TestErrorsShownAreLogged(t *testing.T) {
	var b bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&b, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	h := newHarness(t)
	h.w.showError(errors.New("the disk is full"))
	if !strings.Contains(b.String(), `err="the disk is full"`) {
		t.Errorf("log %q lacks the error shown", b.String())
	}
}
