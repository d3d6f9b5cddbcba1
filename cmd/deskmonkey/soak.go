package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// soakPlan is "a day at the desk" in the real window, scaled by -soak-scale.
type soakPlan struct {
	keys, switches, history, exports int
}

func (p soakPlan) scaled(f float64) soakPlan {
	n := func(v int) int { return max(1, int(float64(v)*f)) }
	return soakPlan{n(p.keys), n(p.switches), n(p.history), n(p.exports)}
}

var fullDay = soakPlan{keys: 50000, switches: 500, history: 200, exports: 100}

// sample is the window's process at one moment.
type sample struct {
	at         time.Duration
	rssKB      int
	anonKB     int // of rssKB, memory of the process's own (heaps, stacks)
	fileKB     int // of rssKB, pages of mapped files (the program, libraries, fonts, the desk's tables) and shared memory
	goroutines int
	heapMB     int // the Go heap in use, from the window's stats line
	heldMB     int // what the Go runtime holds from the system (heap_sys - heap_released)
	cHeapMB    int // the C heap in use (GL, the software renderer, Hunspell)
}

var (
	statsRE = regexp.MustCompile(`copydesk stats: goroutines=(\d+) heap_alloc=(\d+)`)
	// The figures that tell a Go leak from memory held but unused and
	// from C allocations (older windows print none of them).
	heldRE  = regexp.MustCompile(`heap_sys=(\d+) heap_inuse=\d+ heap_released=(\d+)`)
	cHeapRE = regexp.MustCompile(`c_inuse=(\d+)`)
)

// soak types plan.keys keystrokes spread over plan.switches story switches
// (five stories), with plan.history History views and plan.exports exports
// (File › Export… to an HTML file) among them, and reports the resident
// memory and goroutines at the start, after the first minute and at the end.
func soak(o options, plan soakPlan) error {
	work, err := os.MkdirTemp("", "desksoak-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	s := &session{o: o, work: work, db: filepath.Join(work, "desk"), log: filepath.Join(work, "stderr.log")}
	for range 5 {
		if out, err := exec.Command(o.bin, "--db", s.db, "import", "--year", "2019", o.fixture).CombinedOutput(); err != nil {
			return fmt.Errorf("import: %v: %s", err, out)
		}
	}
	if s.x, err = startX(o.sw, o.sh); err != nil {
		return err
	}
	defer s.x.stop()
	s.extraEnv = []string{"COPYDESK_DEBUG_STATS=2s"}
	if err := s.start(); err != nil {
		return err
	}
	defer s.kill()
	t0 := time.Now()
	var samples []sample
	// One sample is one moment of a sawtooth: the runtime's heap between two
	// collections and the renderer's textures swing by 10–20 MB within
	// seconds. A sample every 10 s gives the level around each moment too.
	var (
		seriesMu sync.Mutex
		series   []sample
	)
	stopSeries := make(chan struct{})
	defer close(stopSeries)
	go func() {
		tick := time.NewTicker(10 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				smp := s.sample(time.Since(t0))
				seriesMu.Lock()
				series = append(series, smp)
				seriesMu.Unlock()
			case <-stopSeries:
				return
			}
		}
	}()
	take := func() {
		time.Sleep(2500 * time.Millisecond) // a fresh stats line
		samples = append(samples, s.sample(time.Since(t0)))
		last := samples[len(samples)-1]
		fmt.Printf("desksoak: %s: RSS %d MB (anonymous %d, mapped files %d), Go heap in use %d MB (runtime holds %d MB), C heap %d MB, %d goroutines\n",
			last.at.Round(time.Second), last.rssKB/1024, last.anonKB/1024, last.fileKB/1024, last.heapMB, last.heldMB, last.cHeapMB, last.goroutines)
	}
	take()
	perSwitch := plan.keys / plan.switches
	typed, views, exports := 0, 0, 0
	minuteTaken := false
	for i := range plan.switches {
		_ = s.x.click(s.w/8, 180+70*(i%5))
		time.Sleep(300 * time.Millisecond)
		s.confirmDialog()
		_ = s.x.click(s.w/2, s.h*55/100)
		s.key("ctrl+End Return")
		typed += 2 + s.typeKeys(perSwitch-2, i)
		if views < plan.history*(i+1)/plan.switches {
			s.key("ctrl+shift+h")
			time.Sleep(1500 * time.Millisecond)
			s.key("ctrl+shift+e")
			views++
		}
		if exports < plan.exports*(i+1)/plan.switches && s.export() {
			exports++
		}
		s.closeDialogs(fmt.Sprintf("switch %d", i+1))
		g, _ := s.x.geometry(s.win)
		if !s.check(fmt.Sprintf("switch %d", i+1), g) {
			break
		}
		if !minuteTaken && time.Since(t0) > time.Minute {
			take()
			minuteTaken = true
		}
		if (i+1)%10 == 0 {
			fmt.Printf("desksoak: %d switches, %d keys, %d History views, %d exports (%s)\n", i+1, typed, views, exports, time.Since(t0).Round(time.Second))
		}
	}
	if s.alive() {
		take()
	}
	files, _ := filepath.Glob(filepath.Join(work, "home", "*.html"))
	fmt.Printf("desksoak: done in %s: %d keystrokes, %d story switches, %d History views, %d exports (%d HTML files written)\n",
		time.Since(t0).Round(time.Second), typed, plan.switches, views, exports, len(files))
	if len(samples) >= 3 {
		a, b := samples[1], samples[len(samples)-1]
		fmt.Printf("desksoak: RSS growth after the first minute: %+d MB (goal ≤ 30 MB); goroutines %d → %d\n", (b.rssKB-a.rssKB)/1024, a.goroutines, b.goroutines)
		fmt.Printf("desksoak: of it, anonymous %+d MB, mapped files %+d MB\n", (b.anonKB-a.anonKB)/1024, (b.fileKB-a.fileKB)/1024)
		fmt.Printf("desksoak: of it, held by the Go runtime %+d MB (in use %+d MB), C heap in use %+d MB\n", b.heldMB-a.heldMB, b.heapMB-a.heapMB, b.cHeapMB-a.cHeapMB)
		seriesMu.Lock()
		second, nA := medianRSS(series, time.Minute, 2*time.Minute)
		last, nB := medianRSS(series, b.at-time.Minute, b.at)
		seriesMu.Unlock()
		if nA > 0 && nB > 0 {
			fmt.Printf("desksoak: median RSS of the second minute %d MB (%d samples), of the last minute %d MB (%d samples): %+d MB\n", second, nA, last, nB, last-second)
		}
	}
	for _, f := range s.failures {
		fmt.Fprintln(os.Stderr, "desksoak: FAIL", f)
	}
	if len(s.failures) > 0 {
		return fmt.Errorf("%d failure(s)", len(s.failures))
	}
	return nil
}

