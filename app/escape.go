package app

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Escape closes every dialog, not only those shown with showClosable:
// the forms, confirmations and file dialogs of app/transfer, app/history
// and app/checks are shown by Fyne's dialog package, which gives Escape no
// meaning. dismissTop presses the dialog's own dismiss button, so Escape is
// exactly Cancel (No, Close): the dialog's callback hears "cancelled" and
// nothing is written.

// dismissTop closes the dialog on top of c with its dismiss button: the
// one with Fyne's cancel icon (forms, confirmations), else the one named
// as Fyne names a file dialog's Cancel, else the only button (an
// information dialog's OK, a custom dialog's Close). It reports whether
// it pressed one.
func dismissTop(c fyne.Canvas) bool {
	content := overlayContent(c.Overlays().Top())
	var cancel, named, only *widget.Button
	buttons := 0
	visitButtons(content, func(b *widget.Button) {
		buttons++
		only = b
		if cancel == nil && b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
			cancel = b
		}
		if named == nil && b.Text == lang.L("Cancel") {
			named = b
		}
	})
	for _, b := range []*widget.Button{cancel, named} {
		if b != nil && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
			return true
		}
	}
	if buttons == 1 && !only.Disabled() && only.OnTapped != nil {
		only.OnTapped()
		return true
	}
	return false
}

// overlayContent is what an overlay shows: Fyne 2.8.1 puts a dialog's
// pop-up in an internal OverlayContainer whose exported Content field only
// reflection reaches; the pop-up's Content is the dialog.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	v := reflect.ValueOf(o)
	if v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
			if inner, ok := f.Interface().(fyne.CanvasObject); ok && inner != nil {
				o = inner
			}
		}
	}
	if p, ok := o.(*widget.PopUp); ok {
		return p.Content
	}
	return o
}

// visitButtons calls f for every visible button reached through
// containers: a dialog's button row is a container of buttons, and the
// walk never enters another widget (its renderer is Fyne's own).
func visitButtons(o fyne.CanvasObject, f func(*widget.Button)) {
	switch x := o.(type) {
	case *widget.Button:
		if x.Visible() {
			f(x)
		}
	case *fyne.Container:
		if !x.Visible() {
			return
		}
		for _, c := range x.Objects {
			visitButtons(c, f)
		}
	}
}

// dialogEntry is an entry of the window's own dialogs that closes the
// dialog on Escape: a focused entry takes every key, so without it Escape
// would do nothing while the caret is in the entry.
type dialogEntry struct {
	widget.Entry
	canvas fyne.Canvas
}

func newDialogEntry(c fyne.Canvas) *dialogEntry {
	e := &dialogEntry{canvas: c}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Escape; every other key edits the text.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && dismissTop(e.canvas) {
		return
	}
	e.Entry.TypedKey(k)
}
