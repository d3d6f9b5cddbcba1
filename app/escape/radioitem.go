package escape

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// radioItem is one option of a RadioGroup, drawn as Fyne draws its radio
// items: the radio icon, a ring while it has the keyboard or the pointer,
// and the label. A click or Space toggles it; Escape closes the dialog.
//
// It draws Fyne's radio icons itself rather than a Check under a theme
// override that swaps the check's icons for the radio's: Fyne opens a new
// theme scope for every override it renders, parses the theme's fonts
// once more for each scope and never frees them, so every opening of a
// dialog with such a group kept about 1.5 MB for the rest of the day.
type radioItem struct {
	widget.BaseWidget
	Text      string
	Checked   bool
	OnChanged func(bool)

	canvas           fyne.Canvas
	focused, hovered bool
}

func newRadioItem(c fyne.Canvas, text string, changed func(bool)) *radioItem {
	i := &radioItem{Text: text, OnChanged: changed, canvas: c}
	i.ExtendBaseWidget(i)
	return i
}

// SetChecked sets the item and calls OnChanged when it changes, as
// widget.Check does.
func (i *radioItem) SetChecked(on bool) {
	if i.Checked == on {
		return
	}
	i.Checked = on
	i.Refresh()
	if i.OnChanged != nil {
		i.OnChanged(on)
	}
}

// Tapped gives the item the keyboard, as a click on Fyne's does, and
// toggles it.
func (i *radioItem) Tapped(*fyne.PointEvent) {
	if i.canvas != nil && !i.focused {
		i.canvas.Focus(i)
	}
	i.SetChecked(!i.Checked)
}

func (i *radioItem) FocusGained() { i.focused = true; i.Refresh() }
func (i *radioItem) FocusLost()   { i.focused = false; i.Refresh() }

// TypedRune toggles the item on Space.
func (i *radioItem) TypedRune(r rune) {
	if r == ' ' {
		i.SetChecked(!i.Checked)
	}
}

// TypedKey closes the dialog on Escape.
func (i *radioItem) TypedKey(k *fyne.KeyEvent) { closeOn(i.canvas, k) }

func (i *radioItem) MouseIn(*desktop.MouseEvent)    { i.hovered = true; i.Refresh() }
func (i *radioItem) MouseMoved(*desktop.MouseEvent) {}
func (i *radioItem) MouseOut()                      { i.hovered = false; i.Refresh() }

func (i *radioItem) CreateRenderer() fyne.WidgetRenderer {
	r := &radioItemRenderer{
		item:  i,
		ring:  canvas.NewCircle(color.Transparent),
		icon:  canvas.NewImageFromResource(theme.RadioButtonIcon()),
		label: canvas.NewText(i.Text, color.Black),
	}
	r.Refresh()
	return r
}

type radioItemRenderer struct {
	item  *radioItem
	ring  *canvas.Circle
	icon  *canvas.Image
	label *canvas.Text
}

// sizes are the theme's sizes for the item, as Fyne's check lays out.
func (r *radioItemRenderer) sizes() (pad, border, icon float32) {
	th := r.item.Theme()
	return th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInputBorder), th.Size(theme.SizeNameInlineIcon)
}

func (r *radioItemRenderer) MinSize() fyne.Size {
	pad, border, icon := r.sizes()
	ring := icon + pad
	text := r.label.MinSize()
	return fyne.NewSize(ring+2*border+text.Width+pad, max(ring, text.Height)+2*border)
}

func (r *radioItemRenderer) Layout(size fyne.Size) {
	pad, border, icon := r.sizes()
	ring := icon + pad
	r.ring.Resize(fyne.NewSquareSize(ring))
	r.ring.Move(fyne.NewPos(border, (size.Height-ring)/2))
	r.icon.Resize(fyne.NewSquareSize(icon))
	r.icon.Move(fyne.NewPos(border+pad/2, (size.Height-icon)/2))
	text := r.label.MinSize()
	r.label.Move(fyne.NewPos(ring+2*border, (size.Height-text.Height)/2))
	r.label.Resize(fyne.NewSize(size.Width-ring-2*border, text.Height))
}

func (r *radioItemRenderer) Refresh() {
	th := r.item.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.label.Text = r.item.Text
	r.label.Color = th.Color(theme.ColorNameForeground, v)
	r.label.TextSize = th.Size(theme.SizeNameText)
	res := th.Icon(theme.IconNameRadioButton)
	if r.item.Checked {
		res = theme.NewPrimaryThemedResource(th.Icon(theme.IconNameRadioButtonChecked))
	}
	r.icon.Resource = res
	switch {
	case r.item.focused:
		r.ring.FillColor = th.Color(theme.ColorNameFocus, v)
	case r.item.hovered:
		r.ring.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		r.ring.FillColor = color.Transparent
	}
	r.Layout(r.item.Size())
	// Each object, not the item: the painter keeps an image's texture
	// until the image itself is refreshed.
	r.ring.Refresh()
	r.icon.Refresh()
	r.label.Refresh()
}

func (r *radioItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.icon, r.label}
}

func (r *radioItemRenderer) Destroy() {}
