package main

import (
	"runtime"
	"testing"
)

// sink keeps the peak's memory reachable until the test drops it.
var sink [][]byte

// TestTrimGivesBackAPeak: after a 64 MB peak is dropped, one trim leaves
// the Go runtime holding less than half of it.
func TestTrimGivesBackAPeak(t *testing.T) {
	held := func() uint64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapSys - m.HeapReleased
	}
	trimOnce()
	before := held()
	for range 64 {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = 1 // touched, so the pages are really taken
		}
		sink = append(sink, b)
	}
	sink = nil
	runtime.GC() // what the runtime does on its own: it keeps the pages
	trimOnce()
	if after := held(); after > before+32<<20 {
		t.Errorf("after the trim the runtime holds %d MB more than before the peak", (after-before)>>20)
	}
}
