package lookup

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
)

// base is the immutable, compact part of the index: every text is one record
// in a byte arena, records are sorted by kind and ID (so that a Kind+ID is
// found by binary search, with no map), and the posting list of each word id
// is a run of uvarint slot deltas. Nothing in it holds a pointer per text.
// Removed or replaced texts are marked dead in a bitset until the next
// rebuild.
//
// A record is: kind (1 byte), ID (zigzag varint), word count (1 byte), word
// ids (uvarints), weight (zigzag varint), text length (uvarint), text.
type base struct {
	recs  []byte   // records back to back, sorted by kind then ID
	off   []uint32 // off[i] is the start of record i; off[n] = len(recs)
	post  []byte   // posting lists: first slot, then gaps, as uvarints
	poff  []uint32 // word id w's list is post[poff[w]:poff[w+1]]
	dead  []uint64 // bit i set: record i is removed
	nDead int
}

// n returns the number of records, dead ones included.
func (b *base) n() int { return max(0, len(b.off)-1) }

func (b *base) isDead(i uint32) bool { return b.dead[i>>6]&(1<<(i&63)) != 0 }

func (b *base) kill(i uint32) {
	b.dead[i>>6] |= 1 << (i & 63)
	b.nDead++
}

func (b *base) rec(i uint32) []byte { return b.recs[b.off[i]:b.off[i+1]] }

// postings returns the encoded posting list of word w (nil when none).
func (b *base) postings(w int32) []byte {
	if int(w)+1 >= len(b.poff) {
		return nil
	}
	return b.post[b.poff[w]:b.poff[w+1]]
}

// record is a decoded record; words and text alias the caller's buffer or
// the arena.
type record struct {
	kind   uint8
	id     int64
	words  []int32
	weight int32
	text   []byte
}

func appendRecord(dst []byte, r *record) []byte {
	dst = append(dst, r.kind)
	dst = binary.AppendVarint(dst, r.id)
	dst = append(dst, uint8(len(r.words)))
	for _, w := range r.words {
		dst = binary.AppendUvarint(dst, uint64(w))
	}
	dst = binary.AppendVarint(dst, int64(r.weight))
	dst = binary.AppendUvarint(dst, uint64(len(r.text)))
	return append(dst, r.text...)
}

// recordKey decodes the kind and ID of an encoded record.
func recordKey(p []byte) (uint8, int64) {
	id, _ := binary.Varint(p[1:])
	return p[0], id
}

// decodeRecord decodes p, reusing words for the word ids. Records are built
// by this package only, so they are trusted.
func decodeRecord(p []byte, words []int32, r *record) {
	r.kind = p[0]
	id, k := binary.Varint(p[1:])
	r.id = id
	p = p[1+k:]
	nw := int(p[0])
	p = p[1:]
	words = words[:0]
	for range nw {
		w, k := binary.Uvarint(p)
		words = append(words, int32(w))
		p = p[k:]
	}
	r.words = words
	wt, k := binary.Varint(p)
	r.weight = int32(wt)
	p = p[k:]
	tl, k := binary.Uvarint(p)
	r.text = p[k : k+int(tl)]
}

// find returns the range [lo, hi) of records with kind kc and ID id.
func (b *base) find(kc uint8, id int64) (lo, hi uint32) {
	less := func(i int, strict bool) bool {
		k, v := recordKey(b.rec(uint32(i)))
		c := cmp.Or(cmp.Compare(k, kc), cmp.Compare(v, id))
		if strict {
			return c < 0
		}
		return c <= 0
	}
	n := b.n()
	lo = uint32(sort.Search(n, func(i int) bool { return !less(i, true) }))
	hi = uint32(sort.Search(n, func(i int) bool { return !less(i, false) }))
	return lo, hi
}

// source is where a record comes from during a rebuild.
const (
	srcBase uint8 = iota
	srcDelta
	srcStaged
)

// ref points at one live text during a rebuild.
type ref struct {
	id   int64
	idx  uint32
	kind uint8
	src  uint8
}

func compareRefs(a, b ref) int { return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.id, b.id)) }

