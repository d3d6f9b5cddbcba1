package main

import (
	"testing"
	"time"
)

// The soak reads the window's last stats line, old or new format.
func TestReadStats(t *testing.T) {
	tests := []struct {
		name, log string
		want      sample
	}{
		{"none", "no stats here\n", sample{}},
		{"old line", "copydesk stats: goroutines=31 heap_alloc=26214400 heap_sys=52428800\n",
			sample{goroutines: 31, heapMB: 25}},
		{"last of two, new line",
			"copydesk stats: goroutines=30 heap_alloc=1048576 heap_sys=2097152\n" +
				"copydesk stats: goroutines=32 heap_alloc=41943040 heap_sys=73400320 heap_inuse=50331648 heap_released=4194304 rss=262144000 c_inuse=73400320 c_held=83886080\n",
			sample{goroutines: 32, heapMB: 40, heldMB: 66, cHeapMB: 70}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sample
			got.readStats([]byte(tt.log))
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The soak's level around a moment is the median of the samples near it.
func TestMedianRSS(t *testing.T) {
	at := func(sec, mb int) sample { return sample{at: time.Duration(sec) * time.Second, rssKB: mb * 1024} }
	series := []sample{at(50, 100), at(60, 210), at(70, 250), at(80, 200), at(90, 205), at(100, 0), at(130, 300)}
	tests := []struct {
		name         string
		from, to     time.Duration
		wantMB, want int
	}{
		{"the second minute, without a sample that read nothing", time.Minute, 2 * time.Minute, 210, 4},
		{"none in the span", 3 * time.Minute, 4 * time.Minute, 0, 0},
		{"one", 2 * time.Minute, 3 * time.Minute, 300, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mb, n := medianRSS(series, tt.from, tt.to)
			if mb != tt.wantMB || n != tt.want {
				t.Errorf("got %d MB of %d samples, want %d MB of %d", mb, n, tt.wantMB, tt.want)
			}
		})
	}
}
