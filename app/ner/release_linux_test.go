package ner

import (
	"hash/crc32"
	"testing"
)

// TestReleasePages checks that releasing the embedded model's pages takes
// them out of the resident set and that the model reads the same after.
func TestReleasePages(t *testing.T) {
	sum := crc32.ChecksumIEEE(embeddedModel) // touches every page
	before, ok := procStatusMB("RssFile:")
	if !ok {
		t.Skip("no RssFile in /proc/self/status")
	}
	releasePages(embeddedModel)
	after, _ := procStatusMB("RssFile:")
	t.Logf("RssFile %.1f -> %.1f MB", before, after)
	if size := float64(len(embeddedModel)) / (1 << 20); before-after < size*0.9 {
		t.Errorf("RssFile %.1f MB -> %.1f MB: want %.1f MB fewer", before, after, size)
	}
	if crc32.ChecksumIEEE(embeddedModel) != sum {
		t.Fatal("the model's bytes changed")
	}
	releasePages(embeddedModel[1:100]) // within one page: nothing to release
	releasePages(nil)
}
