// Command genarchive builds a synthetic archive for benchmarks: articles
// assembled from the real sentences and names of the shared corpora, with
// dates over 25 years and a few dozen sources.
//
//	genarchive [-n 100000] [-shared DIR] [-out PATH]
//
// Without -out the archive is cached as os.TempDir()/newsarchive-bench/
// synthetic-vV-N.db and reused when present, as the search benchmarks do.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/synth"
	"github.com/newsarchive/newsarchive/store"
)

func main() {
	n := flag.Int("n", 100_000, "number of articles")
	shared := flag.String("shared", defaultShared(), "shared data directory (corpus/bbc, ner/gmb-train.csv)")
	out := flag.String("out", "", "write a new archive here instead of the cache")
	seed := flag.Uint64("seed", 1, "random seed (with -out)")
	flag.Parse()
	if err := run(*n, *shared, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genarchive:", err)
		os.Exit(1)
	}
}

func run(n int, shared, out string, seed uint64) error {
	ctx := context.Background()
	bbc, gmb := filepath.Join(shared, "corpus", "bbc"), filepath.Join(shared, "ner", "gmb-train.csv")
	start := time.Now()
	progress := func(done int) {
		fmt.Fprintf(os.Stderr, "\r%d/%d articles, %s", done, n, time.Since(start).Round(time.Second))
	}
	if out == "" {
		path, err := synth.Ensure(ctx, bbc, gmb, n, progress)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "\n%s (%s)\n", path, time.Since(start).Round(time.Second))
		return nil
	}
	pools, err := synth.LoadPools(bbc, gmb)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, out)
	if err != nil {
		return err
	}
	if err := synth.FillBulk(ctx, s, synth.NewGenerator(pools, seed), n, progress); err != nil {
		s.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "\n%s (%s)\n", out, time.Since(start).Round(time.Second))
	return s.Close()
}

// defaultShared is $NEWSARCHIVE_SHARED, else ../shared beside the working
// directory's repository.
func defaultShared() string {
	if d := os.Getenv("NEWSARCHIVE_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "shared")
}
