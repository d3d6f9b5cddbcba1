package main

import (
	"fmt"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// session is one run: the X server, the window's process and what is known
// of them.
type session struct {
	o        options
	x        *xserver
	work     string
	db, log  string
	cmd      *exec.Cmd
	exited   chan struct{}
	exitErr  error
	win      string
	w, h     int         // the window's size as the run asked for it
	base     color.Color // the menu bar's colour with no dialog open
	failures []string
	recent   []string // the last events, for a failure's report
	geomBad  bool
	extraEnv []string // for the window's process
}

var crashRE = regexp.MustCompile(`(?m)^panic:|fatal error|^goroutine \d+ \[|SIGSEGV`)

func run(o options, evs []Event) ([]string, error) {
	work, err := os.MkdirTemp("", "deskmonkey-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	if o.shots == "" {
		o.shots = filepath.Join(os.TempDir(), fmt.Sprintf("deskmonkey-%d", o.seed))
	}
	s := &session{o: o, work: work, db: filepath.Join(work, "desk"), log: filepath.Join(work, "stderr.log")}
	if out, err := exec.Command(o.bin, "--db", s.db, "import", "--year", "2019", o.fixture).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("import of %s: %v: %s", o.fixture, err, out)
	}
	if s.x, err = startX(o.sw, o.sh); err != nil {
		return nil, err
	}
	defer s.x.stop()
	if err := s.start(); err != nil {
		return nil, err
	}
	defer s.kill()
	prev := "the start"
	for i, e := range evs {
		s.recent = append(s.recent, fmt.Sprintf("#%d %s", i+1, e))
		if len(s.recent) > 8 {
			s.recent = s.recent[1:]
		}
		// One xdotool run reads the geometry the previous event left and
		// sends this one (a process start costs ~100 ms on a busy machine).
		out, _ := s.x.run("xdotool", append([]string{"getwindowgeometry", "--shell", s.win}, s.args(e)...)...)
		if !s.check(prev, parseGeometry(out)) {
			return s.failures, nil
		}
		s.after(e)
		prev = fmt.Sprintf("event #%d (%s)", i+1, e)
		if (i+1)%10 == 0 || opensDialog(e) {
			s.closeDialogs(prev)
		}
		if (i+1)%200 == 0 {
			fmt.Printf("deskmonkey: %d events\n", i+1)
		}
	}
	g, _ := s.x.geometry(s.win)
	if !s.check(prev, g) {
		return s.failures, nil
	}
	s.finish()
	return s.failures, nil
}

func (s *session) start() error {
	home := filepath.Join(s.work, "home")
	for _, d := range []string{".config", ".cache"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			return err
		}
	}
	logf, err := os.Create(s.log)
	if err != nil {
		return err
	}
	s.cmd = exec.Command(s.o.bin, "--db", s.db, "--author", "Monkey")
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	s.cmd.Env = append(os.Environ(), "DISPLAY="+s.x.display, "HOME="+home, "LANG=C.UTF-8",
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	s.cmd.Env = append(s.cmd.Env, s.extraEnv...)
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		return err
	}
	s.exited = make(chan struct{})
	go func() {
		s.exitErr = s.cmd.Wait()
		logf.Close()
		close(s.exited)
	}()
	if s.win, err = s.x.windowOf(s.cmd.Process.Pid, 60*time.Second); err != nil {
		return err
	}
	time.Sleep(2 * time.Second) // the first frame
	g, err := s.x.geometry(s.win)
	if err != nil {
		return err
	}
	s.w, s.h = min(g.W, s.o.sw), min(g.H, s.o.sh)
	img, err := s.x.screenshot()
	if err != nil {
		return err
	}
	s.base = img.At(3, 3)
	return nil
}

