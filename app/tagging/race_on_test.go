//go:build race

package tagging_test

// hugeSize and capSize are the text and the cap of TestTaggingBounds,
// smaller under the race detector, which slows the pure-Go SQLite and the
// tagger tenfold and more.
const hugeSize, capSize = 2 << 20, 24 << 10
