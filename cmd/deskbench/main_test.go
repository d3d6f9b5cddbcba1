package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{[]time.Duration{5, 1, 3}, 3},
		{[]time.Duration{9, 1, 8, 2, 7}, 7},
		{[]time.Duration{4}, 4},
	}
	for _, tc := range tests {
		i := 0
		got, err := median(len(tc.in), func() (time.Duration, error) { i++; return tc.in[i-1], nil })
		if err != nil || got != tc.want {
			t.Errorf("median(%v) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	boom := errors.New("boom")
	if _, err := median(3, func() (time.Duration, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Errorf("a failing run gave %v", err)
	}
}

func TestPrintTable(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "table"))
	if err != nil {
		t.Fatal(err)
	}
	printTable(f, options{runs: 5}, []row{{what: "durable save", ours: "1.00 ms", peers: "git 10.00 ms", goal: "≤ 2 ms", met: "yes"}})
	f.Close()
	out, _ := os.ReadFile(f.Name())
	for _, want := range []string{"medians of 5 runs", "durable save", "1.00 ms", "git 10.00 ms", "≤ 2 ms", "yes"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}

func TestDuBytes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a"), make([]byte, 10000), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := duBytes(dir); n < 8192 {
		t.Errorf("duBytes = %d for a 10,000-byte file", n)
	}
}

// TestBuildTagsAreTheMakefiles keeps deskbench measuring the binary that
// `make build` makes: the same build tags.
func TestBuildTagsAreTheMakefiles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if name, value, ok := strings.Cut(line, ":="); ok && strings.TrimSpace(name) == "TAGS" {
			if got := strings.TrimSpace(value); got != buildTags {
				t.Fatalf("the Makefile builds with TAGS %q, deskbench with %q: make them the same", got, buildTags)
			}
			return
		}
	}
	t.Fatal("the Makefile sets no TAGS")
}

// TestMediansTakeTurns: the measures run in turns, and each gets its own
// median.
func TestMediansTakeTurns(t *testing.T) {
	var order []string
	run := func(name string, ds ...time.Duration) func() (time.Duration, error) {
		i := 0
		return func() (time.Duration, error) {
			order = append(order, name)
			i++
			return ds[i-1], nil
		}
	}
	got, err := medians(3, run("a", 5, 1, 3), run("b", 9, 8, 7))
	if err != nil || !slices.Equal(got, []time.Duration{3, 8}) {
		t.Fatalf("medians = %v, %v; want [3 8]", got, err)
	}
	if want := []string{"a", "b", "a", "b", "a", "b"}; !slices.Equal(order, want) {
		t.Fatalf("runs went %v, want %v", order, want)
	}
	boom := errors.New("boom")
	if _, err := medians(2, run("a", 1, 1), func() (time.Duration, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Errorf("a failing run gave %v", err)
	}
}
