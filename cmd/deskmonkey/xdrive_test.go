package main

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The dialog's edges are found in screenshots of the real window (Xvfb,
// 1280x800, dark theme): a file dialog (its Cancel sits at the bottom
// right) and a form (its buttons centred at the bottom).
func TestDialogEdges(t *testing.T) {
	tests := []struct {
		file              string
		wantBottom, wantR int
		isFile            bool // Cancel at the bottom right, else the left of two
	}{
		{"open-file-dialog.png", 698, 1087, true},
		{"settings-dialog.png", 528, 877, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			bottom, right, err := dialogEdges(img, 640)
			if err != nil {
				t.Fatal(err)
			}
			if bottom != tt.wantBottom || right != tt.wantR {
				t.Errorf("edges: bottom %d, right %d; want %d, %d", bottom, right, tt.wantBottom, tt.wantR)
			}
			x, y := 640-30, bottom-34 // where closeDialogs clicks Cancel
			if tt.isFile {
				x, y = right-102, bottom-22
			}
			if isDialogColour(img.At(x, y)) {
				t.Errorf("the click at %d,%d falls on the dialog's background, not on Cancel", x, y)
			}
		})
	}
}
