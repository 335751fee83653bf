// Command texttrain learns the weights of the scraped-dump extractor
// (package ingest: line classifier, smoothing pass, title scorer) from the
// text-dumps corpus, reports the page-grouped cross-validated (held-out)
// scores per renderer, and writes the model trained on all pages.
//
// Usage:
//
//	texttrain [-cv=true] [-k 5] [-o app/ingest/dumpmodel.json] [-v] [corpus-dir]
//
// -cv=false skips the cross-validation and only trains and scores the model
// on all pages (a fifth of the time).
//
// -sweep configs.json instead compares boosting options by their held-out
// score: the file holds a JSON list of {"Name", "Line", "Stage2", "Title"}
// (each an ingest.BoostOptions; an absent one keeps the default), and each
// configuration's cross-validated body F1 and titles right are printed, per
// renderer and on average. No model is written.
//
// corpus-dir defaults to $NEWSARCHIVE_SHARED/corpus/text-dumps, or to
// ../shared/corpus/text-dumps from the repository's top directory.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
)

func main() {
	k := flag.Int("k", 5, "cross-validation folds (grouped by page)")
	out := flag.String("o", filepath.Join("app", "ingest", "dumpmodel.json"), "where to write the model trained on all pages")
	verbose := flag.Bool("v", false, "list the held-out result of every dump")
	cv := flag.Bool("cv", true, "report the held-out (cross-validated) figures too")
	sweepFile := flag.String("sweep", "", "JSON list of boosting configurations to compare by held-out score")
	flag.Parse()
	if *sweepFile != "" {
		if err := sweep(*sweepFile, *k, corpusDir(flag.Arg(0))); err != nil {
			fmt.Fprintln(os.Stderr, "texttrain:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*cv, *k, *out, *verbose, corpusDir(flag.Arg(0))); err != nil {
		fmt.Fprintln(os.Stderr, "texttrain:", err)
		os.Exit(1)
	}
}

func corpusDir(arg string) string {
	if arg != "" {
		return arg
	}
	root := os.Getenv("NEWSARCHIVE_SHARED")
	if root == "" {
		root = filepath.Join("..", "shared")
	}
	return filepath.Join(root, "corpus", "text-dumps")
}

func run(cv bool, k int, out string, verbose bool, dir string) error {
	pages, err := dumpeval.Load(dir)
	if err != nil {
		return err
	}
	samples := dumpeval.Analyse(pages)
	if cv {
		rows, scores, err := dumpeval.CrossValidate(pages, samples, k)
		if err != nil {
			return err
		}
		fmt.Printf("held-out (%d-fold cross-validation grouped by page), %d pages\n", k, len(pages))
		dumpeval.PrintTable(os.Stdout, rows)
		if verbose {
			dumpeval.PrintPages(os.Stdout, scores)
		}
	}
	m, err := dumpeval.Train(pages, samples, func(int) bool { return true })
	if err != nil {
		return err
	}
	rows, _ := dumpeval.Evaluate(pages, samples, func(int) *ingest.DumpModel { return m })
	fmt.Println("\nin-sample (trained on all pages; the embedded model)")
	dumpeval.PrintTable(os.Stdout, rows)
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
