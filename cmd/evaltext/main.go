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
//	         [-folds DIR [-scores FILE] [-against FILE]]
//
// -extra DIR puts the extra pages of DIR (cmd/dumpsilver's output) in every
// training fold of the held-out figures, as texttrain -extra does; the
// pages scored stay the development set's, on the same folds. It also
// scores the importer's embedded model on the extra pages (the dump of each
// that training uses: unseen by a model trained without -extra).
//
// -folds DIR scores held out with the fold models texttrain -save-folds
// wrote (trained on the same pages: give the same -extra and
// -extra-renderers) instead of retraining (minutes, not the 45 of a
// texttrain run with its held-out tables): the development
// pages' table and, when the set has them, the extra pages'. Two builds of
// the reading code scored with one fold set differ by the change alone.
// -scores FILE writes every held-out dump's result; -against FILE (an
// earlier -scores file) prints the paired comparison: per renderer body F1
// and titles before and after, titles fixed and broken, and every dump that
// changed.
//
// The corpora are read from $NEWSARCHIVE_SHARED/corpus, or from
// ../shared/corpus when run from the repository's top directory.
package main

import (
	"encoding/json"
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
	extraDir := flag.String("extra", "", "folder of extra training pages for the held-out models (cmd/dumpsilver's output); several folders comma-separated")
	perPage := flag.Int("extra-renderers", 2, "dumps used per extra page (1-5)")
	var o foldOpts
	flag.StringVar(&o.folds, "folds", "", "score held out with the fold models texttrain -save-folds wrote to this folder, instead of retraining")
	flag.StringVar(&o.scores, "scores", "", "with -folds: write every held-out dump's result to this file (JSON)")
	flag.StringVar(&o.against, "against", "", "with -folds: compare the held-out results with an earlier -scores file, dump by dump")
	flag.Parse()
	root := os.Getenv("NEWSARCHIVE_SHARED")
	if root == "" {
		root = filepath.Join("..", "shared")
	}
	if err := run(filepath.Join(root, "corpus"), *cv, *k, *html, *verbose, *extraDir, *perPage, o); err != nil {
		fmt.Fprintln(os.Stderr, "evaltext:", err)
		os.Exit(1)
	}
}

func run(dir string, cv bool, k int, html, verbose bool, extraDir string, perPage int, o foldOpts) error {
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
		if extra, err = dumpeval.LoadFolders(extraDir); err != nil {
			return err
		}
	}
	all, allSamples := pages, samples
	if len(extra) > 0 {
		all, allSamples = dumpeval.Join(pages, extra, perPage)
		rows, scores := dumpeval.EvaluateImporter(all, allSamples[len(samples):])
		fmt.Printf("\ntext dumps: the importer (embedded model) on the %d extra pages, the dump of each that training uses\n", len(extra))
		dumpeval.PrintTable(os.Stdout, rows)
		if verbose {
			dumpeval.PrintPages(os.Stdout, scores)
			fmt.Printf("\ntitle ceiling of the extra pages' dumps\n")
			dumpeval.PrintCeilings(os.Stdout, dumpeval.TitleCeilings(all, allSamples[len(samples):], ingest.DefaultDumpModel()))
		}
	}
	if o.folds != "" {
		if err := heldOutSaved(o, all, allSamples, len(pages), perPage); err != nil {
			return err
		}
	} else if cv {
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

// foldOpts are the flags of held-out scoring with saved fold models.
type foldOpts struct{ folds, scores, against string }

// heldOutSaved scores the pages held out with the saved fold models of
// o.folds, writes and compares per-dump results as o asks.
func heldOutSaved(o foldOpts, pages []dumpeval.Page, samples []*dumpeval.Sample, nDev, perPage int) error {
	man, dev, extra, err := dumpeval.LoadFolds(o.folds)
	if err != nil {
		return err
	}
	if err := man.Matches(pages, nDev, perPage); err != nil {
		return fmt.Errorf("%s: %w (give the -extra and -extra-renderers it was trained with)", o.folds, err)
	}
	var all []dumpeval.PageScore
	if len(dev) > 0 {
		rows, scores := dumpeval.EvaluateFolds(pages, samples, dumpeval.DevFolds(pages, nDev, man.K), dev)
		fmt.Printf("\ntext dumps: held-out with the saved fold models of %s (%d folds), %d development pages\n", o.folds, man.K, nDev)
		dumpeval.PrintTable(os.Stdout, rows)
		all = append(all, scores...)
	}
	if len(extra) > 0 {
		rows, scores := dumpeval.EvaluateFolds(pages, samples, dumpeval.ExtraFolds(pages, nDev, man.K), extra)
		fmt.Printf("\ntext dumps: held-out with the saved fold models, %d extra pages\n", len(pages)-nDev)
		dumpeval.PrintTable(os.Stdout, rows)
		all = append(all, scores...)
	}
	if o.scores != "" {
		b, err := json.Marshal(all)
		if err != nil {
			return fmt.Errorf("scores: %w", err)
		}
		if err := os.WriteFile(o.scores, b, 0o644); err != nil {
			return fmt.Errorf("scores: %w", err)
		}
	}
	if o.against != "" {
		b, err := os.ReadFile(o.against)
		if err != nil {
			return fmt.Errorf("against: %w", err)
		}
		var before []dumpeval.PageScore
		if err := json.Unmarshal(b, &before); err != nil {
			return fmt.Errorf("against %s: %w", o.against, err)
		}
		const moved = 0.005
		fmt.Printf("\npaired with %s (body F1 moved by more than %g, or the title right or wrong since)\n", o.against, moved)
		dumpeval.PrintPaired(os.Stdout, before, all, moved)
	}
	return nil
}
