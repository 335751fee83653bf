package ingest

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Boosted is a small gradient-boosted set of regression trees for binary
// classification (logistic loss), learned by cmd/texttrain. Each tree is
// stored as flat node arrays: node k splits on Feat[k] at Thresh[k] (x <=
// Thresh goes to Left[k]) or, when Feat[k] < 0, is a leaf worth Value[k].
type Boosted struct {
	Base  float64 `json:"base"`
	Trees []Tree  `json:"trees"`
}

// Tree is one regression tree of a Boosted model.
type Tree struct {
	Feat   []int     `json:"f"`
	Thresh []float64 `json:"t"`
	Left   []int     `json:"l"`
	Right  []int     `json:"r"`
	Value  []float64 `json:"v"`
}

// Prob returns the probability of the positive class for x.
func (b *Boosted) Prob(x []float64) float64 {
	z := b.Base
	for ti := range b.Trees {
		t := &b.Trees[ti]
		k := 0
		for t.Feat[k] >= 0 {
			if x[t.Feat[k]] <= t.Thresh[k] {
				k = t.Left[k]
			} else {
				k = t.Right[k]
			}
		}
		z += t.Value[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// BoostOptions sets the size and pace of boosting.
type BoostOptions struct {
	Trees, Depth, Bins int
	Rate, Lambda       float64
	MinHess            float64
	// Features, when not nil, lists the only features the trees may
	// split on (fewer features for a model that must generalise).
	Features []int
	// ColSample, when in (0, 1), is the share of the allowed features
	// each tree may split on, drawn per tree from a fixed-seed generator
	// (deterministic training).
	ColSample float64
}

// FitBoosted learns a Boosted model by second-order gradient boosting with
// histogram splits (features cut at up to Bins quantiles).
func FitBoosted(X [][]float64, y []bool, rowW []float64, o BoostOptions) (*Boosted, error) {
	n := len(X)
	if n == 0 || n != len(y) {
		return nil, errors.New("fit boosted: no rows, or labels and rows differ in number")
	}
	w := func(i int) float64 {
		if rowW == nil {
			return 1
		}
		return rowW[i]
	}
	pos, tot := 0.0, 0.0
	for i := range y {
		if y[i] {
			pos += w(i)
		}
		tot += w(i)
	}
	p0 := math.Min(math.Max(pos/tot, 1e-3), 1-1e-3)
	return fitBoosted(X, math.Log(p0/(1-p0)), func(f, g, h []float64) {
		for i := range f {
			p := 1 / (1 + math.Exp(-f[i]))
			yi := 0.0
			if y[i] {
				yi = 1
			}
			g[i], h[i] = w(i)*(p-yi), w(i)*math.Max(p*(1-p), 1e-6)
		}
	}, o)
}

// FitRanker learns a Boosted scorer that ranks the rows of each group (rows
// with the same group number) so that the positive row comes first: the
// loss is the softmax cross-entropy over the group (a listwise ranking
// loss). Groups without a positive row are left out. Only the order of the
// scores within a group is meaningful.
func FitRanker(X [][]float64, y []bool, group []int, o BoostOptions) (*Boosted, error) {
	if len(X) == 0 || len(X) != len(y) || len(X) != len(group) {
		return nil, errors.New("fit ranker: no rows, or labels, groups and rows differ in number")
	}
	members := map[int][]int{}
	var order []int
	for i, gr := range group {
		if _, ok := members[gr]; !ok {
			order = append(order, gr)
		}
		members[gr] = append(members[gr], i)
	}
	var keep []int
	for _, gr := range order {
		npos := 0
		for _, i := range members[gr] {
			if y[i] {
				npos++
			}
		}
		if npos > 0 && npos < len(members[gr]) {
			keep = append(keep, gr)
		}
	}
	if len(keep) == 0 {
		return nil, errors.New("fit ranker: no group has both a positive and a negative row")
	}
	var rows [][]float64
	var spans [][2]int
	var target []float64
	for _, gr := range keep {
		lo := len(rows)
		npos := 0
		for _, i := range members[gr] {
			if y[i] {
				npos++
			}
		}
		for _, i := range members[gr] {
			rows = append(rows, X[i])
			t := 0.0
			if y[i] {
				t = 1 / float64(npos)
			}
			target = append(target, t)
		}
		spans = append(spans, [2]int{lo, len(rows)})
	}
	return fitBoosted(rows, 0, func(f, g, h []float64) {
		for _, sp := range spans {
			mx := math.Inf(-1)
			for i := sp[0]; i < sp[1]; i++ {
				mx = math.Max(mx, f[i])
			}
			z := 0.0
			for i := sp[0]; i < sp[1]; i++ {
				z += math.Exp(f[i] - mx)
			}
			for i := sp[0]; i < sp[1]; i++ {
				p := math.Exp(f[i]-mx) / z
				g[i], h[i] = p-target[i], math.Max(p*(1-p), 1e-6)
			}
		}
	}, o)
}

// fitBoosted grows o.Trees trees from the starting score base; grad fills
// the gradient and hessian of the loss at the current scores.
func fitBoosted(X [][]float64, base float64, grad func(f, g, h []float64), o BoostOptions) (*Boosted, error) {
	n := len(X)
	d := len(X[0])
	for _, j := range o.Features {
		if j < 0 || j >= d {
			return nil, fmt.Errorf("fit boosted: feature %d of %d allowed", j, d)
		}
	}
	cuts := make([][]float64, d)
	for j := range d {
		cuts[j] = quantileCuts(X, j, o.Bins)
	}
	bin := make([][]uint8, n)
	for i, x := range X {
		bin[i] = make([]uint8, d)
		for j := range d {
			bin[i][j] = uint8(sort.SearchFloat64s(cuts[j], x[j]))
		}
	}
	m := &Boosted{Base: base}
	f := make([]float64, n)
	for i := range f {
		f[i] = m.Base
	}
	g, h := make([]float64, n), make([]float64, n)
	node := make([]int, n)
	nb := o.Bins + 1
	allowed := o.Features
	if allowed == nil {
		allowed = make([]int, d)
		for j := range allowed {
			allowed[j] = j
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	cols := append([]int(nil), allowed...)
	for t := 0; t < o.Trees; t++ {
		grad(f, g, h)
		cols = cols[:len(allowed)]
		copy(cols, allowed)
		if o.ColSample > 0 && o.ColSample < 1 {
			rng.Shuffle(len(cols), func(a, b int) { cols[a], cols[b] = cols[b], cols[a] })
			cols = cols[:max(1, int(math.Round(o.ColSample*float64(len(cols)))))]
		}
		for i := range n {
			node[i] = 0
		}
		tr := Tree{Feat: []int{-1}, Thresh: []float64{0}, Left: []int{-1}, Right: []int{-1}, Value: []float64{0}}
		frontier := []int{0}
		for depth := 0; depth < o.Depth && len(frontier) > 0; depth++ {
			idx := map[int]int{}
			for k, nd := range frontier {
				idx[nd] = k
			}
			hg := make([]float64, len(frontier)*d*nb)
			hh := make([]float64, len(frontier)*d*nb)
			for i := range n {
				k, ok := idx[node[i]]
				if !ok {
					continue
				}
				base := k * d * nb
				for j, b := range bin[i] {
					hg[base+j*nb+int(b)] += g[i]
					hh[base+j*nb+int(b)] += h[i]
				}
			}
			var next []int
			for k, nd := range frontier {
				base := k * d * nb
				G, H := 0.0, 0.0
				for b := 0; b < nb; b++ {
					G += hg[base+b]
					H += hh[base+b]
				}
				best, bf, bb := 0.0, -1, 0
				for _, j := range cols {
					gl, hl := 0.0, 0.0
					for b := 0; b < nb-1; b++ {
						gl += hg[base+j*nb+b]
						hl += hh[base+j*nb+b]
						gr, hr := G-gl, H-hl
						if hl < o.MinHess || hr < o.MinHess {
							continue
						}
						gain := gl*gl/(hl+o.Lambda) + gr*gr/(hr+o.Lambda) - G*G/(H+o.Lambda)
						if gain > best && b < len(cuts[j]) {
							best, bf, bb = gain, j, b
						}
					}
				}
				if bf < 0 {
					continue
				}
				l, r := len(tr.Feat), len(tr.Feat)+1
				tr.Feat[nd], tr.Thresh[nd], tr.Left[nd], tr.Right[nd] = bf, cuts[bf][bb], l, r
				for range 2 {
					tr.Feat = append(tr.Feat, -1)
					tr.Thresh = append(tr.Thresh, 0)
					tr.Left = append(tr.Left, -1)
					tr.Right = append(tr.Right, -1)
					tr.Value = append(tr.Value, 0)
				}
				next = append(next, l, r)
			}
			for i := range n {
				nd := node[i]
				if tr.Feat[nd] >= 0 {
					if int(bin[i][tr.Feat[nd]]) <= sort.SearchFloat64s(cuts[tr.Feat[nd]], tr.Thresh[nd]) {
						node[i] = tr.Left[nd]
					} else {
						node[i] = tr.Right[nd]
					}
				}
			}
			frontier = next
		}
		G, H := make([]float64, len(tr.Feat)), make([]float64, len(tr.Feat))
		for i := range n {
			G[node[i]] += g[i]
			H[node[i]] += h[i]
		}
		for k := range tr.Feat {
			if tr.Feat[k] < 0 {
				tr.Value[k] = -o.Rate * G[k] / (H[k] + o.Lambda)
			}
		}
		for i := range n {
			f[i] += tr.Value[node[i]]
		}
		m.Trees = append(m.Trees, tr)
	}
	return m, nil
}

// quantileCuts returns up to bins distinct cut points of feature j: a row
// falls in bin b when cuts[b-1] < x <= cuts[b].
func quantileCuts(X [][]float64, j, bins int) []float64 {
	step := max(1, len(X)/20000)
	var v []float64
	for i := 0; i < len(X); i += step {
		v = append(v, X[i][j])
	}
	sort.Float64s(v)
	var cuts []float64
	for b := 1; b <= bins; b++ {
		c := v[min(len(v)-1, b*len(v)/(bins+1))]
		if len(cuts) == 0 || c > cuts[len(cuts)-1] {
			cuts = append(cuts, c)
		}
	}
	return cuts
}

// Check reports why b cannot be evaluated on rows of nFeatures features, or
// nil: every tree's node arrays of one length, each split on a feature the
// rows have with both children after it (so Prob always reaches a leaf),
// and finite numbers. A model read from a file someone else wrote is
// checked before use.
func (b *Boosted) Check(nFeatures int) error {
	if b == nil {
		return errors.New("no model")
	}
	if math.IsNaN(b.Base) || math.IsInf(b.Base, 0) {
		return errors.New("base is not a finite number")
	}
	for ti, t := range b.Trees {
		n := len(t.Feat)
		if n == 0 || len(t.Thresh) != n || len(t.Left) != n || len(t.Right) != n || len(t.Value) != n {
			return fmt.Errorf("tree %d: node arrays empty or of different lengths", ti)
		}
		for k := range n {
			if math.IsNaN(t.Value[k]) || math.IsInf(t.Value[k], 0) || math.IsNaN(t.Thresh[k]) {
				return fmt.Errorf("tree %d node %d: not a finite number", ti, k)
			}
			if t.Feat[k] < 0 {
				continue
			}
			if t.Feat[k] >= nFeatures {
				return fmt.Errorf("tree %d node %d: splits on feature %d of %d", ti, k, t.Feat[k], nFeatures)
			}
			if t.Left[k] <= k || t.Left[k] >= n || t.Right[k] <= k || t.Right[k] >= n {
				return fmt.Errorf("tree %d node %d: a child out of order or out of range", ti, k)
			}
		}
	}
	return nil
}
