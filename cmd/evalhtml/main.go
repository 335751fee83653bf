// Command evalhtml scores the HTML page parser (app/ingest/htmlpage) on a
// corpus of saved pages with expected extractions and prints, per page and
// on average, the body token F1 and the title, byline and date accuracy.
//
// Usage:
//
//	evalhtml [-v] [corpus-dir]
//
// corpus-dir defaults to $NEWSARCHIVE_SHARED/corpus/html-pages, or to
// ../shared/corpus/html-pages when run from the repository's top directory.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

func main() {
	verbose := flag.Bool("v", false, "print the expected and extracted metadata of pages that miss")
	flag.Parse()
	dir := flag.Arg(0)
	if dir == "" {
		root := os.Getenv("NEWSARCHIVE_SHARED")
		if root == "" {
			root = filepath.Join("..", "shared")
		}
		dir = filepath.Join(root, "corpus", "html-pages")
	}
	r, err := htmleval.Run(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalhtml:", err)
		os.Exit(1)
	}
	fmt.Printf("%-40s %6s %6s %6s  %s\n", "page", "F1", "P", "R", "title byline date")
	for _, p := range r.Pages {
		fmt.Printf("%-40s %6.3f %6.3f %6.3f  %s %s %s", p.Name, p.F1, p.Precision, p.Recall, mark(p.TitleOK), mark(p.BylineOK), mark(p.DateOK))
		if p.Err != nil {
			fmt.Printf("  error: %v", p.Err)
		}
		fmt.Println()
		if *verbose {
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
	fmt.Printf("\npages %d, errors %d\n", len(r.Pages), r.Errors)
	fmt.Printf("mean body F1 %.4f\n", r.MeanF1)
	fmt.Printf("title accuracy %.3f\n", r.TitleAcc)
	fmt.Printf("byline accuracy %.3f (pages with an expected byline: %.3f)\n", r.BylineAcc, r.BylineSet)
	fmt.Printf("date accuracy %.3f (pages with an expected date: %.3f)\n", r.DateAcc, r.DateSet)
}

func mark(ok bool) string {
	if ok {
		return "ok"
	}
	return "--"
}
