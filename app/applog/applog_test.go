package applog

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestDir(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
		err  bool
	}{
		{map[string]string{"XDG_STATE_HOME": "/s", "HOME": "/h"}, "/s/copydesk", false},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/h"}, "/h/.local/state/copydesk", false},
		{map[string]string{"HOME": "/h"}, "/h/.local/state/copydesk", false},
		{map[string]string{}, "", true},
	}
	for _, tc := range tests {
		got, err := Dir(func(k string) string { return tc.env[k] })
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("%v: %q, %v; want %q (error %v)", tc.env, got, err, tc.want, tc.err)
		}
	}
}

// TestRotation: the log rotates before a write would pass its size, keeps
// Keep old files, the newest as .1, and drops the oldest; a full log is
// rotated when opened.
func TestRotation(t *testing.T) {
	dir := t.TempDir()
	l, err := open(dir, 100, 3)
	if err != nil {
		t.Fatal(err)
	}
	line := func(c byte) []byte { return append(bytes.Repeat([]byte{c}, 59), '\n') } // 60 bytes
	for _, c := range []byte("abcdef") {
		if _, err := l.Write(line(c)); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	want := map[string]string{ // one 60-byte line a file: two would pass 100
		Name: "f", Name + ".1": "e", Name + ".2": "d", Name + ".3": "c",
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("files %v; want %d", entries, len(want))
	}
	for name, c := range want {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(data) != string(line(c[0])) {
			t.Errorf("%s: %q, %v; want the %s line", name, data, err, c)
		}
	}

	// A log already full when opened is rotated first.
	if err := os.WriteFile(filepath.Join(dir, Name), bytes.Repeat([]byte("g"), 100), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err = open(dir, 100, 3)
	if err != nil {
		t.Fatal(err)
	}
	l.Write([]byte("h\n"))
	l.Close()
	if data, _ := os.ReadFile(filepath.Join(dir, Name)); string(data) != "h\n" {
		t.Errorf("after opening a full log: %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, Name+".1")); len(data) != 100 {
		t.Errorf(".1 holds %d bytes, want the 100 of the full log", len(data))
	}
}

// TestLogger: the logger writes text lines at Info and above.
func TestLogger(t *testing.T) {
	var b bytes.Buffer
	lg := New(&b)
	lg.Debug("hidden")
	lg.Error("shown to the user", "err", "disk full")
	if s := b.String(); strings.Contains(s, "hidden") || !strings.Contains(s, `msg="shown to the user" err="disk full"`) {
		t.Errorf("log %q", s)
	}
}

const crashEnv = "COPYDESK_APPLOG_CRASH_DIR"

// TestCrashLeavesStack re-runs this test binary as a child that sets up
// the log, logs lines enough to rotate it, and panics on another goroutine (where no recover
// can catch it): the log folder must then hold the line and the stack.
func TestCrashLeavesStack(t *testing.T) {
	if dir := os.Getenv(crashEnv); dir != "" {
		crashChild(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashLeavesStack$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child did not crash:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, Name))
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	for _, want := range []string{"before the crash", "panic: deliberate crash in a goroutine", "applog.crashChild"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}

func crashChild(dir string) {
	l, err := open(dir, 200, 3)
	if err != nil {
		panic(err)
	}
	if err := l.CaptureCrashes(); err != nil {
		panic(err)
	}
	lg := New(l)
	for range 5 { // rotations: the crash output must follow to the new file
		lg.Info("filler", "text", strings.Repeat("x", 80))
	}
	lg.Info("before the crash")
	done := make(chan struct{})
	go func() {
		defer close(done)
		panic("deliberate crash in a goroutine")
	}()
	<-done
}
