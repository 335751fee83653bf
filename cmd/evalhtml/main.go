// Command evalhtml scores the HTML page parser (app/ingest/htmlpage) on a
// corpus of saved pages with expected extractions and prints, per page and
// on average, the body token F1 and the title, byline and date accuracy.
//
// Usage:
//
//	evalhtml [-v] [-pages] [-cv] [-k 5] [corpus-dir]
//	evalhtml -human [-v] [-cv] [-k 5] [-j N] [-train-lines [-o file]] [module-dir]
//
// It also prints each extractor's mean body score (readability,
// trafilatura, DOM Distiller and their vote, which Parse uses) on the
// html-pages corpus (bag-of-tokens F1) and on the pages that the text-dumps
// corpus shares with it (its expected.txt, 4-gram shingle F1), and with
// -cv the vote's held-out score under page-grouped cross-validation of its
// share.
//
// With -human it scores the extractors and the vote on go-trafilatura's
// human-annotated comparison set instead (module-dir defaults to the
// module's directory in the module cache), with the published figures
// beside them, and the titles against the human titles, uncut, with
// htmlpage.DefaultCut and with the cut of the site's name chosen by
// k-fold cross-validation grouped by site, and the choice of the page's
// <h1> over the cut title (htmlpage.DefaultHead) by the same
// cross-validation, over all of htmleval.HeadGrid and over the choices the
// html-pages titles allow; with -cv it also chooses the
// vote's weights, share and medoid floor by that cross-validation, then
// scores that choice on the html-pages corpus too, and cross-validates the
// learned per-line decision (htmlpage.LineModel) the same way. With
// -train-lines it trains that decision on every human page and writes it to
// -o (app/ingest/htmlpage/linemodel.json, the embedded model, by default). The title accuracy on
// html-pages is printed both exactly and by ingest.TitleMatches.
//
// corpus-dir defaults to $NEWSARCHIVE_SHARED/corpus/html-pages, or to
// ../shared/corpus/html-pages when run from the repository's top directory.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

