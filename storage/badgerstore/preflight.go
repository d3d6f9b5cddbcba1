package badgerstore

// Badger trusts its directory: with MANIFEST gone it starts a new database
// and deletes every table it does not know; a table cut short panics in a
// goroutine of badger.Open (no recover can reach it); a table whose index
// fails its checksum is skipped with a log line, its stories silently gone;
// an encrypted database without KEYREGISTRY gets fresh keys and cannot
// read its own tables. So before Badger sees a directory, preflight checks
// what each of those needs, and refuses with the file's name, changing
// nothing.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
	"google.golang.org/protobuf/proto"
)

// ErrDamaged marks a database whose files Copydesk will not hand to Badger.
var ErrDamaged = errors.New("the database is damaged")

// damagedError names the damaged file and what to do.
type damagedError struct {
	dir, file, what string
}

func (e *damagedError) Error() string {
	return fmt.Sprintf("database %s is damaged: %s %s. Nothing was changed or deleted; "+
		"restore the desk from a backup into a new directory (copydesk restore FILE --db NEWDIR), "+
		"or keep a copy of the directory for recovery", e.dir, e.file, e.what)
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *damagedError) Is(target error) bool { return target == ErrDamaged }

// manifestName is the file that says which tables make the database.
const manifestName = "MANIFEST"

// preflight refuses a directory Badger would empty or choke on. It reads
// only; a directory without any database files passes (a new database).
func preflight(dir string, opts Options) (err error) {
	defer func() {
		// The checks below parse files that may hold anything; whatever
		// they miss must not take the process down.
		if r := recover(); r != nil {
			err = &damagedError{dir: dir, file: "a file", what: fmt.Sprintf("cannot be read (%v)", r)}
		}
	}()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading database directory: %w", err)
	}
	var data []string
	hasManifest, hasRegistry := false, false
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == manifestName:
			hasManifest = true
		case name == badger.KeyRegistryFileName:
			hasRegistry = true
		case strings.HasSuffix(name, ".sst"):
			data = append(data, name)
		case strings.HasSuffix(name, ".vlog"), strings.HasSuffix(name, ".mem"):
			// Empty ones hold no write (removeEmptyLogs).
			if info, err := e.Info(); err == nil && info.Size() > 0 {
				data = append(data, name)
			}
		}
	}
	if len(data) == 0 {
		return nil
	}
	sort.Strings(data)
	if !hasManifest {
		return &damagedError{dir: dir, file: manifestName, what: fmt.Sprintf(
			"is missing while %s hold data; without it the database would be opened as a new, empty one and those files deleted",
			fileList(data))}
	}
	if len(opts.EncryptionKey) > 0 && !hasRegistry {
		return &damagedError{dir: dir, file: badger.KeyRegistryFileName, what: "is missing: it holds the keys the encrypted tables were written with, and nothing can be decrypted without it"}
	}
	return checkTables(dir, opts)
}

// fileList names up to three files.
func fileList(names []string) string {
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	return strings.Join(names, ", ")
}

// checkTables checks every table MANIFEST names: it must exist and its
// index must be whole (the same reads, in the same order, as Badger's
// table.OpenTable, but with bounds checked).
func checkTables(dir string, opts Options) error {
	f, err := os.Open(filepath.Join(dir, manifestName))
	if err != nil {
		return fmt.Errorf("database %s: reading %s: %w", dir, manifestName, err)
	}
	m, _, err := badger.ReplayManifestFile(f, 0, badgerOptions(dir, opts))
	f.Close()
	if err != nil {
		return &damagedError{dir: dir, file: manifestName, what: "cannot be read (" + err.Error() + ")"}
	}
	for id := range m.Tables {
		name := table.IDToFilename(id)
		if err := checkTableFile(filepath.Join(dir, name)); err != nil {
			return &damagedError{dir: dir, file: name, what: err.Error()}
		}
	}
	return nil
}

// checkTableFile checks one table's footer and the checksum of its index.
func checkTableFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return errors.New("is missing (MANIFEST names it)")
	}
	if err != nil {
		return fmt.Errorf("cannot be opened: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot be read: %w", err)
	}
	size := st.Size()
	cut := fmt.Errorf("is cut short or overwritten (%d bytes; its index does not fit)", size)
	read := func(end, n int64) ([]byte, error) {
		if n < 0 || end-n < 0 || end > size {
			return nil, cut
		}
		buf := make([]byte, n)
		if _, err := f.ReadAt(buf, end-n); err != nil {
			return nil, fmt.Errorf("cannot be read: %w", err)
		}
		return buf, nil
	}
	pos := size
	buf, err := read(pos, 4)
	if err != nil {
		return err
	}
	pos -= 4
	sumLen := int64(y.BytesToU32(buf))
	buf, err = read(pos, sumLen)
	if err != nil {
		return err
	}
	pos -= sumLen
	var sum pb.Checksum
	if err := proto.Unmarshal(buf, &sum); err != nil {
		return cut
	}
	buf, err = read(pos, 4)
	if err != nil {
		return err
	}
	pos -= 4
	index, err := read(pos, int64(y.BytesToU32(buf)))
	if err != nil {
		return err
	}
	if err := y.VerifyChecksum(index, &sum); err != nil {
		return errors.New("fails its checksum (its index is damaged)")
	}
	return nil
}

// Exists reports whether dir holds a database (or what is left of one):
// a MANIFEST or any data file. A missing directory holds none.
func Exists(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading database directory: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == manifestName || strings.HasSuffix(name, ".sst") || strings.HasSuffix(name, ".vlog") || strings.HasSuffix(name, ".mem") {
			return true, nil
		}
	}
	return false, nil
}
