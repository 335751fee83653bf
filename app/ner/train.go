package ner

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// dictFolds is the number of folds for the name dictionary's features.
const dictFolds = 10

// TrainOptions controls Train.
type TrainOptions struct {
	Iterations int     // passes over the data
	Seed       uint64  // shuffling seed: the same seed gives the same model
	Prune      float32 // drop features whose largest absolute weight is below this
	Log        func(format string, args ...any)
	Lists      NameLists // gazetteer name lists for the list features; nil: none
	// CaseSents are the sentences the lexicon is learnt from (edited
	// prose); nil: all training sentences.
	CaseSents []GoldSentence
	// TitleSents are the sentences the titles are mined from: those whose
	// PERSON spans keep their titles (GMB; the extra sets strip them, and
	// their initials, "J.", would pass for titles); nil: all.
	TitleSents []GoldSentence
	// LeadingTitleSents are sentences whose PERSON spans leave titles out
	// (the extra sets); MineLeadingTitles adds the titles found there.
	LeadingTitleSents []GoldSentence
	// Clusters are Brown word clusters (see nertrain) for the cluster
	// features; empty: none.
	Clusters Clusters
}

// trainSent is one training sentence with its features interned.
type trainSent struct {
	static [][]int32                // per token
	dyn    [][numLabels + 1][]int32 // per token, per previous label
	gold   []int
}

// interner numbers feature keys.
type interner struct {
	mu  sync.Mutex
	ids map[string]int32
}

func (in *interner) ids4(keys []string) []int32 {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make([]int32, len(keys))
	for i, k := range keys {
		id, ok := in.ids[k]
		if !ok {
			id = int32(len(in.ids))
			in.ids[k] = id
		}
		out[i] = id
	}
	return out
}

// goldLabels labels toks from the gold spans (BIO).
func goldLabels(toks []token, spans []Span) []int {
	out := make([]int, len(toks))
	for _, sp := range spans {
		b := 2*typeIndex(sp.Type) + 1
		first := true
		for i, t := range toks {
			if t.start >= sp.Start && t.start < sp.End {
				if first {
					out[i] = b
					first = false
				} else {
					out[i] = b + 1
				}
			}
		}
	}
	return out
}

func typeIndex(typ string) int {
	switch typ {
	case "PERSON":
		return 0
	case "ORG":
		return 1
	}
	return 2
}

// Train learns a model from gold sentences with a structured averaged
// perceptron. It tokenises and POS-tags each sentence with prose exactly as
// Tag does, so training and tagging see the same features.
func Train(sents []GoldSentence, opt TrainOptions) (*Model, error) {
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	pipe, err := newPipeline()
	if err != nil {
		return nil, err
	}
	caseSents := opt.CaseSents
	if caseSents == nil {
		caseSents = sents
	}
	titleSents := opt.TitleSents
	if titleSents == nil {
		titleSents = sents
	}
	titleList := MineTitles(titleSents)
	if opt.LeadingTitleSents != nil {
		titleList = slices.Compact(slices.Sorted(slices.Values(append(titleList, MineLeadingTitles(opt.LeadingTitleSents)...))))
	}
	lex := BuildLexicon(caseSents)
	cut := NewNameCut(titleList, lex)
	titles := cut.titles
	m := &Model{Labels: labels, Lexicon: lex, Titles: titleList, Dict: BuildDictionary(sents, cut), Lists: opt.Lists,
		NotNames: MineNotNames(sents, opt.Lists), Inner: MineInnerWords(sents), Clusters: opt.Clusters}
	// Each fold's dictionary features come from the other folds, so that
	// training sees dictionary misses as tagging will.
	folds := make([]map[string]byte, dictFolds)
	for k := range folds {
		var rest []GoldSentence
		for i, s := range sents {
			if i%dictFolds != k {
				rest = append(rest, s)
			}
		}
		folds[k] = BuildDictionary(rest, cut)
	}
	logf("titles: %v", titleList)

	in := &interner{ids: map[string]int32{}}
	data := make([]trainSent, len(sents))
	var wg sync.WaitGroup
	workers := runtime.NumCPU()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(sents); i += workers {
				toks := pipe.sentence(sents[i].Text())
				data[i] = intern(in, toks, sents[i].Spans(cut), m.Lexicon, folds[i%dictFolds], titles, m.Lists, m.Clusters)
			}
		}()
	}
	wg.Wait()
	logf("features: %d over %d sentences", len(in.ids), len(sents))

	weights := perceptron(data, len(in.ids), opt, logf)
	m.Index = map[string]int32{}
	for key, id := range in.ids {
		row := weights[int(id)*numLabels : int(id)*numLabels+numLabels]
		var big float32
		for _, v := range row {
			big = max(big, float32(math.Abs(float64(v))))
		}
		if big < opt.Prune {
			continue
		}
		m.Index[key] = int32(len(m.Weights) / numLabels)
		m.Weights = append(m.Weights, row...)
	}
	logf("kept %d features after pruning", len(m.Index))
	return m, nil
}

