package inbox_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"copydesk/storage"
	"copydesk/storage/inbox"
)

// TestLive: a window's store wrapped by StartLive reports each story the
// inbox imports as a live change, and Close stops the inbox before closing the store.
func TestLive(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "inbox")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, filepath.Join(t.TempDir(), "desk"))
	ws, live := inbox.StartLive(context.Background(), dir, s, "wire", nil)
	w, ok := ws.(storage.Watcher)
	if !ok {
		t.Fatal("the wrapped store reports no changes")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := w.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if err := os.WriteFile(filepath.Join(dir, "fed.xml"), []byte(g2("urn:ap:live", 1, "Live", "Now.")), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-ch:
		if c.Kind != storage.ChangeCreate || c.ArticleID == "" {
			t.Errorf("change %+v", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported for the dropped file")
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if live.Err != nil {
		t.Errorf("the watch ended with %v", live.Err)
	}
}
