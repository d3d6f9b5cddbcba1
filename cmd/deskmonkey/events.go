package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Kind is what an event does to the window.
type Kind int

// The kinds of event, each with its share of a run (weights below).
const (
	KeyEvent     Kind = iota // a key of the body's key map
	TypeLatin                // a few Latin words
	TypeCyrillic             // a Cyrillic word (typed slowly: xdotool drops keys)
	Click                    // a click anywhere in the window but the menu bar
	Shortcut                 // a menu shortcut (never Quit)
	TabSwitch                // Edit/History, Metadata/Checks
	StorySwitch              // a row of the library
	Resize                   // the window to another size within the screen
	Escape                   // Escape
)

var kindNames = [...]string{"key", "latin", "cyrillic", "click", "shortcut", "tab", "story", "resize", "escape"}

func (k Kind) String() string { return kindNames[k] }

// weights are per thousand; the order is that of the kinds.
var weights = [...]int{380, 120, 50, 190, 90, 50, 50, 25, 45}

// bodyKeys is the body's key map (app/blockedit/keys.go) and the keys an
// entry handles itself, as xdotool names them.
var bodyKeys = []string{
	"Prior", "Next", "Home", "End", "ctrl+Home", "ctrl+End",
	"Up", "Down", "Left", "Right", "Up", "Down", "Left", "Right",
	"shift+Up", "shift+Down", "shift+Left", "shift+Right",
	"BackSpace", "BackSpace", "Delete", "Return", "Return",
	"ctrl+1", "ctrl+2", "ctrl+q", "ctrl+z", "ctrl+y", "ctrl+shift+z",
	"ctrl+a", "ctrl+a ctrl+a", "ctrl+c", "ctrl+v", "ctrl+x",
	"ctrl+BackSpace", "ctrl+Left", "ctrl+Right", "Tab", "shift+Return",
}

// menuShortcuts are the main menu's shortcuts but Quit (Ctrl+Shift+Q ends
// the program: the run ends with it, on purpose, once).
var menuShortcuts = []string{
	"ctrl+n", "ctrl+o", "ctrl+e", "ctrl+s", "ctrl+shift+s", "ctrl+f", "ctrl+h",
	"ctrl+p", "ctrl+shift+h", "ctrl+shift+e", "ctrl+slash",
}

var latinWords = strings.Fields(`the port stopped loading tankers on Tuesday storm ferries Sochi FSB
	chief said 43,500 "quoted" (aside) it's co-operation 2019 ISIL Bortnikov, night desk; copy: edit.`)

var cyrillicWords = strings.Fields(`Москва Сочи шторм порт танкеры ФСБ «цитата» ёлка Щука`)

// Event is one step of a run. Positions are fractions of the window, so a
// run is the same sequence whatever the window's size.
type Event struct {
	Kind   Kind
	Keys   string  // KeyEvent, Shortcut, TabSwitch (keys)
	Text   string  // TypeLatin, TypeCyrillic
	FX, FY float64 // Click, TabSwitch (a click), StorySwitch
	W, H   int     // Resize
}

func (e Event) String() string {
	switch e.Kind {
	case KeyEvent, Shortcut, Escape:
		return fmt.Sprintf("%s %s", e.Kind, e.Keys)
	case TypeLatin, TypeCyrillic:
		return fmt.Sprintf("%s %q", e.Kind, e.Text)
	case Resize:
		return fmt.Sprintf("%s %dx%d", e.Kind, e.W, e.H)
	case TabSwitch:
		if e.Keys != "" {
			return fmt.Sprintf("%s %s", e.Kind, e.Keys)
		}
		return fmt.Sprintf("%s at %.3f of the tab row", e.Kind, e.FX)
	case StorySwitch:
		return fmt.Sprintf("%s row %d", e.Kind, int(e.FY)+1)
	}
	return fmt.Sprintf("%s at %.3f,%.3f", e.Kind, e.FX, e.FY)
}

// Generate is the run of n events for seed on a screen of sw×sh: the same
// arguments give the same events.
func Generate(seed uint64, n, sw, sh int) []Event {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	evs := make([]Event, 0, n)
	for range n {
		evs = append(evs, next(r, sw, sh))
	}
	return evs
}

func pickKind(r *rand.Rand) Kind {
	x := r.IntN(1000)
	for k, w := range weights {
		if x < w {
			return Kind(k)
		}
		x -= w
	}
	return KeyEvent
}

func next(r *rand.Rand, sw, sh int) Event {
	k := pickKind(r)
	e := Event{Kind: k}
	switch k {
	case KeyEvent:
		e.Keys = bodyKeys[r.IntN(len(bodyKeys))]
	case TypeLatin:
		words := make([]string, 1+r.IntN(3))
		for i := range words {
			words[i] = latinWords[r.IntN(len(latinWords))]
		}
		e.Text = " " + strings.Join(words, " ")
	case TypeCyrillic:
		e.Text = " " + cyrillicWords[r.IntN(len(cyrillicWords))]
	case Click:
		// Not the menu bar: a menu item there could be Quit.
		e.FX, e.FY = r.Float64(), 0.05+0.95*r.Float64()
	case Shortcut:
		e.Keys = menuShortcuts[r.IntN(len(menuShortcuts))]
	case TabSwitch:
		switch r.IntN(3) {
		case 0:
			e.Keys = "ctrl+shift+h"
		case 1:
			e.Keys = "ctrl+shift+e"
		default: // the tab rows: centre (Edit, History) or right (Metadata, Checks)
			e.FX = 0.25 + 0.75*r.Float64()
			e.FY = -1 // the tab row, a fixed height
		}
	case StorySwitch:
		e.FX, e.FY = 0.05+0.15*r.Float64(), float64(r.IntN(4))
	case Resize:
		e.W = 800 + r.IntN(max(1, sw-800+1))
		e.H = 500 + r.IntN(max(1, sh-500+1))
	case Escape:
		e.Keys = "Escape"
	}
	return e
}
