//go:build !ci

package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// screenSize is the primary screen's size in Fyne's units (pixels over
// the canvas scale), read from its video mode through GLFW: Fyne 2.8.1 has
// no API for it. It must be called on the main thread once the driver has
// made a window (GLFW is initialised then); ok is false when GLFW cannot
// tell, and it panics when it is not initialised.
func screenSize(c fyne.Canvas) (size fyne.Size, ok bool) {
	defer func() {
		if recover() != nil {
			size, ok = fyne.Size{}, false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	scale := c.Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale), true
}
