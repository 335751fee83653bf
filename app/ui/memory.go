package ui

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The desktop app's soft limit on the memory of the Go runtime (its heap,
// stacks and metadata; not SQLite's page cache, the GL driver or the
// program's own pages) follows the live heap: liveShare more than what the
// last collection found live. Without a limit the heap grows to twice what
// is live before a collection (GOGC=100), and the pages a collection frees
// stay with the process; a fixed limit either wastes memory on a small
// archive or, below what a large one keeps live (the 1M archive's lookup
// index), makes the collector run without pause. Near the limit the
// collector runs more often and gives freed pages back; the limit is soft:
// a heap that needs more gets it, the collector taking at most about half
// the CPU, until the next retune raises the limit. Measured on the 100k
// archive with tagging in the background (docs/scale.md, "The window at
// 1M"): some 115-120 MB stay live, and the process holds about 290 MB where
// the fixed 224 MiB limit of before let it hold 365-385; the price is the
// collector's CPU (below).
const (
	// startLimit holds while the window opens, before the first retune: a
	// little more than what the opened window keeps live.
	startLimit = 160 << 20
	// minLimit is the least limit the retune sets.
	minLimit = 64 << 20
	// liveShare is the heap's room above the live heap, as a share of it:
	// 3 is a third (about GOGC=33, with freed pages returned at once). A
	// quarter held the 100k archive's window at 285 MB but let the
	// collector take a third of the CPU and halve the tagging; a half, 310
	// MB with the collector at 12%; a third, 290 MB at 17% (the fixed
	// 224 MiB limit: 380 MB at 6%).
	liveShare = 3
	// retuneEvery is how often the limit follows the live heap.
	retuneEvery = 5 * time.Second
)

// limitFor returns the memory limit for a live heap of live bytes.
func limitFor(live uint64) int64 {
	return max(minLimit, int64(live+live/liveShare))
}

// limitMemory sets the soft memory limit and keeps it following the live
// heap for the life of the process, unless $GOMEMLIMIT sets one.
func limitMemory() {
	if setStartLimit() {
		go func() {
			for range time.Tick(retuneEvery) {
				retuneMemoryLimit()
			}
		}()
	}
}

// setStartLimit sets startLimit and reports true, unless $GOMEMLIMIT set
// another limit (which the runtime read at start).
func setStartLimit() bool {
	if os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetMemoryLimit(startLimit)
	return true
}

// liveHeap is the runtime's metric of the heap the last collection found
// live.
const liveHeap = "/gc/heap/live:bytes"

// retuneMemoryLimit sets the limit for the live heap the last collection
// found, when the runtime reports it (after the first collection).
func retuneMemoryLimit() {
	s := []metrics.Sample{{Name: liveHeap}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[0].Value.Uint64() == 0 {
		return
	}
	debug.SetMemoryLimit(limitFor(s[0].Value.Uint64()))
}
