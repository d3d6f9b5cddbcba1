//go:build !unix

package badgerstore

import (
	"os"
	"strconv"
	"strings"
)

// Without flock the store relies on Badger's own directory lock, whose
// refusal Open turns into a *storage.LockedError.
type dirLock struct{}

func lockDir(string, bool) (*dirLock, error) { return &dirLock{}, nil }

func (l *dirLock) release() error { return nil }

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

func livePID(pid int) int { return pid }
