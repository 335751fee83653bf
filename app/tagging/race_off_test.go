//go:build !race

package tagging_test

// hugeSize and capSize are the text and the cap of TestTaggingBounds: the
// 19 MB page of #15 finding 4.
const hugeSize, capSize = 19 << 20, 100 << 10
