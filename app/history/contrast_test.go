package history

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The revision list's lines of who and when are read, not decoration:
// they must stand out from the background (WCAG AA, 4.5:1) in both
// variants. Drawn in the "disabled" colour they were about 1.5:1 in the
// dark theme.
func TestRevisionMetaLinesAreReadable(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		d := newDesk(t)
		v, w := newView(t, d, Options{}, nil)
		fyne.CurrentApp().Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant})
		w.Content().Refresh()
		bg := theme.DefaultTheme().Color(theme.ColorNameBackground, variant)
		found := 0
		for _, o := range test.LaidOutObjects(v.list) {
			tx, ok := o.(*canvas.Text)
			if !ok || !strings.Contains(tx.Text, "ago") && !strings.Contains(tx.Text, "words") {
				continue
			}
			found++
			if c := contrast(tx.Color, bg); c < 4.5 {
				t.Errorf("variant %d: %q drawn at contrast %.1f:1", variant, tx.Text, c)
			}
		}
		if found == 0 {
			t.Fatalf("variant %d: no meta lines drawn", variant)
		}
	}
}

type fixedVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.v)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	ch := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}
