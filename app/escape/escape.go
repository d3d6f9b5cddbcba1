// Package escape lets Escape close the window's dialogs, as their Cancel
// (No, Close) button does, whatever in them has the keyboard.
//
// Fyne's dialog package gives Escape no meaning, and Fyne 2.8.1's desktop
// driver hands every key to the focused widget, the canvas only when
// nothing is focused (a shortcut needs a modifier, so Escape cannot be
// one). The window answers Escape on its canvas with DismissTop; a widget
// of a dialog that can hold the keyboard (an entry, a check, a select, a
// radio group's item) must answer it itself: Entry, Check, Select and
// RadioGroup are Fyne's widgets that do, and pass every other key on.
package escape

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DismissTop closes the dialog on top of c with its dismiss button: the
// one with Fyne's cancel icon (forms, confirmations), else the one named
// as Fyne names a file dialog's Cancel, else the only button (an
// information dialog's OK, a custom dialog's Close). Pressing the button,
// rather than hiding the dialog, lets the dialog's callback hear
// "cancelled", so nothing is written. It reports whether it pressed one.
func DismissTop(c fyne.Canvas) bool {
	if c == nil {
		return false
	}
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

// closeOn answers a key typed into a dialog's widget: Escape closes the
// dialog on top of c (see DismissTop). It reports whether it did; the
// widget handles every other key as Fyne's would.
func closeOn(c fyne.Canvas, k *fyne.KeyEvent) bool {
	return k.Name == fyne.KeyEscape && DismissTop(c)
}
