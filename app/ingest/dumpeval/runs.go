package dumpeval

import (
	"fmt"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// RunsBoost sizes the runs and restore passes (ingest.RunFeatureNames,
// ingest.RestoreFeatureNames): a few thousand dumps with a handful of runs
// or rejected paragraphs each.
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
	analyse(pages, out)
	return out
}

// runRows are one sample's rows for a pass (its runs but the largest, or
// its rejected paragraphs): features, labels, weights.
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

// fitFolds trains a pass once per fold, on the samples of the other folds,
// and once on all samples.
func fitFolds(samples []*Sample, rows []runRows, fold []int, k int) (folds []*ingest.Boosted, all *ingest.Boosted, err error) {
	folds = make([]*ingest.Boosted, k)
	for f := range k {
		if folds[f], err = fitPass(samples, rows, func(p int) bool { return fold[p] != f }); err != nil {
			return nil, nil, fmt.Errorf("fold %d: %w", f, err)
		}
	}
	all, err = fitPass(samples, rows, func(int) bool { return true })
	return folds, all, err
}

// fitPass trains a pass on the samples whose page train admits.
func fitPass(samples []*Sample, rows []runRows, train func(page int) bool) (*ingest.Boosted, error) {
	var X [][]float64
	var y []bool
	var w []float64
	for i, s := range samples {
		if train(s.Page) {
			X, y, w = append(X, rows[i].X...), append(y, rows[i].y...), append(w, rows[i].w...)
		}
	}
	if len(X) == 0 {
		return nil, fmt.Errorf("no dump with a run or paragraph to decide")
	}
	return ingest.FitBoosted(X, y, w, RunsBoost)
}

// WithRuns returns a copy of m (and of its plain model) with the runs pass
// runs and no restore pass (nil: none).
func WithRuns(m *ingest.DumpModel, runs *ingest.Boosted) *ingest.DumpModel {
	return WithPasses(m, runs, nil)
}

// WithPasses returns a copy of m (and of its plain model) with the runs and
// restore passes given (nil: none).
func WithPasses(m *ingest.DumpModel, runs, restore *ingest.Boosted) *ingest.DumpModel {
	cp := *m
	cp.Runs, cp.Restore = runs, restore
	if cp.Plain != nil {
		pp := *cp.Plain
		pp.Runs, pp.Restore = runs, restore
		cp.Plain = &pp
	}
	return &cp
}

// restoreData reads every sample with model(sample) (its restore pass left
// out) and lists its rejected paragraphs.
func restoreData(samples []*Sample, model func(i int) *ingest.DumpModel) []runRows {
	out := make([]runRows, len(samples))
	parallel(len(samples), func(i int) {
		s := samples[i]
		cp := *s.A
		m := model(i)
		keep := cp.Kept(cp.Score(WithPasses(m, m.Runs, nil)))
		spans, feats := cp.RestoreRows(keep)
		y, w := ingest.RestoreLabels(&cp, spans, s.Labels)
		out[i] = runRows{X: feats, y: y, w: w}
	})
	return out
}

// Passes are the two passes after the line passes, trained by TrainPasses,
// with their held-out effect.
type Passes struct {
	Runs, Restore *ingest.Boosted
	// Before, RunsOnly and Both score every sample with m alone, with
	// the runs pass held out, and with both passes held out.
	Before, RunsOnly, Both []PageScore
}

// TrainPasses trains the runs pass and, on its held-out output, the
// restore pass, so that each learns from what it will read on unseen
// pages: k folds grouped by article; a fold's runs pass is trained on the
// other folds, and every sample's paragraphs for the restore pass are what
// the runs pass of its own fold left (stacking). The passes returned are
// trained on all samples, the restore pass on those held-out paragraphs.
func TrainPasses(pages []Page, samples []*Sample, m *ingest.DumpModel, k int) (*Passes, error) {
	rows := runsData(samples, m)
	fold := pageFolds(pages, k)
	res := &Passes{}
	runs, all, err := fitFolds(samples, rows, fold, k)
	if err != nil {
		return nil, fmt.Errorf("runs pass: %w", err)
	}
	res.Runs = all
	back := restoreData(samples, func(i int) *ingest.DumpModel { return WithRuns(m, runs[fold[samples[i].Page]]) })
	restore, all, err := fitFolds(samples, back, fold, k)
	if err != nil {
		return nil, fmt.Errorf("restore pass: %w", err)
	}
	res.Restore = all
	_, res.Before = Evaluate(pages, samples, func(int) *ingest.DumpModel { return WithRuns(m, nil) })
	_, res.RunsOnly = Evaluate(pages, samples, func(p int) *ingest.DumpModel { return WithRuns(m, runs[fold[p]]) })
	_, res.Both = Evaluate(pages, samples, func(p int) *ingest.DumpModel { return WithPasses(m, runs[fold[p]], restore[fold[p]]) })
	return res, nil
}
