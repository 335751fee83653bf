package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

// published are go-trafilatura's README figures on the same benchmark
// (v1.12.2; go-readability there is go-shiori's, not readeck's).
var published = []struct {
	name          string
	p, r, acc, f1 float64
}{
	{"go-readability (go-shiori)", 0.870, 0.881, 0.875, 0.875},
	{"go-domdistiller", 0.871, 0.864, 0.868, 0.867},
	{"go-trafilatura", 0.912, 0.890, 0.902, 0.901},
	{"go-trafilatura + fallback", 0.908, 0.912, 0.910, 0.910},
}

// runHuman scores the extractors on go-trafilatura's human-annotated
// comparison set in dir (the module's directory; "" finds it with go list).
func runHuman(dir string, workers, k int, cv, verbose bool, pagesDir, trainOut string) error {
	if dir == "" {
		var err error
		if dir, err = htmleval.TrafilaturaDir(); err != nil {
			return err
		}
	}
	start := time.Now()
	r, err := htmleval.RunHuman(dir, workers)
	if err != nil {
		return err
	}
	fmt.Printf("human references (go-trafilatura's comparison set, %s): %d pages, %d entries without a page, %d errors; %.1f s wall, %d workers\n",
		dir, len(r.Pages), r.Missing, r.Errors, time.Since(start).Seconds(), workers)
	fmt.Printf("\n| extractor | precision | recall | accuracy | F | published (P/R/A/F) |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, ex := range []htmlpage.Extractor{htmlpage.Readability, htmlpage.Trafilatura, htmlpage.Distiller} {
		c := r.ByExtractor[ex]
		fmt.Printf("| %s | %.3f | %.3f | %.3f | %.3f | |\n", ex, c.Precision(), c.Recall(), c.Accuracy(), c.F())
	}
	fmt.Printf("| vote, 2 of 3 | %s | |\n", cells(r.DefaultVote))
	fmt.Printf("| Parse: learned line decision (embedded model, in-sample; -cv for held-out) | %s | |\n", cells(r.ByExtractor[htmlpage.Vote]))
	for _, p := range published {
		fmt.Printf("| %s (README) | | | | | %.3f/%.3f/%.3f/%.3f |\n", p.name, p.p, p.r, p.acc, p.f1)
	}
	if verbose {
		fmt.Println()
		for _, p := range r.Pages {
			if p.Entry.Title != "" && !htmleval.SameTitle(p.Entry.Title, p.Title) {
				fmt.Printf("title %s: want %q got %q\n", p.Entry.File, p.Entry.Title, p.Title)
			}
		}
	}
	fmt.Printf("\ntitle accuracy against the human title: %.3f (%d of %d pages with one)\n",
		float64(r.TitleOK)/float64(max(r.Titled, 1)), r.TitleOK, r.Titled)
	tcv, err := htmleval.CrossValidateCut(r, k, htmleval.CutGrid())
	if err != nil {
		return err
	}
	frac := func(n int) float64 { return float64(n) / float64(max(tcv.Titled, 1)) }
	fmt.Printf("titles without the cut of the site's name %.3f (%d); DefaultCut %.3f (%d); %d-fold site-grouped CV of %d cuts, held-out %.3f (%d); chosen on all pages %+v (%d)\n",
		frac(tcv.Uncut), tcv.Uncut, frac(tcv.Default), tcv.Default, k, len(htmleval.CutGrid()), frac(tcv.HeldOut), tcv.HeldOut, tcv.All, tcv.AllOK)
	for f, o := range tcv.Chosen {
		fmt.Printf("  fold %d: %+v\n", f+1, o)
	}
	// The html-pages corpus's titles are readability's, from <title>: an
	// <h1> of other words than the cut title fails its TitleMatches floor,
	// so the choices with Overlap below 1 are shown but not taken.
	var kept []htmlpage.HeadOptions
	for _, o := range htmleval.HeadGrid() {
		if o.Overlap >= 1 {
			kept = append(kept, o)
		}
	}
	for _, grid := range [][]htmlpage.HeadOptions{htmleval.HeadGrid(), kept} {
		hcv, err := htmleval.CrossValidateHead(r, k, grid)
		if err != nil {
			return err
		}
		fmt.Printf("the <h1> over the cut title: DefaultHead %+v %.3f (%d); %d-fold site-grouped CV of %d choices, held-out %.3f (%d); chosen on all pages %+v (%d); by fold %+v\n",
			htmlpage.DefaultHead(), frac(hcv.Default), hcv.Default, k, len(grid), frac(hcv.HeldOut), hcv.HeldOut, hcv.All, hcv.AllOK, hcv.Chosen)
	}
	if trainOut != "" {
		if err := trainLines(r, trainOut); err != nil {
			return err
		}
	}
	if cv {
		if err := humanCV(r, k, pagesDir); err != nil {
			return err
		}
		return linesCV(r, k, pagesDir)
	}
	return nil
}

