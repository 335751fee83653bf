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

// HeadGrid is every choice of the <h1> over the cut title
// CrossValidateHead chooses from: the least word overlap (above 1: never)
// with and without the single-<h1> condition; htmlpage.DefaultHead first.
func HeadGrid() []htmlpage.HeadOptions {
	def := htmlpage.DefaultHead()
	grid := []htmlpage.HeadOptions{def}
	for _, ov := range []float64{0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2} {
		for _, single := range []bool{false, true} {
			if o := (htmlpage.HeadOptions{Overlap: ov, Single: single}); o != def {
				grid = append(grid, o)
			}
		}
	}
	return grid
}

// TitleCV is the result of CrossValidateCut and CrossValidateHead: title
// accuracies (pages with a human title whose title is SameTitle) over
// Titled pages.
type TitleCV[O any] struct {
	Titled int
	// Uncut: the title without any cut or choice; Default: Parse's rule
	// (nothing in it is fitted to the pages' folds, but it was chosen on
	// all of them); HeldOut: each fold under the option chosen on the
	// other folds.
	Uncut, Default, HeldOut int
	Chosen                  []O // by fold
	// All is the option chosen on all pages and AllOK its (in-sample)
	// count.
	All   O
	AllOK int
}

// CrossValidateCut chooses the cut of the site's name by k-fold
// cross-validation grouped by site (CrossValidateHuman's folds): on each
// fold the cut of grid with the most right titles on the other folds is
// chosen and scored on the fold's pages. The <h1> choice is DefaultHead.
func CrossValidateCut(r HumanReport, k int, grid []htmlpage.CutOptions) (TitleCV[htmlpage.CutOptions], error) {
	return crossValidateTitle(r, k, grid, func(ev htmlpage.TitleEvidence, o htmlpage.CutOptions) string {
		head, _ := htmlpage.CutTitle(ev, o)
		return htmlpage.ChooseTitle(ev, head, htmlpage.DefaultHead())
	})
}

// CrossValidateHead chooses when the page's <h1> replaces the cut title
// (DefaultCut) as CrossValidateCut chooses the cut.
func CrossValidateHead(r HumanReport, k int, grid []htmlpage.HeadOptions) (TitleCV[htmlpage.HeadOptions], error) {
	return crossValidateTitle(r, k, grid, func(ev htmlpage.TitleEvidence, o htmlpage.HeadOptions) string {
		head, _ := htmlpage.CutTitle(ev, htmlpage.DefaultCut())
		return htmlpage.ChooseTitle(ev, head, o)
	})
}

// crossValidateTitle is the cross-validation of the options of grid, the
// first Parse's, where title gives a page's title under an option.
func crossValidateTitle[O any](r HumanReport, k int, grid []O, title func(htmlpage.TitleEvidence, O) string) (TitleCV[O], error) {
	var out TitleCV[O]
	if k < 2 || len(r.Pages) < k || len(grid) == 0 {
		return out, fmt.Errorf("cross-validate titles of %d pages in %d folds over %d options: too few", len(r.Pages), k, len(grid))
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
			ok[i][g] = p.Err == nil && SameTitle(p.Entry.Title, title(p.TitleEv, o))
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
