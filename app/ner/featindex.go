package ner

import (
	"fmt"
	"hash/maphash"
	"math/bits"
)

// featureIndex maps a feature key to its row of Model.Weights, as the model
// file's map[string]int32 does, in a third of the memory: the map of the
// embedded model's 331k keys held about 20 MB of live heap (a string header
// and a bucket slot per key, the keys allocated one by one), this holds 8.
// The keys are concatenated in row order in one byte slice, ends gives
// where each ends, and an open-addressing table of row numbers (linear
// probing, at most 3/4 full) finds a key by its hash. It is read-only once
// built and safe for concurrent use.
type featureIndex struct {
	keys  []byte   // the keys of rows 0..n-1, concatenated
	ends  []uint32 // ends[r]: the end of row r's key in keys (it starts at ends[r-1], or 0)
	slots []uint32 // row+1 of the key hashed there, 0 for empty; len is a power of two
	mask  uint64   // len(slots)-1
	seed  maphash.Seed
}

// maxIndexBytes bounds the keys' total size, so that ends fit in uint32.
const maxIndexBytes = 1<<32 - 1

// newFeatureIndex builds the index of m, whose rows must be 0..len(m)-1,
// each once (as Train numbers them).
func newFeatureIndex(m map[string]int32) (*featureIndex, error) {
	n := len(m)
	byRow := make([]string, n)
	size := 0
	for k, r := range m {
		if r < 0 || int(r) >= n || byRow[r] != "" || k == "" {
			return nil, fmt.Errorf("feature index: key %q has row %d of %d rows (a row twice, an empty key or a row out of range)", k, r, n)
		}
		byRow[r] = k
		size += len(k)
	}
	if size > maxIndexBytes {
		return nil, fmt.Errorf("feature index: %d bytes of keys, at most %d", size, maxIndexBytes)
	}
	x := &featureIndex{keys: make([]byte, 0, size), ends: make([]uint32, n), seed: maphash.MakeSeed()}
	for r, k := range byRow {
		x.keys = append(x.keys, k...)
		x.ends[r] = uint32(len(x.keys))
	}
	// A table at most 3/4 full keeps linear probes short.
	slots := 1 << bits.Len(uint(max(n*4/3, 1)))
	x.slots, x.mask = make([]uint32, slots), uint64(slots-1)
	for r := range n {
		i := maphash.Bytes(x.seed, x.key(r)) & x.mask
		for x.slots[i] != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = uint32(r) + 1
	}
	return x, nil
}

// key returns row r's key, a slice of x.keys.
func (x *featureIndex) key(r int) []byte {
	start := uint32(0)
	if r > 0 {
		start = x.ends[r-1]
	}
	return x.keys[start:x.ends[r]]
}

// row returns the row of key, and whether the index has it.
func (x *featureIndex) row(key []byte) (int32, bool) {
	i := maphash.Bytes(x.seed, key) & x.mask
	for {
		s := x.slots[i]
		if s == 0 {
			return 0, false
		}
		if string(x.key(int(s-1))) == string(key) {
			return int32(s - 1), true
		}
		i = (i + 1) & x.mask
	}
}

// len is the number of keys.
func (x *featureIndex) len() int { return len(x.ends) }

// toMap returns the index as the model file's map (WriteModel).
func (x *featureIndex) toMap() map[string]int32 {
	m := make(map[string]int32, x.len())
	for r := range x.len() {
		m[string(x.key(r))] = int32(r)
	}
	return m
}
