package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
)

// runsRun trains the runs pass (ingest.RunFeatureNames) of the model in
// file base on the pages of dirs (comma-separated folders, read one by
// one: the same page at several widths may share a name), which the
// model's line passes must not have been trained on. It prints the pass's
// held-out effect (k folds grouped by article) per folder and dump, and
// writes the model with the pass trained on all of them to out.
func runsRun(base, out, dirs string, k int) error {
	m, err := dumpeval.LoadModel(base)
	if err != nil {
		return err
	}
	var pages []dumpeval.Page
	var folder []string // each page's folder, for the table
	for _, d := range strings.Split(dirs, ",") {
		ps, err := dumpeval.Load(d)
		if err != nil {
			return err
		}
		pages = append(pages, ps...)
		for range ps {
			folder = append(folder, d)
		}
	}
	samples := dumpeval.AnalyseAll(pages)
	fmt.Printf("runs pass: %d pages, %d dumps\n", len(pages), len(samples))
	ps, err := dumpeval.TrainPasses(pages, samples, m, k)
	if err != nil {
		return err
	}
	fmt.Println("the runs pass:")
	printRuns(folder, samples, ps.Before, ps.RunsOnly)
	fmt.Println("the runs and restore passes:")
	printRuns(folder, samples, ps.Before, ps.Both)
	b, err := json.MarshalIndent(dumpeval.WithPasses(m, ps.Runs, ps.Restore), "", " ")
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

// printRuns prints body F1, precision and recall without the pass and
// with it held out, per folder and dump.
func printRuns(folder []string, samples []*dumpeval.Sample, before, after []dumpeval.PageScore) {
	type acc struct {
		n                      int
		f0, f1, p0, p1, r0, r1 float64
		better, worse          int
	}
	var keys []string
	sum := map[string]*acc{}
	for i, s := range samples {
		key := folder[s.Page] + " " + s.Renderer
		a := sum[key]
		if a == nil {
			a = &acc{}
			sum[key] = a
			keys = append(keys, key)
		}
		b, c := before[i], after[i]
		a.n++
		a.f0, a.f1, a.p0, a.p1, a.r0, a.r1 = a.f0+b.F1, a.f1+c.F1, a.p0+b.P, a.p1+c.P, a.r0+b.R, a.r1+c.R
		switch {
		case c.F1 > b.F1+0.005:
			a.better++
		case c.F1 < b.F1-0.005:
			a.worse++
		}
	}
	fmt.Println("| folder dump | dumps | body F1 without / held-out with | P without / with | R without / with | better / worse (±0.005) |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	for _, key := range keys {
		a := sum[key]
		n := float64(a.n)
		fmt.Printf("| %s | %d | %.4f / %.4f | %.3f / %.3f | %.3f / %.3f | %d / %d |\n", key, a.n, a.f0/n, a.f1/n, a.p0/n, a.p1/n, a.r0/n, a.r1/n, a.better, a.worse)
	}
}
