package formats

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

var testNow = time.Date(2019, 10, 16, 10, 5, 0, 0, time.UTC)

func TestExportBatch(t *testing.T) {
	arts := map[string]*editor.Article{}
	var ids []string
	for _, slug := range []string{"WORLD/IS", "../escape", "WORLD/IS", "bad"} {
		a := editor.New(testNow)
		a.Slug, a.Headline, a.Body = slug, "Headline", "Copy."
		arts[a.ID] = a
		ids = append(ids, a.ID)
	}
	load := func(_ context.Context, id string) (*editor.Article, ExportOptions, error) {
		if arts[id].Slug == "bad" {
			return nil, ExportOptions{}, errors.New("revision 3 does not verify")
		}
		return arts[id], ExportOptions{Now: testNow}, nil
	}
	dir := filepath.Join(t.TempDir(), "out")
	var seen []string
	written, err := ExportBatch(context.Background(), ids, Markdown, dir, load, func(done, total int, name string) {
		seen = append(seen, name)
		if total != 4 || done != len(seen) {
			t.Errorf("progress %d/%d", done, total)
		}
	})
	if err == nil || !strings.Contains(err.Error(), "does not verify") || !strings.Contains(err.Error(), "3 of 4 exported") {
		t.Errorf("err = %v; want the failing article named and how far it got", err)
	}
	want := []string{"world-is.md", "escape.md", "world-is-2.md"}
	if strings.Join(seen, " ") != strings.Join(want, " ") || len(written) != 3 {
		t.Errorf("wrote %v (%d paths), want %v", seen, len(written), want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files in the folder, want 3 (no temporary leftovers)", len(entries))
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if written, err := ExportBatch(ctx, ids, HTML, dir, load, nil); err == nil || len(written) != 0 {
		t.Errorf("cancelled batch: %d written, err %v", len(written), err)
	}
}
