package escape

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is an entry of a dialog that closes the dialog on Escape: a
// focused entry takes every key, so without it Escape would do nothing
// while the caret is in the entry.
type Entry struct {
	widget.Entry
	canvas fyne.Canvas
	// OnEscape, when set, closes the dialog instead of its dismiss
	// button: for dialogs that hide themselves (review, send, kill).
	OnEscape func()
}

// NewEntry makes an entry for a dialog shown on c.
func NewEntry(c fyne.Canvas) *Entry {
	e := &Entry{canvas: c}
	e.ExtendBaseWidget(e)
	return e
}

// NewEntryFunc makes an entry whose Escape calls onEscape.
func NewEntryFunc(onEscape func()) *Entry {
	e := &Entry{OnEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Escape; every other key edits the text.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if !escaped(e.canvas, e.OnEscape, k) {
		e.Entry.TypedKey(k)
	}
}

// SelectEntry is an entry with a list of suggestions (File › Send…'s
// target) that closes its dialog on Escape, as Entry does.
type SelectEntry struct {
	widget.SelectEntry
	// OnEscape closes the dialog.
	OnEscape func()
}

// NewSelectEntry makes a select entry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	return e
}

// TypedKey closes the dialog on Escape; every other key edits the text.
func (e *SelectEntry) TypedKey(k *fyne.KeyEvent) {
	if !escaped(nil, e.OnEscape, k) {
		e.SelectEntry.TypedKey(k)
	}
}

// escaped closes the dialog if k is Escape, with onEscape when set, else
// with the dismiss button of the dialog on top of c; it reports whether
// it did.
func escaped(c fyne.Canvas, onEscape func(), k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	if onEscape != nil {
		onEscape()
		return true
	}
	return c != nil && DismissTop(c)
}

// Check is a check of a dialog that closes the dialog on Escape: a click
// or Tab gives the check the keyboard, and Fyne's check ignores Escape.
type Check struct {
	widget.Check
	canvas fyne.Canvas
}

// NewCheck makes a check for a dialog shown on c, as widget.NewCheck
// makes one.
func NewCheck(c fyne.Canvas, label string, changed func(bool)) *Check {
	ch := &Check{canvas: c}
	ch.Text, ch.OnChanged = label, changed
	ch.ExtendBaseWidget(ch)
	return ch
}

// TypedKey closes the dialog on Escape; Fyne's check has every other key
// (Space, typed as a rune, toggles it).
func (ch *Check) TypedKey(k *fyne.KeyEvent) {
	if !closeOn(ch.canvas, k) {
		ch.Check.TypedKey(k)
	}
}

// Select is a select of a dialog that closes the dialog on Escape. Its
// open list of options is a pop-up menu that takes the keyboard, so
// Escape there closes only the list, as in Fyne.
type Select struct {
	widget.Select
	canvas fyne.Canvas
}

// NewSelect makes a select for a dialog shown on c, as widget.NewSelect
// makes one.
func NewSelect(c fyne.Canvas, options []string, changed func(string)) *Select {
	s := &Select{canvas: c}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey closes the dialog on Escape; Fyne's select has every other key
// (Space and the arrows open the list, Left and Right step the choice).
func (s *Select) TypedKey(k *fyne.KeyEvent) {
	if !closeOn(s.canvas, k) {
		s.Select.TypedKey(k)
	}
}
