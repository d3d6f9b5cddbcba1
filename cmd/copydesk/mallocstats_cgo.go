//go:build linux && cgo

package main

/*
#include <malloc.h>
*/
import "C"

// cHeap reports the C heap (glibc malloc, all arenas) for the stats line:
// what is allocated, and what malloc holds from the system in all. The
// window's C side (GLFW, Mesa's software renderer, Hunspell) allocates
// there, out of sight of the Go heap figures.
func cHeap() (inuse, held int) {
	mi := C.mallinfo2()
	return int(mi.uordblks + mi.hblkhd), int(mi.arena + mi.hblkhd)
}

// cHeapTrim gives the C heap's free memory back to the system.
func cHeapTrim() { C.malloc_trim(0) }