func main() {
	verbose := flag.Bool("v", false, "print the expected and extracted metadata of pages that miss")
	perPage := flag.Bool("pages", false, "print one line per page")
	cv := flag.Bool("cv", false, "cross-validate the vote's share (page-grouped)")
	k := flag.Int("k", 5, "folds for -cv")
	human := flag.Bool("human", false, "score on go-trafilatura's human-annotated comparison set instead (its module directory, or the argument)")
	workers := flag.Int("j", defaultWorkers(), "pages extracted at once (-human)")
	trainOut := flag.String("o", "app/ingest/htmlpage/linemodel.json", "where -train-lines writes the line model")
	train := flag.Bool("train-lines", false, "with -human: train the learned line decision on all human pages and write it to -o")
	flag.Parse()
	if *human {
		if err := runHuman(flag.Arg(0), *workers, *k, *cv, *verbose, pagesDir(), lineTraining(*train, *trainOut)); err != nil {
			fmt.Fprintln(os.Stderr, "evalhtml:", err)
			os.Exit(1)
		}
		return
	}
	dir := flag.Arg(0)
	if dir == "" {
		dir = pagesDir()
	}
	r, err := htmleval.Run(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalhtml:", err)
		os.Exit(1)
	}
	if *perPage || *verbose {
		printPages(r, *verbose)
	}
	fmt.Printf("pages %d, errors %d\n", len(r.Pages), r.Errors)
	fmt.Printf("mean body F1 %.4f (Parse: the learned line decision)\n", r.MeanF1)
	fmt.Printf("title accuracy %.3f (equal), %.3f (ingest.TitleMatches: equal or the site's part cut); text-dumps pages %.3f / %.3f\n",
		r.TitleAcc, r.TitleCutAcc, r.DumpTitle, r.DumpTitleCut)
	fmt.Printf("byline accuracy %.3f (pages with an expected byline: %.3f)\n", r.BylineAcc, r.BylineSet)
	fmt.Printf("date accuracy %.3f (pages with an expected date: %.3f)\n", r.DateAcc, r.DateSet)
	fmt.Printf("language accuracy on pages with an expected language: %.3f\n", r.LangSet)
	fmt.Printf("\n| extractor | html-pages bag F1 (%d) | text-dumps shingle F1 (%d) |\n| --- | --- | --- |\n",
		r.ByExtractor[0].Pages, r.ByExtractor[0].DumpPages)
	for _, ex := range []htmlpage.Extractor{htmlpage.Readability, htmlpage.Trafilatura, htmlpage.Distiller} {
		m := r.ByExtractor[ex]
		fmt.Printf("| %s | %.4f | %.4f |\n", ex, m.Bag, m.Shingle)
	}
	v := htmleval.ScoreVote(r, htmlpage.DefaultVote())
	fmt.Printf("| vote, 2 of 3 | %.4f | %.4f |\n", v.Bag, v.Shingle)
	m := r.ByExtractor[htmlpage.Vote]
	fmt.Printf("| Parse: learned line decision | %.4f | %.4f |\n", m.Bag, m.Shingle)
	if *cv {
		folds, held, err := htmleval.CrossValidate(r, *k)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalhtml:", err)
			os.Exit(1)
		}
		fmt.Printf("\nvote, %d-fold page-grouped cross-validation of the votes a line needs; chosen per fold:", *k)
		for _, f := range folds {
			fmt.Printf(" %d of 3", int(f.Share*3)+1)
		}
		fmt.Printf("\n| vote (held-out) | %.4f | %.4f |\n", held.Bag, held.Shingle)
		folds, held, err = htmleval.CrossValidateWeights(r, *k)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalhtml:", err)
			os.Exit(1)
		}
		fmt.Printf("\nvote with learned weights (readability, trafilatura, distiller), %d-fold page-grouped; chosen per fold:", *k)
		for _, f := range folds {
			fmt.Printf(" %v", f.Weights)
		}
		fmt.Printf("\n| weighted vote (held-out) | %.4f | %.4f |\n", held.Bag, held.Shingle)
	}
}

// pagesDir is the default html-pages corpus: under $NEWSARCHIVE_SHARED, or
// ../shared from the repository's top directory.
func pagesDir() string {
	root := os.Getenv("NEWSARCHIVE_SHARED")
	if root == "" {
		root = filepath.Join("..", "shared")
	}
	return filepath.Join(root, "corpus", "html-pages")
}

func printPages(r htmleval.Report, verbose bool) {
	fmt.Printf("%-40s %6s %6s %6s  %s  %s\n", "page", "F1", "P", "R", "title byline date", "F1 readability/trafilatura/distiller")
	for _, p := range r.Pages {
		fmt.Printf("%-40s %6.3f %6.3f %6.3f  %s %s %s  %.3f/%.3f/%.3f", p.Name, p.F1, p.Precision, p.Recall, mark(p.TitleOK), mark(p.BylineOK), mark(p.DateOK),
			p.Bodies[htmlpage.Readability].F1, p.Bodies[htmlpage.Trafilatura].F1, p.Bodies[htmlpage.Distiller].F1)
		if p.Err != nil {
			fmt.Printf("  error: %v", p.Err)
		}
		fmt.Println()
		if verbose {
			if !p.TitleOK {
				fmt.Printf("    title  want %q got %q\n", p.Want.Title, p.GotTitle)
			}
			if !p.BylineOK {
				fmt.Printf("    byline want %q got %q\n", p.Want.Byline, p.GotByline)
			}
			if !p.DateOK {
				fmt.Printf("    date   want %q got %q\n", p.Want.PublishedTime, p.GotDate)
			}
		}
	}
	fmt.Println()
}

func mark(ok bool) string {
	if ok {
		return "ok"
	}
	return "--"
}
