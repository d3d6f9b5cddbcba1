package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"copydesk/storage"
)

// WriteFile writes a backup of s to path. It is written beside path and
// renamed into place once synced, so a failed backup never leaves half a
// file under the name, nor replaces a good one.
func WriteFile(ctx context.Context, s storage.Store, path string, progress storage.Progress) (Summary, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Summary{}, err
	}
	defer os.Remove(tmp.Name())
	sum, err := Write(ctx, s, tmp, progress)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return sum, err
}

// RestoreDir restores the backup in file into the store open opens in dir
// (a new directory, or an empty database), then verifies it. A failed
// restore into a directory it created removes that directory: nothing is
// kept of it.
func RestoreDir(ctx context.Context, file, dir string, open func(dir string) (storage.Store, error), progress storage.Progress) (Summary, error) {
	f, err := os.Open(file)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	_, statErr := os.Stat(dir)
	created := errors.Is(statErr, os.ErrNotExist)
	sum, err := restoreInto(ctx, f, dir, open, progress)
	if err != nil && created {
		if rerr := os.RemoveAll(dir); rerr != nil {
			return Summary{}, fmt.Errorf("%w (and removing %s failed: %v)", err, dir, rerr)
		}
	}
	return sum, err
}

func restoreInto(ctx context.Context, f *os.File, dir string, open func(string) (storage.Store, error), progress storage.Progress) (Summary, error) {
	s, err := open(dir)
	if err != nil {
		return Summary{}, err
	}
	sum, err := Restore(ctx, f, s, progress)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return sum, err
}

// SizeText is a byte count as people read it: "650 KB", "13.4 MB".
func SizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
