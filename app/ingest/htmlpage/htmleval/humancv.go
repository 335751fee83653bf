package htmleval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// FloorGrid are the medoid thresholds VoteGrid tries (0: never the
// medoid; htmlpage.DefaultVote's is 0.5).
var FloorGrid = []float64{0, 0.25, 0.5, 0.75}

// VoteGrid is every vote CrossValidateHuman chooses from: a weight per
// extractor from WeightGrid (weights that are multiples of each other are
// one vote and appear once), a share from ShareGrid and a floor from
// FloorGrid. htmlpage.DefaultVote comes first, so that a tie keeps it.
func VoteGrid() []htmlpage.VoteOptions {
	def := htmlpage.DefaultVote()
	grid := []htmlpage.VoteOptions{def}
	seen := map[[3]float64]bool{}
	for _, wr := range WeightGrid {
		for _, wt := range WeightGrid {
			for _, wd := range WeightGrid {
				w := [3]float64{wr, wt, wd}
				sum := wr + wt + wd
				key := [3]float64{wr / sum, wt / sum, wd / sum}
				if seen[key] {
					continue
				}
				seen[key] = true
				for _, share := range ShareGrid {
					for _, floor := range FloorGrid {
						o := htmlpage.VoteOptions{Weights: w, Share: share, Floor: floor}
						if !sameVote(o, def) {
							grid = append(grid, o)
						}
					}
				}
			}
		}
	}
	return grid
}

// sameVote reports whether two options are the same vote (weights
// proportional, same share and floor).
func sameVote(a, b htmlpage.VoteOptions) bool {
	sa := a.Weights[0] + a.Weights[1] + a.Weights[2]
	sb := b.Weights[0] + b.Weights[1] + b.Weights[2]
	for i := range a.Weights {
		if a.Weights[i]*sb != b.Weights[i]*sa {
			return false
		}
	}
	return a.Share == b.Share && a.Floor == b.Floor
}

// HumanFold is one fold of CrossValidateHuman: the vote chosen on the
// other folds and its counts on this fold's pages.
type HumanFold struct {
	Chosen       htmlpage.VoteOptions
	Sites, Pages int
	HeldOut      Counts
}

// HumanCV is the result of CrossValidateHuman.
type HumanCV struct {
	Folds []HumanFold
	// HeldOut pools the folds' held-out counts; Default is DefaultVote on
	// the same pages (it has nothing fitted, so it is held-out too).
	HeldOut, Default Counts
	// All is the vote chosen on all pages (what Parse would use) and
	// AllCounts its (in-sample) counts.
	All       htmlpage.VoteOptions
	AllCounts Counts
	// DiffLow and DiffHigh bound the held-out F minus Default's F: the
	// 2.5th and 97.5th percentiles over 2000 resamples of the sites.
	DiffLow, DiffHigh float64
}

// CrossValidateHuman chooses the vote by k-fold cross-validation grouped
// by site: every page of a site is in one fold (sites sorted by name,
// dealt round-robin). On each fold the vote of grid with the best pooled F
// on the other folds is chosen and scored on the fold's pages.
func CrossValidateHuman(r HumanReport, k int, grid []htmlpage.VoteOptions) (HumanCV, error) {
	var out HumanCV
	pages := r.Pages
	if k < 2 || len(pages) < k || len(grid) == 0 {
		return out, fmt.Errorf("cross-validate %d pages in %d folds over %d votes: too few", len(pages), k, len(grid))
	}
	// counts[i][g]: page i scored with grid[g].
	counts := make([][]Counts, len(pages))
	for i, p := range pages {
		counts[i] = make([]Counts, len(grid))
		for g, o := range grid {
			if p.Err != nil {
				counts[i][g] = p.VoteCounts
				continue
			}
			counts[i][g] = ScoreSnippets(p.Entry, p.Text(o))
		}
	}
	fold, sites := siteFolds(pages, k)
	best := func(in func(i int) bool) int {
		b, bestF := 0, -1.0
		for g := range grid {
			var c Counts
			for i := range pages {
				if in(i) {
					c = c.Add(counts[i][g])
				}
			}
			if f := c.F(); f > bestF {
				b, bestF = g, f
			}
		}
		return b
	}
	held := make([]Counts, len(pages)) // each page under its fold's choice
	def := make([]Counts, len(pages))
	for f := range k {
		g := best(func(i int) bool { return fold[i] != f })
		hf := HumanFold{Chosen: grid[g], Sites: sites[f]}
		for i := range pages {
			if fold[i] == f {
				hf.Pages++
				hf.HeldOut = hf.HeldOut.Add(counts[i][g])
				held[i] = counts[i][g]
			}
		}
		out.Folds = append(out.Folds, hf)
		out.HeldOut = out.HeldOut.Add(hf.HeldOut)
	}
	for i := range pages {
		def[i] = counts[i][0]
		out.Default = out.Default.Add(def[i])
	}
	g := best(func(int) bool { return true })
	out.All = grid[g]
	for i := range pages {
		out.AllCounts = out.AllCounts.Add(counts[i][g])
	}
	out.DiffLow, out.DiffHigh = bootstrapDiff(pages, held, def, 2000)
	return out, nil
}

// siteFolds assigns each page the fold of its site and returns the number
// of sites per fold.
func siteFolds(pages []HumanPage, k int) (fold []int, sites []int) {
	var names []string
	for _, p := range pages {
		names = append(names, p.Site)
	}
	sort.Strings(names)
	names = slices.Compact(names)
	of := make(map[string]int, len(names))
	sites = make([]int, k)
	for i, s := range names {
		of[s] = i % k
		sites[i%k]++
	}
	fold = make([]int, len(pages))
	for i, p := range pages {
		fold[i] = of[p.Site]
	}
	return fold, sites
}

// bootstrapDiff resamples the sites n times (with replacement, a fixed
// seed) and returns the 2.5th and 97.5th percentiles of F(a) - F(b), the
// pooled F-scores of the resampled pages' counts.
func bootstrapDiff(pages []HumanPage, a, b []Counts, n int) (lo, hi float64) {
	bySite := map[string][]int{}
	var names []string
	for i, p := range pages {
		if _, ok := bySite[p.Site]; !ok {
			names = append(names, p.Site)
		}
		bySite[p.Site] = append(bySite[p.Site], i)
	}
	sort.Strings(names)
	rng := rand.New(rand.NewPCG(13, 4))
	diffs := make([]float64, n)
	for s := range diffs {
		var ca, cb Counts
		for range names {
			for _, i := range bySite[names[rng.IntN(len(names))]] {
				ca, cb = ca.Add(a[i]), cb.Add(b[i])
			}
		}
		diffs[s] = ca.F() - cb.F()
	}
	sort.Float64s(diffs)
	return diffs[n*25/1000], diffs[n*975/1000]
}