// intern computes and numbers the features of one sentence.
func intern(in *interner, toks []token, spans []Span, lex, dict map[string]byte, titles map[string]bool, nl NameLists,
	clusters Clusters) trainSent {
	f := newSentenceFeatures(toks, lex, dict, titles, nl, clusters)
	ts := trainSent{gold: goldLabels(toks, spans),
		static: make([][]int32, len(toks)), dyn: make([][numLabels + 1][]int32, len(toks))}
	var keys []string
	collect := func(k []byte) { keys = append(keys, string(k)) }
	for i := range toks {
		keys = keys[:0]
		f.static(i, collect)
		ts.static[i] = in.ids4(keys)
		for p := 0; p <= numLabels; p++ {
			if (i == 0) != (p == numLabels) {
				continue
			}
			keys = keys[:0]
			f.dynamic(i, prevLabel(p), collect)
			ts.dyn[i][p] = in.ids4(keys)
		}
	}
	return ts
}

// perceptron runs the structured averaged perceptron and returns the
// averaged weights.
func perceptron(data []trainSent, nfeat int, opt TrainOptions, logf func(string, ...any)) []float32 {
	w := make([]float64, nfeat*numLabels)
	u := make([]float64, nfeat*numLabels) // sum of c*update, for averaging
	c := 1.0
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	upd := func(ids []int32, label int, d float64) {
		for _, id := range ids {
			k := int(id)*numLabels + label
			w[k] += d
			u[k] += c * d
		}
	}
	for it := range opt.Iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := &data[si]
			if len(s.gold) == 0 {
				continue
			}
			pred := decodeTrain(s, w)
			for i, g := range s.gold {
				gp, pp := numLabels, numLabels
				if i > 0 {
					gp, pp = s.gold[i-1], pred[i-1]
				}
				if g == pred[i] && gp == pp {
					continue
				}
				if g != pred[i] {
					errs++
					upd(s.static[i], g, 1)
					upd(s.static[i], pred[i], -1)
				}
				upd(s.dyn[i][gp], g, 1)
				upd(s.dyn[i][pp], pred[i], -1)
			}
			c++
		}
		logf("iteration %d: %d token errors", it+1, errs)
	}
	avg := make([]float32, len(w))
	for k := range w {
		avg[k] = float32(w[k] - u[k]/c)
	}
	return avg
}

// decodeTrain labels a training sentence with the current weights.
func decodeTrain(s *trainSent, w []float64) []int {
	n := len(s.gold)
	static := make([][numLabels]float32, n)
	dyn := make([][numLabels + 1][numLabels]float32, n)
	sum := func(ids []int32, out *[numLabels]float32) {
		for _, id := range ids {
			row := w[int(id)*numLabels : int(id)*numLabels+numLabels]
			for l := range numLabels {
				out[l] += float32(row[l])
			}
		}
	}
	for i := range n {
		sum(s.static[i], &static[i])
		for p := 0; p <= numLabels; p++ {
			if s.dyn[i][p] != nil {
				sum(s.dyn[i][p], &dyn[i][p])
			}
		}
	}
	return viterbi(n, func(i, p, c int) float32 { return static[i][c] + dyn[i][p][c] })
}
