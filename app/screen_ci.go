//go:build ci

package app

import "fyne.io/fyne/v2"

// screenSize cannot tell the screen's size under the test driver.
func screenSize(fyne.Canvas) (fyne.Size, bool) { return fyne.Size{}, false }
