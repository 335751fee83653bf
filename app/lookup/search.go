package lookup

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
)

// Result is one text found by Search.
type Result struct {
	Kind Kind
	ID   int64
	Text string
	// Score is higher for better matches: MaxScore when every query word
	// matches a whole word of Text, in order, with no word left over. Each
	// edit costs 1000, as does a missing or extra space; a query word that
	// matches only the start of a word costs 100, words out of order 50 and
	// each word of Text left unmatched 10 (at most 90).
	Score int
	// Positions are the rune indexes (not byte offsets) in Text of the
	// matched characters, ascending, for highlighting.
	Positions []int
}

// Search limits.
const (
	// MaxScore is the Score of a perfect match.
	MaxScore      = 100000
	defaultLimit  = 10
	maxLimit      = 500
	maxQueryBytes = 512
	maxQueryWords = 8 // a word match code is 4 bits; 8 fit a uint32
	maxSplitRunes = 24
)

// Penalties subtracted from MaxScore (see Result.Score).
const (
	costEdit       = 1000
	costSpace      = costEdit
	costPrefix     = 100
	costOrder      = 50
	costExtraWord  = 10
	maxExtraCosted = 9
)

// Search returns up to limit texts matching query, best first, with at most
// one text per Kind and ID (the best matching name or alias). kind "" searches
// every kind; limit <= 0 means 10 and limits above 500 are lowered to 500.
// Any query is safe: an empty one, or one without letters or digits, finds
// nothing; one over 512 bytes is cut.
func (ix *Index) Search(query string, kind Kind, limit int) []Result {
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	var qf folded
	foldText(&qf, truncateUTF8(query, maxQueryBytes))
	if len(qf.words) == 0 {
		return nil
	}
	words := make([][]rune, 0, min(len(qf.words), maxQueryWords))
	for i := range qf.words[:min(len(qf.words), maxQueryWords)] {
		words = append(words, qf.word(i))
	}

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	kindFilter := -1
	if kind != "" {
		kc, ok := ix.kindCode[kind]
		if !ok {
			return nil
		}
		kindFilter = int(kc)
	}
	s := ix.acquire(kindFilter, 2*limit+32)
	defer ix.release(s)

	variants := []variant{{words: words}}
	s.run(variants[0], 0)
	if s.found == 0 || s.minEdits > 0 {
		for _, v := range spaceVariants(words) {
			variants = append(variants, v)
			s.run(v, uint8(len(variants)-1))
		}
	}
	return ix.rank(s.sorted(), variants, limit)
}

// variant is one reading of the query.
type variant struct {
	words   [][]rune
	penalty int  // subtracted from the score of every match
	split   bool // a word was split: all but the last must match whole words
}

// spaceVariants returns the query with one space added (one word split in
// two: "mazhaoxu" -> "ma zhaoxu") or removed ("jp morgan" -> "jpmorgan").
// Either costs as much as an edit.
func spaceVariants(words [][]rune) []variant {
	var out []variant
	if len(words) == 1 {
		w := words[0]
		if len(w) >= 4 && len(w) <= maxSplitRunes {
			for p := 2; p <= len(w)-2; p++ {
				out = append(out, variant{words: [][]rune{w[:p], w[p:]}, penalty: costSpace, split: true})
			}
		}
		return out
	}
	for i := 0; i+1 < len(words); i++ {
		if len(words[i])+len(words[i+1]) > maxWordRunes {
			continue
		}
		v := make([][]rune, 0, len(words)-1)
		v = append(v, words[:i]...)
		v = append(v, append(append([]rune{}, words[i]...), words[i+1]...))
		v = append(v, words[i+2:]...)
		out = append(out, variant{words: v, penalty: costSpace})
	}
	return out
}

// deltaSlot marks a candidate slot in the delta; other slots are base
// records.
const deltaSlot = 1 << 31

// candidate is a text that matched every word of one query variant.
type candidate struct {
	key     uint64 // score<<32 | biased weight: larger is better
	slot    uint32
	variant uint8
	assign  [maxQueryWords]uint8 // text word matched by each query word
	codes   uint32               // match code of each query word, 4 bits each
}

func (c *candidate) score() int { return int(c.key >> 32) }

func (c *candidate) code(i int) uint8 { return uint8(c.codes>>(4*i)) & 0xF }

