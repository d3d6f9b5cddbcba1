// Package keyfile turns a passphrase into the key of an encrypted
// database. The database's key is random; a small header file in the
// database directory keeps it wrapped (AES-256-GCM) under a key derived
// from the passphrase with argon2id, with the salt and the KDF's
// parameters beside it. The GCM tag is the key check: a wrong passphrase
// is refused here, with a clear error, before Badger ever sees a key.
//
// Badger encrypts its files with data keys that it rotates itself (every
// ten days by default) and keeps, wrapped under the key it is opened with,
// in its KEYREGISTRY file. Changing the passphrase therefore rotates that
// master key: a new random key, Badger's registry re-wrapped under it (as
// `badger rotate` does), and a new header. The data keys, and so the data
// files, are not rewritten.
package keyfile

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/crypto/argon2"

	"copydesk/editor/fileio"
)

// FileName is the header file in the database directory.
const FileName = "copydesk.key"

// pendingName holds the next header while a passphrase change is under
// way; see Change.
const pendingName = FileName + ".next"

// KeyBytes is the size of the database key: AES-256.
const KeyBytes = 32

const (
	format  = "copydesk-key/1"
	kdfName = "argon2id"
)

// Params are argon2id's costs.
type Params struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// DefaultParams follow RFC 9106's second recommended choice (t=3,
// 64 MiB) with two lanes for a two-core laptop.
var DefaultParams = Params{Time: 3, MemoryKiB: 64 << 10, Threads: 2}

// Bounds on what a header may ask for, so that a damaged or hostile one
// cannot make every command take the machine's memory and minutes of CPU
// (a header asking for 4 GiB and 64 passes did). They allow eight times
// the defaults' memory and a few times their passes: a header this
// Copydesk wrote is always inside them.
const (
	maxTime      = 8
	maxMemoryKiB = 512 << 10 // 512 MiB
	minMemoryKiB = 8
	maxThreads   = 16
	// maxHeaderBytes bounds the header file itself: it is a few hundred
	// bytes of JSON.
	maxHeaderBytes = 64 << 10
)

func (p Params) check() error {
	if p.Time < 1 || p.Time > maxTime || p.MemoryKiB < minMemoryKiB || p.MemoryKiB > maxMemoryKiB || p.Threads < 1 || p.Threads > maxThreads {
		return fmt.Errorf("argon2id parameters t=%d m=%d KiB p=%d are outside what Copydesk accepts (t 1–%d, m %d KiB–%d MiB, p 1–%d)",
			p.Time, p.MemoryKiB, p.Threads, maxTime, minMemoryKiB, maxMemoryKiB>>10, maxThreads)
	}
	return nil
}

// header is the file's JSON.
type header struct {
	Format  string    `json:"format"`
	KDF     string    `json:"kdf"`
	Params  Params    `json:"params"`
	Salt    []byte    `json:"salt"`
	Nonce   []byte    `json:"nonce"`
	Wrapped []byte    `json:"wrapped_key"` // the database key sealed with AES-256-GCM
	Created time.Time `json:"created"`
}

// aad binds the parameters to the wrapped key: changing any of them in
// the file makes the key fail to unwrap.
func (h header) aad() []byte {
	return fmt.Appendf(nil, "%s %s t=%d m=%d p=%d salt=%x", h.Format, h.KDF, h.Params.Time, h.Params.MemoryKiB, h.Params.Threads, h.Salt)
}

// ErrWrongPassphrase is returned when the passphrase does not unlock the
// key. errors.Is holds for the *PassphraseError Unlock returns.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// PassphraseError names the database whose key would not unlock.
type PassphraseError struct{ Path string }

func (e *PassphraseError) Error() string {
	return fmt.Sprintf("wrong passphrase for the encrypted database %s (or its key file %s was altered)", filepath.Dir(e.Path), filepath.Base(e.Path))
}

// Is makes errors.Is(err, ErrWrongPassphrase) true.
func (e *PassphraseError) Is(target error) bool { return target == ErrWrongPassphrase }

// Exists reports whether dir holds a key header, i.e. is encrypted. A
// database whose files are encrypted but whose header is gone gives a
// *MissingKeyError (opening it without a key would only say the key "does
// not match"), and a folder the user may not read an error that says so
// and what to do.
func Exists(dir string) (bool, error) {
	path := filepath.Join(dir, FileName)
	_, err := os.Stat(path)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		if registryEncrypted(dir) {
			return false, &MissingKeyError{Dir: dir}
		}
		return false, nil
	case errors.Is(err, fs.ErrPermission):
		return false, permissionError(dir, err)
	}
	return false, fmt.Errorf("cannot check for the key file %s: %w", path, err)
}

// MissingKeyError is an encrypted database without its key header.
type MissingKeyError struct{ Dir string }

func (e *MissingKeyError) Error() string {
	return fmt.Sprintf("database %s is encrypted but its key file %s is missing: put back %s from a copy of the folder (without it the database cannot be read), or restore a backup into a new folder",
		e.Dir, FileName, FileName)
}

