package storage

import (
	"errors"
	"fmt"
)

// Errors every store returns, to be tested with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already exists")
	ErrStale    = errors.New("the draft was changed elsewhere since it was opened")
	ErrClosed   = errors.New("the store is closed")
	ErrLocked   = errors.New("the database is already open in another process")
	ErrSchema   = errors.New("unsupported schema version")
)

// LockedError says which database is in use and by whom. errors.Is(err,
// ErrLocked) holds for it.
type LockedError struct {
	Path string
	PID  int // 0 when the holder could not be read
}

func (e *LockedError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("database %s is already open (pid %d): close the other Copydesk first", e.Path, e.PID)
	}
	return fmt.Sprintf("database %s is already open in another process: close the other Copydesk first", e.Path)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// SchemaError says that a database was written by another version of the
// program. errors.Is(err, ErrSchema) holds for it.
type SchemaError struct {
	Path      string
	Found     int // the database's schema version
	Supported int // the newest this program reads
}

func (e *SchemaError) Error() string {
	return fmt.Sprintf("database %s has schema version %d, but this Copydesk reads up to version %d: use a newer Copydesk", e.Path, e.Found, e.Supported)
}

// Is makes errors.Is(err, ErrSchema) true.
func (e *SchemaError) Is(target error) bool { return target == ErrSchema }

// NotFoundError names what was not found. errors.Is(err, ErrNotFound) holds.
type NotFoundError struct {
	What string // "article 0190…", "revision 7 of article 0190…"
}

func (e *NotFoundError) Error() string { return e.What + " not found" }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// NotFound is true: it is how the core, which does not import storage,
// tells an unset setting from a failed read (editor/check.SettingsReader).
func (e *NotFoundError) NotFound() bool { return true }
