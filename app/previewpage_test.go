package app

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"copydesk/app/internal/heapcheck"
	"copydesk/editor"
)

// fixtureInDarkTheme is the TASS story, with the window in the dark
// theme: the preview must be a light page all the same.
func fixtureInDarkTheme(t *testing.T) *editor.Article {
	t.Helper()
	h := newHarness(t)
	h.w.setTheme(ThemeDark)
	return fixtureArticle(t)
}

// The preview is a page as readers see it: light whatever the desk's
// theme (it was dark in the dark theme), with space between paragraphs
// (they ran together).
func TestPreviewIsALightPageWithSpacedParagraphs(t *testing.T) {
	a := fixtureInDarkTheme(t)
	a.Body = "One.\n\nTwo."
	page := previewPage(a, editor.StyleTASS)

	var bg *canvas.Rectangle
	walk(page, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *container.ThemeOverride:
			t.Error("the preview is under a theme override: Fyne parses the fonts again for each one")
		case *canvas.Rectangle:
			if bg == nil {
				bg = x
			}
		}
	})
	if bg == nil {
		t.Fatal("the preview is not a page with a background of its own")
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

// Previewing keeps nothing once the preview is closed: under a theme
// override of its own, each preview made Fyne parse the theme's fonts once
// more and keep them (10 previews of the TASS story kept 46 MB).
func TestPreviewsAreNotKept(t *testing.T) {
	a := fixtureInDarkTheme(t)
	w := test.NewTempWindow(t, nil)
	show := func() {
		w.SetContent(previewPage(a, editor.StyleTASS))
		w.Canvas().Capture() // draws the text, as the window does
	}
	if grown := heapcheck.Kept(10, show, func() { w.SetContent(nil) }); grown > 8<<20 {
		t.Errorf("10 previews shown and dropped keep %d MB", grown>>20)
	}
}

// A code block in the copy (an indented line, to Markdown) is dark on the
// page too: Fyne draws code blocks in the theme's own colours.
func TestPreviewCodeBlockIsDarkOnThePage(t *testing.T) {
	a := fixtureInDarkTheme(t)
	a.Body = "One.\n\n    indented copy"
	page := previewPage(a, editor.StyleTASS)
	w := test.NewTempWindow(t, page)
	w.Resize(fyne.NewSize(600, 800))
	found := false
	for _, o := range test.LaidOutObjects(page) {
		if tx, ok := o.(*canvas.Text); ok && strings.Contains(tx.Text, "indented copy") {
			found = true
			if lum(tx.Color) > 0.5 {
				t.Errorf("%q is drawn in %v, not dark on the light page", tx.Text, tx.Color)
			}
		}
	}
	if !found {
		t.Fatal("the indented copy is not drawn")
	}
}

// lum is the relative brightness of c, 0 (black) to 1 (white).
func lum(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
}
