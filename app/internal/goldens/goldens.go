// Package goldens compares what a canvas renders with the markup goldens
// under a package's testdata/, for the tests of the window and the block
// editor. It leaves out the block editor's spare rows: they wait far left
// of the column, where nothing draws them, and how many wait is the row
// pool's business (app/blockedit/scope.go), not what a person sees.
package goldens

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// SpareRowX is the x position of the block editor's spare rows (its
// offside; a test there keeps the two equal).
const SpareRowX = -100000

// Assert compares c's markup, less the spare rows, with testdata/name, or
// rewrites that file when update is set.
func Assert(t testing.TB, name string, c fyne.Canvas, update bool) {
	t.Helper()
	got := WithoutSpareRows(test.RenderToMarkup(c))
	path := filepath.Join("testdata", name)
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to write it)", err)
	}
	if got != string(want) {
		failed := filepath.Join(t.TempDir(), filepath.Base(name))
		_ = os.WriteFile(failed, []byte(got), 0o644)
		t.Errorf("the markup differs from %s; what was rendered is in %s (run with -update to accept it)", path, failed)
	}
}

// WithoutSpareRows drops the block editor's spare rows from markup.
func WithoutSpareRows(markup string) string {
	spare := fmt.Sprintf(`<widget pos="%d,`, SpareRowX)
	var out strings.Builder
	skipTo := "" // the closing line of the spare row being dropped
	for _, line := range strings.SplitAfter(markup, "\n") {
		switch {
		case skipTo != "":
			if line == skipTo {
				skipTo = ""
			}
		case strings.Contains(line, spare) && strings.Contains(line, `type="*blockedit.blockRow"`):
			indent := line[:len(line)-len(strings.TrimLeft(line, "\t"))]
			skipTo = indent + "</widget>\n"
		default:
			out.WriteString(line)
		}
	}
	return out.String()
}
