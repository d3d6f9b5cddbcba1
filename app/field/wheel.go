package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// WheelScroll is a vertical scroll whose mouse wheel works over its
// fields too. The driver hands a wheel event to the deepest Scrollable
// under the pointer, and every Entry holds a scroller of its own that
// takes the event and, with nothing to scroll, drops it: over a field the
// metadata panel stopped scrolling (fyne-io/fyne#1939; nested scrollers
// do not pass events on). A transparent layer over the scroll is the
// deepest Scrollable everywhere and hands each event to the scroll; it is
// no Tappable, Mouseable or Hoverable, so clicks, the pointer shape and
// hovering still reach the fields under it.
func WheelScroll(content fyne.CanvasObject) (fyne.CanvasObject, *container.Scroll) {
	s := container.NewVScroll(content)
	return container.NewStack(s, newWheelLayer(s)), s
}

type wheelLayer struct {
	widget.BaseWidget
	to fyne.Scrollable
}

func newWheelLayer(to fyne.Scrollable) *wheelLayer {
	l := &wheelLayer{to: to}
	l.ExtendBaseWidget(l)
	return l
}

// Scrolled passes the wheel on to the scroll underneath.
func (l *wheelLayer) Scrolled(ev *fyne.ScrollEvent) { l.to.Scrolled(ev) }

func (l *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MinSize is nothing: the layer takes the size of the scroll it covers.
func (l *wheelLayer) MinSize() fyne.Size { return fyne.Size{} }
