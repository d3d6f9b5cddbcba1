// Package rendercache shortens how long Fyne keeps what it rendered for
// objects that are no longer on screen: 20 seconds instead of its default
// minute, unless FYNE_CACHE says otherwise.
//
// Fyne keeps the texture of every text and image it has drawn, and the
// renderer of every widget, until the object has been off screen for that
// long. With Mesa's software renderer the textures live in the C heap: a
// heap profile (heaptrack) of a day at the desk put most of the C heap on
// glTexImage2D, and the C heap kept growing for a minute after every new
// kind of screen (History views of longer stories, export dialogs) before
// the first textures expired. Kept for 20 seconds, a screen left behind
// gives its textures back three times sooner; coming back to it redraws
// its text once, a few milliseconds.
//
// Fyne reads FYNE_CACHE once, when its internal cache package is
// initialised, and offers no other way to set it. Go initialises packages
// in the order of their import paths as far as their own imports allow
// (the Go specification, "Package initialization"), so this package,
// which needs only os and sorts before fyne.io, runs first when the
// command imports it.
package rendercache

import (
	"os"
	"time"
)

// Keep is how long the window keeps what it rendered for an object off
// screen.
const Keep = 20 * time.Second

// Applied reports whether Keep was set (false when FYNE_CACHE was given).
var Applied bool

func init() {
	if _, given := os.LookupEnv("FYNE_CACHE"); !given {
		Applied = os.Setenv("FYNE_CACHE", Keep.String()) == nil
	}
}
