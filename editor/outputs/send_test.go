package outputs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/formats"
)

func story() *editor.Article {
	a := editor.New(time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC))
	a.Slug = "quake"
	a.Headline = "Quake hits Tokyo"
	a.Standfirst = "Buildings swayed."
	a.Body = "First paragraph here.\n\nSecond paragraph."
	a.Dateline = editor.Dateline{Place: "TOKYO", Date: "2019-10-16"}
	a.Photo = editor.Photo{Caption: "Tokyo", Credit: "AFP"}
	return a
}

func TestShape(t *testing.T) {
	tests := []struct {
		profile                    string
		headline, standfirst, body string
	}{
		{"alert", "Quake hits Tokyo", "", ""},
		{"urgent", "Quake hits Tokyo", "", "First paragraph here."},
		{"story", "Quake hits Tokyo", "Buildings swayed.", "First paragraph here.\n\nSecond paragraph."},
	}
	for _, tt := range tests {
		t.Run(tt.profile, func(t *testing.T) {
			a := story()
			got := Find(Builtins(), tt.profile).Shape(a)
			if got.Headline != tt.headline || got.Standfirst != tt.standfirst || got.Body != tt.body ||
				(tt.body == "") != got.Dateline.IsZero() || (tt.profile != "story") != (got.Photo == editor.Photo{}) {
				t.Errorf("Shape = %q / %q / %q", got.Headline, got.Standfirst, got.Body)
			}
			if a.Standfirst != "Buildings swayed." {
				t.Error("Shape changed the article it was given")
			}
		})
	}
	data, err := Find(Builtins(), "alert").Render(story(), formats.ExportOptions{})
	if err != nil || !strings.Contains(string(data), "Quake hits Tokyo") || strings.Contains(string(data), "Second paragraph") {
		t.Errorf("Render alert = %q, %v", data, err)
	}
}

func TestSendToFolder(t *testing.T) {
	dir := t.TempDir()
	p := Find(Builtins(), "alert")
	name := p.FileName(story())
	if name != "quake.alert.txt" {
		t.Errorf("FileName = %q", name)
	}
	first, err := SendToFolder(dir, name, []byte("one"))
	if err != nil || first != filepath.Join(dir, "quake.alert.txt") {
		t.Fatalf("first send: %q, %v", first, err)
	}
	second, err := SendToFolder(dir, name, []byte("two"))
	if err != nil || second != filepath.Join(dir, "quake.alert-2.txt") {
		t.Fatalf("second send: %q, %v", second, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d files, want 2 (no temporary left)", len(entries))
	}
	if data, _ := os.ReadFile(first); string(data) != "one" {
		t.Errorf("the first file was overwritten: %q", data)
	}
	if _, err := SendToFolder(filepath.Join(dir, "missing"), name, nil); err == nil || !strings.Contains(err.Error(), "hot folder") {
		t.Errorf("a missing folder: %v", err)
	}
	if _, err := SendToFolder(first, name, nil); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("a file as folder: %v", err)
	}
}
