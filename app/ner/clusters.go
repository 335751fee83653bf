package ner

import "strings"

// Brown word clusters (package brown) as features: nertrain learns them
// over ClusterText and Train stores them in the model (Model.Clusters).

// Clusters are Brown word clusters: word -> bit string.
type Clusters struct {
	Paths map[string]string
	// Cased is true when Paths holds words as written; false: lower-cased.
	Cased bool
}

// clusterPrefixes are the bit-string prefixes of the token's cluster used
// as features, as in Turian et al. (2010) and Ratinov and Roth (2009):
// short prefixes are coarse word classes, long ones fine. A path shorter
// than a prefix is used whole. The neighbours' clusters give the coarser
// two only (each feature costs tagging time).
var clusterPrefixes = [...]struct {
	n          int
	self       string // feature name for the token
	prev, next string // for the previous and next token; "": not used
}{
	{4, "k4", "k-1:4", "k+1:4"},
	{6, "k6", "", ""},
	{10, "k10", "k-1:10", "k+1:10"},
	{20, "k20", "", ""},
}

// clusterPaths returns the cluster bit string of every token ("": none),
// looked up once per sentence; nil when there are no clusters.
func clusterPaths(toks []token, cl Clusters) []string {
	if cl.Paths == nil {
		return nil
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		w := t.lower
		if cl.Cased {
			w = t.text
		}
		out[i] = cl.Paths[w]
	}
	return out
}

// clusterAt returns the cluster bit string of token i ("" for a word
// without a cluster or outside the sentence).
func (f *sentenceFeatures) clusterAt(i int) string {
	if f.paths == nil || i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.paths[i]
}

// clusterFeatures emits the cluster prefixes of token i and of its
// neighbours. A word without a cluster (rare in the clustered text, or
// unseen) gives none.
func (f *sentenceFeatures) clusterFeatures(i int, out featureEmitter) {
	for d := -1; d <= 1; d++ {
		p := f.clusterAt(i + d)
		if p == "" {
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
			if name != "" {
				f.emit(out, name, p[:min(c.n, len(p))])
			}
		}
	}
}

// ClusterText returns the words of every sentence of sets, as written or
// lower-cased, as unlabelled text to learn clusters from (labels are not
// used).
func ClusterText(sets []TrainingSet, cased bool) [][]string {
	var out [][]string
	for _, s := range sets {
		for _, g := range s.Sents {
			ws := make([]string, len(g.Words))
			for i, w := range g.Words {
				ws[i] = w
				if !cased {
					ws[i] = strings.ToLower(w)
				}
			}
			out = append(out, ws)
		}
	}
	return out
}
