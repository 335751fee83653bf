package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/newsarchive/newsarchive/app/ner"
)

// shares are the CueShare values the simulation tries.
var shares = []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1}

// simulateShare runs the archive rule on the dev splits, which the model
// and the lexicon never saw: each set's dev sentences are cut into
// pseudo-articles of k consecutive sentences, tagged with the lexicon,
// and the archive's decision (ner.ResolveNames) is made under each
// CueShare. It prints, per k and share, how many (article, name) pairs of
// gold names get their gold type (the majority type of the name's gold
// spans in the split, MISC for works and events).
func simulateShare(tg *ner.Tagger, devs [][]ner.GoldSentence, lex *ner.CueLexicon) error {
	tg = tg.WithCues(lex)
	cut := tg.NameCut()
	for _, k := range []int{1, 3, 10} {
		var docs [][]ner.Entity
		gold := map[string]map[string]int{} // name -> type -> gold spans
		for _, dev := range devs {
			for i := 0; i < len(dev); i += k {
				var paras []string
				for _, s := range dev[i:min(i+k, len(dev))] {
					paras = append(paras, s.Text())
					for _, g := range ner.GoldSpans(s, cut) {
						if gold[g.Text] == nil {
							gold[g.Text] = map[string]int{}
						}
						gold[g.Text][g.Type]++
					}
				}
				docs = append(docs, tg.Tag(strings.Join(paras, "\n\n"), nil))
			}
		}
		fmt.Printf("# CueShare on the dev splits, %d-sentence pseudo-articles (%d)\n", k, len(docs))
		fmt.Println("share\tright\tpairs\taccuracy\tnames retyped by cues")
		never := ner.NewResolver(tg)
		never.CueShare = 2 // more than every article: the cues never overrule
		base := ner.ResolveNames(never, docs)
		for _, sh := range shares {
			r := ner.NewResolver(tg)
			r.CueShare = sh
			dec := ner.ResolveNames(r, docs)
			right, pairs := 0, 0
			for _, d := range docs {
				seen := map[string]bool{}
				for _, e := range d {
					g := ner.Majority(gold[e.Text])
					if g == "" || seen[e.Canonical] {
						continue
					}
					seen[e.Canonical] = true
					_, typ := dec[e.Canonical].To(e.Type)
					pairs++
					if typ == g {
						right++
					}
				}
			}
			overruled := 0
			for name, d := range dec {
				if b := base[name]; len(d.Senses) > 0 && len(b.Senses) > 0 && d.Senses[0].Type != b.Senses[0].Type {
					overruled++
				}
			}
			fmt.Printf("%.2f\t%d\t%d\t%.4f\t%d\n", sh, right, pairs, ratio(right, pairs), overruled)
		}
	}
	return nil
}

// goldShares simulates the cue rule of the archive (ner.Resolver.cued) on
// the training splits' gold names, with cues learned on the other folds:
// each fold's sentences are cut into documents of k sentences; a name's
// cue in a document is the strongest of its spans' (Tagger.GoldCue); a
// work or organisation cue that is the name's most frequent cue overrules
// when it is in share of the name's documents at least. It prints, per
// share, the names overruled and how many of them the cue types right
// (their gold type, the majority of their spans), and returns the least
// share whose precision reaches floor (-1 if none does).
func goldShares(tg *ner.Tagger, train [][]ner.GoldSentence, hand *ner.CueLexicon, th map[string]ner.CueThreshold,
	folds, k int, floor float64, label string) float64 {
	fired, right := map[string]int{}, map[string]int{} // per cue type: held-out gold spans cued, cued right
	type nameStat struct {
		docs int
		cues map[string]int
		gold map[string]int
	}
	names := map[string]*nameStat{}
	cut := tg.NameCut()
	for f := range folds {
		var fit [][]ner.GoldSentence
		var held [][]ner.GoldSentence
		for _, s := range train {
			var in, out []ner.GoldSentence
			for i, sent := range s {
				if i*folds/len(s) == f {
					out = append(out, sent)
				} else {
					in = append(in, sent)
				}
			}
			fit = append(fit, in)
			held = append(held, out)
		}
		var all []ner.GoldSentence
		for _, s := range fit {
			all = append(all, s...)
		}
		lex := hand
		if th != nil {
			lex = hand.Merge(ner.CountCues(all, cut).Lexicon(th))
		}
		ftg := tg.WithCues(lex)
		for si, s := range held {
			for i := 0; i < len(s); i += k {
				cued := map[string]string{}
				for _, sent := range s[i:min(i+k, len(s))] {
					for _, g := range ner.GoldSpans(sent, cut) {
						key := fmt.Sprintf("%d\t%s", si, g.Text)
						st := names[key]
						if st == nil {
							st = &nameStat{cues: map[string]int{}, gold: map[string]int{}}
							names[key] = st
						}
						st.gold[g.Type]++
						c := ftg.GoldCue(sent.Words, g.A, g.B)
						if c != "" {
							fired[c]++
							if c == g.Type {
								right[c]++
							}
						}
						if _, ok := cued[key]; !ok || ner.CueRank(c) > ner.CueRank(cued[key]) {
							cued[key] = c
						}
					}
				}
				for key, c := range cued {
					names[key].docs++
					if c != "" {
						names[key].cues[c]++
					}
				}
			}
		}
	}
	fmt.Printf("# %s: cues of the held-out gold names (right/cued):", label)
	for _, typ := range ner.CueTypes {
		fmt.Printf(" %s %d/%d (%.3f)", typ, right[typ], fired[typ], ratio(right[typ], fired[typ]))
	}
	fmt.Println()
	fmt.Printf("# %s: CueShare on the training splits' gold names, %d-sentence documents, cues learned on the other folds\n", label, k)
	fmt.Println("share\toverruled\tright\tprecision")
	type point struct {
		share       float64
		over, right int
	}
	var pts []point
	for _, sh := range shares {
		pt := point{share: sh}
		for _, st := range names {
			top := ""
			for typ, n := range st.cues {
				if n > st.cues[top] || n == st.cues[top] && typ < top {
					top = typ
				}
			}
			if top != ner.Misc && top != ner.Org || float64(st.cues[top]) < sh*float64(st.docs) {
				continue
			}
			pt.over++
			if ner.Majority(st.gold) == top {
				pt.right++
			}
		}
		pts = append(pts, pt)
		fmt.Printf("%.2f\t%d\t%d\t%.3f\n", sh, pt.over, pt.right, ratio(pt.right, pt.over))
	}
	// The shares whose precision is within one standard error of the
	// best's: the data cannot tell them apart.
	best := pts[0]
	for _, pt := range pts {
		if ratio(pt.right, pt.over) > ratio(best.right, best.over) {
			best = pt
		}
	}
	p := ratio(best.right, best.over)
	se := math.Sqrt(p * (1 - p) / float64(max(best.over, 1)))
	var band []string
	chosen := -1.0
	for _, pt := range pts {
		q := ratio(pt.right, pt.over)
		if q >= p-se {
			band = append(band, fmt.Sprintf("%.2f", pt.share))
		}
		if q >= floor && (chosen < 0 || pt.share < chosen) {
			chosen = pt.share
		}
	}
	fmt.Printf("# %s, %d-sentence documents: best precision %.3f at share %.2f; within one standard error (%.3f): %s\n",
		label, k, p, best.share, se, strings.Join(band, " "))
	return chosen
}
