package main

import (
	"os"
	"runtime/debug"
	"time"
)

const (
	// trimEvery is how often the window looks at its resident memory.
	trimEvery = 10 * time.Second
	// trimAfterGrowth is how far the resident set may grow above its
	// lowest point since the last trim before the window trims again.
	trimAfterGrowth = 8 << 20
)

// trimMemory returns to the system, while the window runs, the memory that
// the Go runtime and the C heap keep after their peaks. Between two of
// its collections the Go runtime lets its heap grow by GOGC per cent of
// what is live, and keeps those pages afterwards; a table flush of
// the desk or a History diff takes tens of MB for a moment, and the C heap
// (Mesa's software renderer) keeps what its textures freed. So the
// resident set of a day at the desk went on rising long after the live
// heaps had stopped (`make soak`). Checking every trimEvery and trimming
// only after trimAfterGrowth of growth keeps the resident set within a
// few MB of what is in use, while a window that sits idle is never
// collected for nothing: a trim is one collection of the 40–70 MB heap, a
// few milliseconds of one core, off the UI goroutine. COPYDESK_NO_TRIM=1
// turns it off, to compare. It returns the function that stops it.
func trimMemory() (stop func()) {
	if os.Getenv("COPYDESK_NO_TRIM") != "" {
		return func() {}
	}
	t := time.NewTicker(trimEvery)
	done := make(chan struct{})
	tr := &trimmer{resident: residentBytes, trim: trimOnce}
	go func() {
		for {
			select {
			case <-t.C:
				tr.check()
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

// trimmer decides when growth of the resident set is worth a trim.
type trimmer struct {
	resident func() int // the process's resident bytes
	trim     func()
	low      int // the lowest resident figure since the last trim; 0 before the first check
}

// check trims when the resident set has grown by trimAfterGrowth since its
// lowest point after the last trim, and reports whether it did.
func (t *trimmer) check() bool {
	rss := t.resident()
	if t.low == 0 || rss < t.low {
		t.low = rss
	}
	if rss-t.low < trimAfterGrowth {
		return false
	}
	t.trim()
	t.low = t.resident()
	return true
}

// trimOnce collects the Go heap and gives both heaps' free memory back.
func trimOnce() {
	debug.FreeOSMemory()
	cHeapTrim()
}
