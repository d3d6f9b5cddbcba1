package escape

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// RadioGroup is a radio group of a dialog whose items close the dialog on
// Escape. Fyne's radio items are an unexported type that ignores Escape
// and cannot be wrapped, and a click or Tab gives one the keyboard; so
// here each item is a radioItem drawn as Fyne draws its own. Tab moves
// from item to item and Space picks the focused one, as in Fyne's group.
//
// Set Horizontal before the group is shown.
type RadioGroup struct {
	widget.BaseWidget
	// Options are fixed by NewRadioGroup: each has its item.
	Options    []string
	Selected   string
	Horizontal bool
	// Required keeps one option picked: clicking the picked one again
	// leaves it picked.
	Required  bool
	OnChanged func(string)

	items   []*radioItem
	syncing bool // the items are being set to Selected: not a pick
}

// NewRadioGroup makes a radio group for a dialog shown on c, as
// widget.NewRadioGroup makes one.
func NewRadioGroup(c fyne.Canvas, options []string, changed func(string)) *RadioGroup {
	r := &RadioGroup{Options: options, OnChanged: changed}
	for i, o := range options {
		r.items = append(r.items, newRadioItem(c, o, func(on bool) { r.toggled(i, on) }))
	}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected picks option (none for ""), calling OnChanged when the
// choice changes, as Fyne's RadioGroup does.
func (r *RadioGroup) SetSelected(option string) {
	if r.Selected != option {
		r.pick(option)
	}
}

func (r *RadioGroup) pick(option string) {
	r.Selected = option
	r.sync()
	if r.OnChanged != nil {
		r.OnChanged(option)
	}
}

// toggled answers a click on item i, or Space while it has the keyboard.
func (r *RadioGroup) toggled(i int, on bool) {
	if r.syncing {
		return
	}
	if !on && r.Required {
		r.sync() // the picked option stays picked
		return
	}
	picked := ""
	if on {
		picked = r.Options[i]
	}
	r.pick(picked)
}

// sync checks the item of Selected and unchecks the others.
func (r *RadioGroup) sync() {
	r.syncing = true
	defer func() { r.syncing = false }()
	for i, it := range r.items {
		it.SetChecked(r.Options[i] == r.Selected)
	}
}

// CreateRenderer lays the items out as Fyne's RadioGroup does: in equal
// cells, in a row or a column.
func (r *RadioGroup) CreateRenderer() fyne.WidgetRenderer {
	r.sync()
	objs := make([]fyne.CanvasObject, len(r.items))
	for i, it := range r.items {
		objs[i] = it
	}
	return widget.NewSimpleRenderer(container.New(&equalCells{horizontal: r.Horizontal}, objs...))
}

// equalCells gives every object the size of the largest, without gaps.
type equalCells struct{ horizontal bool }

func (l *equalCells) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var cell fyne.Size
	for _, o := range objs {
		cell = cell.Max(o.MinSize())
	}
	n := float32(len(objs))
	if l.horizontal {
		return fyne.NewSize(cell.Width*n, cell.Height)
	}
	return fyne.NewSize(cell.Width, cell.Height*n)
}

func (l *equalCells) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	n := float32(len(objs))
	cell := fyne.NewSize(size.Width, size.Height/n)
	if l.horizontal {
		cell = fyne.NewSize(size.Width/n, size.Height)
	}
	for i, o := range objs {
		o.Resize(cell)
		if l.horizontal {
			o.Move(fyne.NewPos(cell.Width*float32(i), 0))
		} else {
			o.Move(fyne.NewPos(0, cell.Height*float32(i)))
		}
	}
}
