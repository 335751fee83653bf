package htmleval

import (
	"fmt"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// CutGrid is every cut of the site's name CrossValidateCut chooses from:
// a site threshold, a heading threshold (above 1: that evidence unused),
// with and without the copyright/home-link/logo texts as names.
// htmlpage.DefaultCut comes first, so that a tie keeps it.
func CutGrid() []htmlpage.CutOptions {
	def := htmlpage.DefaultCut()
	grid := []htmlpage.CutOptions{def}
	for _, site := range []float64{0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1, 2} {
		for _, head := range []float64{0.5, 0.6, 0.7, 0.8, 0.9, 1, 2} {
			for _, marks := range []bool{true, false} {
				if o := (htmlpage.CutOptions{Site: site, Head: head, Marks: marks}); o != def {
					grid = append(grid, o)
				}
			}
		}
	}
	return grid
}

// TitleCV is the result of CrossValidateCut: title accuracies (pages
// with a human title whose cut title is SameTitle) over Titled pages.
type TitleCV struct {
	Titled int
	// Uncut: the title without any cut; Default: DefaultCut (nothing in it
	// is fitted to the pages' folds, but it was chosen on all of them);
	// HeldOut: each fold under the cut chosen on the other folds.
	Uncut, Default, HeldOut int
	Chosen                  []htmlpage.CutOptions // by fold
	// All is the cut chosen on all pages and AllOK its (in-sample) count.
	All   htmlpage.CutOptions
	AllOK int
}

// CrossValidateCut chooses the cut of the site's name by k-fold
// cross-validation grouped by site (CrossValidateHuman's folds): on each
// fold the cut of grid with the most right titles on the other folds is
// chosen and scored on the fold's pages.
func CrossValidateCut(r HumanReport, k int, grid []htmlpage.CutOptions) (TitleCV, error) {
	var out TitleCV
	if k < 2 || len(r.Pages) < k || len(grid) == 0 {
		return out, fmt.Errorf("cross-validate titles of %d pages in %d folds over %d cuts: too few", len(r.Pages), k, len(grid))
	}
	fold, _ := siteFolds(r.Pages, k)
	// ok[i][g]: page i's title right under grid[g].
	ok := make([][]bool, len(r.Pages))
	for i, p := range r.Pages {
		if p.Entry.Title == "" {
			continue
		}
		out.Titled++
		if p.Err == nil && SameTitle(p.Entry.Title, p.TitleEv.Title) {
			out.Uncut++
		}
		ok[i] = make([]bool, len(grid))
		for g, o := range grid {
			head, _ := htmlpage.CutTitle(p.TitleEv, o)
			ok[i][g] = p.Err == nil && SameTitle(p.Entry.Title, head)
		}
		if ok[i][0] {
			out.Default++
		}
	}
	best := func(in func(i int) bool) (int, int) {
		b, bestN := 0, -1
		for g := range grid {
			n := 0
			for i := range r.Pages {
				if ok[i] != nil && in(i) && ok[i][g] {
					n++
				}
			}
			if n > bestN {
				b, bestN = g, n
			}
		}
		return b, bestN
	}
	for f := range k {
		g, _ := best(func(i int) bool { return fold[i] != f })
		out.Chosen = append(out.Chosen, grid[g])
		for i := range r.Pages {
			if ok[i] != nil && fold[i] == f && ok[i][g] {
				out.HeldOut++
			}
		}
	}
	g, n := best(func(int) bool { return true })
	out.All, out.AllOK = grid[g], n
	return out, nil
}
