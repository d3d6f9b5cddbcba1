//go:build !unix

package main

import "os"

func diskBytes(info os.FileInfo) int64 { return info.Size() }
