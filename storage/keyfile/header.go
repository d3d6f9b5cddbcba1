package keyfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ReadHeader returns dir's key header as stored, for a backup to carry:
// with it, the passphrase alone opens the backup, and a desk restored
// from it keeps its key.
func ReadHeader(dir string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		return nil, fmt.Errorf("reading the key file: %w", err)
	}
	return data, nil
}

// UnlockHeader returns the key sealed in data, a key header that came
// from where (a backup file, for messages), for passphrase.
func UnlockHeader(where string, data, passphrase []byte) ([]byte, error) {
	return openData(where, data, passphrase)
}

// Install writes data, a key header, into dir, which must have none yet:
// the desk in dir is then encrypted with the key it seals. It is synced
// before it returns.
func Install(dir string, data []byte) error {
	if ok, err := Exists(dir); err != nil || ok {
		if err == nil {
			err = errors.New(filepath.Join(dir, FileName) + " already exists: the database is already encrypted")
		}
		return err
	}
	return writeFileSync(filepath.Join(dir, FileName), data)
}
