// Command evaltext scores the scraped-text importer on the text-dumps corpus
// and prints one table row per renderer (lynx, lynx -list, w3m, html2text,
// links): mean body P, R and F1 (the corpus's score.py metric), titles right,
// near-empty bodies and fallbacks. It scores the importer itself
// (ingest.ParseText with the embedded model: the development-set figures),
// then, unless -cv=false, the page-grouped cross-validated (held-out)
// figures of models retrained without the pages they score, and the HTML
// page parser's mean body F1 on the html-pages corpus.
//
// Usage:
//
//	evaltext [-cv=true] [-k 5] [-html=true] [-v] [-extra DIR [-extra-renderers 2]]
//
// -extra DIR puts the extra pages of DIR (cmd/dumpsilver's output) in every
// training fold of the held-out figures, as texttrain -extra does; the
// pages scored stay the development set's, on the same folds. It also
// scores the importer's embedded model on the extra pages (the dump of each
// that training uses: unseen by a model trained without -extra).
//
// The corpora are read from $NEWSARCHIVE_SHARED/corpus, or from
// ../shared/corpus when run from the repository's top directory.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

func main() {
	cv := flag.Bool("cv", true, "also report page-grouped cross-validated (held-out) figures")
	k := flag.Int("k", 5, "cross-validation folds")
	html := flag.Bool("html", true, "also score the HTML page parser on corpus/html-pages")
	verbose := flag.Bool("v", false, "list every dump's result, worst first")
	extraDir := flag.String("extra", "", "folder of extra training pages for the held-out models (cmd/dumpsilver's output)")
	perPage := flag.Int("extra-renderers", 2, "dumps used per extra page (1-5)")
	flag.Parse()
	root := os.Getenv("NEWSARCHIVE_SHARED")
	if root == "" {
		root = filepath.Join("..", "shared")
	}
	if err := run(filepath.Join(root, "corpus"), *cv, *k, *html, *verbose, *extraDir, *perPage); err != nil {
		fmt.Fprintln(os.Stderr, "evaltext:", err)
		os.Exit(1)
	}
}

func run(dir string, cv bool, k int, html, verbose bool, extraDir string, perPage int) error {
	pages, err := dumpeval.Load(filepath.Join(dir, "text-dumps"))
	if err != nil {
		return err
	}
	samples := dumpeval.Analyse(pages)
	rows, scores := dumpeval.EvaluateImporter(pages, samples)
	fmt.Printf("text dumps: the importer (ingest.ParseText, embedded model), %d pages (development set)\n", len(pages))
	dumpeval.PrintTable(os.Stdout, rows)
	if verbose {
		dumpeval.PrintPages(os.Stdout, scores)
	}
	fmt.Printf("\ntitle ceiling: dumps whose expected title occurs in the dump at all (whole, or less the site's name)\n")
	dumpeval.PrintCeilings(os.Stdout, dumpeval.TitleCeilings(pages, samples, ingest.DefaultDumpModel()))
	var extra []dumpeval.Page
	if extraDir != "" {
		if extra, err = dumpeval.Load(extraDir); err != nil {
			return err
		}
	}
	all, allSamples := pages, samples
	if len(extra) > 0 {
		all, allSamples = dumpeval.Join(pages, extra, perPage)
		rows, _ := dumpeval.EvaluateImporter(all, allSamples[len(samples):])
		fmt.Printf("\ntext dumps: the importer (embedded model) on the %d extra pages, the dump of each that training uses\n", len(extra))
		dumpeval.PrintTable(os.Stdout, rows)
	}
	if cv {
		rows, _, err := dumpeval.CrossValidateFolds(all, allSamples, dumpeval.DevFolds(all, len(pages), k), k)
		if err != nil {
			return err
		}
		fmt.Printf("\ntext dumps: held-out, %d-fold cross-validation grouped by page (%d extra training pages)\n", k, len(extra))
		dumpeval.PrintTable(os.Stdout, rows)
	}
	if html {
		r, err := htmleval.Run(filepath.Join(dir, "html-pages"))
		if err != nil {
			return err
		}
		fmt.Printf("\nHTML pages (%d): mean body F1 %.4f, title accuracy %.3f\n", len(r.Pages), r.MeanF1, r.TitleAcc)
	}
	return nil
}