// rebuild merges the live base records, the mutable delta and the staged
// records into a new base, and empties the delta and the stage. When the same
// Kind, ID and Text appear twice, the newest (delta over base, staged over
// both, later over earlier) wins.
func (ix *Index) rebuild() {
	old := &ix.base
	var extra []ref
	for i := range ix.entries {
		if en := &ix.entries[i]; en.alive {
			extra = append(extra, ref{id: en.id, idx: uint32(i), kind: en.kind, src: srcDelta})
		}
	}
	for i := 0; i+1 < len(ix.stagedOff); i++ {
		k, id := recordKey(ix.staged[ix.stagedOff[i]:ix.stagedOff[i+1]])
		extra = append(extra, ref{id: id, idx: uint32(i), kind: k, src: srcStaged})
	}
	// Delta entries were appended in slot order, not in order of arrival;
	// that only matters for duplicates, which the delta never holds.
	slices.SortStableFunc(extra, compareRefs)

	var scratch []byte
	recOf := func(r ref) []byte {
		switch r.src {
		case srcBase:
			return old.rec(r.idx)
		case srcStaged:
			return ix.staged[ix.stagedOff[r.idx]:ix.stagedOff[r.idx+1]]
		}
		en := &ix.entries[r.idx]
		rec := record{kind: en.kind, id: en.id, words: ix.words(en), weight: en.weight, text: ix.arena[en.textOff : en.textOff+uint32(en.textLen)]}
		scratch = appendRecord(scratch[:0], &rec)
		return scratch
	}

	nb := base{off: make([]uint32, 0, old.n()-old.nDead+len(extra)+1)}
	nb.recs = make([]byte, 0, len(old.recs)+len(ix.staged)+len(ix.arena)+4*len(ix.fwd)+8*len(extra))
	var group []ref
	var r1, r2 record
	flush := func() {
		for gi, g := range group {
			p := recOf(g)
			if len(group) > 1 {
				decodeRecord(p, nil, &r1)
				text := string(r1.text) // p may be the scratch buffer recOf reuses
				dup := false
				for _, h := range group[gi+1:] {
					decodeRecord(recOf(h), nil, &r2)
					if string(r2.text) == text {
						dup = true
						break
					}
				}
				if dup {
					continue
				}
				p = recOf(g) // recOf(h) may have reused the scratch buffer
			}
			nb.off = append(nb.off, uint32(len(nb.recs)))
			nb.recs = append(nb.recs, p...)
		}
		group = group[:0]
	}
	take := func(r ref) {
		if len(group) > 0 && compareRefs(group[0], r) != 0 {
			flush()
		}
		group = append(group, r)
	}
	bi, n := uint32(0), uint32(old.n())
	for _, e := range extra {
		for ; bi < n; bi++ {
			if old.isDead(bi) {
				continue
			}
			k, id := recordKey(old.rec(bi))
			if compareRefs(ref{kind: k, id: id}, e) > 0 {
				break
			}
			take(ref{id: id, idx: bi, kind: k, src: srcBase})
		}
		take(e)
	}
	for ; bi < n; bi++ {
		if !old.isDead(bi) {
			k, id := recordKey(old.rec(bi))
			take(ref{id: id, idx: bi, kind: k, src: srcBase})
		}
	}
	flush()
	nb.off = append(nb.off, uint32(len(nb.recs)))
	nb.recs = slices.Clip(nb.recs)
	nb.dead = make([]uint64, (nb.n()+63)/64)
	nb.buildPostings(int(ix.trie.words))

	ix.base = nb
	ix.trie.relayout()
	ix.entries, ix.free, ix.arena, ix.fwd, ix.postings = nil, nil, nil, nil, nil
	ix.byKey = map[key]uint32{}
	ix.garbage, ix.deltaLive = 0, 0
	ix.staged, ix.stagedOff = nil, nil
	ix.live = nb.n()
}

// buildPostings writes the posting list of every word id below words, in two
// passes over the records: sizes first, then the gaps.
func (b *base) buildPostings(words int) {
	last := make([]uint32, words) // last slot + 1 written for each word
	size := make([]uint32, words+1)
	var r record
	var buf []int32
	for i := range uint32(b.n()) {
		decodeRecord(b.rec(i), buf, &r)
		buf = r.words
		for _, w := range r.words {
			if last[w] == i+1 {
				continue // the word twice in one text
			}
			gap := i + 1 - last[w] // last 0 stands for slot -1: the first slot is stored as is
			size[w] += uint32(uvarintLen(uint64(gap - 1)))
			last[w] = i + 1
		}
	}
	b.poff = make([]uint32, words+1)
	for w := range words {
		b.poff[w+1] = b.poff[w] + size[w]
	}
	b.post = make([]byte, b.poff[words])
	clear(last)
	pos := slices.Clone(b.poff[:words])
	for i := range uint32(b.n()) {
		decodeRecord(b.rec(i), buf, &r)
		buf = r.words
		for _, w := range r.words {
			if last[w] == i+1 {
				continue
			}
			gap := i + 1 - last[w]
			pos[w] += uint32(binary.PutUvarint(b.post[pos[w]:], uint64(gap-1)))
			last[w] = i + 1
		}
	}
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
