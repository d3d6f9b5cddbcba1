//go:build !linux || !cgo

package main

func cHeap() (inuse, held int) { return 0, 0 }

func cHeapTrim() {}
