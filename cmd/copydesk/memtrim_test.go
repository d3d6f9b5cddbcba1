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

// TestTrimmerTrimsOnGrowth: the window trims only when its resident set
// has grown by trimAfterGrowth above its lowest point since the last trim,
// so an idle window, or one whose memory stays level, is never collected.
func TestTrimmerTrimsOnGrowth(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		name      string
		readings  []int // resident MB at each check
		afterTrim int   // resident MB right after a trim
		want      []bool
	}{
		{"idle", []int{200, 200, 201, 200, 202}, 190, []bool{false, false, false, false, false}},
		{"slow growth is trimmed once it adds up", []int{200, 203, 206, 209, 192, 197}, 190, []bool{false, false, false, true, false, false}},
		{"growth counts from the lowest point", []int{220, 200, 207, 209}, 190, []bool{false, false, false, true}},
		{"a jump is trimmed at once", []int{200, 260, 191}, 195, []bool{false, true, false}},
		{"memory really in use is not trimmed again", []int{200, 240, 241, 242}, 238, []bool{false, true, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rss int
			tr := &trimmer{resident: func() int { return rss * mb }, trim: func() { rss = tt.afterTrim }}
			for i, r := range tt.readings {
				rss = r
				if got := tr.check(); got != tt.want[i] {
					t.Errorf("check %d at %d MB: trimmed %v, want %v", i+1, r, got, tt.want[i])
				}
			}
		})
	}
}
