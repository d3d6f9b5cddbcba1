package blockedit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"copydesk/editor"
)

// Type sizes relative to the surrounding theme's text size. Copy is set a
// step larger than form text because people read it for hours; subheads a
// step larger again so they stand out without shouting.
const (
	copyScale    = 16.0 / 14.0
	subheadScale = 20.0 / 14.0
)

// kindTheme draws a block's entry as part of a page rather than as a form
// field: no input box, no border, and the text size of its kind. Everything
// else is taken from the editor's theme (a light/dark switch only changes
// the variant passed in; a new theme object comes with Editor.Refresh).
//
// Paragraphs and quotes share one kind theme (they differ in text style
// only, which the entry carries), subheads have their own: see scope.go for
// why the number of kind themes in use matters.
type kindTheme struct {
	kind   editor.BlockKind
	parent fyne.Theme
}

// base is the theme the kind theme adjusts. It is held, not looked up:
// while a ThemeOverride lays out, theme.Current() answers with the override
// itself, and asking it would recurse.
func (t *kindTheme) base() fyne.Theme { return t.parent }

func (t *kindTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameInputBackground, theme.ColorNameInputBorder:
		return color.Transparent
	}
	return t.base().Color(n, v)
}

func (t *kindTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t *kindTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t *kindTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	if n == theme.SizeNameText {
		if t.kind == editor.Subhead {
			return s * subheadScale
		}
		return s * copyScale
	}
	return s
}

// textStyle is how a block kind is set: subheads bold, quotes italic.
func textStyle(k editor.BlockKind) fyne.TextStyle {
	switch k {
	case editor.Subhead:
		return fyne.TextStyle{Bold: true}
	case editor.Quote:
		return fyne.TextStyle{Italic: true}
	}
	return fyne.TextStyle{}
}

// metrics are the page measurements derived from the current theme. They
// are computed once per layout pass, not per block, because theme look-ups
// and text measurement are the expensive part of laying out copy.
type metrics struct {
	innerPad  float32           // the entry's padding around its text
	lineH     [3]float32        // height of one line of text, by kind
	avgChar   [3]float32        // mean advance of a character of copy, by kind
	topMargin [3]float32        // space above a block, by kind
	indent    [3]float32        // left indent of the text, by kind
	gutter    float32           // the handle column left of the text
	measure   float32           // the widest text column that still reads well
	kindTheme [2]*kindTheme     // by theme group (see groupOf)
	styles    [3]fyne.TextStyle // text style by kind
	sizes     [3]float32        // text size by kind
}

// sampleCopy is ordinary newspaper English; its mean character width
// estimates how many lines a block wraps to before it is measured for real.
const sampleCopy = "The Islamic State terrorist organization, which has been crushed in Syria and Iraq, continues running its branches abroad, the director said on Wednesday."

func newMetrics(th fyne.Theme) *metrics {
	if kt, ok := th.(*kindTheme); ok {
		th = kt.parent
	}
	m := &metrics{}
	m.innerPad = th.Size(theme.SizeNameInnerPadding)
	pad := th.Size(theme.SizeNamePadding)
	m.kindTheme[copyGroup] = &kindTheme{kind: editor.Paragraph, parent: th}
	m.kindTheme[subheadGroup] = &kindTheme{kind: editor.Subhead, parent: th}
	for k := editor.Paragraph; k <= editor.Quote; k++ {
		kt := m.kindTheme[groupOf(k)]
		m.styles[k] = textStyle(k)
		m.sizes[k] = kt.Size(theme.SizeNameText)
		m.lineH[k] = fyne.MeasureText("M", m.sizes[k], m.styles[k]).Height
		m.avgChar[k] = fyne.MeasureText(sampleCopy, m.sizes[k], m.styles[k]).Width / float32(len(sampleCopy))
	}
	m.topMargin[editor.Subhead] = pad * 3
	m.indent[editor.Quote] = pad * 6
	m.gutter = pad * 7
	m.measure = m.avgChar[editor.Paragraph] * 78
	return m
}

func kindIndex(k editor.BlockKind) editor.BlockKind {
	if k < editor.Paragraph || k > editor.Quote {
		return editor.Paragraph
	}
	return k
}

// Theme groups: the block kinds whose entries are drawn in the same kind
// theme, and so can share rows and a theme scope.
const (
	copyGroup    = 0 // paragraphs and quotes
	subheadGroup = 1
	groups       = 2
)

func groupOf(k editor.BlockKind) int {
	if k == editor.Subhead {
		return subheadGroup
	}
	return copyGroup
}
