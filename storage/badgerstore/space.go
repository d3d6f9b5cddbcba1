package badgerstore

// Badger writes through memory maps: its memtable and value-log files are
// created sparse at full size and filled through the map, so a disk that
// fills up does not fail a write() — the process takes SIGBUS and dies
// with a goroutine dump, in whatever goroutine touched the page. No
// recover reaches that. The only defence is not to write when the space
// the maps may fill is not there: the guard below refuses, with one clear
// line, to open for writing or to write while less than the floor is free.

import (
	"errors"
	"fmt"
)

// ErrNoSpace marks a write refused because the disk is (nearly) full.
var ErrNoSpace = errors.New("not enough free disk space")

// defaultMinFree is the floor: a memtable file (2 × 4 MB), a value-log
// file (2 × 16 MB) and room for compaction to write its tables, with
// margin. A desktop disk with less than this free is full in practice.
const defaultMinFree = 64 << 20

// NoSpaceError says how much space there is and how much is needed.
type NoSpaceError struct {
	Dir        string
	Free, Need int64
}

func (e *NoSpaceError) Error() string {
	return fmt.Sprintf("no space: %s free on the disk of %s, need at least %s; nothing was written: free some space and try again",
		mb(e.Free), e.Dir, mb(e.Need))
}

// Is makes errors.Is(err, ErrNoSpace) true.
func (e *NoSpaceError) Is(target error) bool { return target == ErrNoSpace }

func mb(n int64) string {
	if n < 0 {
		n = 0
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// minFree is the floor for opts: MinFreeBytes when set, else the default.
func (o Options) minFree() int64 {
	if o.MinFreeBytes != 0 {
		return o.MinFreeBytes
	}
	return defaultMinFree
}

// checkSpace refuses when dir's file system has less than need bytes
// free. A negative need turns the guard off; a file system that cannot
// tell its free space passes.
func checkSpace(dir string, need int64) error {
	if need < 0 {
		return nil
	}
	free, ok := freeBytes(dir)
	if !ok || free >= need {
		return nil
	}
	return &NoSpaceError{Dir: dir, Free: free, Need: need}
}
