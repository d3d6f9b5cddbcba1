package app

import (
	"fmt"
	"reflect"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Every dialog the menus open shows and goes away again. File › Import…
// and Export… crashed the window: FileDialog.Resize before Show
// dereferences nil in Fyne 2.8.1.
func TestMenuDialogsOpenAndClose(t *testing.T) {
	for _, tc := range []struct {
		name    string
		open    func(w *Window)
		dismiss string // the button that closes it; "Escape": the key (the save dialog's name field takes it)
	}{
		{"File › Import… (Ctrl+O)", func(w *Window) { press(w, ctrl(fyne.KeyO)) }, "Escape"},
		{"File › Export… (Ctrl+E)", func(w *Window) { press(w, ctrl(fyne.KeyE)) }, "Cancel"},
		{"File › Settings…", func(w *Window) { w.settingsDialog() }, "Cancel"},
		{"Article › Save labelled revision… (Ctrl+Shift+S)", func(w *Window) { press(w, ctrlShift(fyne.KeyS)) }, "Cancel"},
		{"Article › Spike / unspike…", func(w *Window) { w.confirmSpike() }, "No"},
		{"View › Preview (Ctrl+P)", func(w *Window) { press(w, ctrl(fyne.KeyP)) }, "Escape"},
		{"Help › Keyboard shortcuts (Ctrl+/)", func(w *Window) { press(w, ctrl(fyne.KeySlash)) }, "Escape"},
		{"Help › About Copydesk", func(w *Window) { w.aboutDialog() }, "Escape"},
	} {
		for _, size := range []fyne.Size{DefaultWindowSize, fyne.NewSize(1024, 600)} {
			t.Run(fmt.Sprintf("%s at %v×%v", tc.name, size.Width, size.Height), func(t *testing.T) {
				h := newHarness(t)
				h.w.win.Resize(size)
				h.openFixture(t)
				c := h.w.win.Canvas()
				tc.open(h.w)
				box := dialogBox(t, c)
				if got := box.Size(); got.Width >= size.Width || got.Height >= size.Height {
					t.Errorf("the dialog is %v, the window %v: it does not fit with a margin", got, size)
				}
				if tc.dismiss == "Escape" {
					pressEscape(c)
				} else {
					b := findButton(c, tc.dismiss)
					if b == nil {
						t.Fatalf("no %q button in %q", tc.dismiss, overlayText(c))
					}
					test.Tap(b)
				}
				settle(h.w)
				if c.Overlays().Top() != nil {
					t.Errorf("%q left the dialog open", tc.dismiss)
				}
			})
		}
	}
}

// dialogBox is the dialog on top of c: the content of its overlay, which
// covers the whole window. Fyne 2.8.1 shows dialogs in an
// internal/widget.OverlayContainer, whose Content only reflection reaches.
func dialogBox(t *testing.T, c fyne.Canvas) fyne.CanvasObject {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	v := reflect.ValueOf(top)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("Content"); f.IsValid() {
			if o, ok := f.Interface().(fyne.CanvasObject); ok && o != nil {
				return o
			}
		}
	}
	t.Fatalf("the overlay is a %T without content", top)
	return nil
}

// pressEscape presses Escape as the GLFW driver delivers it: to the widget with
// the keyboard, else to the canvas.
func pressEscape(c fyne.Canvas) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}
