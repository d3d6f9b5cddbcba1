package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"time"
)

// debugStats logs the goroutine count and heap every interval to w while
// the window runs, when $COPYDESK_DEBUG_STATS holds an interval ("5s"):
// `make soak` reads them to see whether a day at the desk leaks. It returns
// the function that stops the logging.
func debugStats(w io.Writer) (stop func()) {
	d, err := time.ParseDuration(os.Getenv("COPYDESK_DEBUG_STATS"))
	if err != nil || d <= 0 {
		return func() {}
	}
	t := time.NewTicker(d)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				fmt.Fprintf(w, "copydesk stats: goroutines=%d heap_alloc=%d heap_sys=%d\n", runtime.NumGoroutine(), m.HeapAlloc, m.HeapSys)
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}
