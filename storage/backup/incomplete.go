package backup

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"copydesk/storage"
)

// IncompleteName is the file that marks a desk directory whose restore or
// migration has not finished. It is written and synced before the first
// article and removed, and the removal synced, only after the desk has
// been verified: a desk killed in between keeps it and refuses to open.
const IncompleteName = "copydesk.incomplete"

type incomplete struct {
	What    string    `json:"what"`
	Started time.Time `json:"started"`
	PID     int       `json:"pid"`
}

// MarkIncomplete marks dir incomplete: what fills it ("a restore of
// FILE", "a migration from DIR").
func MarkIncomplete(dir, what string) error {
	js, err := json.Marshal(incomplete{What: what, Started: time.Now().UTC().Round(time.Second), PID: os.Getpid()})
	if err != nil {
		return err
	}
	path := filepath.Join(dir, IncompleteName)
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("marking %s incomplete: %w", dir, err)
	}
	_, err = fh.Write(append(js, '\n'))
	if err == nil {
		err = fh.Sync()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		return fmt.Errorf("marking %s incomplete: %w", dir, err)
	}
	return nil
}

// MarkComplete removes the mark, durably.
func MarkComplete(dir string) error {
	if err := os.Remove(filepath.Join(dir, IncompleteName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return syncDir(dir)
}

// IncompleteError is a desk directory whose restore or migration did not
// finish.
type IncompleteError struct {
	Dir     string // or the shared store's URL, without its password
	Shared  bool
	What    string
	Started time.Time
}

func (e *IncompleteError) Error() string {
	when := ""
	if !e.Started.IsZero() {
		when = " started " + e.Started.Local().Format(time.DateTime)
	}
	if e.Shared {
		return fmt.Sprintf("the shared store %s is incomplete: %s%s did not finish, so it holds only part of what it should; do not use it — empty that database (or make a new one) and run the migration again", e.Dir, e.What, when)
	}
	return fmt.Sprintf("the desk %s is incomplete: %s%s did not finish, so it holds only part of what it should; do not use it — run the restore (or migration) again into a new folder, then remove %s", e.Dir, e.What, when, e.Dir)
}

// CheckComplete returns an *IncompleteError if dir is marked incomplete.
func CheckComplete(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, IncompleteName))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("the desk %s may be incomplete (%s cannot be read: %v)", dir, IncompleteName, err)
	}
	var m incomplete
	if json.Unmarshal(data, &m) != nil || m.What == "" {
		m.What = "a restore or migration"
	}
	return &IncompleteError{Dir: dir, What: m.What, Started: m.Started}
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// IncompleteSetting marks a shared store (which has no directory) whose
// migration has not finished, as IncompleteName marks a directory. It is
// set before the first article and emptied once the copy is verified;
// backups and migrations do not carry it.
const IncompleteSetting = "copydesk.incomplete"

// MarkStoreIncomplete marks s incomplete: what fills it.
func MarkStoreIncomplete(ctx context.Context, s storage.Store, what string) error {
	js, err := json.Marshal(incomplete{What: what, Started: time.Now().UTC().Round(time.Second), PID: os.Getpid()})
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, IncompleteSetting, js)
}

// MarkStoreComplete empties the mark (a store cannot delete a setting).
func MarkStoreComplete(ctx context.Context, s storage.Store) error {
	return s.SetSetting(ctx, IncompleteSetting, []byte{})
}

// CheckStoreComplete returns an *IncompleteError if s, called where in
// messages, is marked incomplete.
func CheckStoreComplete(ctx context.Context, s storage.Store, where string) error {
	v, err := s.Setting(ctx, IncompleteSetting)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && len(v) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	var m incomplete
	if json.Unmarshal(v, &m) != nil || m.What == "" {
		m.What = "a migration"
	}
	return &IncompleteError{Dir: where, Shared: true, What: m.What, Started: m.Started}
}
