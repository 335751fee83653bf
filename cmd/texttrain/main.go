// Command texttrain learns the weights of the scraped-dump extractor
// (package ingest: line classifier, smoothing pass, title scorer) from the
// text-dumps corpus, reports the page-grouped cross-validated (held-out)
// scores per renderer, and writes the model trained on all pages.
//
// Usage:
//
//	texttrain [-cv=true] [-k 5] [-o app/ingest/dumpmodel.json] [-save-folds DIR] [-v] [corpus-dir]
//
// -cv=false skips the cross-validation and only trains and scores the model
// on all pages (a fifth of the time).
//
// -extra DIR adds the pages of DIR (cmd/dumpsilver's output, laid out as the
// corpus) to every training set, each with -extra-renderers of its five
// dumps (chosen by the page's name); -extra-human-title trains their titles
// on the comparison set's hand-written titles instead of readability's. The held-out table stays the
// development set's, on the same page-grouped folds; a second held-out table
// scores the extra pages by page-grouped folds of their own (every
// development page in every training fold), unless -extra-cv=false.
//
// -save-folds DIR writes the fold models of the held-out tables to DIR, so
// that evaltext -folds DIR can score a later build's reading of the dumps
// with the same models: a paired measure of a change that needs no
// retraining (dumpeval.SaveFolds).
//
// -runs DIRS instead adds the runs pass (which runs of kept lines stay,
// ingest.RunFeatureNames) to the model in file -base: it is trained on the
// pages of DIRS, which the base model's line passes must never have seen,
// its held-out effect is printed per folder and dump (k folds grouped by
// article), and the model with the pass trained on all of them is written
// to -o.
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
	"errors"
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
	saveFolds := flag.String("save-folds", "", "folder to write the held-out fold models to (for evaltext -folds)")
	sweepFile := flag.String("sweep", "", "JSON list of boosting configurations to compare by held-out score")
	var x extraOpts
	flag.StringVar(&x.dir, "extra", "", "folder of extra training pages (cmd/dumpsilver's output); several folders comma-separated")
	flag.IntVar(&x.perPage, "extra-renderers", 2, "dumps used per extra page (1-5)")
	flag.BoolVar(&x.cv, "extra-cv", true, "with -extra: also report the held-out figures on the extra pages")
	flag.BoolVar(&x.human, "extra-human-title", false, "learn the extra pages' titles from their hand-written title (pages without one teach no title)")
	runsDirs := flag.String("runs", "", "train the runs pass of the -base model on these folders' pages (comma-separated; pages its line passes never saw), report its held-out effect and write the model to -o")
	base := flag.String("base", filepath.Join("app", "ingest", "dumpmodel.json"), "with -runs: the model to add the pass to")
	flag.Parse()
	if *runsDirs != "" {
		if err := runsRun(*base, *out, *runsDirs, *k); err != nil {
			fmt.Fprintln(os.Stderr, "texttrain:", err)
			os.Exit(1)
		}
		return
	}
	if *sweepFile != "" {
		if err := sweep(*sweepFile, *k, corpusDir(flag.Arg(0)), x); err != nil {
			fmt.Fprintln(os.Stderr, "texttrain:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*cv, *k, *out, *saveFolds, *verbose, corpusDir(flag.Arg(0)), x); err != nil {
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

// extraOpts are the -extra flags.
type extraOpts struct {
	dir     string
	perPage int
	cv      bool
	human   bool
}

func run(cv bool, k int, out, saveFolds string, verbose bool, dir string, x extraOpts) error {
	if saveFolds != "" && !cv {
		return errors.New("-save-folds writes the held-out fold models: it needs -cv=true")
	}
	dev, err := dumpeval.Load(dir)
	if err != nil {
		return err
	}
	var extra []dumpeval.Page
	if x.dir != "" {
		if extra, err = dumpeval.LoadFolders(x.dir); err != nil {
			return err
		}
		agree, human := 0, 0
		for i, p := range extra {
			if p.HumanTitle != "" {
				human++
				if ingest.TitleMatches(p.HumanTitle, p.Title) || ingest.TitleMatches(p.Title, p.HumanTitle) {
					agree++
				}
			}
			if x.human {
				extra[i].Title = p.HumanTitle
			}
		}
		fmt.Printf("extra pages: %d with a hand-written title, it and readability's agree (one is the other, whole or less a separated part) on %d\n", human, agree)
	}
	pages, samples := dumpeval.Join(dev, extra, x.perPage)
	if len(extra) > 0 {
		fmt.Printf("training on %d development pages and %d extra pages (%d dumps, %d per extra page)\n",
			len(dev), len(extra), len(samples), min(max(x.perPage, 1), len(dumpeval.Renderers)))
	}
	if cv {
		devFolds := dumpeval.DevFolds(pages, len(dev), k)
		devModels, err := dumpeval.TrainFolds(pages, samples, devFolds, k)
		if err != nil {
			return err
		}
		rows, scores := dumpeval.EvaluateFolds(pages, samples, devFolds, devModels)
		fmt.Printf("held-out (%d-fold cross-validation grouped by page), %d pages\n", k, len(dev))
		dumpeval.PrintTable(os.Stdout, rows)
		if verbose {
			dumpeval.PrintPages(os.Stdout, scores)
		}
		var extraModels []*ingest.DumpModel
		if len(extra) > 0 && x.cv {
			extraFolds := dumpeval.ExtraFolds(pages, len(dev), k)
			if extraModels, err = dumpeval.TrainFolds(pages, samples, extraFolds, k); err != nil {
				return err
			}
			rows, _ := dumpeval.EvaluateFolds(pages, samples, extraFolds, extraModels)
			fmt.Printf("\nheld-out on the extra pages (%d-fold cross-validation grouped by page over them), %d pages\n", k, len(extra))
			dumpeval.PrintTable(os.Stdout, rows)
		}
		if saveFolds != "" {
			man := dumpeval.NewManifest(pages, len(dev), x.perPage, k)
			if err := dumpeval.SaveFolds(saveFolds, man, devModels, extraModels); err != nil {
				return err
			}
			fmt.Printf("fold models written to %s (evaltext -folds %s scores them)\n", saveFolds, saveFolds)
		}
	}
	m, err := dumpeval.Train(pages, samples, func(int) bool { return true })
	if err != nil {
		return err
	}
	rows, _ := dumpeval.Evaluate(pages, samples[:len(dev)*len(dumpeval.Renderers)], func(int) *ingest.DumpModel { return m })
	fmt.Println("\nin-sample (trained on all pages; the embedded model), development pages")
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
