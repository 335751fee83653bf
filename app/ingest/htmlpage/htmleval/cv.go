package htmleval

import (
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// ShareGrid are the vote shares CrossValidate chooses from: a line is kept
// when more than this share of the ballots hold it. With three ballots
// they are "1 of 3", "2 of 3" (a strict majority, the default) and "3 of 3".
var ShareGrid = []float64{0.2, 0.5, 0.8}

// WeightGrid are the weights CrossValidateWeights tries for each
// extractor (readability, trafilatura, distiller).
var WeightGrid = []float64{0.5, 1, 2}

// Fold is one fold of a cross-validation: the vote chosen on the other
// folds (its share and weights) and its held-out scores.
type Fold struct {
	Share   float64
	Weights [3]float64
	HeldOut Means
}

// CrossValidate checks the vote's one free parameter, the share, by k-fold
// cross-validation grouped by page: pages with the same expected text (two
// saves of one article) share a fold. On each fold the share with the best
// mean of the two training scores (bag F1 and, where a dump exists,
// shingle F1) is chosen from ShareGrid (equal weights) and scored on the
// held-out pages. It returns the folds and the held-out means over all
// pages.
func CrossValidate(r Report, k int) ([]Fold, Means, error) {
	var grid []Fold
	for _, share := range ShareGrid {
		grid = append(grid, Fold{Share: share, Weights: [3]float64{1, 1, 1}})
	}
	return crossValidate(r, k, grid)
}

// CrossValidateWeights is CrossValidate over a weight per extractor (each
// from WeightGrid, a weighted strict majority). Both references being
// readability's output, it measures how far learned weights drift towards
// copying readability; Parse does not use them.
func CrossValidateWeights(r Report, k int) ([]Fold, Means, error) {
	var grid []Fold
	for _, wr := range WeightGrid {
		for _, wt := range WeightGrid {
			for _, wd := range WeightGrid {
				grid = append(grid, Fold{Share: htmlpage.DefaultVoteShare, Weights: [3]float64{wr, wt, wd}})
			}
		}
	}
	return crossValidate(r, k, grid)
}

func crossValidate(r Report, k int, grid []Fold) ([]Fold, Means, error) {
	var pages []Page
	for _, p := range r.Pages {
		if p.x != nil {
			pages = append(pages, p)
		}
	}
	if k < 2 || len(pages) < k {
		return nil, Means{}, fmt.Errorf("cross-validate %d pages in %d folds: too few", len(pages), k)
	}
	// scores[i][g]: page i's body scored with grid[g].
	scores := make([][]Body, len(pages))
	for i, p := range pages {
		scores[i] = make([]Body, len(grid))
		for g, c := range grid {
			scores[i][g] = p.score(p.x.VoteText(htmlpage.VoteOptions{Weights: c.Weights, Share: c.Share, Floor: htmlpage.DefaultVote().Floor}))
		}
	}
	fold := foldOf(pages, k)
	folds := make([]Fold, k)
	var held []Body
	for f := range folds {
		best, bestScore := 0, -1.0
		for g := range grid {
			var train []Body
			for i := range pages {
				if fold[i] != f {
					train = append(train, scores[i][g])
				}
			}
			m := means(train)
			if s := (m.Bag + m.Shingle) / 2; s > bestScore {
				best, bestScore = g, s
			}
		}
		var test []Body
		for i := range pages {
			if fold[i] == f {
				test = append(test, scores[i][best])
			}
		}
		folds[f] = grid[best]
		folds[f].HeldOut = means(test)
		held = append(held, test...)
	}
	return folds, means(held), nil
}

// foldOf assigns pages to k folds: groups (same expected text) sorted by
// name, dealt round-robin.
func foldOf(pages []Page, k int) []int {
	group := map[uint64]int{}
	var firsts []string
	ids := make([]uint64, len(pages))
	for i, p := range pages {
		h := fnv.New64a()
		for _, t := range p.wantBag {
			h.Write([]byte(t))
			h.Write([]byte{0})
		}
		ids[i] = h.Sum64()
		if _, ok := group[ids[i]]; !ok {
			group[ids[i]] = len(firsts)
			firsts = append(firsts, p.Name)
		}
	}
	order := make([]int, len(firsts))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return firsts[order[a]] < firsts[order[b]] })
	foldOfGroup := make([]int, len(firsts))
	for rank, g := range order {
		foldOfGroup[g] = rank % k
	}
	out := make([]int, len(pages))
	for i := range pages {
		out[i] = foldOfGroup[group[ids[i]]]
	}
	return out
}

// ScoreVote scores the vote under opt on every page of r that was
// extracted (bag F1 and, where a dump exists, shingle F1).
func ScoreVote(r Report, opt htmlpage.VoteOptions) Means {
	var bodies []Body
	for _, p := range r.Pages {
		if p.x != nil {
			bodies = append(bodies, p.score(p.x.VoteText(opt)))
		}
	}
	return means(bodies)
}
