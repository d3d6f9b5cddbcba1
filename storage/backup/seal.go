package backup

// Encryption of a backup of an encrypted desk. A backup is where sources
// leak: it is copied to USB sticks and shared drives, so it is kept as
// secret as the desk.
//
// Keys: the desk's key K (random, kept in the desk's copydesk.key sealed
// under the passphrase with argon2id) is the root. Each backup has a
// random 16-byte file ID; HKDF-SHA256(K, salt = file ID) gives the body
// key ("copydesk backup body v2") and the header key ("copydesk backup
// header v2"). The desk's head is keyed with storage.HeadKey(K), the same
// key `copydesk verify --head` uses, so a backup's fingerprint and its
// desk's agree. The header carries the desk's copydesk.key as it was: the
// passphrase unwraps K from it, and a desk restored from the backup keeps
// K, sealed under the same passphrase.
//
// The compressed body is cut into chunks of chunkSize, each sealed with
// AES-256-GCM; its nonce is the file's nonce prefix and the chunk's
// number, and its additional data the file ID, the number and whether it
// is the last, so chunks cannot be reordered, dropped or cut off. The
// header's JSON, with MAC empty, is signed with HMAC-SHA256 under the
// header key: counts, head and damage count cannot be changed either.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"copydesk/storage"
	"copydesk/storage/keyfile"
)

// chunkSize is how much compressed body one GCM seal covers.
const chunkSize = 1 << 20

// Sealed describes an encrypted body.
type Sealed struct {
	Cipher string `json:"cipher"` // "aes-256-gcm-chunked"
	// KeyHeader is the desk's copydesk.key when the backup was made.
	KeyHeader json.RawMessage `json:"key_header"`
	FileID    []byte          `json:"file_id"`
	Nonce     []byte          `json:"nonce_prefix"`
	Chunk     int             `json:"chunk_bytes"`
	// MAC is HMAC-SHA256 of the header's JSON with MAC empty.
	MAC []byte `json:"mac,omitempty"`
}

const cipherName = "aes-256-gcm-chunked"

// Key is an encrypted desk's key and its sealed header, what Write needs
// to seal a backup.
type Key struct {
	Desk   []byte // the desk's key
	Header []byte // the desk's copydesk.key as stored
}

// ErrNeedPassphrase is returned for an encrypted backup opened without a
// passphrase.
var ErrNeedPassphrase = errors.New("the backup is encrypted: it needs the passphrase of the desk it was made from")

// sealer holds a backup's derived keys.
type sealer struct {
	body   cipher.AEAD
	header []byte
	head   []byte
	s      *Sealed
}

func newSealer(desk []byte, s *Sealed) (*sealer, error) {
	bodyKey, err := hkdf.Key(sha256.New, desk, s.FileID, "copydesk backup body v2", 32)
	if err != nil {
		return nil, err
	}
	headerKey, err := hkdf.Key(sha256.New, desk, s.FileID, "copydesk backup header v2", 32)
	if err != nil {
		return nil, err
	}
	headKey, err := storage.HeadKey(desk)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(bodyKey)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{body: gcm, header: headerKey, head: headKey, s: s}, nil
}

// newSealed starts the Sealed of a new backup of the desk with key k.
func newSealed(k Key) (*sealer, error) {
	if len(k.Header) == 0 || !json.Valid(k.Header) {
		return nil, errors.New("the desk's key header is missing or not JSON")
	}
	s := &Sealed{Cipher: cipherName, KeyHeader: k.Header, FileID: make([]byte, 16), Nonce: make([]byte, 4), Chunk: chunkSize}
	if _, err := rand.Read(s.FileID); err != nil {
		return nil, err
	}
	if _, err := rand.Read(s.Nonce); err != nil {
		return nil, err
	}
	return newSealer(k.Desk, s)
}

// openSealed unwraps the desk key from h's key header with passphrase
// and checks the header's MAC.
func openSealed(file string, h Header, passphrase []byte) (*sealer, []byte, error) {
	s := h.Sealed
	if s.Cipher != cipherName || len(s.FileID) != 16 || len(s.Nonce) != 4 || s.Chunk < 1024 || s.Chunk > 64<<20 {
		return nil, nil, fmt.Errorf("the backup %s is encrypted with %q (file ID %d bytes, nonce %d, chunks of %d): this Copydesk reads %q", file, s.Cipher, len(s.FileID), len(s.Nonce), s.Chunk, cipherName)
	}
	if len(passphrase) == 0 {
		return nil, nil, ErrNeedPassphrase
	}
	desk, err := keyfile.UnlockHeader(file, s.KeyHeader, passphrase)
	if errors.Is(err, keyfile.ErrWrongPassphrase) {
		return nil, nil, fmt.Errorf("wrong passphrase for the encrypted backup %s (or its header was altered): use the passphrase the desk had when the backup was made", file)
	}
	if err != nil {
		return nil, nil, err
	}
	sl, err := newSealer(desk, s)
	if err != nil {
		return nil, nil, err
	}
	if !hmac.Equal(sl.headerMAC(h), s.MAC) {
		return nil, nil, &TamperError{What: "the encrypted backup does not match its MAC: its header or body was changed by someone without the passphrase"}
	}
	return sl, desk, nil
}

// headerMAC signs h as written, with the MAC left out.
func (sl *sealer) headerMAC(h Header) []byte {
	c := *h.Sealed
	c.MAC = nil
	h.Sealed = &c
	js, _ := json.Marshal(h)
	m := hmac.New(sha256.New, sl.header)
	m.Write(js)
	return m.Sum(nil)
}

func (sl *sealer) nonce(i int) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), sl.s.Nonce...), uint64(i))
}

func (sl *sealer) aad(i int, last bool) []byte {
	a := append([]byte("copydesk backup chunk"), sl.s.FileID...)
	a = binary.BigEndian.AppendUint64(a, uint64(i))
	if last {
		return append(a, 1)
	}
	return append(a, 0)
}

// seal encrypts plain chunk by chunk.
func (sl *sealer) seal(plain []byte) []byte {
	out := make([]byte, 0, len(plain)+(len(plain)/sl.s.Chunk+1)*sl.body.Overhead())
	for i, off := 0, 0; ; i++ {
		end := min(off+sl.s.Chunk, len(plain))
		last := end == len(plain)
		out = sl.body.Seal(out, sl.nonce(i), plain[off:end], sl.aad(i, last))
		if last {
			return out
		}
		off = end
	}
}

// open decrypts a sealed body. Any change to it fails here.
func (sl *sealer) open(body []byte) ([]byte, error) {
	step := sl.s.Chunk + sl.body.Overhead()
	var out []byte
	for i, off := 0, 0; ; i++ {
		end := min(off+step, len(body))
		last := end == len(body)
		p, err := sl.body.Open(nil, sl.nonce(i), body[off:end], sl.aad(i, last))
		if err != nil {
			return nil, &TamperError{What: fmt.Sprintf("chunk %d of the encrypted body (bytes %d–%d of the body) does not decrypt: it was changed, moved or cut off", i+1, off, end-1)}
		}
		out = append(out, p...)
		if last {
			return out, nil
		}
		off = end
	}
}

// TamperError is a backup whose checksums hold but whose content does not
// agree with its hashes, head or MAC: it was changed after it was
// written, or written by something other than Copydesk.
type TamperError struct{ What string }

func (e *TamperError) Error() string {
	return "the backup was altered after it was made: " + e.What + "; nothing was restored — use another copy of the backup"
}
