package compare

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(same lines, different bytes)"
}

// dump writes a Result in a form a reviewer can read line by line: every
// entry, the chunks of every entry that is not equal (quoted, so NBSPs and
// spacing show), the field changes, numbers, quotes and stats.
func dump(r *Result) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "stats: %+v\n", r.Stats)
	fmt.Fprintf(&b, "coarse: %v\n", r.Coarse)
	b.WriteString("blocks:\n")
	for k, e := range r.Blocks {
		fmt.Fprintf(&b, "  [%d] %s %s", k, e.Kind, e.Block)
		if e.OldBlock != e.Block {
			fmt.Fprintf(&b, " (was %s)", e.OldBlock)
		}
		fmt.Fprintf(&b, " A=%d B=%d", e.A, e.B)
		if e.Partner >= 0 {
			fmt.Fprintf(&b, " partner=%d", e.Partner)
		}
		if e.Kind == Changed || e.Kind == Moved {
			fmt.Fprintf(&b, " sim=%.2f", e.Similarity)
		}
		b.WriteString("\n")
		if e.Kind == Equal || e.Kind == MovedAway {
			continue
		}
		writeChunks(&b, "      ", e.Chunks)
	}
	b.WriteString("fields:\n")
	for _, f := range r.Fields {
		fmt.Fprintf(&b, "  %s (%s): %q -> %q", f.Field, f.Label, f.Old, f.New)
		if f.Internal {
			b.WriteString(" internal")
		}
		if len(f.Added) > 0 {
			fmt.Fprintf(&b, " added=%q", f.Added)
		}
		if len(f.Removed) > 0 {
			fmt.Fprintf(&b, " removed=%q", f.Removed)
		}
		b.WriteString("\n")
		writeChunks(&b, "      ", f.Chunks)
	}
	writeValues(&b, "numbers", r.Numbers)
	writeValues(&b, "quotes", r.Quotes)
	return []byte(b.String())
}

func writeChunks(b *strings.Builder, indent string, chunks []Chunk) {
	for _, c := range chunks {
		sign := map[Op]string{OpEqual: "=", OpDelete: "-", OpInsert: "+"}[c.Op]
		fmt.Fprintf(b, "%s%s %q\n", indent, sign, c.Text)
	}
}

func writeValues(b *strings.Builder, name string, vs []ValueChange) {
	fmt.Fprintf(b, "%s:\n", name)
	for _, v := range vs {
		fmt.Fprintf(b, "  %s [%d]: %q -> %q\n", v.Field, v.Entry, v.Old, v.New)
	}
}
