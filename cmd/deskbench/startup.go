package main

// Startup to the first frame under Xvfb. "First frame" is detected from
// outside, the same way for both programs: the moment xdotool finds a
// visible (mapped) window with the program's title. GLFW maps the window
// when Fyne shows it, just before its first paint, so this slightly
// favours neither; polling costs about a millisecond per probe. Peak RSS
// is VmHWM from /proc after the window has been up for a while.

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

const bareProgram = `package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.copydesk.barewindow")
	w := a.NewWindow("Bare Fyne")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.Resize(fyne.NewSize(1024, 700))
	w.ShowAndRun()
}
`

// bareBinary builds the bare Fyne program in its own module beside the
// work directory, pinned to the same Fyne as Copydesk (its go.mod/go.sum).
func bareBinary(o options) (string, error) {
	dir := filepath.Join(o.work, "barewindow")
	bin := filepath.Join(dir, "barewindow")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	mod, err := os.ReadFile(filepath.Join(o.repo, "go.mod"))
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(filepath.Join(o.repo, "go.sum"))
	if err != nil {
		return "", err
	}
	lines := strings.Split(string(mod), "\n")
	lines[0] = "module barewindow"
	var keep []string
	for _, l := range lines {
		if !strings.HasPrefix(l, "tool ") {
			keep = append(keep, l)
		}
	}
	files := map[string][]byte{"go.mod": []byte(strings.Join(keep, "\n")), "go.sum": sum, "main.go": []byte(bareProgram)}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("go", "build", "-mod=mod", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the bare window: %v: %s", err, oneLine(string(out)))
	}
	return bin, nil
}

// xvfb starts a virtual display and returns its name and a stop function.
func xvfb() (string, func(), error) {
	display := fmt.Sprintf(":%d", 90+os.Getpid()%9)
	cmd := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("starting Xvfb: %w", err)
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	for range 100 {
		if exec.Command("xdpyinfo", "-display", display).Run() == nil ||
			exec.Command("xdotool", "getdisplaygeometry").Run() == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	return display, stop, nil
}

// startOnce starts bin and returns the time until its window, titled
// title, is visible, and the process's peak RSS two seconds later.
func startOnce(display, bin, titleRE string, env []string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), append(env, "DISPLAY="+display, "LANG=en_US.UTF-8")...)
	if log, err := os.Create(bin + ".log"); err == nil {
		defer log.Close()
		cmd.Stdout, cmd.Stderr = log, log
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer func() {
		// A window asked to close may save and flush first; one that
		// does not stop in time is killed.
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	for time.Since(t0) < 30*time.Second {
		probe := exec.Command("xdotool", "search", "--onlyvisible", "--name", titleRE)
		probe.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := probe.Output(); err == nil && len(strings.TrimSpace(string(out))) > 0 {
			d := time.Since(t0)
			time.Sleep(2 * time.Second)
			return d, peakRSS(cmd.Process.Pid), nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	return 0, 0, fmt.Errorf("%s showed no window whose title matches %q within 30 s", filepath.Base(bin), titleRE)
}

// peakRSS is VmHWM of a process, in bytes.
func peakRSS(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var kb int64
		if _, err := fmt.Sscanf(sc.Text(), "VmHWM: %d kB", &kb); err == nil {
			return kb << 10
		}
	}
	return 0
}

func measureStartup(o options) ([]row, error) {
	if o.skipGUI {
		return []row{{what: "startup to first frame", ours: "skipped (-skip-gui)"}}, nil
	}
	lib := filepath.Join(o.work, fmt.Sprintf("library-%d-open10k", o.startupArticles))
	if err := buildLibrary(lib, o.startupArticles, 10000); err != nil {
		return nil, err
	}
	desk, err := copydeskBinary(o)
	if err != nil {
		return nil, err
	}
	bare, err := bareBinary(o)
	if err != nil {
		return nil, err
	}
	display, stop, err := xvfb()
	if err != nil {
		return nil, err
	}
	defer stop()
	home := filepath.Join(o.work, "home") // fresh Fyne preferences each run
	var deskRSS, bareRSS int64
	// Twice the runs, in turns: start-up under Xvfb varies by tens of
	// milliseconds from one minute to the next.
	m, err := medians(o.runs*2, func() (time.Duration, error) {
		os.RemoveAll(home)
		os.MkdirAll(home, 0o755)
		d, rss, err := startOnce(display, desk, "Copydesk$", []string{"HOME=" + home}, "--db", lib)
		deskRSS = max(deskRSS, rss)
		return d, err
	}, func() (time.Duration, error) {
		os.RemoveAll(home)
		os.MkdirAll(home, 0o755)
		d, rss, err := startOnce(display, bare, "^Bare Fyne$", []string{"HOME=" + home})
		bareRSS = max(bareRSS, rss)
		return d, err
	})
	if err != nil {
		return nil, err
	}
	deskT, bareT := m[0], m[1]
	ratio := float64(deskT) / float64(bareT)
	const mb = 1 << 20
	return []row{
		{what: fmt.Sprintf("startup to first frame, %dk-article library (Xvfb)", o.startupArticles/1000), ours: ms(deskT), peers: "bare Fyne window " + ms(bareT),
			goal: "≤ 1.2× bare", met: verdict(ratio <= 1.2) + fmt.Sprintf(" (%.2f×)", ratio)},
		{what: "peak RSS (library and its newest story, 10k words, open)", ours: fmt.Sprintf("%d MB", deskRSS/mb), peers: fmt.Sprintf("bare Fyne window %d MB", bareRSS/mb),
			goal: "≤ bare + 60 MB", met: verdict(deskRSS <= bareRSS+60*mb)},
	}, nil
}