// registryName is Badger's key registry. Its header is a 16-byte IV and
// the text "Hello Badger", XORed with the database key when there is one:
// any other text there means the files are encrypted.
const registryName = "KEYREGISTRY"

func registryEncrypted(dir string) bool {
	f, err := os.Open(filepath.Join(dir, registryName))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16+len("Hello Badger"))
	if _, err := io.ReadFull(f, head); err != nil {
		return false // too short to say: Badger will name the damage
	}
	return string(head[16:]) != "Hello Badger"
}

// permissionError explains a database folder the user may not read: whose
// it is, and what to do.
func permissionError(dir string, err error) error {
	who := ""
	if owner := ownerOf(dir); owner != "" {
		who = " (it belongs to " + owner + ")"
	}
	return fmt.Errorf("cannot read the database folder %s: permission denied%s; run Copydesk as the folder's owner, have them give you access (chmod/chown), or choose your own desk with --db DIR (%w)", dir, who, err)
}

// NewKey returns a fresh random database key.
func NewKey() []byte {
	k := make([]byte, KeyBytes)
	if _, err := rand.Read(k); err != nil {
		panic("keyfile: the system's random source failed: " + err.Error())
	}
	return k
}

// derive is the key-encryption key for passphrase under h's salt and
// parameters.
func derive(passphrase []byte, h header) []byte {
	return argon2.IDKey(passphrase, h.Salt, h.Params.Time, h.Params.MemoryKiB, h.Params.Threads, KeyBytes)
}

func seal(passphrase, key []byte, p Params) ([]byte, error) {
	if len(passphrase) == 0 {
		return nil, errors.New("the passphrase is empty")
	}
	if len(key) != KeyBytes {
		return nil, fmt.Errorf("the database key is %d bytes, want %d", len(key), KeyBytes)
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	h := header{Format: format, KDF: kdfName, Params: p, Salt: make([]byte, 16), Nonce: make([]byte, 12), Created: time.Now().UTC().Round(time.Second)}
	if _, err := rand.Read(h.Salt); err != nil {
		return nil, err
	}
	if _, err := rand.Read(h.Nonce); err != nil {
		return nil, err
	}
	gcm, err := newGCM(derive(passphrase, h))
	if err != nil {
		return nil, err
	}
	h.Wrapped = gcm.Seal(nil, h.Nonce, key, h.aad())
	return json.MarshalIndent(h, "", "  ")
}

func newGCM(kek []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// open unwraps the key in the header file at path.
func open(path string, passphrase []byte) ([]byte, error) {
	data, err := fileio.ReadRegular(path, maxHeaderBytes)
	if err != nil {
		return nil, fmt.Errorf("reading the key file: %w", err)
	}
	return openData(path, data, passphrase)
}

// openData unwraps the key in data, the header read from path.
func openData(path string, data, passphrase []byte) ([]byte, error) {
	var h header
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, fmt.Errorf("the key file %s is damaged (%v): restore it from a copy; without it the database cannot be read", path, err)
	}
	if h.Format != format || h.KDF != kdfName {
		return nil, fmt.Errorf("the key file %s is %q with KDF %q; this Copydesk reads %q with %q", path, h.Format, h.KDF, format, kdfName)
	}
	if err := h.Params.check(); err != nil {
		// Checked before any key is derived: deriving is what costs.
		return nil, fmt.Errorf("the key file %s is damaged or hostile: its %w; restore copydesk.key from a copy (the database cannot be read without it)", path, err)
	}
	if len(h.Salt) < 16 || len(h.Nonce) != 12 || len(h.Wrapped) != KeyBytes+16 {
		return nil, fmt.Errorf("the key file %s is damaged: its salt, nonce or wrapped key has the wrong length", path)
	}
	gcm, err := newGCM(derive(passphrase, h))
	if err != nil {
		return nil, err
	}
	key, err := gcm.Open(nil, h.Nonce, h.Wrapped, h.aad())
	if err != nil {
		return nil, &PassphraseError{Path: path}
	}
	return key, nil
}

// Seal writes the header for key, wrapped under passphrase, into dir. It
// refuses to replace an existing header: that would lose the key.
func Seal(dir string, passphrase, key []byte, p Params) error {
	data, err := seal(passphrase, key, p)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, FileName)
	// A plain check, not Exists: the header of a database being made
	// encrypted is written after Badger has begun its files.
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		if err == nil {
			err = fmt.Errorf("%s already exists: the database is already encrypted", path)
		}
		return err
	}
	return writeFileSync(path, data)
}

// Unlock returns the database key of dir for passphrase. A wrong one
// gives a *PassphraseError. If a passphrase change was interrupted, Unlock
// finishes or undoes it, whichever the database's state calls for.
func Unlock(dir string, passphrase []byte) ([]byte, error) {
	if _, err := os.Stat(filepath.Join(dir, pendingName)); err == nil {
		return recoverChange(dir, passphrase)
	}
	return open(filepath.Join(dir, FileName), passphrase)
}

// writeFileSync writes path through a temporary file and a rename, and
// syncs both the file and the directory, so the header is never half
// written. The temporary file is new (O_EXCL, a random name, mode 0600):
// a symlink planted at a predictable name is never followed.
func writeFileSync(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