// typeKeys types about n keystrokes of copy in lines of ~60 characters.
func (s *session) typeKeys(n, round int) int {
	words := latinWords
	done := 0
	for done < n {
		var b strings.Builder
		for b.Len() < min(60, n-done) {
			b.WriteString(" ")
			b.WriteString(words[(round+b.Len())%len(words)])
		}
		line := b.String()
		s.typeText(line, 12)
		done += len(line)
		if done < n {
			s.key("Return")
			done++
		}
	}
	return done
}

// export runs File › Export… (Ctrl+E): HTML, Choose where…, Save in the
// file dialog (its home folder), yes to replacing a file of the same name.
func (s *session) export() bool {
	s.key("ctrl+e")
	time.Sleep(800 * time.Millisecond)
	s.confirmDialog() // the format form: Choose where…
	time.Sleep(1200 * time.Millisecond)
	img, err := s.x.screenshot()
	if err != nil || sameColour(img.At(3, 3), s.base) {
		return false
	}
	cx := min(s.w/2, s.o.sw-1)
	bottom, right, err := dialogEdges(img, cx)
	if err != nil {
		return false
	}
	_ = s.x.click(right-35, bottom-22) // Save
	time.Sleep(800 * time.Millisecond)
	s.confirmDialog() // replace the file?
	time.Sleep(500 * time.Millisecond)
	return true
}

// sample reads the process's resident memory and its last stats line.
func (s *session) sample(at time.Duration) sample {
	smp := sample{at: at}
	if data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid)); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			f := strings.Fields(l)
			if len(f) < 2 {
				continue
			}
			kb, _ := strconv.Atoi(f[1])
			switch f[0] {
			case "VmRSS:":
				smp.rssKB = kb
			case "RssAnon:":
				smp.anonKB = kb
			case "RssFile:", "RssShmem:":
				smp.fileKB += kb
			}
		}
	}
	if data, err := os.ReadFile(s.log); err == nil {
		smp.readStats(data)
	}
	return smp
}

// readStats takes the figures of the last stats line in the window's log.
func (smp *sample) readStats(data []byte) {
	if m := statsRE.FindAllSubmatch(data, -1); len(m) > 0 {
		smp.goroutines, _ = strconv.Atoi(string(m[len(m)-1][1]))
		heap, _ := strconv.Atoi(string(m[len(m)-1][2]))
		smp.heapMB = heap >> 20
	}
	if m := heldRE.FindAllSubmatch(data, -1); len(m) > 0 {
		sys, _ := strconv.Atoi(string(m[len(m)-1][1]))
		rel, _ := strconv.Atoi(string(m[len(m)-1][2]))
		smp.heldMB = (sys - rel) >> 20
	}
	if m := cHeapRE.FindAllSubmatch(data, -1); len(m) > 0 {
		c, _ := strconv.Atoi(string(m[len(m)-1][1]))
		smp.cHeapMB = c >> 20
	}
}

// medianRSS is the median resident set, in MB, of the samples taken in
// [from, to), and how many there were.
func medianRSS(series []sample, from, to time.Duration) (mb, n int) {
	var kb []int
	for _, smp := range series {
		if smp.at >= from && smp.at < to && smp.rssKB > 0 {
			kb = append(kb, smp.rssKB)
		}
	}
	if len(kb) == 0 {
		return 0, 0
	}
	slices.Sort(kb)
	return kb[len(kb)/2] / 1024, len(kb)
}