// searcher is the per-search scratch space, pooled.
type searcher struct {
	ix       *Index
	kind     int      // kind code to keep, -1 = all
	wc       []uint32 // word id -> match code per query word (4 bits each)
	touched  []int32  // word ids whose wc entry is set
	heap     []candidate
	size     int // heap capacity
	found    int // candidates offered to the heap
	minEdits int
	wbuf     []int32                // word ids of a base record
	best     [maxQueryWords]uint8   // best match code of each query word
	order    []uint64               // driver's words: code<<32 | word id
	memo     map[string][]wordMatch // trie matches of each query word, this search
	bits     []uint64               // base texts passing the filter (buildFilter)
	rec      record
}

var searchers sync.Pool

func (ix *Index) acquire(kind, size int) *searcher {
	s, _ := searchers.Get().(*searcher)
	if s == nil {
		s = &searcher{}
	}
	s.ix, s.kind, s.size, s.found, s.minEdits = ix, kind, size, 0, 1<<30
	s.heap = s.heap[:0]
	s.memo = map[string][]wordMatch{}
	for len(s.wc) < int(ix.trie.words) {
		s.wc = append(s.wc, ^uint32(0))
	}
	return s
}

func (ix *Index) release(s *searcher) {
	s.ix = nil
	s.heap = s.heap[:0]
	searchers.Put(s)
}

// run finds the texts matching every word of one query variant and offers
// them to the heap.
func (s *searcher) run(v variant, vi uint8) {
	ix := s.ix
	words := v.words
	var total [maxQueryWords]int
	for i := range s.best {
		s.best[i] = noMatch
	}
	for i, w := range words {
		kFull, kPref := maxEdits(len(w))
		if v.split && i < len(words)-1 {
			kPref = -1
		}
		shift := uint(4 * i)
		for _, m := range s.matches(w, kFull, kPref) {
			word, code := m.word, m.code
			cur := s.wc[word]
			if cur == ^uint32(0) {
				s.touched = append(s.touched, word)
			}
			s.best[i] = min(s.best[i], code)
			if old := uint8(cur>>shift) & 0xF; code < old {
				s.wc[word] = cur&^(0xF<<shift) | uint32(code)<<shift
				if old == noMatch {
					// Bytes of base postings stand in for their count.
					total[i] += len(ix.base.postings(word))
					if int(word) < len(ix.postings) {
						total[i] += len(ix.postings[word])
					}
				}
			}
		}
	}
	defer s.reset()
	driver := 0
	for i := range words {
		if total[i] == 0 {
			return
		}
		if total[i] < total[driver] {
			driver = i
		}
	}
	// Visit the driver's words best code first. A text reached through a
	// word of code c scores at most MaxScore minus the variant's penalty, c's
	// cost and the best costs of the other query words; once the heap is full
	// of better texts, no later word can place one (see push), and the rest is
	// skipped. The heap's content is the same as visiting everything.
	shift := uint(4 * driver)
	others := v.penalty
	for i := range words {
		if i != driver {
			others += codeCost(s.best[i])
		}
	}
	s.order = s.order[:0]
	for _, w := range s.touched {
		if c := uint8(s.wc[w]>>shift) & 0xF; c != noMatch {
			s.order = append(s.order, uint64(c)<<32|uint64(uint32(w)))
		}
	}
	slices.Sort(s.order)
	filter := s.buildFilter(words, driver, total[:len(words)])
	for _, o := range s.order {
		if !ix.mutableOnly && len(s.heap) == s.size && MaxScore-others-codeCost(uint8(o>>32)) < s.heap[0].score() {
			break
		}
		w := int32(uint32(o))
		slot := int64(-1)
		for p := ix.base.postings(w); len(p) > 0; {
			gap, k := binary.Uvarint(p)
			p = p[k:]
			slot += int64(gap) + 1
			if filter != nil && filter[slot>>6]&(1<<(slot&63)) == 0 || ix.base.isDead(uint32(slot)) {
				continue
			}
			s.evaluate(uint32(slot), len(words), vi, v.penalty)
		}
		if int(w) < len(ix.postings) {
			for _, slot := range ix.postings[w] {
				s.evaluate(slot|deltaSlot, len(words), vi, v.penalty)
			}
		}
	}
}

