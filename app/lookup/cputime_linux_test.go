package lookup

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time the calling OS thread has used, or false
// where that cannot be read. Benchmarks lock their goroutine to a thread and
// report CPU time beside wall time, which other processes inflate on a
// shared machine.
func threadCPU() (time.Duration, bool) {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
