package dumpeval

import (
	"fmt"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// RunsBoost sizes the runs pass (ingest.RunFeatureNames): a few thousand
// dumps with a handful of runs each.
var RunsBoost = ingest.BoostOptions{Trees: 100, Depth: 3, Bins: 32, Rate: 0.1, Lambda: 2, MinHess: 4}

// AnalyseAll analyses and labels every dump of every page (each page's own
// dumps, all of them; Analyse takes the five renderers').
func AnalyseAll(pages []Page) []*Sample {
	var out []*Sample
	for pi, p := range pages {
		for _, r := range PageRenderers(p) {
			out = append(out, &Sample{Page: pi, Renderer: r})
		}
	}
	parallel(len(out), func(i int) {
		s := out[i]
		s.A = ingest.NewDumpAnalysis(pages[s.Page].Dumps[s.Renderer])
		s.Labels = ingest.LabelDumpLines(s.A.Lines, pages[s.Page].Gold)
	})
	return out
}

// runRows are one sample's runs but the largest: features, labels,
// weights.
type runRows struct {
	X [][]float64
	y []bool
	w []float64
}

// runsData reads every sample with m (its runs pass left out) and lists
// its runs. The pages must be ones m's line passes were not trained on, so
// the pass learns from their output on unseen pages.
func runsData(samples []*Sample, m *ingest.DumpModel) []runRows {
	without := WithRuns(m, nil)
	out := make([]runRows, len(samples))
	parallel(len(samples), func(i int) {
		s := samples[i]
		cp := *s.A
		keep := cp.Kept(cp.Score(without))
		runs, feats, largest := cp.RunRows(keep)
		y, w := ingest.RunLabels(&cp, runs, s.Labels)
		for j := range runs {
			if j != largest {
				r := &out[i]
				r.X, r.y, r.w = append(r.X, feats[j]), append(r.y, y[j]), append(r.w, w[j])
			}
		}
	})
	return out
}

// fitRuns trains the pass on the samples whose page train admits.
func fitRuns(samples []*Sample, rows []runRows, train func(page int) bool) (*ingest.Boosted, error) {
	var X [][]float64
	var y []bool
	var w []float64
	for i, s := range samples {
		if train(s.Page) {
			X, y, w = append(X, rows[i].X...), append(y, rows[i].y...), append(w, rows[i].w...)
		}
	}
	if len(X) == 0 {
		return nil, fmt.Errorf("runs pass: no dump with two runs of kept lines")
	}
	return ingest.FitBoosted(X, y, w, RunsBoost)
}

// WithRuns returns a copy of m (and of its plain model) with the runs pass
// runs (nil: none).
func WithRuns(m *ingest.DumpModel, runs *ingest.Boosted) *ingest.DumpModel {
	cp := *m
	cp.Runs = runs
	if cp.Plain != nil {
		pp := *cp.Plain
		pp.Runs = runs
		cp.Plain = &pp
	}
	return &cp
}

// TrainRuns learns the runs pass from all the samples read with m.
func TrainRuns(samples []*Sample, m *ingest.DumpModel) (*ingest.Boosted, error) {
	return fitRuns(samples, runsData(samples, m), func(int) bool { return true })
}

// CrossValidateRuns scores every sample with m and a runs pass trained on
// the other folds' pages (k folds grouped by article: a page's dumps at
// every width are one article), and with m without one for comparison:
// the pass's held-out effect on pages m never saw.
func CrossValidateRuns(pages []Page, samples []*Sample, m *ingest.DumpModel, k int) (before, after []PageScore, err error) {
	rows := runsData(samples, m)
	fold := pageFolds(pages, k)
	models := make([]*ingest.DumpModel, k)
	for f := range k {
		runs, err := fitRuns(samples, rows, func(p int) bool { return fold[p] != f })
		if err != nil {
			return nil, nil, fmt.Errorf("fold %d: %w", f, err)
		}
		models[f] = WithRuns(m, runs)
	}
	without := WithRuns(m, nil)
	_, before = Evaluate(pages, samples, func(int) *ingest.DumpModel { return without })
	_, after = Evaluate(pages, samples, func(p int) *ingest.DumpModel { return models[fold[p]] })
	return before, after, nil
}
