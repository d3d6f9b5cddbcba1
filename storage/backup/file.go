package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/keyfile"
)

// WriteFile writes a backup of s to path. It is written beside path and
// renamed into place once synced, so a failed backup never leaves half a
// file under the name, nor replaces a good one.
func WriteFile(ctx context.Context, s storage.Store, path string, progress storage.Progress) (Summary, error) {
	return WriteFileWith(ctx, s, path, WriteOptions{Progress: progress})
}

// WriteFileWith is WriteFile with options.
func WriteFileWith(ctx context.Context, s storage.Store, path string, o WriteOptions) (Summary, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Summary{}, err
	}
	defer os.Remove(tmp.Name())
	sum, err := WriteWith(ctx, s, tmp, o)
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

// DirOptions are the choices of RestoreInto.
type DirOptions struct {
	// Passphrase opens an encrypted backup.
	Passphrase []byte
	// Plain makes a plain desk from an encrypted backup, which otherwise
	// makes an encrypted one (with the key and passphrase it had).
	Plain bool
	// Salvage restores every intact article of a damaged or altered
	// backup and lists the rest, instead of refusing the whole file.
	Salvage  bool
	Progress storage.Progress
	// Open opens, creating it if need be, the desk in dir with key (nil:
	// plain). The incomplete mark is there while it runs: Open must not
	// refuse it.
	Open func(dir string, key []byte) (storage.Store, error)
	// DirKey unlocks the key header an existing desk directory has, for
	// a backup restored into an empty encrypted desk (made with init
	// --encrypt).
	DirKey func(dir string) ([]byte, error)
}

// RestoreDir restores the backup in file into the store open opens in dir
// (a new directory, or an empty database), then verifies it. A failed
// restore into a directory it created removes that directory: nothing is
// kept of it. It cannot open an encrypted backup.
func RestoreDir(ctx context.Context, file, dir string, open func(dir string) (storage.Store, error), progress storage.Progress) (Summary, error) {
	return RestoreInto(ctx, file, dir, DirOptions{Progress: progress, Open: func(dir string, key []byte) (storage.Store, error) {
		if key != nil {
			return nil, errors.New("this restore cannot open an encrypted desk")
		}
		return open(dir)
	}})
}

// RestoreInto restores the backup in file into the desk directory dir.
// The file is read, decrypted and every article checked before dir is
// touched: a refused backup changes nothing. Then dir is marked incomplete
// (MarkIncomplete) until the restore has been verified, so a restore that
// is killed half-way leaves a desk that refuses to open rather than one
// that looks whole. A failure removes dir only if this restore created
// it; a directory that was there before keeps everything it had.
func RestoreInto(ctx context.Context, file, dir string, o DirOptions) (Summary, error) {
	fh, err := os.Open(file)
	if err != nil {
		return Summary{}, err
	}
	f, err := Open(fh, file, o.Passphrase)
	fh.Close()
	if err != nil {
		return Summary{}, err
	}
	c, err := f.Check()
	if err != nil {
		return Summary{}, err
	}
	if !c.OK() && !o.Salvage {
		return Summary{Skipped: c.Bad, HeadProblem: c.HeadProblem}, &RefusedError{Check: c}
	}
	_, statErr := os.Stat(dir)
	created := errors.Is(statErr, os.ErrNotExist)
	key, installed, err := prepareDir(f, dir, o)
	if err != nil {
		if created {
			os.RemoveAll(dir)
		}
		return Summary{}, err
	}
	sum, err := loadInto(ctx, f, c, dir, key, o)
	if err != nil && !created && installed {
		forgetKey(dir)
	}
	if err != nil && created {
		if rerr := os.RemoveAll(dir); rerr != nil {
			return sum, fmt.Errorf("%w (and removing %s failed: %v)", err, dir, rerr)
		}
	}
	return sum, err
}

// prepareDir makes dir ready for f: created, marked incomplete and, for
// an encrypted backup restored encrypted, given the desk's key header. It
// returns the key to open the desk with, and whether it installed the
// key header.
func prepareDir(f *File, dir string, o DirOptions) (key []byte, installed bool, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("cannot create the database directory: %w", err)
	}
	encryptedDir, err := keyfile.Exists(dir)
	if err != nil {
		return nil, false, err
	}
	_, manifestErr := os.Stat(filepath.Join(dir, "MANIFEST"))
	hasDesk := manifestErr == nil
	switch {
	case encryptedDir:
		if o.DirKey == nil {
			return nil, false, fmt.Errorf("%s is an encrypted desk: this restore cannot unlock it", dir)
		}
		key, err = o.DirKey(dir)
		return key, false, err
	case f.Encrypted() && !o.Plain && hasDesk:
		return nil, false, fmt.Errorf("the backup is of an encrypted desk and %s is a plain one: restore into a new folder (the desk will be encrypted, with the passphrase it had), or add --plain to make an unencrypted copy", dir)
	}
	if f.Encrypted() && !o.Plain {
		if err := keyfile.Install(dir, f.Sealed.KeyHeader); err != nil {
			return nil, false, err
		}
		return f.DeskKey, true, nil
	}
	return nil, false, nil
}

// forgetKey removes a key header this restore installed into a directory
// that then got no database: alone it unlocks nothing, and it would make
// the next restore there take the folder for an encrypted desk.
func forgetKey(dir string) {
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); errors.Is(err, os.ErrNotExist) {
		os.Remove(filepath.Join(dir, keyfile.FileName))
	}
}

func loadInto(ctx context.Context, f *File, c Check, dir string, key []byte, o DirOptions) (Summary, error) {
	s, err := o.Open(dir, key)
	if err != nil {
		return Summary{}, err
	}
	// The mark goes on only once the target is known to be empty: a
	// refused restore leaves a desk that was there as it was.
	st, err := s.Stats(ctx)
	if err == nil && (st.Articles > 0 || st.Revisions > 0) {
		err = fmt.Errorf("restore into %s: it holds %s and %s: %w; restore into a new directory", st.Location, editor.Plural(st.Articles, "article"), editor.Plural(st.Revisions, "revision"), ErrNotEmpty)
	}
	if err == nil {
		err = MarkIncomplete(dir, "a restore of "+f.name)
	}
	if err != nil {
		s.Close()
		return Summary{}, err
	}
	sum, err := f.Load(ctx, s, c, o.Progress)
	if err == nil {
		_, err = NoteDesk(ctx, s, dir, "restored from "+f.name)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = MarkComplete(dir)
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
