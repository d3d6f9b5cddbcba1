package main

import (
	"testing"
	"time"
)

// TestMissedCountsUnheardWrites: the listening desk's count is not
// vacuous. A write is covered by its own notice, or by a reload that read
// the story at or past it; anything else is missed.
func TestMissedCountsUnheardWrites(t *testing.T) {
	now := time.Now()
	rev := func(seq uint64) ack {
		return ack{article: "a", revision: true, seq: seq, start: now, end: now}
	}
	draft := func(v uint64) ack { return ack{article: "a", version: v, start: now, end: now} }
	tests := []struct {
		name    string
		heard   []string
		seq, v  uint64 // read at a reload
		acks    []ack
		missing int
	}{
		{"all heard", []string{revisionKey("a", 2), draftKey("a", 5)}, 0, 0, []ack{rev(2), draft(5)}, 0},
		{"a revision unheard", []string{draftKey("a", 5)}, 0, 0, []ack{rev(2), draft(5)}, 1},
		{"an autosave unheard", []string{revisionKey("a", 2)}, 0, 0, []ack{rev(2), draft(5)}, 1},
		{"covered by a reload", nil, 2, 5, []ack{rev(2), draft(5)}, 0},
		{"after the reload", nil, 2, 5, []ack{rev(3), draft(6)}, 2},
		{"the stories' creation is not counted", nil, 0, 0, []ack{{article: "a", revision: true, seq: 1}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := &watcher{heard: map[string]bool{}, seq: map[string]uint64{"a": tc.seq}, version: map[string]uint64{"a": tc.v}}
			for _, k := range tc.heard {
				w.heard[k] = true
			}
			var res Result
			if got := w.missed(tc.acks, 0, &res); got != tc.missing || len(res.Problems) != tc.missing {
				t.Errorf("missed %d (%d problems), want %d", got, len(res.Problems), tc.missing)
			}
		})
	}
}
