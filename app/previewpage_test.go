package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"copydesk/editor"
)

// The preview is a page as readers see it: light whatever the desk's
// theme (it was dark in the dark theme), with space between paragraphs
// (they ran together).
func TestPreviewIsALightPageWithSpacedParagraphs(t *testing.T) {
	h := newHarness(t)
	h.w.setTheme(ThemeDark)
	a := fixtureArticle(t)
	a.Body = "One.\n\nTwo."
	page := previewPage(a, editor.StyleTASS)

	var over *container.ThemeOverride
	var bg *canvas.Rectangle
	walk(page, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *container.ThemeOverride:
			if over == nil {
				over = x
			}
		case *canvas.Rectangle:
			if bg == nil {
				bg = x
			}
		}
	})
	if over == nil || bg == nil {
		t.Fatal("the preview is not a page of its own theme and background")
	}
	if lum(bg.FillColor) < 0.9 {
		t.Errorf("the page's background %v is not light in the dark theme", bg.FillColor)
	}

	w := test.NewTempWindow(t, page)
	w.Resize(fyne.NewSize(600, 800))
	var one, two *canvas.Text
	for _, o := range test.LaidOutObjects(page) {
		if tx, ok := o.(*canvas.Text); ok {
			switch {
			case tx.Text == "Two.":
				two = tx
			case len(tx.Text) > 4 && tx.Text[len(tx.Text)-4:] == "One.":
				one = tx
			}
		}
	}
	if one == nil || two == nil {
		t.Fatal("the paragraphs are not drawn")
	}
	if lum(one.Color) > 0.5 {
		t.Errorf("body text %v is not dark on the light page", one.Color)
	}
	line := theme.TextSize() * 1.2
	if gap := two.Position().Y - one.Position().Y; gap < 1.8*line {
		t.Errorf("paragraphs %.0f px apart: no space between them (a line is %.0f px)", gap, line)
	}
}

// lum is the relative brightness of c, 0 (black) to 1 (white).
func lum(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
}