func (s *session) kill() {
	select {
	case <-s.exited:
	default:
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

func (s *session) alive() bool {
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

// fail records a failure with a screenshot and the stderr tail.
func (s *session) fail(what string) {
	n := len(s.failures) + 1
	_ = os.MkdirAll(s.o.shots, 0o755)
	shot := filepath.Join(s.o.shots, fmt.Sprintf("failure-%d.png", n))
	s.x.saveShot(shot)
	msg := fmt.Sprintf("%s\n    last events: %s\n    screenshot: %s", what, strings.Join(s.recent, "; "), shot)
	if tail := s.stderrTail(20); tail != "" {
		msg += "\n    stderr tail:\n      " + strings.ReplaceAll(tail, "\n", "\n      ")
	}
	s.failures = append(s.failures, msg)
	fmt.Fprintf(os.Stderr, "deskmonkey: FAIL %s\n", what)
}

// stderrTail is the window's stderr from its panic on (n lines), or its
// last n lines.
func (s *session) stderrTail(n int) string {
	data, _ := os.ReadFile(s.log)
	if loc := crashRE.FindIndex(data); loc != nil {
		data = data[loc[0]:]
		lines := strings.Split(string(data), "\n")
		return strings.Join(lines[:min(n, len(lines))], "\n")
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// check reports false when the run cannot go on (the process is gone).
func (s *session) check(step string, g geometry) bool {
	if !s.alive() {
		s.fail(fmt.Sprintf("%s: the process died (%v)", step, s.exitErr))
		return false
	}
	if data, _ := os.ReadFile(s.log); crashRE.Match(data) {
		s.fail(step + ": stderr holds a panic or goroutine dump")
		return false
	}
	if g.W > 0 && !s.geomBad && (g.X+g.W > s.o.sw || g.Y+g.H > s.o.sh) {
		s.geomBad = true // reported once a run
		s.fail(fmt.Sprintf("%s: the window is %dx%d at %d,%d on a %dx%d screen", step, g.W, g.H, g.X, g.Y, s.o.sw, s.o.sh))
	}
	return true
}

func (s *session) key(keys string) {
	_ = s.x.xdo(append([]string{"key", "--delay", "30"}, strings.Fields(keys)...)...)
}

func (s *session) typeText(text string, delay int) {
	_ = s.x.xdo("type", "--delay", strconv.Itoa(delay), "--", text)
}

// typeDelay is per key: xdotool drops non-ASCII keys sent faster than
// about 130 ms apart.
func typeDelay(k Kind) string {
	if k == TypeCyrillic {
		return "130"
	}
	return "25"
}

// args are the xdotool words that send e. Positions are fractions of the
// size the run asked for, so that a window the program widened is not
// chased.
func (s *session) args(e Event) []string {
	at := func(x, y int) []string { return []string{"mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1"} }
	switch e.Kind {
	case KeyEvent, Shortcut, Escape:
		return append([]string{"key", "--delay", "30"}, strings.Fields(e.Keys)...)
	case TypeLatin, TypeCyrillic:
		return []string{"type", "--delay", typeDelay(e.Kind), "--", e.Text}
	case Click:
		return at(int(e.FX*float64(s.w-1)), int(e.FY*float64(s.h-1)))
	case TabSwitch:
		if e.Keys != "" {
			return append([]string{"key"}, strings.Fields(e.Keys)...)
		}
		return at(int(e.FX*float64(s.w-1)), 49)
	case StorySwitch:
		return at(int(e.FX*float64(s.w)), 180+70*int(e.FY))
	case Resize:
		return []string{"windowsize", s.win, strconv.Itoa(e.W), strconv.Itoa(e.H)}
	}
	return nil
}

// after lets the window take the event in.
func (s *session) after(e Event) {
	if e.Kind == Resize {
		s.w, s.h = e.W, e.H
		time.Sleep(300 * time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
}

// opensDialog: events after which a dialog is likely open.
func opensDialog(e Event) bool {
	switch e.Keys {
	case "ctrl+o", "ctrl+e", "ctrl+shift+s", "ctrl+p", "ctrl+slash":
		return true
	}
	return false
}

func parseGeometry(out string) geometry {
	var g geometry
	for _, l := range strings.Split(out, "\n") {
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(v)
		switch k {
		case "X":
			g.X = n
		case "Y":
			g.Y = n
		case "WIDTH":
			g.W = n
		case "HEIGHT":
			g.H = n
		}
	}
	return g
}
