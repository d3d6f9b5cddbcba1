//go:build unix

package main

import (
	"os"
	"syscall"
)

// diskBytes is the space a file occupies: the blocks allocated (Badger's
// value-log files are sparse).
func diskBytes(info os.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return info.Size()
}
