//go:build !linux

package ner

// releasePages does nothing where madvise is not used (see release_linux.go).
func releasePages([]byte) {}
