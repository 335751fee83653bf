package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
)

// compareLabels scores the labels written to out against a text-dumps
// folder's (the development set, labelled by Mozilla readability itself):
// mean body F1 (the corpus's metric) and the share of equal titles, over the
// pages both hold. It also lists the pages selected by one side only.
func compareLabels(out, dev string) error {
	ents, err := os.ReadDir(dev)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	n, titles, onlyDev := 0, 0, 0
	sum := 0.0
	for _, e := range ents {
		want, err := os.ReadFile(filepath.Join(dev, e.Name(), "expected.txt"))
		if err != nil {
			continue
		}
		got, err := os.ReadFile(filepath.Join(out, e.Name(), "expected.txt"))
		if err != nil {
			onlyDev++
			fmt.Printf("only in %s: %s\n", dev, e.Name())
			continue
		}
		_, _, f := dumpeval.PRF(string(got), string(want))
		sum += f
		n++
		if readTitle(filepath.Join(out, e.Name())) == readTitle(filepath.Join(dev, e.Name())) {
			titles++
		}
		if f < 0.9 {
			fmt.Printf("%s: body F1 %.3f\n", e.Name(), f)
		}
	}
	if n == 0 {
		return fmt.Errorf("compare: no page in both %s and %s", out, dev)
	}
	fmt.Printf("labels against %s: %d pages in both (%d only there), mean body F1 %.4f, titles equal %d (%.1f%%)\n",
		dev, n, onlyDev, sum/float64(n), titles, 100*float64(titles)/float64(n))
	return nil
}

func readTitle(dir string) string {
	var m struct{ Title *string }
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil || json.Unmarshal(b, &m) != nil || m.Title == nil {
		return ""
	}
	return *m.Title
}
