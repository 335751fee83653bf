// Package brown learns Brown word clusters (Brown et al. 1992, "Class-based
// n-gram models of natural language") from unlabelled text with Liang's
// windowed algorithm (Liang 2005, "Semi-supervised learning for natural
// language", MIT): the words are taken by falling frequency; C clusters are
// kept active; each next word enters as a cluster of its own and the two
// clusters whose merge loses the least average mutual information (AMI)
// between adjacent clusters are merged. When every word is in, the C
// clusters are merged the same way down to one, and the path from the root
// of that merge tree (0 left, 1 right) is each cluster's bit string.
//
// The losses of all pairs are kept and updated after each change in O(C²),
// so the whole run takes O(V·C²) for V words. The result is deterministic:
// ties go to the first pair in slot order.
package brown

import (
	"cmp"
	"errors"
	"slices"
	"strings"
)

// Options controls Cluster.
type Options struct {
	Clusters int // C, the active clusters (and the leaves of the tree); >= 1
	MinCount int // words seen fewer times are left out; < 1 means 1
	// Progress, if set, is called now and then with the words added so far.
	Progress func(added, total int)
}

// Result is the outcome of Cluster.
type Result struct {
	Paths map[string]string // word -> bit string of its cluster
	Words int               // vocabulary size (words with MinCount or more)
	AMI   float64           // average mutual information of the C clusters (nats)
}

// edge is a bigram count to a neighbour word.
type edge struct {
	w int32
	n float64
}

// Cluster clusters the words of sents (each a sequence of words; bigrams
// never cross sentences; words are taken as given).
func Cluster(sents [][]string, opt Options) (Result, error) {
	if opt.Clusters < 1 {
		return Result{}, errors.New("brown: need at least one cluster")
	}
	words, right, left := vocabulary(sents, max(opt.MinCount, 1))
	if len(words) == 0 {
		return Result{Paths: map[string]string{}}, nil
	}
	c := newClusterer(len(words), min(opt.Clusters, len(words)), right, left)
	for w := range words {
		c.add(int32(w))
		if len(c.active()) > c.C {
			c.mergeBest(false)
		}
		if opt.Progress != nil && (w+1)%1000 == 0 {
			opt.Progress(w+1, len(words))
		}
	}
	ami := c.ami()
	c.startTree()
	for len(c.active()) > 1 {
		c.mergeBest(true)
	}
	paths := c.paths()
	res := Result{Paths: make(map[string]string, len(words)), Words: len(words), AMI: ami}
	for w, word := range words {
		res.Paths[word] = paths[c.slotOf(int32(w))]
	}
	return res, nil
}

// vocabulary returns the words seen minCount times or more, by falling
// count (ties by the word), and their bigram counts in both directions.
func vocabulary(sents [][]string, minCount int) ([]string, [][]edge, [][]edge) {
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[w]++
		}
	}
	var words []string
	for w, n := range count {
		if n >= minCount {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	id := make(map[string]int32, len(words))
	for i, w := range words {
		id[w] = int32(i)
	}
	pairs := map[[2]int32]float64{}
	for _, s := range sents {
		for i := 1; i < len(s); i++ {
			a, okA := id[s[i-1]]
			b, okB := id[s[i]]
			if okA && okB {
				pairs[[2]int32{a, b}]++
			}
		}
	}
	right := make([][]edge, len(words))
	left := make([][]edge, len(words))
	for p, n := range pairs {
		right[p[0]] = append(right[p[0]], edge{p[1], n})
		left[p[1]] = append(left[p[1]], edge{p[0], n})
	}
	byWord := func(a, b edge) int { return cmp.Compare(a.w, b.w) }
	for i := range words {
		slices.SortFunc(right[i], byWord)
		slices.SortFunc(left[i], byWord)
	}
	return words, right, left
}
