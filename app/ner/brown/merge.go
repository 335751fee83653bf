package brown

import "math"

// maxLogTable bounds the table of logarithms of counts (8 MB); larger
// counts, from texts of more than a million bigrams, are computed.
const maxLogTable = 1 << 20

// clusterer holds the active clusters in K = C+1 slots, their bigram
// counts, AMI terms and the loss of merging each pair.
type clusterer struct {
	C, K        int
	N           float64 // all bigrams
	right, left [][]edge
	pl0, pr0    []float64 // per word: bigrams where it is left / right

	slot    []int32   // word -> slot (-1: not yet added)
	used    []bool    // per slot
	members [][]int32 // per slot, the words in it (phase 1)
	n       []float64 // K*K: n[s*K+t] bigrams of cluster s followed by t
	pl, pr  []float64 // per slot marginals
	q       []float64 // K*K symmetric: q[s][t] the AMI terms of s,t (both orders)
	loss    []float64 // K*K, s < t: the AMI lost by merging s and t
	act     []int32   // scratch: active slots

	// Logarithms kept so that the O(C²) loops call no math.Log: of every
	// count up to N, of each slot's marginals and of each pair's sums.
	logn     []float64 // log(i) for i = 0..N
	logN     float64
	lpl, lpr []float64 // per slot: log pl, log pr
	lpl2     []float64 // K*K: log(pl[s]+pl[t])
	lpr2     []float64 // K*K: log(pr[s]+pr[t])

	node []int32    // phase 2: slot -> tree node
	kids [][2]int32 // tree nodes' children (-1 for leaves)
	leaf []int32    // slot at phase 2's start -> its leaf node
}

func newClusterer(words, c int, right, left [][]edge) *clusterer {
	k := c + 1
	cl := &clusterer{C: c, K: k, right: right, left: left,
		pl0: make([]float64, words), pr0: make([]float64, words), slot: make([]int32, words),
		used: make([]bool, k), members: make([][]int32, k), n: make([]float64, k*k),
		pl: make([]float64, k), pr: make([]float64, k), q: make([]float64, k*k), loss: make([]float64, k*k),
		lpl: make([]float64, k), lpr: make([]float64, k), lpl2: make([]float64, k*k), lpr2: make([]float64, k*k)}
	for w := range words {
		cl.slot[w] = -1
		for _, e := range right[w] {
			cl.pl0[w] += e.n
			cl.N += e.n
		}
		for _, e := range left[w] {
			cl.pr0[w] += e.n
		}
	}
	cl.logn = make([]float64, min(int(cl.N), maxLogTable)+1)
	for i := range cl.logn {
		cl.logn[i] = math.Log(float64(i))
	}
	cl.logN = math.Log(cl.N)
	return cl
}

// ql is qf with the logarithms of the marginals given: n counts (an
// integer) between a cluster with log left marginal la and one with log
// right marginal lb.
func (c *clusterer) ql(n, la, lb float64) float64 {
	if n <= 0 {
		return 0
	}
	ln := 0.0
	if i := int(n); i < len(c.logn) {
		ln = c.logn[i]
	} else {
		ln = math.Log(n)
	}
	return n / c.N * (ln + c.logN - la - lb)
}

// setLogs updates the logarithms of slot s's marginals and of its sums
// with every active slot.
func (c *clusterer) setLogs(s int) {
	c.lpl[s], c.lpr[s] = math.Log(c.pl[s]), math.Log(c.pr[s])
	for _, u := range c.active() {
		l := math.Log(c.pl[s] + c.pl[u])
		c.lpl2[s*c.K+int(u)], c.lpl2[int(u)*c.K+s] = l, l
		r := math.Log(c.pr[s] + c.pr[u])
		c.lpr2[s*c.K+int(u)], c.lpr2[int(u)*c.K+s] = r, r
	}
}

// qf is the AMI term of n bigrams between a cluster with left marginal a
// and one with right marginal b.
func (c *clusterer) qf(n, a, b float64) float64 {
	if n <= 0 {
		return 0
	}
	return n / c.N * math.Log(n*c.N/(a*b))
}

// qpair computes q of slots s and t from the counts.
func (c *clusterer) qpair(s, t int) float64 {
	K := c.K
	if s == t {
		return c.qf(c.n[s*K+s], c.pl[s], c.pr[s])
	}
	return c.qf(c.n[s*K+t], c.pl[s], c.pr[t]) + c.qf(c.n[t*K+s], c.pl[t], c.pr[s])
}

// term is what cluster u adds to the loss of merging s and t: the terms
// of s,u and t,u now, less that of the merged cluster and u.
func (c *clusterer) term(s, t, u int) float64 {
	K := c.K
	merged := c.ql(c.n[s*K+u]+c.n[t*K+u], c.lpl2[s*K+t], c.lpr[u]) +
		c.ql(c.n[u*K+s]+c.n[u*K+t], c.lpl[u], c.lpr2[s*K+t])
	return c.q[s*K+u] + c.q[t*K+u] - merged
}

// computeLoss computes the loss of merging s and t from scratch, O(C).
func (c *clusterer) computeLoss(s, t int) float64 {
	K := c.K
	self := c.n[s*K+s] + c.n[s*K+t] + c.n[t*K+s] + c.n[t*K+t]
	l := c.q[s*K+s] + c.q[t*K+t] + c.q[s*K+t] - c.qf(self, c.pl[s]+c.pl[t], c.pr[s]+c.pr[t])
	for _, u := range c.active() {
		if int(u) != s && int(u) != t {
			l += c.term(s, t, int(u))
		}
	}
	return l
}

