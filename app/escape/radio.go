package escape

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RadioGroup is a radio group of a dialog whose items close the dialog on
// Escape. Fyne's radio items are an unexported type that ignores Escape
// and cannot be wrapped, and a click or Tab gives one the keyboard; so
// here each item is a Check drawn with Fyne's radio icons. Tab moves from
// item to item and Space picks the focused one, as in Fyne's group.
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

	items   []*Check
	syncing bool // the items are being set to Selected: not a pick
}

// NewRadioGroup makes a radio group for a dialog shown on c, as
// widget.NewRadioGroup makes one.
func NewRadioGroup(c fyne.Canvas, options []string, changed func(string)) *RadioGroup {
	r := &RadioGroup{Options: options, OnChanged: changed}
	for i, o := range options {
		r.items = append(r.items, NewCheck(c, o, func(on bool) { r.toggled(i, on) }))
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
	cells := container.New(&equalCells{horizontal: r.Horizontal}, objs...)
	return widget.NewSimpleRenderer(container.NewThemeOverride(cells, radioIcons{}))
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

// radioIcons is the app's theme with the check's icons swapped for the
// radio button's, so that a Check looks like a radio item. It asks for
// the app's theme at every call: Settings can change it while a dialog
// is open.
type radioIcons struct{}

// appTheme is the app's theme. Not theme.Current: while the override
// renders, that is radioIcons itself.
func appTheme() fyne.Theme {
	if a := fyne.CurrentApp(); a != nil && a.Settings().Theme() != nil {
		return a.Settings().Theme()
	}
	return theme.DefaultTheme()
}

var checkToRadio = map[fyne.ThemeIconName]fyne.ThemeIconName{
	theme.IconNameCheckButton:        theme.IconNameRadioButton,
	theme.IconNameCheckButtonChecked: theme.IconNameRadioButtonChecked,
	theme.IconNameCheckButtonFill:    theme.IconNameRadioButtonFill,
}

func (radioIcons) Icon(n fyne.ThemeIconName) fyne.Resource {
	if radio, ok := checkToRadio[n]; ok {
		n = radio
	}
	return appTheme().Icon(n)
}

func (radioIcons) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return appTheme().Color(n, v)
}

func (radioIcons) Font(s fyne.TextStyle) fyne.Resource { return appTheme().Font(s) }

func (radioIcons) Size(n fyne.ThemeSizeName) float32 { return appTheme().Size(n) }
