// Command deskmonkey sends the real Copydesk window random events from a
// printed seed, in a private Xvfb: keys of the body's key map, Latin and
// Cyrillic typing, clicks anywhere in the window but the menu bar, menu
// shortcuts (never Quit), tab and story switches, resizes, Escape. A modal
// dialog left open is closed (Escape, else its Cancel/Close) every few
// events, as a person would.
//
// After every event the process must be alive with no panic or goroutine
// dump in its stderr, and the window must fit the screen. At the end a
// marker is typed at the end of the body; the whole body is copied from the
// window (Ctrl+A twice, Ctrl+C, read back with xclip); File › Quit
// (Ctrl+Shift+Q) must exit 0; the stored draft holding the marker must
// equal the copied body byte for byte; `copydesk verify` must say OK.
//
//	go run ./cmd/deskmonkey -bin ./copydesk [-seed N] [-events 1000] [-size 1280x800]
//	go run ./cmd/deskmonkey -bin ./copydesk -soak [-soak-scale 0.2]
//
// -soak is "a day at the desk" instead (make soak): keystrokes, story
// switches, History views and exports in the real window, with the
// process's resident memory (VmRSS) and goroutines (the window logs them
// when $COPYDESK_DEBUG_STATS is set) at the start, after the first minute
// and at the end.
//
// The same seed and count give the same events (-print lists them without
// a window); the window's answers to them may differ in timing.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type options struct {
	bin, fixture, shots string
	seed                uint64
	events              int
	sw, sh              int
	print               bool
	soak                bool
	soakScale           float64
}

func main() {
	var o options
	var seed, size string
	flag.StringVar(&o.bin, "bin", "./copydesk", "the copydesk binary")
	flag.StringVar(&o.fixture, "fixture", "editor/testfixture/testdata/fixtures/wire-tass-2019-10-16.txt", "a story to start on (wire copy)")
	flag.StringVar(&seed, "seed", "", "the seed (default: from the clock, printed)")
	flag.IntVar(&o.events, "events", 1000, "how many events")
	flag.StringVar(&size, "size", "1280x800", "the screen, WxH")
	flag.StringVar(&o.shots, "shots", "", "a directory for screenshots of failures (default: a temp dir, kept on failure)")
	flag.BoolVar(&o.print, "print", false, "print the events and exit")
	flag.BoolVar(&o.soak, "soak", false, "a day at the desk instead of random events: 50,000 keystrokes, 500 story switches, 200 History views, 100 exports; RSS and goroutines reported")
	flag.Float64Var(&o.soakScale, "soak-scale", 1, "scale the day by this factor (0.1: a tenth of it)")
	flag.Parse()
	if flag.NArg() > 0 {
		usage("unexpected arguments: %s", strings.Join(flag.Args(), " "))
	}
	if seed == "" {
		o.seed = uint64(time.Now().UnixNano() % 1e9)
	} else {
		n, err := strconv.ParseUint(seed, 10, 64)
		if err != nil {
			usage("-seed %q: want a whole number", seed)
		}
		o.seed = n
	}
	if _, err := fmt.Sscanf(size, "%dx%d", &o.sw, &o.sh); err != nil || o.sw < 800 || o.sh < 500 {
		usage("-size %q: want WxH, at least 800x500", size)
	}
	if o.events < 0 {
		usage("-events %d: want 0 or more", o.events)
	}
	if o.soak {
		if o.soakScale <= 0 {
			usage("-soak-scale %g: want more than 0", o.soakScale)
		}
		plan := fullDay.scaled(o.soakScale)
		fmt.Printf("desksoak: %d keystrokes, %d story switches, %d History views, %d exports at %dx%d\n", plan.keys, plan.switches, plan.history, plan.exports, o.sw, o.sh)
		if err := soak(o, plan); err != nil {
			fmt.Fprintf(os.Stderr, "desksoak: %v\n", err)
			os.Exit(1)
		}
		return
	}
	evs := Generate(o.seed, o.events, o.sw, o.sh)
	if o.print {
		for i, e := range evs {
			fmt.Printf("%d %s\n", i+1, e)
		}
		return
	}
	fmt.Printf("deskmonkey: seed %d, %d events, %dx%d (replay: make monkey SEED=%d EVENTS=%d)\n", o.seed, o.events, o.sw, o.sh, o.seed, o.events)
	start := time.Now()
	failures, err := run(o, evs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "deskmonkey: %v\n", err)
		os.Exit(2)
	}
	if len(failures) > 0 {
		fmt.Fprintf(os.Stderr, "deskmonkey: FAIL (seed %d, %d events, %s):\n", o.seed, o.events, time.Since(start).Round(time.Second))
		for _, f := range failures {
			fmt.Fprintf(os.Stderr, "  %s\n", f)
		}
		fmt.Fprintf(os.Stderr, "deskmonkey: replay with: make monkey SEED=%d EVENTS=%d\n", o.seed, o.events)
		os.Exit(1)
	}
	fmt.Printf("deskmonkey: PASS: seed %d, %d events in %s\n", o.seed, o.events, time.Since(start).Round(time.Second))
}

func usage(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "deskmonkey: "+format+"\n", args...)
	flag.Usage()
	os.Exit(2)
}
