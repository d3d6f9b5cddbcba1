package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"
)

// heapProfileEvery is how many stats lines pass between two heap profiles
// when $COPYDESK_DEBUG_HEAPPROF names a folder: at a 2 s interval, one
// profile every 40 s is enough to compare the start with the end of a soak
// without the profiles themselves costing much.
const heapProfileEvery = 20

// debugStats logs the goroutine count and heap every interval to w while
// the window runs, when $COPYDESK_DEBUG_STATS holds an interval ("5s"):
// `make soak` reads them to see whether a day at the desk leaks. The
// heap_inuse/heap_released figures tell Go heap growth apart from memory
// the runtime holds but does not use; rss is the process's resident set,
// which also holds what C (GL, the software renderer) allocates, shown as
// c_inuse (allocated) and c_held (what malloc holds from the system). When
// $COPYDESK_DEBUG_HEAPPROF names a folder, a heap profile is written
// there at the first line and every heapProfileEvery lines after
// (heap-0001.pb.gz, …) for `go tool pprof -diff_base`. It returns the
// function that stops the logging.
func debugStats(w io.Writer) (stop func()) {
	d, err := time.ParseDuration(os.Getenv("COPYDESK_DEBUG_STATS"))
	if err != nil || d <= 0 {
		return func() {}
	}
	profDir := os.Getenv("COPYDESK_DEBUG_HEAPPROF")
	t := time.NewTicker(d)
	done := make(chan struct{})
	go func() {
		for n := 0; ; n++ {
			select {
			case <-t.C:
				writeStats(w)
				if profDir != "" && n%heapProfileEvery == 0 {
					writeHeapProfile(w, filepath.Join(profDir, fmt.Sprintf("heap-%04d.pb.gz", n/heapProfileEvery+1)))
				}
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

func writeStats(w io.Writer) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	cInuse, cHeld := cHeap()
	fmt.Fprintf(w, "copydesk stats: goroutines=%d heap_alloc=%d heap_sys=%d heap_inuse=%d heap_released=%d rss=%d c_inuse=%d c_held=%d\n",
		runtime.NumGoroutine(), m.HeapAlloc, m.HeapSys, m.HeapInuse, m.HeapReleased, residentBytes(), cInuse, cHeld)
}

// writeHeapProfile writes the in-use heap after a collection; with
// $COPYDESK_DEBUG_FREEOS set it first returns the unused heap to the OS
// (debug.FreeOSMemory, and malloc_trim for the C heap), so the next rss
// figure shows what could be given back.
func writeHeapProfile(w io.Writer, path string) {
	if os.Getenv("COPYDESK_DEBUG_FREEOS") != "" {
		debug.FreeOSMemory()
		cHeapTrim()
	} else {
		runtime.GC()
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(w, "copydesk stats: heap profile: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintf(w, "copydesk stats: heap profile %s: %v\n", path, err)
	}
}

// residentBytes is the process's resident set from /proc (0 where there
// is none).
func residentBytes() int {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, rss int
	if _, err := fmt.Sscan(string(data), &size, &rss); err != nil {
		return 0
	}
	return rss * os.Getpagesize()
}
