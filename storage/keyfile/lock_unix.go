//go:build unix

package keyfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockDB takes the database's lock for the length of a re-key, or says
// that the database is open.
func lockDB(dir string) (func(), error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("database %s: taking the lock: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("database %s is open in Copydesk: close it before changing the passphrase", dir)
		}
		return nil, fmt.Errorf("database %s: taking the lock: %w", dir, err)
	}
	return func() { f.Close() }, nil
}
