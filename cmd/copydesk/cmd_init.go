package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"copydesk/editor/fileio"
	"copydesk/storage"
	"copydesk/storage/keyfile"
)

// The environment variables that name passphrase files: the command line
// never takes a passphrase as an argument (it would show in ps and in the
// shell's history).
const (
	envPassphraseFile    = "COPYDESK_PASSPHRASE_FILE"
	envNewPassphraseFile = "COPYDESK_NEW_PASSPHRASE_FILE"
)

func init() {
	register(command{"init", "[--encrypt]", "create the database; --encrypt protects it with a passphrase read from $" + envPassphraseFile, cmdInit})
	register(command{"passphrase", "[--new-file FILE]", "change the passphrase of an encrypted database (and rotate its key); the old one from $" + envPassphraseFile, cmdPassphrase})
}

// cmdInit: copydesk init [--encrypt]
func cmdInit(e *env, args []string) error {
	fs := e.newFlags("init")
	encrypt := fs.Bool("encrypt", false, "encrypt the database with a key protected by the passphrase in $"+envPassphraseFile)
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(e.dbDir, "MANIFEST")); err == nil {
		return fmt.Errorf("%s already holds a database", e.dbDir)
	}
	var pass []byte
	if *encrypt {
		if pass, err = e.passphrase(envPassphraseFile); err != nil {
			return err
		}
	}
	start := time.Now()
	s, err := e.createDesk(pass)
	if err == nil {
		err = s.Close()
	}
	if err != nil {
		return err
	}
	if !*encrypt {
		fmt.Fprintf(e.io.err, "created database %s\n", e.dbDir)
		return nil
	}
	fmt.Fprintf(e.io.err, "created encrypted database %s (key derivation %v). Keep the passphrase safe: without it nothing in the database can be read.\n",
		e.dbDir, time.Since(start).Round(time.Millisecond))
	return nil
}

// createDesk makes a new database in the desk's directory and opens it:
// encrypted under pass, or plain when pass is nil. The window's first run
// calls it too.
func (e *env) createDesk(pass []byte) (storage.Store, error) {
	if err := os.MkdirAll(e.dbDir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the database directory: %w", err)
	}
	var key []byte
	if pass != nil {
		key = keyfile.NewKey()
		// The key header first: a crash after it leaves a header and no
		// database (create it again), never a database nobody can unlock.
		if err := keyfile.Seal(e.dbDir, pass, key, keyfile.DefaultParams); err != nil {
			return nil, err
		}
	}
	s, err := e.openWithKey(key)
	if err != nil && pass != nil {
		os.Remove(filepath.Join(e.dbDir, keyfile.FileName))
	}
	return s, err
}

// cmdPassphrase: copydesk passphrase [--new-file FILE]
func cmdPassphrase(e *env, args []string) error {
	fs := e.newFlags("passphrase")
	newFile := fs.String("new-file", "", "file holding the new passphrase (default $"+envNewPassphraseFile+")")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	if ok, err := keyfile.Exists(e.dbDir); err != nil || !ok {
		if err == nil {
			err = fmt.Errorf("database %s is not encrypted: to encrypt one, back it up, run init --encrypt on a new directory and restore into it", e.dbDir)
		}
		return err
	}
	oldPass, err := e.passphrase(envPassphraseFile)
	if err != nil {
		return err
	}
	if *newFile != "" {
		e.getenv = overlay(e.getenv, envNewPassphraseFile, *newFile)
	}
	newPass, err := e.passphrase(envNewPassphraseFile)
	if err != nil {
		return err
	}
	if bytes.Equal(oldPass, newPass) {
		return errors.New("the new passphrase is the same as the old one")
	}
	if err := keyfile.Change(e.dbDir, oldPass, newPass, keyfile.DefaultParams); err != nil {
		return err
	}
	fmt.Fprintf(e.io.err, "changed the passphrase of %s and rotated its key\n", e.dbDir)
	return nil
}

// databaseKey is the key of an encrypted database (nil for a plain one),
// unlocked with the passphrase from $COPYDESK_PASSPHRASE_FILE.
func (e *env) databaseKey() ([]byte, error) {
	ok, err := keyfile.Exists(e.dbDir)
	if err != nil || !ok {
		return nil, err
	}
	pass, err := e.passphrase(envPassphraseFile)
	if err != nil {
		return nil, err
	}
	return keyfile.Unlock(e.dbDir, pass)
}

// maxPassphraseFile bounds a passphrase file: a passphrase is a line, and
// a variable pointing at /dev/zero or a video must not be read whole.
const maxPassphraseFile = 4 << 10

// passphrase reads the file the environment variable names: a regular
// file of at most 4 KB (fileio.ReadRegular refuses a pipe or a device
// before reading). One final line break is not part of the passphrase.
func (e *env) passphrase(variable string) ([]byte, error) {
	path := e.getenv(variable)
	if path == "" {
		return nil, fmt.Errorf("database %s is encrypted or to be encrypted: put the passphrase in a file only you can read and set %s to its path", e.dbDir, variable)
	}
	data, err := fileio.ReadRegular(path, maxPassphraseFile)
	if err != nil {
		return nil, fmt.Errorf("reading the passphrase (%s): %w", variable, err)
	}
	data = bytes.TrimSuffix(bytes.TrimSuffix(data, []byte("\n")), []byte("\r"))
	if len(data) == 0 {
		return nil, fmt.Errorf("the passphrase file %s (%s) is empty", path, variable)
	}
	return data, nil
}

// overlay returns getenv with one variable set.
func overlay(getenv func(string) string, name, value string) func(string) string {
	return func(k string) string {
		if k == name {
			return value
		}
		return getenv(k)
	}
}
