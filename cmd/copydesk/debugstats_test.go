package main

import (
	"bytes"
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
