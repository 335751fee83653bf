package ui

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestLimitMemory checks that the app sets its soft memory limit, unless
// $GOMEMLIMIT chose one.
func TestLimitMemory(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	for _, tt := range []struct {
		env  string
		want int64
	}{
		{"", memoryLimit},
		{"1GiB", math.MaxInt64}, // the runtime read it at start; here it is left alone
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		t.Setenv("GOMEMLIMIT", tt.env)
		limitMemory()
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("GOMEMLIMIT=%q: limit %d, want %d", tt.env, got, tt.want)
		}
	}
}
