package formats

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, synced, then renamed over path, so an interrupted export never
// leaves half a file under the final name.
//
// The temporary file gets an unpredictable name and is created with
// O_EXCL: a name guessed in advance (the old "PATH.tmpPID") let another
// user of a shared folder plant a symlink there and have the export
// overwrite any file the exporter can write. O_EXCL refuses to open an
// existing name, symlinks included, so nothing planted is ever followed.
func WriteFileAtomic(path string, data []byte) error {
	f, err := createExclusive(path)
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// createExclusive creates a new file beside path (".NAME.RANDOM.tmp") that
// did not exist before, with mode 0644 less the umask, as os.WriteFile
// would give the final file.
func createExclusive(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for range 10 {
		var r [8]byte
		if _, err := rand.Read(r[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(r[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file beside %s: every name tried exists", path)
}
