package backup

import "io"

// WriteHeaderForTest writes a header with a correct checksum, so tests can
// make files that are well formed but not what this version writes.
func WriteHeaderForTest(w io.Writer, h Header) error {
	_, err := writeHeader(w, h)
	return err
}
