package ner

import "strings"

// Brown word clusters (package brown) as features: nertrain learns them
// over ClusterText and Train stores them in the model (Model.Clusters).

// clusterPrefixes are the bit-string prefixes used as features, as in
// Turian et al. (2010) and Ratinov and Roth (2009): short prefixes are
// coarse word classes, long ones fine. A path shorter than a prefix is
// used whole.
var clusterPrefixes = [...]struct {
	n    int
	self string // feature name for the token
	prev string // for the previous token
	next string // for the next token
}{
	{4, "k4", "k-1:4", "k+1:4"},
	{6, "k6", "k-1:6", "k+1:6"},
	{10, "k10", "k-1:10", "k+1:10"},
	{20, "k20", "k-1:20", "k+1:20"},
}

// clusterAt returns the cluster bit string of token i ("" and false for a
// word without a cluster or outside the sentence).
func (f *sentenceFeatures) clusterAt(i int) (string, bool) {
	if f.clusters == nil || i < 0 || i >= len(f.toks) {
		return "", false
	}
	p, ok := f.clusters[f.toks[i].lower]
	return p, ok
}

// clusterFeatures emits the cluster prefixes of token i and of its
// neighbours. A word without a cluster (rare in the clustered text, or
// unseen) gives none.
func (f *sentenceFeatures) clusterFeatures(i int, out featureEmitter) {
	for d := -1; d <= 1; d++ {
		p, ok := f.clusterAt(i + d)
		if !ok {
			continue
		}
		for _, c := range clusterPrefixes {
			name := c.self
			switch d {
			case -1:
				name = c.prev
			case 1:
				name = c.next
			}
			f.emit(out, name, p[:min(c.n, len(p))])
		}
	}
}

// ClusterText returns the words of every sentence of sets, lower-cased, as
// unlabelled text to learn clusters from (labels are not used).
func ClusterText(sets []TrainingSet) [][]string {
	var out [][]string
	for _, s := range sets {
		for _, g := range s.Sents {
			ws := make([]string, len(g.Words))
			for i, w := range g.Words {
				ws[i] = strings.ToLower(w)
			}
			out = append(out, ws)
		}
	}
	return out
}
