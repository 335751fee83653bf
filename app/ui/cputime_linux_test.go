package ui

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used, or false where that
// cannot be read. The window benchmarks report it per op beside wall time,
// which other processes inflate on a shared machine.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
