//go:build !unix

package badgerstore

import "io/fs"

// diskBytes is the file's size where the allocated blocks are not known.
func diskBytes(info fs.FileInfo) int64 { return info.Size() }

// freeBytes cannot tell the free space here: the guard lets writes through.
func freeBytes(string) (int64, bool) { return 0, false }
