// Package lookup finds entities, article titles and sources by name as a
// researcher types, tolerating typos ("Ma Zhoaxu"), swapped words ("Zhaoxu
// Ma"), missing spaces ("mazhaoxu"), unfinished words ("jpmorg"), case and
// accents.
//
// Index keeps every text in memory. Texts are folded (lowered, accents
// removed) and split into words; each distinct word gets an id in a trie, and
// each word id a posting list of the texts holding it. A search walks the trie
// once per query word with an edit-distance automaton (up to two edits, also
// as a prefix), picks the query word with the fewest postings to list
// candidates, checks the other query words against each candidate's word ids,
// and ranks a shortlist with github.com/sahilm/fuzzy, which also gives the
// matched positions for highlighting.
//
// Storage has two parts. The base (base.go) is compact and immutable: one
// varint-encoded record per text in a byte arena sorted by Kind and ID,
// delta+varint posting lists, a bitset of removed texts; no per-text pointer
// or allocation. The delta takes the texts added one by one since the last
// rebuild in mutable structures (about 140 bytes per text); when it reaches
// 1/16 of the base (at least 16384 texts), or an Add brings that many at
// once, base and delta are merged into a new base. Removals mark base texts
// dead; many dead texts trigger a rebuild too.
//
// Memory: about 49 bytes per text once merged, the text included, against
// 130 for the all-mutable layout (BenchmarkLookup5M measures both in the same
// run at 5M generated names). Vocabulary structures grow with the distinct
// words only. The base holds up to 4 GiB of records (tens of millions of
// names).
//
// Searching visits the candidate words best match first and stops once the
// best texts found cannot be beaten, and skips base texts lacking a match for
// the next-rarest query word (a bitset), so results are those of visiting
// every candidate.
package lookup

import (
	"math"
	"sync"
	"unicode/utf8"
)

// Kind says what an Item names.
type Kind string

// The kinds of item the archive looks up.
const (
	KindEntity Kind = "entity"
	KindTitle  Kind = "title"
	KindSource Kind = "source"
)

// Item is one text to index. An entity may have several texts (name and
// aliases) sharing its Kind and ID.
type Item struct {
	Kind   Kind
	ID     int64
	Text   string
	Weight int // e.g. the number of articles; breaks ties in ranking
}

// maxTextBytes bounds an indexed text; a longer one is cut at a rune boundary.
const maxTextBytes = 1024

// Index is an in-memory typo-tolerant lookup index. It is safe for concurrent
// use: searches run in parallel with each other and with Add and Remove.
type Index struct {
	mu       sync.RWMutex
	kinds    []Kind
	kindCode map[Kind]uint8
	trie     trie             // word -> word id, for fuzzy search
	vocab    map[string]int32 // word -> word id, for fast Add
	keyBuf   []byte           // reused by Add
	scratch  folded           // reused by Add under the write lock
	wordBuf  []int32          // reused by Add
	live     int              // texts alive, base and delta

	base base // compact, immutable part (base.go)

	// The mutable delta: texts added since the last rebuild.
	entries   []entry
	free      []uint32       // dead entry slots to reuse
	byKey     map[key]uint32 // first entry (+1) of each Kind+ID
	arena     []byte         // texts, back to back
	fwd       []int32        // word ids of each entry, back to back
	garbage   int            // bytes of arena (and words of fwd) owned by dead entries
	postings  [][]uint32     // word id -> entries holding it
	deltaLive int            // delta entries alive

	// Records of a bulk Add waiting for the rebuild that ends it.
	staged    []byte
	stagedOff []uint32

	// mutableOnly makes the index as it was before the compact base: never
	// rebuilt, and searched without pruning or memo. Tests check the index
	// against it; benchmarks measure it as the baseline.
	mutableOnly bool
}

type key struct {
	id   int64
	kind uint8
}

// entry is one text of the delta: 32 bytes and no pointers.
type entry struct {
	id      int64
	textOff uint32
	textLen uint16
	nWords  uint8
	kind    uint8
	wordOff uint32
	weight  int32
	next    uint32 // next entry (+1) with the same Kind+ID, 0 = last
	alive   bool
}

// Rebuild thresholds: the delta is merged into the base when it holds
// 1/mergeFraction of the base's texts, and at least minMerge.
const (
	minMerge      = 1 << 14
	mergeFraction = 16
)

