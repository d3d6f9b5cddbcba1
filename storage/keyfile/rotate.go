package keyfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// lockName is the file badgerstore holds an flock on while a store is
// open (badgerstore's lockFileName). Change takes the same lock, so it
// never re-keys a database in use.
const lockName = "copydesk.lock"

// Change changes the passphrase of the encrypted database in dir, which
// must not be open, and rotates its key. In three steps, each atomic:
//
//  1. the next header (a new random key under the new passphrase) is
//     written to copydesk.key.next;
//  2. Badger's KEYREGISTRY is re-wrapped under the new key;
//  3. copydesk.key.next replaces copydesk.key.
//
// A crash between 1 and 3 leaves both headers; Unlock then looks at which
// key the registry takes and finishes or undoes the change.
func Change(dir string, oldPass, newPass []byte, p Params) error {
	unlock, err := lockDB(dir)
	if err != nil {
		return err
	}
	defer unlock()
	oldKey, err := Unlock(dir, oldPass)
	if err != nil {
		return err
	}
	if len(newPass) == 0 {
		return errors.New("the new passphrase is empty")
	}
	newKey, err := prepareChange(dir, oldKey, newPass, p)
	if err != nil {
		return err
	}
	if err := rewrapRegistry(dir, oldKey, newKey); err != nil {
		os.Remove(filepath.Join(dir, pendingName))
		return err
	}
	return commitChange(dir)
}

// prepareChange is step 1: the next header, beside the current one.
func prepareChange(dir string, oldKey, newPass []byte, p Params) ([]byte, error) {
	if err := registryTakes(dir, oldKey); err != nil {
		return nil, err
	}
	newKey := NewKey()
	data, err := seal(newPass, newKey, p)
	if err != nil {
		return nil, err
	}
	return newKey, writeFileSync(filepath.Join(dir, pendingName), data)
}

// commitChange is step 3.
func commitChange(dir string) error {
	if err := os.Rename(filepath.Join(dir, pendingName), filepath.Join(dir, FileName)); err != nil {
		return err
	}
	return syncDir(dir)
}

// rewrapRegistry is step 2: Badger's own key rotation (what `badger
// rotate` does): read the registry with the old key, write it under the
// new one through a temporary file and a rename.
func rewrapRegistry(dir string, oldKey, newKey []byte) error {
	opt := badger.KeyRegistryOptions{Dir: dir, ReadOnly: true, EncryptionKey: oldKey, EncryptionKeyRotationDuration: 10 * 24 * time.Hour}
	kr, err := badger.OpenKeyRegistry(opt)
	if err != nil {
		return fmt.Errorf("reading the database's key registry: %w", err)
	}
	defer kr.Close()
	opt.EncryptionKey = newKey
	opt.ReadOnly = false
	if err := badger.WriteKeyRegistry(kr, opt); err != nil {
		return fmt.Errorf("re-keying the database's key registry: %w", err)
	}
	return nil
}

// errRegistryKey says the registry is not under the key tried.
var errRegistryKey = errors.New("the key registry is not under this key")

// registryTakes checks that Badger's KEYREGISTRY in dir is wrapped under
// key.
func registryTakes(dir string, key []byte) error {
	if _, err := os.Stat(filepath.Join(dir, badger.KeyRegistryFileName)); err != nil {
		return fmt.Errorf("database %s has no %s: it was never opened encrypted (%w)", dir, badger.KeyRegistryFileName, err)
	}
	kr, err := badger.OpenKeyRegistry(badger.KeyRegistryOptions{Dir: dir, ReadOnly: true, EncryptionKey: key})
	if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
		return errRegistryKey
	}
	if err != nil {
		return fmt.Errorf("reading the database's key registry: %w", err)
	}
	return kr.Close()
}

// recoverChange settles an interrupted Change: whichever header the
// passphrase opens, its key must also be the one the registry is under.
func recoverChange(dir string, passphrase []byte) ([]byte, error) {
	cur, next := filepath.Join(dir, FileName), filepath.Join(dir, pendingName)
	if key, err := open(next, passphrase); err == nil {
		switch err := registryTakes(dir, key); {
		case err == nil: // step 2 was done: finish step 3
			return key, commitChange(dir)
		case errors.Is(err, errRegistryKey):
			return nil, fmt.Errorf("a passphrase change of %s was interrupted before the database was re-keyed: give the old passphrase", dir)
		default:
			return nil, err
		}
	}
	key, err := open(cur, passphrase)
	if err != nil {
		return nil, err
	}
	switch err := registryTakes(dir, key); {
	case err == nil: // step 2 was not done: undo step 1
		return key, errors.Join(os.Remove(next), syncDir(dir))
	case errors.Is(err, errRegistryKey):
		return nil, fmt.Errorf("a passphrase change of %s was interrupted after the database was re-keyed: give the new passphrase", dir)
	default:
		return nil, err
	}
}
