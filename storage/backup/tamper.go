package backup

// Tamper drills (storage/torture and the tests) change backups the way
// anyone could without knowing a key: edit the body or the header and
// recompute the file's checksums, which guard against damage, not against
// intent. What must then catch the change is the chain, the draft hashes,
// the desk's head and, on an encrypted backup, the seal.

import (
	"bufio"
	"bytes"
	"errors"

	"github.com/klauspost/compress/zstd"
)

// Reseal reads file, lets edit change its header and replace its body as
// stored (compressed, or sealed), and writes it again with the checksums
// (body SHA-256, block CRCs, header CRC) made to match.
func Reseal(file []byte, edit func(h *Header, body []byte) []byte) ([]byte, error) {
	br := bufio.NewReader(bytes.NewReader(file))
	h, bodyStart, err := readHeader(br)
	if err != nil {
		return nil, err
	}
	body, err := readBody(br, h, bodyStart)
	if err != nil {
		return nil, err
	}
	body = edit(&h, bytes.Clone(body))
	h.Bytes = int64(len(body))
	h.SHA256 = sha256Hex(body)
	h.Blocks = blockCRCs(body)
	var out bytes.Buffer
	if _, err := writeHeader(&out, h); err != nil {
		return nil, err
	}
	out.Write(body)
	return out.Bytes(), nil
}

// EditLines is Reseal on an unencrypted backup's records: edit gets the
// body's JSON lines and returns the new ones.
func EditLines(file []byte, edit func(h *Header, lines [][]byte) [][]byte) ([]byte, error) {
	var ferr error
	out, err := Reseal(file, func(h *Header, body []byte) []byte {
		if h.Sealed != nil {
			ferr = errors.New("the backup is encrypted: its records cannot be edited without the passphrase")
			return body
		}
		zr, err := zstd.NewReader(bytes.NewReader(body))
		if err != nil {
			ferr = err
			return body
		}
		defer zr.Close()
		var plain bytes.Buffer
		if _, err := plain.ReadFrom(zr); err != nil {
			ferr = err
			return body
		}
		lines := bytes.SplitAfter(plain.Bytes(), []byte("\n"))
		if n := len(lines); n > 0 && len(lines[n-1]) == 0 {
			lines = lines[:n-1]
		}
		lines = edit(h, lines)
		var nb bytes.Buffer
		zw, _ := zstd.NewWriter(&nb)
		for _, l := range lines {
			zw.Write(l)
		}
		zw.Close()
		return nb.Bytes()
	})
	if ferr != nil {
		return nil, ferr
	}
	return out, err
}
