// Package applog is the window's log: a small text file a user can attach
// to a bug report. It lives in the user's state directory
// ($XDG_STATE_HOME/copydesk, else ~/.local/state/copydesk), is rotated by
// size (copydesk.log at MaxSize becomes copydesk.log.1, keeping Keep old
// files), and takes the runtime's crash output too (debug.SetCrashOutput),
// so a crash leaves its stack after the last lines the window logged.
//
// It knows no Fyne: cmd/copydesk sets it up before the window opens and
// hands the logger to the stores.
package applog

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
)

// Name is the log file's name in its directory.
const Name = "copydesk.log"

// The rotation: small enough to attach to a mail, enough to hold a day.
const (
	MaxSize = 1 << 20 // bytes; a write that would pass it rotates first
	Keep    = 3       // copydesk.log.1 … copydesk.log.3
)

// Dir is the log's directory: $XDG_STATE_HOME/copydesk when that is set
// (and absolute, as the XDG spec asks), else ~/.local/state/copydesk.
func Dir(getenv func(string) string) (string, error) {
	if s := getenv("XDG_STATE_HOME"); filepath.IsAbs(s) {
		return filepath.Join(s, "copydesk"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither $XDG_STATE_HOME nor $HOME is set: there is nowhere to keep the log")
	}
	return filepath.Join(home, ".local", "state", "copydesk"), nil
}

// File is the rotating log file; it is an io.Writer safe for concurrent
// use. The zero value is not usable: call Open.
type File struct {
	dir     string
	max     int64
	keep    int
	mu      sync.Mutex
	f       *os.File
	size    int64
	crashes bool // the runtime's crash output goes to f (CaptureCrashes)
}

// Open opens (creating it and its directory) the log in dir, rotating it
// first when it is already full.
func Open(dir string) (*File, error) {
	return open(dir, MaxSize, Keep)
}

func open(dir string, max int64, keep int) (*File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the log folder: %w", err)
	}
	l := &File{dir: dir, max: max, keep: keep}
	if err := l.openCurrent(); err != nil {
		return nil, err
	}
	if l.size >= l.max {
		if err := l.rotate(); err != nil {
			l.f.Close()
			return nil, err
		}
	}
	return l, nil
}

// Path is the current log file's path.
func (l *File) Path() string { return filepath.Join(l.dir, Name) }

func (l *File) openCurrent() error {
	f, err := os.OpenFile(l.Path(), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("cannot open the log: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("cannot read the log's size: %w", err)
	}
	l.f, l.size = f, fi.Size()
	return nil
}

// Write appends p, rotating first when p would take the file past its
// size (a single write larger than that still goes to a fresh file whole).
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return 0, os.ErrClosed
	}
	if l.size > 0 && l.size+int64(len(p)) > l.max {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

// rotate shifts copydesk.log.N to .N+1 (dropping the oldest), the current
// file to .1, and starts an empty one. Called with mu held (or before the
// File is shared).
func (l *File) rotate() error {
	if err := l.f.Close(); err != nil {
		return err
	}
	base := l.Path()
	if err := os.Remove(base + "." + strconv.Itoa(l.keep)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for i := l.keep - 1; i >= 1; i-- {
		err := os.Rename(base+"."+strconv.Itoa(i), base+"."+strconv.Itoa(i+1))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(base, base+".1"); err != nil {
		return err
	}
	if err := l.openCurrent(); err != nil {
		l.f = nil
		return err
	}
	if l.crashes {
		return debug.SetCrashOutput(l.f, debug.CrashOptions{})
	}
	return nil
}

// CaptureCrashes sends the runtime's crash output — an unrecovered panic
// on any goroutine, a fatal error — to the log as well as to stderr, and
// keeps it following the log across rotations.
func (l *File) CaptureCrashes() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.crashes = true
	return debug.SetCrashOutput(l.f, debug.CrashOptions{})
}

// Close closes the file; crash output already set keeps going to it (the
// runtime holds its own descriptor).
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// New is the logger that writes to w: text lines, Info and above.
func New(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
