// Package heapcheck measures what showing a screen again and again keeps
// on the Go heap, for tests of screens that must leave nothing behind once
// they are gone (Fyne caches some things per theme scope for good).
package heapcheck

import "runtime"

// Kept calls show once to warm what is cached for good anyway, then n
// more times, then gone (which drops the last one), and returns how many
// bytes of live Go heap the n repeats left behind.
func Kept(n int, show, gone func()) int64 {
	show()
	before := liveHeap()
	for range n {
		show()
	}
	gone()
	return int64(liveHeap()) - int64(before)
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
