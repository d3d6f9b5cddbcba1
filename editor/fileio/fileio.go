// Package fileio reads files a user names — a story to import, a
// passphrase file, a key header — without trusting what the name points
// at: a named pipe would block the reader forever, a device such as
// /dev/zero would be read until memory runs out, and a file far larger
// than its kind ever is would be read whole before being refused.
package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"copydesk/editor"
)

// NotRegularError says that a path names something other than a file.
type NotRegularError struct {
	Path string
	Kind string // "a directory", "a named pipe (FIFO)", "a device" …
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file: name a file", editor.PrintableName(e.Path), e.Kind)
}

// TooLargeError says that a file is over the size its kind may have.
type TooLargeError struct {
	Path string
	Size int64 // bytes, or -1 when only "more than Max" is known
	Max  int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s is over the limit of %d bytes", editor.PrintableName(e.Path), e.Max)
	}
	return fmt.Sprintf("%s is %d bytes, over the limit of %d bytes", editor.PrintableName(e.Path), e.Size, e.Max)
}

// ReadRegular reads the regular file at path, at most max bytes. Anything
// else — a directory, a named pipe, a device, a socket — gives a
// *NotRegularError without a byte read, and a larger file a
// *TooLargeError. The file is opened without blocking (O_NONBLOCK: a
// named pipe with no writer would block open itself) and its kind is
// checked on the open file, so a name swapped between a check and the
// open changes nothing. The read goes through an io.LimitReader: a file
// that grows while it is read is still cut at max+1 bytes.
func ReadRegular(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Kind: kindOf(st.Mode())}
	}
	if st.Size() > max {
		return nil, &TooLargeError{Path: path, Size: st.Size(), Max: max}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{Path: path, Size: -1, Max: max}
	}
	return data, nil
}

// IsRegular reports whether path names a regular file (after symlinks),
// without opening it: for file choosers that should not offer anything
// else.
func IsRegular(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// IsNotRegular reports whether err is a *NotRegularError.
func IsNotRegular(err error) bool {
	var e *NotRegularError
	return errors.As(err, &e)
}