// lineTraining is where -train-lines writes the model ("" without it).
func lineTraining(train bool, out string) string {
	if !train {
		return ""
	}
	return out
}

func defaultWorkers() int {
	if n := runtime.GOMAXPROCS(0); n > 1 {
		return n
	}
	return 1
}

// humanCV cross-validates the vote's options on the human references and
// scores the vote chosen on all of them on the html-pages corpus in
// pagesDir (skipped when absent).
func humanCV(r htmleval.HumanReport, k int, pagesDir string) error {
	grid := htmleval.VoteGrid()
	cv, err := htmleval.CrossValidateHuman(r, k, grid)
	if err != nil {
		return err
	}
	fmt.Printf("\nvote options, %d-fold cross-validation grouped by site (%d votes: weights readability/trafilatura/distiller, share, medoid floor); chosen on the other folds:\n", k, len(grid))
	fmt.Printf("| fold | sites | pages | chosen | held-out P/R/A/F |\n| --- | --- | --- | --- | --- |\n")
	for i, f := range cv.Folds {
		fmt.Printf("| %d | %d | %d | %s | %s |\n", i+1, f.Sites, f.Pages, voteName(f.Chosen), prf(f.HeldOut))
	}
	fmt.Printf("\n| vote | precision | recall | accuracy | F |\n| --- | --- | --- | --- | --- |\n")
	fmt.Printf("| default %s | %s |\n", voteName(htmlpage.DefaultVote()), cells(cv.Default))
	fmt.Printf("| chosen per fold (held-out) | %s |\n", cells(cv.HeldOut))
	fmt.Printf("| chosen on all pages %s (in-sample) | %s |\n", voteName(cv.All), cells(cv.AllCounts))
	fmt.Printf("\nheld-out F minus default F: %+.4f (95%% site-bootstrap interval %+.4f .. %+.4f)\n",
		cv.HeldOut.F()-cv.Default.F(), cv.DiffLow, cv.DiffHigh)
	if _, err := os.Stat(pagesDir); err != nil {
		fmt.Printf("html-pages corpus %s not found: the chosen vote is not checked there\n", pagesDir)
		return nil
	}
	pr, err := htmleval.Run(pagesDir)
	if err != nil {
		return err
	}
	fmt.Printf("\nhtml-pages (readability's own output as reference; TestCorpus floors for Parse: bag 0.97, shingle 0.96):\n")
	fmt.Printf("| vote | bag F1 (%d) | shingle F1 (%d) |\n| --- | --- | --- |\n", pr.ByExtractor[0].Pages, pr.ByExtractor[0].DumpPages)
	for _, o := range []htmlpage.VoteOptions{htmlpage.DefaultVote(), cv.All} {
		m := htmleval.ScoreVote(pr, o)
		fmt.Printf("| %s | %.4f | %.4f |\n", voteName(o), m.Bag, m.Shingle)
	}
	return nil
}

func voteName(o htmlpage.VoteOptions) string {
	return fmt.Sprintf("w=%g/%g/%g share=%g floor=%g", o.Weights[0], o.Weights[1], o.Weights[2], o.Share, o.Floor)
}

func prf(c htmleval.Counts) string {
	return fmt.Sprintf("%.3f/%.3f/%.3f/%.3f", c.Precision(), c.Recall(), c.Accuracy(), c.F())
}

func cells(c htmleval.Counts) string {
	return fmt.Sprintf("%.3f | %.3f | %.3f | %.3f", c.Precision(), c.Recall(), c.Accuracy(), c.F())
}
