package lookup

// trie maps every distinct folded word of the index to a word id. Nodes live
// in one slice and link to their first child and next sibling, so the whole
// vocabulary costs 16 bytes per node and no pointers for the collector.
type trie struct {
	nodes []tnode // nodes[0] is the root
	words int32   // number of word ids handed out
}

type tnode struct {
	r     rune
	child uint32 // first child, 0 = none
	next  uint32 // next sibling, 0 = none
	word  int32  // word id + 1, 0 = no word ends here
}

func newTrie() trie { return trie{nodes: make([]tnode, 1, 1024)} }

// insert returns the id of w, adding it when it is new.
func (t *trie) insert(w []rune) int32 {
	n := uint32(0)
	for _, r := range w {
		c := t.nodes[n].child
		for c != 0 && t.nodes[c].r != r {
			c = t.nodes[c].next
		}
		if c == 0 {
			c = uint32(len(t.nodes))
			t.nodes = append(t.nodes, tnode{r: r, next: t.nodes[n].child})
			t.nodes[n].child = c
		}
		n = c
	}
	if t.nodes[n].word == 0 {
		t.words++
		t.nodes[n].word = t.words
	}
	return t.nodes[n].word - 1
}

// Word match codes: 2*edits for a whole-word match, 2*edits+1 when the query
// word matched only a prefix of the word. Lower is better; noMatch is none.
const noMatch = 0xF

// maxEdits returns the edits a query word of n runes may carry when it
// matches a whole word (full) or only the start of one (prefix).
func maxEdits(n int) (full, prefix int) {
	switch {
	case n <= 2:
		full = 0
	case n <= 4:
		full = 1
	default:
		full = 2
	}
	switch {
	case n <= 3:
		prefix = 0
	case n <= 6:
		prefix = 1
	default:
		prefix = 2
	}
	return full, prefix
}

// fuzzySearch calls emit for every word within reach of q: whole words within
// kFull edits and words with a prefix within kPref edits (optimal string
// alignment distance: insertions, deletions, substitutions, transpositions).
func (t *trie) fuzzySearch(q []rune, kFull, kPref int, emit func(word int32, code uint8)) {
	s := trieSearch{t: t, q: q, kFull: kFull, kPref: kPref, emit: emit}
	n := len(q)
	s.rows = make([]int16, (maxWordRunes+1)*(n+1))
	for j := 0; j <= n; j++ {
		s.rows[j] = int16(j)
	}
	best := int16(n)
	if n > kPref {
		best = 1 << 14
	}
	for c := t.nodes[0].child; c != 0; c = t.nodes[c].next {
		s.visit(c, 1, best)
	}
}

type trieSearch struct {
	t            *trie
	q            []rune
	kFull, kPref int
	rows         []int16 // row d holds the distances of q's prefixes to the path's d-rune prefix
	path         [maxWordRunes + 1]rune
	emit         func(word int32, code uint8)
}

// visit computes the row of node at depth d and recurses; bestPref is the
// smallest distance of q to a prefix of the path so far.
func (s *trieSearch) visit(node uint32, d int, bestPref int16) {
	nd := &s.t.nodes[node]
	c := nd.r
	s.path[d] = c
	n := len(s.q)
	w := n + 1
	prev, row := s.rows[(d-1)*w:d*w], s.rows[d*w:(d+1)*w]
	row[0] = int16(d)
	rowMin := row[0]
	for j := 1; j <= n; j++ {
		cost := int16(1)
		if s.q[j-1] == c {
			cost = 0
		}
		v := min(prev[j]+1, row[j-1]+1, prev[j-1]+cost)
		if d > 1 && j > 1 && s.q[j-1] == s.path[d-1] && s.q[j-2] == c {
			v = min(v, s.rows[(d-2)*w+j-2]+1)
		}
		row[j] = v
		rowMin = min(rowMin, v)
	}
	full := row[n]
	bestPref = min(bestPref, full)
	prefOK := int(bestPref) <= s.kPref
	if nd.word != 0 {
		code := uint8(noMatch)
		if int(full) <= s.kFull {
			code = uint8(2 * full)
		}
		if prefOK && uint8(2*bestPref+1) < code {
			code = uint8(2*bestPref + 1)
		}
		if code != noMatch {
			s.emit(nd.word-1, code)
		}
	}
	if prefOK && rowMin > bestPref {
		// Nothing below can beat the prefix match already found.
		s.enumerate(nd.child, uint8(2*bestPref+1))
		return
	}
	if int(rowMin) > s.kFull && int(rowMin) > s.kPref && !prefOK {
		return
	}
	if d >= maxWordRunes {
		return
	}
	for ch := nd.child; ch != 0; ch = s.t.nodes[ch].next {
		s.visit(ch, d+1, bestPref)
	}
}

// enumerate emits every word in the subtrees starting at first and its
// siblings with the same code.
func (s *trieSearch) enumerate(first uint32, code uint8) {
	stack := []uint32{}
	if first != 0 {
		stack = append(stack, first)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &s.t.nodes[n]
		if nd.word != 0 {
			s.emit(nd.word-1, code)
		}
		if nd.next != 0 {
			stack = append(stack, nd.next)
		}
		if nd.child != 0 {
			stack = append(stack, nd.child)
		}
	}
}

// relayout rewrites the nodes so that the children of every node are
// contiguous and close to their parent (depth first), which keeps a search's
// walk in few cache lines. Word ids are unchanged.
func (t *trie) relayout() {
	nodes := make([]tnode, 1, len(t.nodes))
	nodes[0] = tnode{word: t.nodes[0].word}
	type job struct{ old, new uint32 }
	stack := []job{{0, 0}}
	var kids []job
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		kids = kids[:0]
		for c := t.nodes[j.old].child; c != 0; c = t.nodes[c].next {
			o := t.nodes[c]
			kids = append(kids, job{old: c, new: uint32(len(nodes))})
			nodes = append(nodes, tnode{r: o.r, word: o.word, next: uint32(len(nodes)) + 1})
		}
		if len(kids) == 0 {
			continue
		}
		nodes[len(nodes)-1].next = 0
		nodes[j.new].child = kids[0].new
		for k := len(kids) - 1; k >= 0; k-- { // the first child's subtree next
			stack = append(stack, kids[k])
		}
	}
	t.nodes = nodes
}
