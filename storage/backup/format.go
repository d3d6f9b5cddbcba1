// Package backup writes a whole store to one compressed file and restores
// it into an empty store. The file is a fixed magic line, a header (format
// version, the source's schema, counts, the body's length, SHA-256 and a
// CRC-32 per block, and a CRC-32 of the header itself) and a zstd body of
// JSON lines: the desk's settings, then each article's history taken
// through Store.Dump and put back with Store.Load. The checksums are read
// before the store is touched, so a damaged or truncated file is refused
// with the byte range that is wrong, not half restored.
//
// Format 2 adds tamper evidence and encryption. Each article's record
// carries the hash of its draft, and the header the desk's head
// (storage.Head): an edited draft or status, dropped revisions or a
// dropped article no longer restore as if nothing happened. A backup of an
// encrypted desk is encrypted (seal.go): the body with AES-256-GCM and the
// header with an HMAC, under keys derived from the desk's key, whose
// sealed copy (the desk's copydesk.key) the header carries, so the
// passphrase alone restores it.
package backup

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"time"

	"copydesk/storage"
)

// Magic opens every backup file.
const Magic = "COPYDESK-BACKUP\n"

// FormatVersion is the layout this package writes; it reads up to it.
const FormatVersion = 2

// blockSize is the span of the body each CRC-32 covers: small enough that
// a damaged byte is placed within 64 KiB, large enough that the header of
// a 1 GB backup stays under 100 KB.
const blockSize = 64 << 10

// maxHeaderBytes bounds the header a reader accepts before trusting it.
const maxHeaderBytes = 16 << 20

// Header describes a backup file. It is JSON, preceded by its length and
// followed by its CRC-32 (both 4 bytes big-endian).
type Header struct {
	Format    int       `json:"format"`
	Schema    int       `json:"schema"` // the source store's schema version
	Created   time.Time `json:"created"`
	Source    string    `json:"source,omitempty"` // where the store was
	Articles  int       `json:"articles"`
	Revisions int       `json:"revisions"`
	Settings  int       `json:"settings,omitempty"` // desk dictionary, house style …
	// Plain is the body's size before compression.
	Plain int64 `json:"plain_bytes"`
	// Bytes is the compressed body's size; SHA256 its hash; Blocks the
	// CRC-32 of each blockSize span of it, in order.
	Bytes  int64    `json:"body_bytes"`
	SHA256 string   `json:"body_sha256"`
	Blocks []uint32 `json:"body_block_crc32"`
	// Head is the desk's head over the body's articles and settings
	// (format 2): keyed when the backup is sealed.
	Head *storage.Head `json:"head,omitempty"`
	// Damaged counts the articles the desk's verify found damaged when
	// the backup was made with them (their list is in the body, which an
	// encrypted backup keeps secret).
	Damaged int `json:"damaged,omitempty"`
	// Sealed is set when the body is encrypted.
	Sealed *Sealed `json:"sealed,omitempty"`
}

// headerStart is the offset of the header's JSON: the magic and the
// 4-byte length come first.
const headerStart = len(Magic) + 4

// writeHeader writes magic, length, header JSON and its CRC-32.
func writeHeader(w io.Writer, h Header) (int, error) {
	js, err := json.Marshal(h)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	buf.WriteString(Magic)
	buf.Write(binary.BigEndian.AppendUint32(nil, uint32(len(js))))
	buf.Write(js)
	buf.Write(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(js)))
	return w.Write(buf.Bytes())
}

// DamageError says where a backup file is wrong and what is wrong there.
type DamageError struct {
	Offset int64  // first byte of the damaged range
	End    int64  // one past its last byte; Offset when a point
	What   string // what is wrong
}

func (e *DamageError) Error() string {
	where := fmt.Sprintf("at byte %d", e.Offset)
	if e.End > e.Offset+1 {
		where = fmt.Sprintf("in bytes %d–%d", e.Offset, e.End-1)
	}
	return fmt.Sprintf("the backup is damaged %s: %s; nothing was restored — use another copy of the backup", where, e.What)
}

// readHeader reads and checks the magic, the header and its CRC-32.
// It returns the header and the offset of the body.
func readHeader(r io.Reader) (Header, int64, error) {
	var h Header
	lead := make([]byte, headerStart)
	n, err := io.ReadFull(r, lead)
	if err != nil {
		if n == 0 {
			return h, 0, &DamageError{What: "the file is empty, not a Copydesk backup"}
		}
		if !bytes.HasPrefix([]byte(Magic), lead[:min(n, len(Magic))]) {
			return h, 0, notBackup(lead[:n])
		}
		return h, 0, &DamageError{Offset: int64(n), End: int64(n), What: "the file ends inside the header (truncated)"}
	}
	if string(lead[:len(Magic)]) != Magic {
		return h, 0, notBackup(lead)
	}
	size := binary.BigEndian.Uint32(lead[len(Magic):])
	if size == 0 || size > maxHeaderBytes {
		return h, 0, &DamageError{Offset: int64(len(Magic)), End: int64(headerStart), What: fmt.Sprintf("the header length reads %d bytes, which no backup has", size)}
	}
	js := make([]byte, int(size)+4)
	if n, err := io.ReadFull(r, js); err != nil {
		at := int64(headerStart + n)
		return h, 0, &DamageError{Offset: at, End: at, What: fmt.Sprintf("the file ends inside the header, which its length field (bytes %d–%d) says is %d bytes: the file is truncated or that field is damaged", len(Magic), headerStart-1, size)}
	}
	body := js[:size]
	end := int64(headerStart) + int64(size)
	if got, want := crc32.ChecksumIEEE(body), binary.BigEndian.Uint32(js[size:]); got != want {
		return h, 0, &DamageError{Offset: int64(headerStart), End: end + 4, What: "the header does not match its checksum"}
	}
	if err := json.Unmarshal(body, &h); err != nil {
		return h, 0, &DamageError{Offset: int64(headerStart), End: end, What: "the header cannot be read: " + err.Error()}
	}
	if h.Format < 1 || h.Format > FormatVersion {
		return h, 0, fmt.Errorf("the backup has format version %d, but this Copydesk reads up to version %d: use a newer Copydesk", h.Format, FormatVersion)
	}
	if h.Bytes < 0 || int64(len(h.Blocks)) != (h.Bytes+blockSize-1)/blockSize {
		return h, 0, &DamageError{Offset: int64(headerStart), End: end, What: fmt.Sprintf("the header lists %d block checksums for a body of %d bytes", len(h.Blocks), h.Bytes)}
	}
	return h, end + 4, nil
}

func notBackup(lead []byte) error {
	return fmt.Errorf("not a Copydesk backup: it starts with %q, not %q", lead, Magic)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// blockCRCs are the CRC-32s of each blockSize span of body.
func blockCRCs(body []byte) []uint32 {
	crcs := make([]uint32, 0, (len(body)+blockSize-1)/blockSize)
	for off := 0; off < len(body); off += blockSize {
		crcs = append(crcs, crc32.ChecksumIEEE(body[off:min(off+blockSize, len(body))]))
	}
	return crcs
}
