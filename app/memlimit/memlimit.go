// Package memlimit keeps the process's soft memory limit a little above its
// live heap, for the desktop app and the commands that tag (issue #20: the
// window at 1M under 300 MB; #14: tagging with the model under 250 MB).
package memlimit

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// A process's soft limit on the memory of the Go runtime (its heap,
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
	// startLimit holds while the process starts, before the first retune:
	// a little more than what the opened window keeps live.
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

// CommandFloor is the least limit for a command (cmd/newsarchive's main
// passes it to Follow for every command, not for the window). A command's
// live heap is smaller than the window's (the model and a tagging batch,
// 60-80 MB), and tagging allocates 70-90 MB/s: a third above that made
// `retag` of the BBC corpus take twice the CPU (51 s against 25; RSS 208
// MB), a floor of 180 MiB about a tenth more at most (RSS 232 MB, 262 with
// no limit).
const CommandFloor = 180 << 20

// floor is the least limit a retune sets: minLimit, or what Follow was given.
var floor int64 = minLimit

// limitFor returns the memory limit for a live heap of live bytes.
func limitFor(live uint64) int64 {
	return max(floor, int64(live+live/liveShare))
}

var once sync.Once

// Follow sets the soft memory limit and keeps it following the live heap
// for the life of the process, unless $GOMEMLIMIT sets one, never below
// least (0: minLimit). It is for a program's main (the desktop app, the
// CLI): only the first call acts.
func Follow(least int64) {
	once.Do(func() {
		floor = max(least, minLimit)
		follow()
	})
}

func follow() {
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
	debug.SetMemoryLimit(max(startLimit, floor))
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
