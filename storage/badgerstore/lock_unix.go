//go:build unix

package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"copydesk/storage"
)

// dirLock is a held lock on a database directory.
type dirLock struct {
	f         *os.File
	exclusive bool
}

// lockDir takes the directory's lock: exclusive for a writer, shared for a
// reader. flock locks belong to the open file, so a second Open in the
// same process is refused just as one from another process is.
func lockDir(dir string, readOnly bool) (*dirLock, error) {
	path := filepath.Join(dir, lockFileName)
	flag := os.O_RDWR | os.O_CREATE
	if readOnly {
		flag = os.O_RDONLY
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		if readOnly && errors.Is(err, os.ErrNotExist) {
			if _, serr := os.Stat(filepath.Join(dir, manifestName)); serr == nil {
				// The lock file was deleted (or not copied), and a reader
				// must not create it: Badger's own shared lock on the
				// directory still keeps writers out.
				return &dirLock{}, nil
			}
			return nil, fmt.Errorf("database %s cannot be opened read-only: it is not a Copydesk database, or it was never opened for writing", dir)
		}
		return nil, fmt.Errorf("database %s: taking the lock: %w", dir, err)
	}
	how := syscall.LOCK_EX
	if readOnly {
		how = syscall.LOCK_SH
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &storage.LockedError{Path: dir, PID: livePID(readPID(path))}
		}
		return nil, fmt.Errorf("database %s: taking the lock: %w", dir, err)
	}
	l := &dirLock{f: f, exclusive: !readOnly}
	if l.exclusive {
		// Readers share the lock and do not write: the pid is the writer's.
		if err := l.writePID(os.Getpid()); err != nil {
			l.release()
			return nil, fmt.Errorf("database %s: writing the lock file: %w", dir, err)
		}
	}
	return l, nil
}

func (l *dirLock) writePID(pid int) error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	s := ""
	if pid > 0 {
		s = strconv.Itoa(pid) + "\n"
	}
	_, err := l.f.WriteAt([]byte(s), 0)
	return err
}

// release empties the pid (so a later refusal names no stale process)
// and drops the lock.
func (l *dirLock) release() error {
	if l == nil || l.f == nil {
		return nil
	}
	if l.exclusive {
		_ = l.writePID(0)
	}
	err := l.f.Close() // closing the last descriptor drops the flock
	l.f = nil
	return err
}

// readPID reads a pid written by lockDir or by Badger (its LOCK file);
// 0 when there is none.
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// livePID returns pid if such a process exists, else 0: after a crash the
// file may still name a process that is gone.
func livePID(pid int) int {
	if pid <= 0 {
		return 0
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return 0
	}
	return pid
}
