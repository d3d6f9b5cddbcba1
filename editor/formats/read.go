package formats

import (
	"errors"
	"fmt"
	"io/fs"

	"copydesk/editor"
	"copydesk/editor/fileio"
)

// ReadImport reads a file to import: a regular file of at most
// editor.MaxImportBytes (8 MB), read no further than that. A named pipe,
// a device (/dev/zero), a directory or a larger file is refused before
// it is read, with an *editor.InputError that says what the path is.
func ReadImport(file string) ([]byte, error) {
	data, err := fileio.ReadRegular(file, editor.MaxImportBytes)
	var nr *fileio.NotRegularError
	var tl *fileio.TooLargeError
	var pe *fs.PathError
	switch {
	case errors.As(err, &pe):
		// "no such file or directory", "permission denied": the name as
		// InputError prints it (a raw one may hold a newline or an ESC).
		fix := "check the file's name and that you may read it"
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			fix = "check the name, or give the file's full path"
		case errors.Is(pe.Err, fs.ErrPermission):
			fix = "you may not read it: check its owner and permissions (ls -l)"
		}
		return nil, &editor.InputError{File: file, Offset: -1, Problem: pe.Err.Error(), Fix: fix}
	case errors.As(err, &nr):
		return nil, &editor.InputError{File: file, Offset: -1, Problem: "it is " + nr.Kind + ", not a file", Fix: "name the wire, Markdown, NITF or ninjs file to import"}
	case errors.As(err, &tl):
		size := "over"
		if tl.Size >= 0 {
			size = fmt.Sprintf("%d bytes, over", tl.Size)
		}
		return nil, &editor.InputError{File: file, Offset: -1, Problem: fmt.Sprintf("the file is %s the import limit of %d bytes", size, tl.Max), Fix: "a story is far smaller: check that this is the right file"}
	}
	return data, err
}
