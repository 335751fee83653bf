package main

import (
	"bufio"
	"cmp"
	"fmt"
	"log"
	"os"
	"slices"
	"time"

	"github.com/newsarchive/newsarchive/app/ner"
	"github.com/newsarchive/newsarchive/app/ner/brown"
)

// clusterOptions are the -clusters, -cluster-min and -cluster-out flags.
type clusterOptions struct {
	n, min int
	out    string
	cased  bool
}

// learnClusters learns Brown clusters over the words of every sentence of
// sets (nil when co.n is 0) and writes them to co.out if set.
func learnClusters(sets []ner.TrainingSet, co clusterOptions) (ner.Clusters, error) {
	if co.n <= 0 {
		return ner.Clusters{}, nil
	}
	text := ner.ClusterText(sets, co.cased)
	start := time.Now()
	res, err := brown.Cluster(text, brown.Options{Clusters: co.n, MinCount: co.min,
		Progress: func(added, total int) {
			if added%5000 == 0 {
				log.Printf("clusters: %d of %d words in", added, total)
			}
		}})
	if err != nil {
		return ner.Clusters{}, err
	}
	tokens := 0
	for _, s := range text {
		tokens += len(s)
	}
	log.Printf("clusters: %d words (seen >= %d times in %d tokens) in %d clusters, AMI %.3f nats, in %s",
		res.Words, co.min, tokens, co.n, res.AMI, time.Since(start).Round(time.Second))
	if co.out != "" {
		if err := writeClusters(co.out, text, res.Paths); err != nil {
			return ner.Clusters{}, err
		}
	}
	return ner.Clusters{Paths: res.Paths, Cased: co.cased}, nil
}

// writeClusters writes one line per word: bit string, word, count, sorted
// by bit string then falling count.
func writeClusters(path string, text [][]string, paths map[string]string) error {
	count := map[string]int{}
	for _, s := range text {
		for _, w := range s {
			if _, ok := paths[w]; ok {
				count[w]++
			}
		}
	}
	words := make([]string, 0, len(paths))
	for w := range paths {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(paths[a], paths[b]), cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	w := bufio.NewWriter(f)
	for _, word := range words {
		fmt.Fprintf(w, "%s\t%s\t%d\n", paths[word], word, count[word])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write clusters: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}
