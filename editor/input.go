package editor

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// InputError says what is wrong with an input file, where, and what to do
// about it. Importers return it for files they cannot read as articles.
type InputError struct {
	File    string // as the user named it
	Line    int    // 1-based; 0 when the problem is not on one line
	Offset  int    // byte offset of the problem, -1 when not known
	Problem string
	Fix     string
}

func (e *InputError) Error() string {
	where := PrintableName(e.File)
	if where == "" {
		where = "input"
	}
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, e.Line)
	}
	msg := where + ": " + e.Problem
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

// Warning is something an importer did that the user should know about:
// a field it dropped, a year it assumed.
type Warning struct {
	Line    int // 0 when not tied to a line
	Message string
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("line %d: %s", w.Line, w.Message)
	}
	return w.Message
}

// ImportOptions steer importers.
type ImportOptions struct {
	// Year completes datelines that carry no year; 0 means the year of Now.
	Year int
	// Now stamps Created and Modified; zero means time.Now().
	Now time.Time
	// Author, when set and the copy has no byline, becomes the writer.
	Author string
	// Charset, when set, is the encoding of a file that is not UTF-8
	// (a WHATWG name: windows-1252, iso-8859-1, windows-1251 …).
	Charset string
}

// MaxImportBytes bounds an imported file: far above any story, low enough
// that a wrong file (a video, a database) is refused before it is parsed.
const MaxImportBytes = 8 << 20

// CheckText refuses input that is not text an importer can read: empty,
// too large, binary (NUL bytes) or not UTF-8. The error names the file and
// the byte offset of the first bad byte. A UTF-8 byte-order mark is allowed
// (callers strip it).
func CheckText(file string, data []byte) error {
	if len(data) == 0 {
		return &InputError{File: file, Offset: -1, Problem: "the file is empty", Fix: "choose the file that holds the story"}
	}
	if len(data) > MaxImportBytes {
		return &InputError{File: file, Offset: -1, Problem: fmt.Sprintf("the file is %d bytes, over the import limit of %d", len(data), MaxImportBytes), Fix: "a story is far smaller: check that this is the right file"}
	}
	for i, b := range data {
		if b == 0 {
			return &InputError{File: file, Line: lineAt(data, i), Offset: i, Problem: fmt.Sprintf("the file is binary (a NUL byte at offset %d)", i), Fix: "import a text, Markdown, NITF or ninjs file"}
		}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return &InputError{File: file, Line: lineAt(data, off), Offset: off, Problem: fmt.Sprintf("the file is not UTF-8 (invalid byte 0x%02X at offset %d)", data[off], off), Fix: "its encoding could not be told from its bytes: give it with --charset NAME, or convert the file to UTF-8 first"}
	}
	return nil
}

func lineAt(data []byte, off int) int {
	n := 1
	for _, b := range data[:off] {
		if b == '\n' {
			n++
		}
	}
	return n
}
