package app

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"copydesk/storage"
)

// connStore is a store that tells of its connection, as pgstore does.
type connStore struct {
	storage.Store
	mu sync.Mutex
	fn func(up bool, err error)
}

func (c *connStore) SetOnConnection(fn func(up bool, err error)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fn = fn
}

func (c *connStore) tell(up bool, err error) {
	c.mu.Lock()
	fn := c.fn
	c.mu.Unlock()
	if fn != nil {
		fn(up, err)
	}
}

// TestReconnectingKeepsTheText: while the shared store reconnects the
// status bar says so and the typed text stays; once it answers, the edits
// not yet saved are saved; closing the window stops the news.
func TestReconnectingKeepsTheText(t *testing.T) {
	var cs *connStore
	h := newHarnessOn(t, test.NewTempApp(t), t.TempDir(), Extensions{}, func(c *Config) {
		cs = &connStore{Store: c.Store}
		c.Store = cs
	})
	id := h.openFixture(t)
	h.w.win.Canvas().Focus(h.w.pane.headline)
	typeRunes(h.w, "Live: ")
	h.timer.pending = nil // the autosave that would have failed while the store was down
	cs.tell(false, errors.New("connection refused"))
	settle(h.w)
	if s := h.w.status.state.Text; !strings.HasPrefix(s, "Reconnecting to the shared store") {
		t.Fatalf("status bar while down: %q", s)
	}
	// A save started meanwhile waits for the new server: the bar keeps
	// saying why rather than "Saving…" (seen in two real windows).
	if s := h.w.savingNotice(); !strings.HasPrefix(s, "Reconnecting to the shared store") {
		t.Errorf("a save while down says %q", s)
	}
	cs.tell(true, nil)
	settle(h.w)
	if s := h.w.status.state.Text; s != "Connected to the shared store again" {
		t.Errorf("status bar when back: %q", s)
	}
	if s := h.w.savingNotice(); s != "Saving…" {
		t.Errorf("a save when back says %q", s)
	}
	h.timer.fire(t, h.w)
	if got := h.draft(t, id).Article.Headline; !strings.HasPrefix(got, "Live: ") {
		t.Errorf("the draft after reconnecting has headline %q", got)
	}
	if err := h.w.finish(); err != nil {
		t.Fatal(err)
	}
	if cs.fn != nil {
		t.Error("the window still hears the store after closing")
	}
}
