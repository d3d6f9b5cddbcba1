package main

import (
	"os"
	"runtime/debug"
	"time"
)

// trimEvery is how often the window hands back memory it no longer uses.
const trimEvery = time.Minute

// trimMemory returns to the system, every trimEvery while the window runs,
// the memory that the Go runtime and the C heap keep after their peaks:
// a table flush of the desk or a long History diff takes tens of MB for a
// moment, and both allocators otherwise hold most of it for the rest of
// the day (the soak's RSS went on rising after the live heap stopped).
// A collection of the window's 40–70 MB heap costs a few milliseconds of
// one core a minute, off the UI goroutine. COPYDESK_NO_TRIM=1 turns it
// off, to compare. It returns the function that stops it.
func trimMemory() (stop func()) {
	if os.Getenv("COPYDESK_NO_TRIM") != "" {
		return func() {}
	}
	t := time.NewTicker(trimEvery)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				trimOnce()
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

// trimOnce collects the Go heap and gives both heaps' free memory back.
func trimOnce() {
	debug.FreeOSMemory()
	cHeapTrim()
}