// New returns an empty index.
func New() *Index {
	return &Index{kindCode: map[Kind]uint8{}, byKey: map[key]uint32{}, trie: newTrie(), vocab: map[string]int32{}}
}

// newMutableOnly returns an index as it was before the compact base: all
// mutable, searched by visiting every candidate. Tests and benchmarks
// compare with it.
func newMutableOnly() *Index {
	ix := New()
	ix.mutableOnly = true
	return ix
}

// Len returns the number of texts indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// mergeAt returns the delta size that triggers a rebuild.
func (ix *Index) mergeAt() int { return max(minMerge, ix.base.n()/mergeFraction) }

// Add indexes items. An item whose Kind, ID and Text are already indexed only
// has its Weight replaced; a new Text for a known Kind and ID is added beside
// the others (an alias). Texts without any letter or digit are ignored, and
// texts longer than 1 KiB are cut. Use Remove first to rename an item.
func (ix *Index) Add(items ...Item) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.mutableOnly && len(items) >= ix.mergeAt() {
		for _, it := range items {
			ix.stage(it)
		}
		ix.rebuild()
		return
	}
	for _, it := range items {
		ix.add(it)
		if !ix.mutableOnly && ix.deltaLive >= ix.mergeAt() {
			ix.rebuild()
		}
	}
}

// Stage adds items as a large Add does, in their compact form, but leaves
// them out of searches until Commit merges them: an index built from many
// chunks (a million titles read a chunk at a time) is merged once instead
// of once per chunk. Staged items replace indexed ones as Add's do.
func (ix *Index) Stage(items ...Item) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, it := range items {
		if ix.mutableOnly {
			ix.add(it)
		} else {
			ix.stage(it)
		}
	}
}

// Commit makes the staged items searchable.
func (ix *Index) Commit() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(ix.stagedOff) > 0 {
		ix.rebuild()
	}
}

// kindOf returns the code of kind, adding it when new; ok is false when there
// are already 255 kinds.
func (ix *Index) kindOf(kind Kind) (uint8, bool) {
	kc, ok := ix.kindCode[kind]
	if ok {
		return kc, true
	}
	if len(ix.kinds) == math.MaxUint8 {
		return 0, false // absurd number of kinds: refuse rather than corrupt
	}
	kc = uint8(len(ix.kinds))
	ix.kinds = append(ix.kinds, kind)
	ix.kindCode[kind] = kc
	return kc, true
}

// foldWords folds text into ix.scratch and returns its word ids in
// ix.wordBuf, adding new words to the vocabulary.
func (ix *Index) foldWords(text string) []int32 {
	foldText(&ix.scratch, text)
	ix.wordBuf = ix.wordBuf[:0]
	for i := range ix.scratch.words {
		ix.wordBuf = append(ix.wordBuf, ix.wordID(ix.scratch.word(i)))
	}
	return ix.wordBuf
}

// stage encodes it for the rebuild that ends a bulk Add.
func (ix *Index) stage(it Item) {
	text := truncateUTF8(it.Text, maxTextBytes)
	kc, ok := ix.kindOf(it.Kind)
	if !ok {
		return
	}
	words := ix.foldWords(text)
	if len(words) == 0 {
		return
	}
	if len(ix.stagedOff) == 0 {
		ix.stagedOff = append(ix.stagedOff, 0)
	}
	r := record{kind: kc, id: it.ID, words: words, weight: clampWeight(it.Weight), text: []byte(text)}
	ix.staged = appendRecord(ix.staged, &r)
	ix.stagedOff = append(ix.stagedOff, uint32(len(ix.staged)))
}

