package ner

import (
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"strings"
)

// labels are the token labels, in model order. "<s>" (index len(labels)) is
// the previous label of a sentence's first token.
var labels = []string{"O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-PLACE", "I-PLACE"}

const startLabel = "<s>"

// numLabels is len(labels); prevLabel(numLabels) is the sentence start.
const numLabels = 7

func prevLabel(p int) string {
	if p == numLabels {
		return startLabel
	}
	return labels[p]
}

// allowed reports whether label cur may follow prev (BIO constraint): an
// I-X label only continues a B-X or I-X.
func allowed(prev, cur int) bool {
	if cur == 0 || cur%2 == 1 {
		return true
	}
	return prev == cur || prev == cur-1
}

// Model is the trained entity model: an averaged perceptron over the
// features of features.go, decoded with BIO-constrained Viterbi.
type Model struct {
	Labels []string // token labels, as in labels
	// Index maps a feature key to its row of Weights, rows 0..len-1. A
	// model read by ReadModel holds it as a featureIndex (feats) instead,
	// which takes a third of the memory, and Index is nil.
	Index   map[string]int32
	Weights []float32       // len(Index) rows of len(Labels) weights
	Lexicon map[string]byte // lower-cased word -> case class
	Titles  []string        // lower-cased title and role words mined from the training data
	Dict    map[string]byte // names of the training data -> type index (see BuildDictionary)
	Lists   NameLists       // gazetteer name lists used as features (see lists.go); may be empty
	// NotNames are capitalised words that are no names: months, holidays,
	// events, nationalities (MineNotNames).
	NotNames map[string]bool
	// Inner are the lower-case words seen inside names (MineInnerWords).
	Inner map[string]bool
	// Clusters are the Brown word clusters of the cluster features
	// (clusters.go); empty in models trained without them.
	Clusters Clusters

	feats *featureIndex // Index, compact (featindex.go); nil until withIndex
}

// withIndex returns m with its feature index built from Index: m itself
// when it has one, else a copy (m is not changed, so that models may be
// shared).
func (m *Model) withIndex() (*Model, error) {
	if m.feats != nil {
		return m, nil
	}
	x, err := newFeatureIndex(m.Index)
	if err != nil {
		return nil, err
	}
	c := *m
	c.feats = x
	return &c, nil
}

// WriteModel gzips and gob-encodes m to w.
func WriteModel(w io.Writer, m *Model) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if m.Index == nil && m.feats != nil {
		c := *m
		c.Index = m.feats.toMap()
		m = &c
	}
	if err := gob.NewEncoder(zw).Encode(m); err != nil {
		return fmt.Errorf("write model: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: compress: %w", err)
	}
	return nil
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	var m Model
	if err := gob.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("read model: decode: %w", err)
	}
	if strings.Join(m.Labels, ",") != strings.Join(labels, ",") {
		return nil, fmt.Errorf("read model: labels %v, want %v", m.Labels, labels)
	}
	if len(m.Weights) != len(m.Index)*numLabels {
		return nil, fmt.Errorf("read model: %d weights for %d features", len(m.Weights), len(m.Index))
	}
	c, err := m.withIndex()
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	c.Index = nil // held by c.feats
	return c, nil
}

// titleSet returns the model's titles as a set.
func (m *Model) titleSet() map[string]bool {
	s := make(map[string]bool, len(m.Titles))
	for _, t := range m.Titles {
		s[t] = true
	}
	return s
}

// scorer accumulates label scores from feature keys.
type scorer struct {
	m      *Model
	scores *[numLabels]float32
}

func (s *scorer) add(key []byte) {
	row, ok := s.m.feats.row(key)
	if !ok {
		return
	}
	w := s.m.Weights[int(row)*numLabels : int(row)*numLabels+numLabels]
	for l := range numLabels {
		s.scores[l] += w[l]
	}
}

// labelScores returns the best label index of every token of toks and a
// function giving the model's score of label cur at token i after label prev.
func (m *Model) labelScores(toks []token, titles map[string]bool) ([]int, func(i, prev, cur int) float32) {
	n := len(toks)
	if n == 0 {
		return nil, nil
	}
	f := newSentenceFeatures(toks, m.Lexicon, m.Dict, titles, m.Lists, m.Clusters)
	static := make([][numLabels]float32, n)
	dyn := make([][numLabels + 1][numLabels]float32, n)
	for i := range n {
		sc := scorer{m: m, scores: &static[i]}
		f.static(i, sc.add)
		for p := 0; p <= numLabels; p++ {
			if (i == 0) != (p == numLabels) {
				continue
			}
			sc.scores = &dyn[i][p]
			f.dynamic(i, prevLabel(p), sc.add)
		}
	}
	score := func(i, p, c int) float32 { return static[i][c] + dyn[i][p][c] }
	return viterbi(n, score), score
}

// viterbi returns the best BIO-valid label sequence of n tokens, where
// score(i, prev, cur) scores label cur at token i after label prev (prev is
// numLabels at i == 0).
func viterbi(n int, score func(i, prev, cur int) float32) []int {
	const neg = float32(-1e30)
	delta := make([][numLabels]float32, n)
	back := make([][numLabels]int8, n)
	for c := range numLabels {
		delta[0][c] = neg
		if allowed(numLabels, c) {
			delta[0][c] = score(0, numLabels, c)
		}
	}
	for i := 1; i < n; i++ {
		for c := range numLabels {
			best, arg := neg, 0
			for p := range numLabels {
				if delta[i-1][p] <= neg || !allowed(p, c) {
					continue
				}
				if v := delta[i-1][p] + score(i, p, c); v > best {
					best, arg = v, p
				}
			}
			delta[i][c], back[i][c] = best, int8(arg)
		}
	}
	out := make([]int, n)
	best := 0
	for c := range numLabels {
		if delta[n-1][c] > delta[n-1][best] {
			best = c
		}
	}
	out[n-1] = best
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
	return out
}

func init() {
	if len(labels) != numLabels {
		panic("ner: labels and numLabels disagree")
	}
}
