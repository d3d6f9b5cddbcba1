package formats

import (
	"strings"
	"testing"
)

// A UTF-16 file cut short, or holding half a surrogate pair, was decoded
// with U+FFFD in place of what was lost and imported as a story whose
// headline was "�": it is refused, saying what is wrong.
func TestDecodeRefusesBrokenUTF16(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"BOM and an odd byte", []byte{0xFF, 0xFE, 0}, "half a character"},
		{"cut short, big-endian", []byte{0xFE, 0xFF, 0, 'A', 0}, "half a character"},
		{"lone high surrogate", []byte{0xFF, 0xFE, 'H', 0, 0x3D, 0xD8, 'i', 0}, "surrogate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode("wire.txt", tc.data, "")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "wire.txt") {
				t.Errorf("Decode: %v; want an error about %q naming the file", err, tc.want)
			}
		})
	}
	// A U+FFFD the file itself holds is kept.
	out, _, err := Decode("wire.txt", []byte{0xFF, 0xFE, 'a', 0, 0xFD, 0xFF, 'b', 0}, "")
	if err != nil || string(out) != "a\uFFFDb" {
		t.Errorf("literal U+FFFD: %q, %v", out, err)
	}
}
