package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestScaleAverages(t *testing.T) {
	// A 4×4 source: the left half opaque red, the right half transparent.
	src := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for y := range 4 {
		for x := range 2 {
			src.SetNRGBA(x, y, color.NRGBA{R: 255, A: 255})
		}
	}
	for _, tc := range []struct {
		size int
		x, y int
		want color.NRGBA
	}{
		{2, 0, 0, color.NRGBA{R: 255, A: 255}}, // wholly in the red half
		{2, 1, 1, color.NRGBA{}},               // wholly transparent
		// Half red, half transparent: half alpha, but still pure red (the
		// transparent pixels' black must not darken it).
		{1, 0, 0, color.NRGBA{R: 255, A: 128}},
		// 4/3 pixels a side: the middle pixel covers 1/3 of column 1 (red)
		// and of column 2 (clear) each, and 2/3 … of both: half red.
		{3, 1, 1, color.NRGBA{R: 255, A: 128}},
	} {
		got := scale(src, tc.size).NRGBAAt(tc.x, tc.y)
		if got != tc.want {
			t.Errorf("size %d, pixel (%d,%d): %v, want %v", tc.size, tc.x, tc.y, got, tc.want)
		}
	}
}

func TestWriteSizes(t *testing.T) {
	dir := t.TempDir()
	if err := writeSizes(filepath.Join("..", "..", "assets", "icon.png"), dir, "org.example.App"); err != nil {
		t.Fatal(err)
	}
	for _, size := range Sizes {
		f, err := os.Open(filepath.Join(dir, itoa(size)+"x"+itoa(size), "apps", "org.example.App.png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%d: %dx%d, %v", size, cfg.Width, cfg.Height, err)
		}
	}
}

func TestWriteSizesRefusesNonSquare(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "wide.png")
	if err := writePNG(src, image.NewNRGBA(image.Rect(0, 0, 600, 512))); err != nil {
		t.Fatal(err)
	}
	if err := writeSizes(src, dir, "x"); err == nil {
		t.Error("a 600×512 icon was accepted")
	}
}

func itoa(n int) string { return fmt.Sprint(n) }
