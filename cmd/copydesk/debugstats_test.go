package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// COPYDESK_DEBUG_STATS turns the stats lines on (an interval) and off
// (unset or not a duration: nothing is written).
func TestDebugStats(t *testing.T) {
	tests := []struct {
		env  string
		want bool
	}{
		{"10ms", true},
		{"", false},
		{"often", false},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			t.Setenv("COPYDESK_DEBUG_STATS", tt.env)
			var buf lockedBuffer
			stop := debugStats(&buf)
			deadline := time.Now().Add(5 * time.Second)
			for tt.want && !strings.Contains(buf.String(), "goroutines=") && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if !tt.want {
				time.Sleep(50 * time.Millisecond)
			}
			stop()
			if got := strings.Contains(buf.String(), "copydesk stats: goroutines="); got != tt.want {
				t.Errorf("stats written: %v, want %v (%q)", got, tt.want, buf.String())
			}
		})
	}
}

// COPYDESK_DEBUG_HEAPPROF names a folder: the first stats line comes with
// a heap profile there, and the line carries the figures that tell Go heap
// growth from memory the runtime or C holds.
func TestDebugStatsHeapProfile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("COPYDESK_DEBUG_STATS", "10ms")
	t.Setenv("COPYDESK_DEBUG_HEAPPROF", dir)
	var buf lockedBuffer
	stop := debugStats(&buf)
	path := filepath.Join(dir, "heap-0001.pb.gz")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("no heap profile written: %v", err)
	}
	for _, field := range []string{"heap_inuse=", "heap_released=", "rss=", "c_inuse="} {
		if !strings.Contains(buf.String(), field) {
			t.Errorf("stats line without %s: %q", field, buf.String())
		}
	}
}
