//go:build unix

package compare

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the test process has used. Benchmarks report it
// beside wall time because this machine is shared: wall time per op grows
// with other people's load, CPU time per op much less.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
