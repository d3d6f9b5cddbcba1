package main

import "testing"

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
