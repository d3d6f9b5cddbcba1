// Package yamlfile holds what the desk's YAML files (house-style rules,
// output profiles) share when they are read: the size, encoding and
// syntax checks, and every mistake reported with its file, line and path.
package yamlfile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// FirstInvalid is the offset of the first byte of data that is not
// UTF-8, or len(data) when all of it is.
func FirstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// SyntaxError splits a YAML syntax error ("yaml: line 3: …") into the line
// it names (0 when none) and what it says.
func SyntaxError(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				return n, strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return 0, msg
}
