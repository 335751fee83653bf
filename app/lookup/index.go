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
// Memory: about 140 bytes per indexed text (132 MB for 1M generated names;
// see BenchmarkBuild): a 32-byte entry, the text bytes, its word ids, one
// posting per word, and the Kind+ID map. Vocabulary structures grow with the
// distinct words only.
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
	entries  []entry
	free     []uint32         // dead entry slots to reuse
	byKey    map[key]uint32   // first entry (+1) of each Kind+ID
	arena    []byte           // texts, back to back
	fwd      []int32          // word ids of each entry, back to back
	garbage  int              // bytes of arena (and words of fwd) owned by dead entries
	trie     trie             // word -> word id, for fuzzy search
	vocab    map[string]int32 // word -> word id, for fast Add
	keyBuf   []byte           // reused by Add
	postings [][]uint32       // word id -> entries holding it
	live     int              // entries alive
	scratch  folded           // reused by Add under the write lock
	wordBuf  []int32          // reused by Add
}

type key struct {
	id   int64
	kind uint8
}

// entry is one indexed text: 32 bytes and no pointers.
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

// New returns an empty index.
func New() *Index {
	return &Index{kindCode: map[Kind]uint8{}, byKey: map[key]uint32{}, trie: newTrie(), vocab: map[string]int32{}}
}

// Len returns the number of texts indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Add indexes items. An item whose Kind, ID and Text are already indexed only
// has its Weight replaced; a new Text for a known Kind and ID is added beside
// the others (an alias). Texts without any letter or digit are ignored, and
// texts longer than 1 KiB are cut. Use Remove first to rename an item.
func (ix *Index) Add(items ...Item) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, it := range items {
		ix.add(it)
	}
}

func (ix *Index) add(it Item) {
	text := truncateUTF8(it.Text, maxTextBytes)
	kc, ok := ix.kindCode[it.Kind]
	if !ok {
		if len(ix.kinds) == math.MaxUint8 {
			return // absurd number of kinds: refuse rather than corrupt
		}
		kc = uint8(len(ix.kinds))
		ix.kinds = append(ix.kinds, it.Kind)
		ix.kindCode[it.Kind] = kc
	}
	k := key{id: it.ID, kind: kc}
	head := ix.byKey[k]
	for e := head; e != 0; e = ix.entries[e-1].next {
		en := &ix.entries[e-1]
		if string(ix.arena[en.textOff:en.textOff+uint32(en.textLen)]) == text {
			en.weight = clampWeight(it.Weight)
			return
		}
	}
	foldText(&ix.scratch, text)
	if len(ix.scratch.words) == 0 {
		return
	}
	ix.wordBuf = ix.wordBuf[:0]
	for i := range ix.scratch.words {
		ix.wordBuf = append(ix.wordBuf, ix.wordID(ix.scratch.word(i)))
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
		id: it.ID, kind: kc, weight: clampWeight(it.Weight), next: head, alive: true,
		textOff: uint32(len(ix.arena)), textLen: uint16(len(text)),
		wordOff: uint32(len(ix.fwd)), nWords: uint8(len(ix.wordBuf)),
	}
	ix.arena = append(ix.arena, text...)
	ix.fwd = append(ix.fwd, ix.wordBuf...)
	for _, w := range ix.wordBuf {
		for int(w) >= len(ix.postings) {
			ix.postings = append(ix.postings, nil)
		}
		ix.postings[w] = append(ix.postings[w], slot)
	}
	ix.byKey[k] = slot + 1
	ix.live++
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
	}
	delete(ix.byKey, k)
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
