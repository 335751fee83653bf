package ner

import (
	"os"
	"syscall"
	"unsafe"
)

// releasePages tells the kernel that the process no longer needs the pages
// wholly inside b, a slice of the program's embedded data (the model file,
// read once at start): they stop counting in the process's resident memory
// (8.5 MB for the model), and would be read again from the program file if
// b were read again. Pages b shares with other data are left alone. It must
// never be given memory the program writes: what was written would be lost.
func releasePages(b []byte) {
	if len(b) == 0 {
		return
	}
	page := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first := (start + page - 1) &^ (page - 1)
	last := (start + uintptr(len(b))) &^ (page - 1)
	if last <= first {
		return
	}
	inner := b[first-start : last-start]
	_ = syscall.Madvise(inner, syscall.MADV_DONTNEED) // a hint: on error the pages just stay
}
