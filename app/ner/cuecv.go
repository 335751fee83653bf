package ner

// CuePoint is how the cues of one type learned under one threshold did on
// held-out sentences, summed over the folds of CrossValidateCues.
type CuePoint struct {
	Type string
	CueThreshold
	Fired int // held-out spans where a cue of Type fired (at any position)
	Right int // of those, spans whose gold type is Type
	Gold  int // held-out spans of Type
}

// Precision returns Right/Fired (0 when nothing fired).
func (p CuePoint) Precision() float64 {
	if p.Fired == 0 {
		return 0
	}
	return float64(p.Right) / float64(p.Fired)
}

// Recall returns Right/Gold.
func (p CuePoint) Recall() float64 {
	if p.Gold == 0 {
		return 0
	}
	return float64(p.Right) / float64(p.Gold)
}

// CrossValidateCues measures cue lexicons learned under every threshold of
// the grid (ps x ns) by k-fold cross-validation: each set's sentences are
// cut into folds contiguous blocks (so that a document's sentences stay
// mostly in one fold), the cues are counted on all blocks but one and
// tried on the spans of that one. It returns one point per type and
// threshold, in CueTypes, ps, ns order.
func CrossValidateCues(sets [][]GoldSentence, cut *NameCut, folds int, ps []float64, ns []int) []CuePoint {
	var out []CuePoint
	for _, typ := range CueTypes {
		for _, p := range ps {
			for _, n := range ns {
				out = append(out, CuePoint{Type: typ, CueThreshold: CueThreshold{P: p, N: n}})
			}
		}
	}
	idx := func(ti, pi, ni int) int { return (ti*len(ps)+pi)*len(ns) + ni }
	for f := range folds {
		var train, held []GoldSentence
		for _, s := range sets {
			for i, sent := range s {
				if i*folds/len(s) == f {
					held = append(held, sent)
				} else {
					train = append(train, sent)
				}
			}
		}
		counts := CountCues(train, cut)
		for _, s := range held {
			for _, sp := range cueSpans(s, cut) {
				keys := cueKeys(s.Words, sp.a, sp.b)
				for ti, typ := range CueTypes {
					if sp.typ == typ {
						for pi := range ps {
							for ni := range ns {
								out[idx(ti, pi, ni)].Gold++
							}
						}
					}
					for pi, p := range ps {
						for ni, n := range ns {
							th := map[string]CueThreshold{typ: {P: p, N: n}}
							for i, k := range keys {
								if k != "" && keyType(counts[cuePositions[i]][k], th) == typ {
									pt := &out[idx(ti, pi, ni)]
									pt.Fired++
									if sp.typ == typ {
										pt.Right++
									}
									break
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// ChooseCueThresholds picks, for each type, the threshold with the most
// right held-out cues among those whose held-out precision is at least
// floor (ties: the higher precision, then the larger N and P). A type
// whose cues never reach the floor gets none.
func ChooseCueThresholds(points []CuePoint, floor float64) map[string]CueThreshold {
	best := map[string]CuePoint{}
	for _, pt := range points {
		if pt.Fired == 0 || pt.Precision() < floor {
			continue
		}
		b, ok := best[pt.Type]
		if !ok || pt.Right > b.Right || pt.Right == b.Right && (pt.Precision() > b.Precision() ||
			pt.Precision() == b.Precision() && (pt.N > b.N || pt.N == b.N && pt.P > b.P)) {
			best[pt.Type] = pt
		}
	}
	out := map[string]CueThreshold{}
	for typ, b := range best {
		out[typ] = b.CueThreshold
	}
	return out
}