// maxFilterRatio bounds the work of a filter: its postings may be at most
// this many times the driver's.
const maxFilterRatio = 64

// buildFilter returns, when the query has a second word whose postings are
// not much longer than the driver's, a bitset of the base texts holding a
// word it matches: a text without one cannot match the query, so the driver
// skips it before decoding its record. It returns nil otherwise.
func (s *searcher) buildFilter(words [][]rune, driver int, total []int) []uint64 {
	f := -1
	for i := range words {
		if i != driver && (f < 0 || total[i] < total[f]) {
			f = i
		}
	}
	n := s.ix.base.n()
	if f < 0 || n == 0 || total[f] > maxFilterRatio*total[driver] {
		return nil
	}
	size := (n + 63) / 64
	if cap(s.bits) < size {
		s.bits = make([]uint64, size)
	}
	s.bits = s.bits[:size]
	clear(s.bits)
	shift := uint(4 * f)
	for _, w := range s.touched {
		if uint8(s.wc[w]>>shift)&0xF == noMatch {
			continue
		}
		slot := int64(-1)
		for p := s.ix.base.postings(w); len(p) > 0; {
			gap, k := binary.Uvarint(p)
			p = p[k:]
			slot += int64(gap) + 1
			s.bits[slot>>6] |= 1 << (slot & 63)
		}
	}
	return s.bits
}

// codeCost is the least a word match of code c takes from the score.
func codeCost(c uint8) int { return costEdit*int(c>>1) + costPrefix*int(c&1) }

func (s *searcher) reset() {
	for _, w := range s.touched {
		s.wc[w] = ^uint32(0)
	}
	s.touched = s.touched[:0]
}

// evaluate assigns each query word to the best unused word of the text in
// slot and offers the text to the heap when every query word found one.
func (s *searcher) evaluate(slot uint32, m int, variant uint8, penalty int) {
	var ws []int32
	var kind uint8
	var weight int32
	if slot&deltaSlot != 0 {
		en := &s.ix.entries[slot&^deltaSlot]
		kind, ws, weight = en.kind, s.ix.words(en), en.weight
	} else {
		decodeRecord(s.ix.base.rec(slot), s.wbuf, &s.rec)
		s.wbuf = s.rec.words
		kind, ws, weight = s.rec.kind, s.rec.words, s.rec.weight
	}
	if s.kind >= 0 && int(kind) != s.kind {
		return
	}
	c := candidate{slot: slot, variant: variant}
	var used uint64
	edits, prefixes, last, inOrder := 0, 0, -1, true
	for i := 0; i < m; i++ {
		shift := uint(4 * i)
		best, bestJ := uint8(noMatch), -1
		for j, w := range ws {
			if code := uint8(s.wc[w]>>shift) & 0xF; code < best && used&(1<<j) == 0 {
				best, bestJ = code, j
			}
		}
		if bestJ < 0 {
			return
		}
		used |= 1 << bestJ
		edits += int(best >> 1)
		prefixes += int(best & 1)
		if bestJ < last {
			inOrder = false
		}
		last = bestJ
		c.assign[i] = uint8(bestJ)
		c.codes |= uint32(best) << shift
	}
	penalty += costEdit*edits + costPrefix*prefixes + costExtraWord*min(len(ws)-m, maxExtraCosted)
	if !inOrder {
		penalty += costOrder
	}
	s.found++
	s.minEdits = min(s.minEdits, edits)
	c.key = uint64(MaxScore-penalty)<<32 | uint64(uint32(weight)^0x80000000)
	s.push(c)
}

// wordMatch is a vocabulary word within reach of a query word.
type wordMatch struct {
	word int32
	code uint8
}

// matches returns the vocabulary words within reach of w, walking the trie
// once per distinct query word and limits in a search (the space variants
// repeat most words).
func (s *searcher) matches(w []rune, kFull, kPref int) []wordMatch {
	k := fmt.Sprintf("%d %d %s", kFull, kPref, string(w))
	if ms, ok := s.memo[k]; ok && !s.ix.mutableOnly {
		return ms
	}
	var ms []wordMatch
	s.ix.trie.fuzzySearch(w, kFull, kPref, func(word int32, code uint8) {
		ms = append(ms, wordMatch{word, code})
	})
	s.memo[k] = ms
	return ms
}
