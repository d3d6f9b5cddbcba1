package main

import (
	"slices"
	"testing"
)

// A seed must replay: the same arguments give the same events, another
// seed other events, and a longer run starts with the shorter one.
func TestGenerateReplays(t *testing.T) {
	tests := []struct {
		name       string
		a, b       uint64
		na, nb     int
		wantPrefix bool
	}{
		{"same seed", 42, 42, 500, 500, true},
		{"longer run", 42, 42, 100, 500, true},
		{"other seed", 42, 43, 500, 500, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Generate(tt.a, tt.na, 1280, 800)
			b := Generate(tt.b, tt.nb, 1280, 800)
			if got := slices.Equal(a, b[:len(a)]); got != tt.wantPrefix {
				t.Errorf("events of seed %d (%d) prefix of seed %d (%d): %v, want %v", tt.a, tt.na, tt.b, tt.nb, got, tt.wantPrefix)
			}
		})
	}
}

// Every kind turns up in a run of 1,000, and nothing a run makes can end
// the program (Quit) or reach the menu bar.
func TestGenerateCoversKindsAndSparesQuit(t *testing.T) {
	seen := map[Kind]int{}
	for _, e := range Generate(1, 1000, 1024, 600) {
		seen[e.Kind]++
		if e.Keys == "ctrl+shift+q" {
			t.Errorf("%s: Quit is sent once, at the end, on purpose", e)
		}
		if e.Kind == Click && e.FY < 0.05 {
			t.Errorf("%s: a click in the menu bar", e)
		}
		if e.Kind == Resize && (e.W > 1024 || e.H > 600 || e.W < 800 || e.H < 500) {
			t.Errorf("%s: outside 800x500..1024x600", e)
		}
	}
	for k := range kindNames {
		if seen[Kind(k)] == 0 {
			t.Errorf("no %s event in 1,000", Kind(k))
		}
	}
}
