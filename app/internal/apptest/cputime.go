package apptest

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time the process has used, user and system (0 if
// it cannot be read): benchmarks on a shared machine report it beside the
// wall clock, which is the share of the cores they got.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
