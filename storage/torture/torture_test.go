package torture

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// envFull runs the full set (make torture); without it, and always with
// -short, a smaller one runs.
const envFull = "COPYDESK_TORTURE_FULL"

func full(t *testing.T) bool { return os.Getenv(envFull) != "" && !testing.Short() }

var (
	binOnce sync.Once
	binPath string
	binDir  string // made for the build; removed when the tests end
	binErr  error
)

// binary builds the real copydesk once ($COPYDESK_BIN names a built one).
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if p := os.Getenv("COPYDESK_BIN"); p != "" {
			binPath, binErr = filepath.Abs(p)
			return
		}
		dir, err := os.MkdirTemp("", "torture-bin")
		if err != nil {
			binErr = err
			return
		}
		binDir = dir
		binPath = filepath.Join(dir, "copydesk")
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		cmd := exec.Command("go", "build", "-tags", "migrated_fynedo,no_emoji", "-o", binPath, "./cmd/copydesk")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("building copydesk: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// outcome is what one command did.
type outcome struct {
	code     int
	out, err string
}

func (o outcome) panicked() bool {
	for _, s := range []string{"panic:", "fatal error:", "SIGBUS", "SIGSEGV", "goroutine 1 ["} {
		if strings.Contains(o.err, s) {
			return true
		}
	}
	return false
}

// clear: a refusal of one or two lines that is no crash.
func (o outcome) clear() bool {
	return o.code == 1 && !o.panicked() && strings.Count(strings.TrimSpace(o.err), "\n") < 40
}

// desk is a sandbox: a home, a passphrase file and the binary.
type desk struct {
	t         *testing.T
	bin, root string
	pass      string // passphrase file; "" for plain desks
}

func newDesk(t *testing.T, encrypted bool) *desk {
	d := &desk{t: t, bin: binary(t), root: t.TempDir()}
	if encrypted {
		d.pass = filepath.Join(d.root, "pass")
		if err := os.WriteFile(d.pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func (d *desk) env() []string {
	env := []string{"HOME=" + d.root, "XDG_CONFIG_HOME=" + filepath.Join(d.root, "cfg"), "XDG_DATA_HOME=" + filepath.Join(d.root, "data"),
		"PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8", "COPYDESK_AUTHOR=Torture"}
	if d.pass != "" {
		env = append(env, "COPYDESK_PASSPHRASE_FILE="+d.pass)
	}
	return env
}

func (d *desk) run(args ...string) outcome {
	cmd := exec.Command(d.bin, args...)
	cmd.Env = d.env()
	cmd.Dir = d.root
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	o := outcome{out: out.String(), err: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		o.code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			o.code = 128 + int(ws.Signal())
			o.err += "\n(killed by " + ws.Signal().String() + ")"
		}
	} else if err != nil {
		d.t.Fatal(err)
	}
	return o
}

func (d *desk) path(name string) string { return filepath.Join(d.root, name) }

// story writes a wire story file and returns its path.
func (d *desk) story(name string, i int, extra string) string {
	p := d.path(name)
	text := fmt.Sprintf("Story %d on the Duma vote headline\n\nMOSCOW, March 3, 2024 (TASS) - The Duma voted %d times on the budget, said Bortnikov.\n\nSecond paragraph of story %d. %s\n", i, i, i, extra)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		d.t.Fatal(err)
	}
	return p
}

// fill makes a desk in dir with n articles of two revisions each.
func (d *desk) fill(dir string, n int) {
	if d.pass != "" {
		if o := d.run("--db", dir, "init", "--encrypt"); o.code != 0 {
			d.t.Fatalf("init --encrypt: %s", o.err)
		}
	}
	files := make([]string, n)
	for i := range n {
		files[i] = d.story(fmt.Sprintf("s%d.txt", i), i, "")
	}
	o := d.run(append([]string{"--db", dir, "import"}, files...)...)
	if o.code != 0 {
		d.t.Fatalf("import: %s", o.err)
	}
	ids := strings.Fields(o.out)
	for i, id := range ids {
		f := d.story(fmt.Sprintf("r%d.txt", i), i, "Updated with a new paragraph.")
		if o := d.run("--db", dir, "revise", id, f); o.code != 0 {
			d.t.Fatalf("revise: %s", o.err)
		}
	}
	// Note the head, as a backup would: verify then checks nothing noted
	// went missing.
	if o := d.run("--db", dir, "verify", "--head"); o.code != 0 {
		d.t.Fatalf("verify --head: %s", o.err)
	}
}

var okCount = regexp.MustCompile(`OK: (\d+) articles`)

// verifyCount runs verify: the article count it reports OK, or -1.
func (d *desk) verifyCount(dir string) (int, outcome) {
	o := d.run("--db", dir, "verify")
	if m := okCount.FindStringSubmatch(o.out); o.code == 0 && m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, o
	}
	return -1, o
}

// tally is one row of the table.
type tally struct {
	group                                      string
	cases, panics, silent, refusals, ok, tampr int
	tamperCases                                int
	notes                                      []string
}

func (r *tally) note(format string, a ...any) { r.notes = append(r.notes, fmt.Sprintf(format, a...)) }

var (
	tableMu sync.Mutex
	table   []*tally
)

func addRow(r *tally) {
	tableMu.Lock()
	defer tableMu.Unlock()
	table = append(table, r)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	if len(table) > 0 {
		fmt.Println()
		fmt.Printf("%-34s %6s %7s %14s %16s %8s %18s\n", "group", "cases", "panics", "silent losses", "clear refusals", "intact", "tampering detected")
		var sum tally
		for _, r := range table {
			td := "-"
			if r.tamperCases > 0 {
				td = fmt.Sprintf("%d of %d", r.tampr, r.tamperCases)
			}
			fmt.Printf("%-34s %6d %7d %14d %16d %8d %18s\n", r.group, r.cases, r.panics, r.silent, r.refusals, r.ok, td)
			sum.cases += r.cases
			sum.panics += r.panics
			sum.silent += r.silent
			sum.refusals += r.refusals
			sum.ok += r.ok
			sum.tampr += r.tampr
			sum.tamperCases += r.tamperCases
		}
		fmt.Printf("%-34s %6d %7d %14d %16d %8d %18s\n", "total", sum.cases, sum.panics, sum.silent, sum.refusals, sum.ok, fmt.Sprintf("%d of %d", sum.tampr, sum.tamperCases))
		for _, r := range table {
			for _, n := range r.notes {
				fmt.Printf("  %s: %s\n", r.group, n)
			}
		}
	}
	os.Exit(code)
}

// TestKilled: a restore or a migration SIGKILLed half-way leaves a desk
// that refuses to open, saying why, instead of one that verifies OK with
// part of the articles.
func TestKilled(t *testing.T) {
	r := &tally{group: "restore/migrate killed half-way"}
	defer addRow(r)
	n := 60
	if full(t) {
		n = 300
	}
	d := newDesk(t, false)
	src := d.path("src")
	d.fill(src, n)
	file := d.path("b.cdb")
	if o := d.run("--db", src, "backup", file); o.code != 0 {
		t.Fatalf("backup: %s", o.err)
	}
	cases := []struct {
		name string
		args []string
		// started tells a progress line after the first article and
		// before the last.
		started func(line string) bool
	}{
		{"restore", []string{"restore", file, "--db", d.path("restored")}, func(l string) bool {
			return strings.HasPrefix(l, "restoring: ") && !strings.HasPrefix(l, fmt.Sprintf("restoring: %d ", n))
		}},
		{"migrate", []string{"migrate", "--from", src, "--to", d.path("migrated")}, func(l string) bool {
			return strings.HasPrefix(l, "[2/")
		}},
	}
	for _, c := range cases {
		dst := c.args[len(c.args)-1]
		if !d.killWhen(c.args, c.started) {
			r.note("%s: finished before it could be killed", c.name)
			continue
		}
		r.cases++
		count, o := d.verifyCount(dst)
		switch {
		case o.panicked():
			r.panics++
		case count >= 0 && count < n:
			r.silent++
			r.note("%s: verify said OK with %d of %d articles", c.name, count, n)
		case o.clear() && strings.Contains(o.err, "incomplete"):
			r.refusals++
		case count == n:
			r.ok++
		default:
			r.note("%s: verify: exit %d: %s", c.name, o.code, firstLine(o.err))
		}
		if !strings.Contains(o.err, "is incomplete") {
			t.Errorf("a killed %s: verify exit %d, %q %q; want a refusal saying the desk is incomplete", c.name, o.code, o.out, o.err)
		}
		if o := d.run("--db", dst, "list"); o.code != 1 || !strings.Contains(o.err, "again") {
			t.Errorf("list after a killed %s: exit %d %q; want a refusal saying to run it again", c.name, o.code, o.err)
		}
	}
}

// killWhen runs copydesk with args and SIGKILLs it at the first line (or
// \r-ended progress update) of its stderr that started accepts. It
// reports whether it killed it.
func (d *desk) killWhen(args []string, started func(string) bool) bool {
	cmd := exec.Command(d.bin, args...)
	cmd.Env = d.env()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		d.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := strings.IndexAny(string(data), "\r\n"); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	killed := false
	for sc.Scan() {
		if started(sc.Text()) {
			_ = cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	_, _ = io.Copy(io.Discard, stderr)
	_ = cmd.Wait()
	return killed
}
