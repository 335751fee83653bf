package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// TestStartLimit checks that the app sets its starting memory limit, unless
// $GOMEMLIMIT chose one.
func TestStartLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	for _, tt := range []struct {
		env    string
		want   int64
		retune bool
	}{
		{"", startLimit, true},
		{"1GiB", math.MaxInt64, false}, // the runtime read it at start; here it is left alone
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		t.Setenv("GOMEMLIMIT", tt.env)
		retune := setStartLimit()
		if got := debug.SetMemoryLimit(-1); got != tt.want || retune != tt.retune {
			t.Errorf("GOMEMLIMIT=%q: limit %d, retune %v; want %d, %v", tt.env, got, retune, tt.want, tt.retune)
		}
	}
}

func TestLimitFor(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{0, minLimit},
		{10 << 20, minLimit},
		{90 << 20, 120 << 20},
		{150 << 20, 200 << 20},
		{3 << 30, 4 << 30},
	} {
		if got := limitFor(tt.live); got != tt.want {
			t.Errorf("limitFor(%d MiB) = %d MiB, want %d MiB", tt.live>>20, got>>20, tt.want>>20)
		}
	}
}

// TestLimitForFloor: a command's limit never falls below its floor, and
// follows the live heap above it.
func TestLimitForFloor(t *testing.T) {
	defer func(f int64) { floor = f }(floor)
	floor = CommandFloor
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{0, CommandFloor},
		{90 << 20, CommandFloor},
		{150 << 20, 200 << 20},
	} {
		if got := limitFor(tt.live); got != tt.want {
			t.Errorf("floor %d MiB: limitFor(%d MiB) = %d MiB, want %d MiB", CommandFloor>>20, tt.live>>20, got>>20, tt.want>>20)
		}
	}
}

// TestRetuneMemoryLimit keeps 96 MiB live, collects, and checks that the
// retune sets the limit a third above what the collection found live (the
// 96 MiB and whatever else is live).
func TestRetuneMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	const size = 96 << 20
	keep := make([]byte, size)
	for i := range keep {
		keep[i] = byte(i)
	}
	runtime.GC()
	s := []metrics.Sample{{Name: liveHeap}}
	metrics.Read(s)
	live := s[0].Value.Uint64()
	retuneMemoryLimit()
	got := debug.SetMemoryLimit(-1)
	runtime.KeepAlive(keep)
	if live < size {
		t.Fatalf("live heap %d MiB with %d MiB kept", live>>20, size>>20)
	}
	// A collection between the read and the retune may find a little more
	// or less live.
	if want := limitFor(live); got < limitFor(size) || got < want-want/10 || got > want+want/10 {
		t.Errorf("limit %d MiB with %d MiB live, want %d MiB", got>>20, live>>20, want>>20)
	}
}
