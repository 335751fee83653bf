package lookup

import (
	"slices"
	"strings"

	"github.com/sahilm/fuzzy"
)

// push offers c to the bounded min-heap of the best candidates.
func (s *searcher) push(c candidate) {
	h := s.heap
	if len(h) < s.size {
		h = append(h, c)
		for i := len(h) - 1; i > 0; {
			p := (i - 1) / 2
			if h[p].key <= h[i].key {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		s.heap = h
		return
	}
	if c.key <= h[0].key {
		return
	}
	h[0] = c
	for i := 0; ; {
		l, small := 2*i+1, i
		if l < len(h) && h[l].key < h[small].key {
			small = l
		}
		if r := l + 1; r < len(h) && h[r].key < h[small].key {
			small = r
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
}

// sorted returns the heap's candidates, best first.
func (s *searcher) sorted() []candidate {
	out := slices.Clone(s.heap)
	slices.SortStableFunc(out, func(a, b candidate) int {
		switch {
		case a.key > b.key:
			return -1
		case a.key < b.key:
			return 1
		}
		return int(a.slot) - int(b.slot)
	})
	return out
}

// ranked is a result with the keys that order it after Score and Weight.
type ranked struct {
	Result
	weight int32
	fuzzy  int
}

// rank keeps the best candidate of each Kind+ID, orders ties on Score and
// Weight with sahilm/fuzzy's score, and fills in texts and positions.
func (ix *Index) rank(cands []candidate, variants []variant, limit int) []Result {
	type ident struct {
		kind uint8
		id   int64
	}
	seen := make(map[ident]bool, limit)
	var picked []candidate
	for _, c := range cands {
		kind, eid, _, _ := ix.entryInfo(c.slot)
		id := ident{kind, eid}
		if seen[id] {
			continue
		}
		// Past the limit, keep only ties with the last one taken, for the
		// fuzzy score to order.
		if len(picked) >= limit && c.key != picked[len(picked)-1].key {
			break
		}
		seen[id] = true
		picked = append(picked, c)
	}
	out := make([]ranked, 0, len(picked))
	var f folded
	for i := range picked {
		out = append(out, ix.result(&picked[i], variants[picked[i].variant].words, &f))
	}
	slices.SortStableFunc(out, func(a, b ranked) int {
		switch {
		case a.Score != b.Score:
			return b.Score - a.Score
		case a.weight != b.weight:
			if a.weight > b.weight {
				return -1
			}
			return 1
		case a.fuzzy != b.fuzzy:
			return b.fuzzy - a.fuzzy
		case len(a.Text) != len(b.Text):
			return len(a.Text) - len(b.Text)
		}
		return strings.Compare(a.Text, b.Text)
	})
	res := make([]Result, 0, min(limit, len(out)))
	for i := range out[:min(limit, len(out))] {
		res = append(res, out[i].Result)
	}
	return res
}

// result builds the Result of c: positions come from sahilm/fuzzy when the
// query matched without edits and in order, else from aligning each query
// word with the text word it matched.
func (ix *Index) result(c *candidate, words [][]rune, f *folded) ranked {
	kind, id, text, weight := ix.entryInfo(c.slot)
	foldText(f, text)
	r := ranked{Result: Result{Kind: ix.kinds[kind], ID: id, Text: text, Score: c.score()}, weight: weight}

	var pattern []rune
	edits, inOrder := 0, true
	for i, w := range words {
		pattern = append(pattern, w...)
		edits += int(c.code(i) >> 1)
		if i > 0 && c.assign[i] < c.assign[i-1] {
			inOrder = false
		}
	}
	target := string(f.runes)
	var fm *fuzzy.Match
	if ms := fuzzy.Find(string(pattern), []string{target}); len(ms) == 1 {
		fm = &ms[0]
		r.fuzzy = fm.Score
	} else {
		r.fuzzy = -costEdit * edits // our own score where fuzzy finds no subsequence
	}

	var pos []int
	if fm != nil && edits == 0 && inOrder {
		runeAt := byteToRuneIndex(target)
		for _, b := range fm.MatchedIndexes {
			pos = append(pos, int(f.orig[runeAt[b]]))
		}
	} else {
		for i, w := range words {
			j := int(c.assign[i])
			if j >= len(f.words) {
				continue
			}
			start := f.words[j][0]
			for _, p := range alignPositions(w, f.word(j), c.code(i)) {
				pos = append(pos, int(f.orig[start+p]))
			}
		}
	}
	slices.Sort(pos)
	r.Positions = slices.Compact(pos)
	return r
}

// byteToRuneIndex maps each byte offset of s that starts a rune to the index
// of that rune.
func byteToRuneIndex(s string) []int {
	m := make([]int, len(s)+1)
	i := 0
	for b := range s {
		m[b] = i
		i++
	}
	return m
}

// entryInfo returns the kind, ID, text and weight of a candidate slot.
func (ix *Index) entryInfo(slot uint32) (kind uint8, id int64, text string, weight int32) {
	if slot&deltaSlot != 0 {
		en := &ix.entries[slot&^deltaSlot]
		return en.kind, en.id, ix.text(en), en.weight
	}
	var r record
	var buf [maxTextWords]int32
	decodeRecord(ix.base.rec(slot), buf[:0], &r)
	return r.kind, r.id, string(r.text), r.weight
}
