// Command iconsizes writes the application icon in the sizes of the
// freedesktop hicolor theme, for `make install` and `make deb`:
//
//	iconsizes -name org.copydesk.Copydesk -out DIR assets/icon.png
//
// writes DIR/16x16/apps/org.copydesk.Copydesk.png … DIR/512x512/apps/….
// Desktops pick the size they draw at instead of scaling one 512-pixel
// image down on every paint. The scaling is an area average (each pixel of
// the small icon is the mean of the source pixels it covers, weighted by
// alpha), which keeps thin lines from vanishing as nearest-pixel would, and
// needs nothing beyond the standard library.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// Sizes are the hicolor sizes desktops look for.
var Sizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}

func main() {
	name := flag.String("name", "", "the icon name (the application ID)")
	out := flag.String("out", "", "the hicolor directory to write into")
	flag.Parse()
	if *name == "" || *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: iconsizes -name NAME -out DIR ICON.png")
		os.Exit(2)
	}
	if err := writeSizes(flag.Arg(0), *out, *name); err != nil {
		fmt.Fprintln(os.Stderr, "iconsizes:", err)
		os.Exit(1)
	}
}

func writeSizes(src, dir, name string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() {
		return fmt.Errorf("%s is %dx%d: an icon must be square", src, b.Dx(), b.Dy())
	}
	for _, size := range Sizes {
		if size > b.Dx() {
			return fmt.Errorf("%s is %d pixels wide: the %d-pixel icon needs a larger source", src, b.Dx(), size)
		}
		path := filepath.Join(dir, fmt.Sprintf("%dx%d", size, size), "apps", name+".png")
		if err := writePNG(path, scale(img, size)); err != nil {
			return err
		}
	}
	return nil
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// scale shrinks a square image to size×size by area averaging in
// premultiplied colour, so transparent pixels add no colour to the edges.
func scale(src image.Image, size int) *image.NRGBA {
	b := src.Bounds()
	ratio := float64(b.Dx()) / float64(size)
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	for dy := range size {
		y0, y1 := float64(dy)*ratio, float64(dy+1)*ratio
		for dx := range size {
			x0, x1 := float64(dx)*ratio, float64(dx+1)*ratio
			dst.SetNRGBA(dx, dy, average(src, b.Min, x0, x1, y0, y1))
		}
	}
	return dst
}

// average is the mean colour of the source area [x0,x1)×[y0,y1), pixels
// on its edges weighted by how much of them it covers.
func average(src image.Image, origin image.Point, x0, x1, y0, y1 float64) color.NRGBA {
	var r, g, bl, a, area float64
	for sy := int(y0); float64(sy) < y1; sy++ {
		wy := overlap(float64(sy), y0, y1)
		for sx := int(x0); float64(sx) < x1; sx++ {
			w := wy * overlap(float64(sx), x0, x1)
			cr, cg, cb, ca := src.At(origin.X+sx, origin.Y+sy).RGBA() // premultiplied, 16 bits
			r += w * float64(cr)
			g += w * float64(cg)
			bl += w * float64(cb)
			a += w * float64(ca)
			area += w
		}
	}
	if a == 0 {
		return color.NRGBA{}
	}
	// Back from premultiplied: divide by alpha, then to 8 bits.
	un := func(c float64) uint8 { return uint8(min(255, c/a*255+0.5)) }
	return color.NRGBA{R: un(r), G: un(g), B: un(bl), A: uint8(min(255, a/area/0xffff*255+0.5))}
}

// overlap is how much of the pixel [p, p+1) lies within [lo, hi).
func overlap(p, lo, hi float64) float64 {
	return max(0, min(p+1, hi)-max(p, lo))
}