func (ix *Index) add(it Item) {
	text := truncateUTF8(it.Text, maxTextBytes)
	kc, ok := ix.kindOf(it.Kind)
	if !ok {
		return
	}
	weight := clampWeight(it.Weight)
	// The same text in the base: keep it if the weight is unchanged, else
	// retire it and add it again to the delta with its new weight.
	lo, hi := ix.base.find(kc, it.ID)
	var r record
	for i := lo; i < hi; i++ {
		if ix.base.isDead(i) {
			continue
		}
		decodeRecord(ix.base.rec(i), ix.wordBuf[:0], &r)
		if string(r.text) == text {
			if r.weight == weight {
				return
			}
			ix.base.kill(i)
			ix.live--
		}
	}
	k := key{id: it.ID, kind: kc}
	head := ix.byKey[k]
	for e := head; e != 0; e = ix.entries[e-1].next {
		en := &ix.entries[e-1]
		if string(ix.arena[en.textOff:en.textOff+uint32(en.textLen)]) == text {
			en.weight = weight
			return
		}
	}
	words := ix.foldWords(text)
	if len(words) == 0 {
		return
	}
	var slot uint32
	if n := len(ix.free); n > 0 {
		slot = ix.free[n-1]
		ix.free = ix.free[:n-1]
	} else {
		slot = uint32(len(ix.entries))
		ix.entries = append(ix.entries, entry{})
	}
	ix.entries[slot] = entry{
		id: it.ID, kind: kc, weight: weight, next: head, alive: true,
		textOff: uint32(len(ix.arena)), textLen: uint16(len(text)),
		wordOff: uint32(len(ix.fwd)), nWords: uint8(len(words)),
	}
	ix.arena = append(ix.arena, text...)
	ix.fwd = append(ix.fwd, words...)
	for _, w := range words {
		for int(w) >= len(ix.postings) {
			ix.postings = append(ix.postings, nil)
		}
		ix.postings[w] = append(ix.postings[w], slot)
	}
	ix.byKey[k] = slot + 1
	ix.live++
	ix.deltaLive++
}

// wordID returns the id of w, adding it to the vocabulary when it is new.
func (ix *Index) wordID(w []rune) int32 {
	ix.keyBuf = ix.keyBuf[:0]
	for _, r := range w {
		ix.keyBuf = utf8.AppendRune(ix.keyBuf, r)
	}
	if id, ok := ix.vocab[string(ix.keyBuf)]; ok {
		return id
	}
	id := ix.trie.insert(w)
	ix.vocab[string(ix.keyBuf)] = id
	return id
}

// Remove drops every text indexed under kind and id. Removing what is not
// there does nothing.
func (ix *Index) Remove(kind Kind, id int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	kc, ok := ix.kindCode[kind]
	if !ok {
		return
	}
	lo, hi := ix.base.find(kc, id)
	for i := lo; i < hi; i++ {
		if !ix.base.isDead(i) {
			ix.base.kill(i)
			ix.live--
		}
	}
	k := key{id: id, kind: kc}
	for e := ix.byKey[k]; e != 0; {
		slot := e - 1
		en := &ix.entries[slot]
		e = en.next
		for _, w := range ix.words(en) {
			ix.postings[w] = removeSlot(ix.postings[w], slot)
		}
		ix.garbage += int(en.textLen) + int(en.nWords)
		*en = entry{}
		ix.free = append(ix.free, slot)
		ix.live--
		ix.deltaLive--
	}
	delete(ix.byKey, k)
	if !ix.mutableOnly && ix.base.nDead >= max(minMerge, ix.base.n()/4) {
		ix.rebuild()
		return
	}
	if ix.garbage > 1<<16 && ix.garbage > (len(ix.arena)+len(ix.fwd))/2 {
		ix.compact()
	}
}

// compact rewrites the arena and the word lists without dead entries.
func (ix *Index) compact() {
	arena := make([]byte, 0, len(ix.arena)-ix.garbage/2)
	fwd := make([]int32, 0, len(ix.fwd))
	for i := range ix.entries {
		en := &ix.entries[i]
		if !en.alive {
			continue
		}
		t, w := ix.text(en), ix.words(en)
		en.textOff, en.wordOff = uint32(len(arena)), uint32(len(fwd))
		arena = append(arena, t...)
		fwd = append(fwd, w...)
	}
	ix.arena, ix.fwd, ix.garbage = arena, fwd, 0
}

func removeSlot(p []uint32, slot uint32) []uint32 {
	for i, s := range p {
		if s == slot {
			p[i] = p[len(p)-1]
			return p[:len(p)-1]
		}
	}
	return p
}

func (ix *Index) text(en *entry) string {
	return string(ix.arena[en.textOff : en.textOff+uint32(en.textLen)])
}

func (ix *Index) words(en *entry) []int32 {
	return ix.fwd[en.wordOff : en.wordOff+uint32(en.nWords)]
}

func clampWeight(w int) int32 {
	return int32(max(min(w, math.MaxInt32), math.MinInt32))
}

// truncateUTF8 cuts s to at most n bytes without splitting a rune.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
