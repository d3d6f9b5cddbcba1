// Command deskbench measures Copydesk beside the tools a desk would use
// instead, on the same data in one run, and prints one table: word diff
// of two 10,000-word revisions (copydesk diff --files, git diff
// --word-diff, wdiff), a durable save (our store, git add + commit),
// history size (200 revisions of a 1,500-word story: our database
// directory, a git repository after gc --aggressive), a 100k-article
// library (open, first page, search), and startup to the first frame and
// peak RSS of the window with a 10k-article library beside a bare Fyne
// window under Xvfb. Times are medians of several runs: the machines are
// noisy, so only figures taken side by side are compared.
//
//	go run ./cmd/deskbench [-runs 7] [-articles 100000] [-work DIR] [-skip-gui]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

type options struct {
	runs            int
	articles        int
	startupArticles int
	work            string
	repo            string
	skipGUI         bool
	keep            bool
	only            string
}

// row is one line of the table: what was measured, our figure, the
// peers', the goal and whether it is met.
type row struct {
	what, ours, peers, goal string
	met                     string // "yes", "NO", or "" when there is no goal
}

func main() {
	var o options
	flag.IntVar(&o.runs, "runs", 7, "runs per measurement (the median is shown)")
	flag.IntVar(&o.articles, "articles", 100000, "articles in the library measured")
	flag.IntVar(&o.startupArticles, "startup-articles", 10000, "articles in the library the window starts on")
	flag.StringVar(&o.work, "work", "", "working directory (default: a new temporary one); libraries built there are reused")
	flag.StringVar(&o.repo, "repo", ".", "the Copydesk source tree (to build the copydesk binary)")
	flag.BoolVar(&o.skipGUI, "skip-gui", false, "skip the startup measurement (needs Xvfb and xdotool)")
	flag.BoolVar(&o.keep, "keep", false, "keep the working directory")
	flag.StringVar(&o.only, "only", "", "measure only these, comma-separated: diff, save, history, library, startup")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "deskbench:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.work == "" {
		dir, err := os.MkdirTemp("", "deskbench-")
		if err != nil {
			return err
		}
		o.work = dir
		if !o.keep {
			defer os.RemoveAll(dir)
		}
	}
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return err
	}
	var rows []row
	steps := []struct {
		name string
		fn   func(options) ([]row, error)
	}{
		{"diff", measureDiff},
		{"save", measureSave},
		{"history", measureHistory},
		{"library", measureLibrary},
		{"startup", measureStartup},
	}
	for _, st := range steps {
		if o.only != "" && !slices.Contains(strings.Split(o.only, ","), st.name) {
			continue
		}
		fmt.Fprintf(os.Stderr, "deskbench: measuring %s…\n", st.name)
		rs, err := st.fn(o)
		if err != nil {
			rows = append(rows, row{what: st.name, ours: "error: " + err.Error()})
			continue
		}
		rows = append(rows, rs...)
	}
	printTable(os.Stdout, o, rows)
	return nil
}

func printTable(out *os.File, o options, rows []row) {
	fmt.Fprintf(out, "Copydesk beside its peers — medians of %d runs, one machine, one run of deskbench\n\n", o.runs)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "measure\tCopydesk\tpeers\tgoal\tmet")
	fmt.Fprintln(w, "-------\t--------\t-----\t----\t---")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", r.what, r.ours, r.peers, r.goal, r.met)
	}
	w.Flush()
}

// median runs fn n times and returns the median duration.
func median(n int, fn func() (time.Duration, error)) (time.Duration, error) {
	m, err := medians(n, fn)
	if err != nil {
		return 0, err
	}
	return m[0], nil
}

// medians runs each of fns n times, taking turns (one run of each, then
// the next round), and returns each one's median. Measures compared with
// each other are taken in turns so that a slow spell of the machine falls
// on all of them, not on whichever was running.
func medians(n int, fns ...func() (time.Duration, error)) ([]time.Duration, error) {
	runs := make([][]time.Duration, len(fns))
	for range n {
		for i, fn := range fns {
			d, err := fn()
			if err != nil {
				return nil, err
			}
			runs[i] = append(runs[i], d)
		}
	}
	out := make([]time.Duration, len(fns))
	for i, ds := range runs {
		slices.Sort(ds)
		out[i] = ds[len(ds)/2]
	}
	return out, nil
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000)
}

func kib(n int64) string { return fmt.Sprintf("%d KiB", (n+1023)/1024) }

func verdict(ok bool) string {
	if ok {
		return "yes"
	}
	return "NO"
}

// duBytes is what the files under dir occupy on disk, like du.
func duBytes(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += diskBytes(info)
		}
		return nil
	})
	return n
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}
