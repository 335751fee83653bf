package ui

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the desktop app's soft limit on the memory of the Go
// runtime (its heap, stacks and metadata; not SQLite's page cache, the GL
// driver or the program's own pages). Without one the heap grows to twice
// what is live before a collection, and the pages a collection frees stay
// with the process: tagging in the background (the entity model and prose's
// tagger alone hold some 60 MB, and each batch allocates its share) took the
// process to 470 MB on the 100k-article archive; with it, about 380 (see
// docs/scale.md, "The window at 1M"). Near the limit the collector runs more
// often and returns freed pages to the system; it is soft: a heap that
// needs more gets it, the collector taking at most about half the CPU.
const memoryLimit = 224 << 20

// limitMemory sets memoryLimit unless $GOMEMLIMIT sets another.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
