// Package simhash computes 64-bit SimHash fingerprints of article bodies
// for near-duplicate detection: the same story saved twice with light
// edits (a changed sentence, reordered paragraphs, an added boilerplate
// line) gets fingerprints a few bits apart, while different stories differ
// in about half of their 64 bits.
//
// The body is normalised (case-folded, punctuation dropped, whitespace
// collapsed, as for ingest.ContentHash), cut into overlapping 3-word
// shingles, and each shingle's 64-bit FNV-1a hash votes on every bit.
package simhash

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ShingleSize is the number of consecutive words in a shingle.
const ShingleSize = 3

// NearThreshold is the largest Distance at which two fingerprints are
// taken for the same story lightly edited. Measured on the BBC corpus (see
// docs/extraction.md): light edits (a changed sentence, two paragraph
// swaps, an added boilerplate line) of 223 articles stay at 12 or below,
// and of the 2.5 million pairs of distinct files 69 fall within 12, of
// which 66 are versions of the same story.
const NearThreshold = 12

// Fingerprint returns the SimHash of body. Bodies with no words give 0.
// The words are those of Words, read in place rather than listed.
func Fingerprint(body string) uint64 {
	text := strings.ToLower(body)
	// ones[b] counts the shingles whose hash has bit b set; the bit votes
	// for 1 when they are more than half. Counting without a branch: the
	// bits are random, and a branch on each was mispredicted half the time.
	var ones [64]int
	var win [ShingleSize]string // the last words read, oldest first
	nw, n := 0, 0               // words read, shingles hashed
	vote := func(ws []string) {
		h := hashShingle(ws)
		for b := range ones {
			ones[b] += int(h >> b & 1)
		}
		n++
	}
	start := -1
	for i := 0; i <= len(text); {
		r, size := rune(0), 1
		if i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if i < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			copy(win[:], win[1:])
			win[ShingleSize-1] = text[start:i]
			start = -1
			if nw++; nw >= ShingleSize {
				vote(win[:])
			}
		}
		i += size
	}
	switch {
	case nw == 0:
		return 0
	case n == 0: // fewer words than a shingle: one shingle of them all
		vote(win[ShingleSize-nw:])
	}
	var fp uint64
	for b, c := range ones {
		if 2*c > n {
			fp |= 1 << b
		}
	}
	return fp
}

// Distance is the Hamming distance between two fingerprints (0 to 64).
func Distance(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}

// Near reports whether two fingerprints are within NearThreshold.
func Near(a, b uint64) bool {
	return Distance(a, b) <= NearThreshold
}

// Words splits text into case-folded words of letters and digits.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashShingle is 64-bit FNV-1a over the words joined by spaces, finished
// with a SplitMix64 mix so that every output bit depends on every input
// byte (raw FNV-1a's high bits are weak for short inputs).
func hashShingle(words []string) uint64 {
	h := uint64(fnvOffset)
	for i, w := range words {
		if i > 0 {
			h ^= ' '
			h *= fnvPrime
		}
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= fnvPrime
		}
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