// active returns the active slots in order (scratch, valid until the next call).
func (c *clusterer) active() []int32 {
	c.act = c.act[:0]
	for s, u := range c.used {
		if u {
			c.act = append(c.act, int32(s))
		}
	}
	return c.act
}

// setQ recomputes the q terms of slot s with every active slot.
func (c *clusterer) setQ(s int) {
	for _, u := range c.active() {
		v := c.qpair(s, int(u))
		c.q[s*c.K+int(u)] = v
		c.q[int(u)*c.K+s] = v
	}
}

// adjustPairs adds sign times term(p, r, u) to the loss of every active
// pair p < r that includes neither u nor skip.
func (c *clusterer) adjustPairs(u, skip int, sign float64) {
	act := append([]int32(nil), c.active()...)
	for i, p := range act {
		if int(p) == u || int(p) == skip {
			continue
		}
		for _, r := range act[i+1:] {
			if int(r) == u || int(r) == skip {
				continue
			}
			c.loss[int(p)*c.K+int(r)] += sign * c.term(int(p), int(r), u)
		}
	}
}

// setLosses computes from scratch the loss of merging s with every other active slot.
func (c *clusterer) setLosses(s int) {
	act := append([]int32(nil), c.active()...)
	for _, u := range act {
		if int(u) == s {
			continue
		}
		a, b := min(s, int(u)), max(s, int(u))
		c.loss[a*c.K+b] = c.computeLoss(a, b)
	}
}

// add puts word w into a free slot as a cluster of its own.
func (c *clusterer) add(w int32) {
	s := 0
	for c.used[s] {
		s++
	}
	K := c.K
	for u := range K {
		c.n[s*K+u], c.n[u*K+s] = 0, 0
	}
	c.slot[w] = int32(s)
	c.members[s] = append(c.members[s][:0], w)
	for _, e := range c.right[w] {
		if t := c.slot[e.w]; t >= 0 {
			c.n[s*K+int(t)] += e.n
		}
	}
	for _, e := range c.left[w] {
		if t := c.slot[e.w]; t >= 0 && e.w != w {
			c.n[int(t)*K+s] += e.n
		}
	}
	c.pl[s], c.pr[s] = c.pl0[w], c.pr0[w]
	c.used[s] = true
	c.setLogs(s)
	c.setQ(s)
	c.adjustPairs(s, -1, 1)
	c.setLosses(s)
}

// mergeBest merges the active pair that loses the least AMI; in the tree
// phase it records the merge as a tree node.
func (c *clusterer) mergeBest(tree bool) {
	act := c.active()
	best, ba, bb := math.Inf(1), -1, -1
	for i, p := range act {
		for _, r := range act[i+1:] {
			if l := c.loss[int(p)*c.K+int(r)]; l < best {
				best, ba, bb = l, int(p), int(r)
			}
		}
	}
	c.merge(ba, bb, tree)
}

// merge merges slot b into slot a (a < b).
func (c *clusterer) merge(a, b int, tree bool) {
	K := c.K
	c.adjustPairs(a, b, -1)
	c.adjustPairs(b, a, -1)
	for _, u := range c.active() {
		if int(u) != a && int(u) != b {
			c.n[a*K+int(u)] += c.n[b*K+int(u)]
			c.n[int(u)*K+a] += c.n[int(u)*K+b]
		}
	}
	c.n[a*K+a] += c.n[a*K+b] + c.n[b*K+a] + c.n[b*K+b]
	c.pl[a] += c.pl[b]
	c.pr[a] += c.pr[b]
	c.used[b] = false
	c.setLogs(a)
	c.setQ(a)
	c.adjustPairs(a, -1, 1)
	c.setLosses(a)
	if tree {
		c.kids = append(c.kids, [2]int32{c.node[a], c.node[b]})
		c.node[a] = int32(len(c.kids) - 1)
		return
	}
	for _, w := range c.members[b] {
		c.slot[w] = int32(a)
	}
	c.members[a] = append(c.members[a], c.members[b]...)
	c.members[b] = c.members[b][:0]
}

// ami returns the average mutual information of the active clusters.
func (c *clusterer) ami() float64 {
	var sum float64
	act := c.active()
	for i, s := range act {
		for _, t := range act[i:] {
			sum += c.q[int(s)*c.K+int(t)]
		}
	}
	return sum
}

// startTree makes every active cluster a leaf of the merge tree.
func (c *clusterer) startTree() {
	c.node = make([]int32, c.K)
	c.leaf = make([]int32, c.K)
	for s := range c.K {
		c.node[s], c.leaf[s] = -1, -1
	}
	for _, s := range c.active() {
		c.kids = append(c.kids, [2]int32{-1, -1})
		c.node[s] = int32(len(c.kids) - 1)
		c.leaf[s] = c.node[s]
	}
}

// slotOf returns the phase-1 slot of word w.
func (c *clusterer) slotOf(w int32) int32 { return c.slot[w] }

// paths returns the bit string of each phase-1 slot's leaf.
func (c *clusterer) paths() []string {
	byNode := make([]string, len(c.kids))
	root := c.node[c.active()[0]]
	stack := []int32{root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if k := c.kids[v]; k[0] >= 0 {
			byNode[k[0]] = byNode[v] + "0"
			byNode[k[1]] = byNode[v] + "1"
			stack = append(stack, k[0], k[1])
		}
	}
	out := make([]string, c.K)
	for s, l := range c.leaf {
		if l >= 0 {
			out[s] = byNode[l]
		}
	}
	return out
}
