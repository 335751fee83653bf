//go:build !linux

package lookup

import "time"

// threadCPU reports that thread CPU time is not available here.
func threadCPU() (time.Duration, bool) { return 0, false }
