package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWindowLog: the window's log is made under $XDG_STATE_HOME, the
// stores and slog.Default write to it while the window is open, a panic
// guarded recovers leaves its stack there, and closing puts slog back.
func TestWindowLog(t *testing.T) {
	state := t.TempDir()
	var stderr bytes.Buffer
	e := &env{io: stdio{err: &stderr}, getenv: func(k string) string {
		return map[string]string{"XDG_STATE_HOME": state, "HOME": t.TempDir()}[k]
	}, dbDir: t.TempDir()}
	prev := slog.Default()
	dir, closeLog := e.openLog()
	if want := filepath.Join(state, "copydesk"); dir != want {
		t.Errorf("log folder %q; want %q", dir, want)
	}
	if e.logger == nil || slog.Default() != e.logger {
		t.Error("the stores and slog.Default do not write to the log")
	}
	slog.Error("shown to the user", "err", "disk full")
	var out bytes.Buffer
	if code := guarded(&out, func() int { panic("deliberate") }); code != exitUser {
		t.Errorf("guarded: exit %d", code)
	}
	if !strings.Contains(out.String(), filepath.Join(dir, "copydesk.log")) {
		t.Errorf("the crash message does not name the log: %s", out.String())
	}
	closeLog()
	if slog.Default() != prev || windowLog.Load() != nil {
		t.Error("closing the window's log left slog.Default or guarded on it")
	}
	data, err := os.ReadFile(filepath.Join(dir, "copydesk.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"window opening", `err="disk full"`, "panic: deliberate", "goroutine ", "window closed"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the log lacks %q:\n%s", want, data)
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
}
