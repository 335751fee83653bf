package dumpeval

import (
	"fmt"
	"hash/fnv"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Extra training pages (cmd/dumpsilver's output, laid out as the corpus)
// join the development pages in one slice, after them: Join returns the
// pages and the samples of both, the extra pages with only perPage of their
// renderers (1-5; which ones is fixed by the page's name, so training stays
// deterministic and every renderer is equally represented), and the fold
// plans of the two estimates (DevFolds, ExtraFolds).
func Join(dev, extra []Page, perPage int) ([]Page, []*Sample) {
	pages := append(append([]Page(nil), dev...), extra...)
	samples := Analyse(dev)
	var more []*Sample
	for i, p := range extra {
		for _, r := range PickFrom(p.Name, perPage, PageRenderers(p)) {
			more = append(more, &Sample{Page: len(dev) + i, Renderer: r})
		}
	}
	analyse(pages, more)
	return pages, append(samples, more...)
}

// PickFrom chooses n of the dumps have (a page's, in table order) for the
// page named name: a run of n in table order, starting where the name's
// hash says.
func PickFrom(name string, n int, have []string) []string {
	if len(have) == 0 {
		return nil
	}
	n = min(max(n, 1), len(have))
	h := fnv.New32a()
	h.Write([]byte(name))
	start := int(h.Sum32() % uint32(len(have)))
	out := make([]string, n)
	for j := range out {
		out[j] = have[(start+j)%len(have)]
	}
	return out
}

// DevFolds is the fold plan that scores the first nDev pages (the
// development set) by their usual page-grouped folds, with every later
// (extra) page in every training fold.
func DevFolds(pages []Page, nDev, k int) []int {
	fold := append(pageFolds(pages[:nDev], k), make([]int, len(pages)-nDev)...)
	for i := nDev; i < len(fold); i++ {
		fold[i] = -1
	}
	return fold
}

// ExtraFolds is the fold plan that scores the extra pages (from nDev on) by
// page-grouped folds of their own, with every development page in every
// training fold: a second estimate of unseen sites.
func ExtraFolds(pages []Page, nDev, k int) []int {
	fold := append(make([]int, nDev), pageFolds(pages[nDev:], k)...)
	for i := 0; i < nDev; i++ {
		fold[i] = -1
	}
	return fold
}

// CrossValidateFolds trains one model per fold f in 0..k-1 on every page
// whose fold is not f (a fold of -1: always trained on, never scored) and
// scores the pages of fold f with it.
func CrossValidateFolds(pages []Page, samples []*Sample, fold []int, k int) (map[string]*Row, []PageScore, error) {
	models, err := TrainFolds(pages, samples, fold, k)
	if err != nil {
		return nil, nil, err
	}
	rows, scores := EvaluateFolds(pages, samples, fold, models)
	return rows, scores, nil
}

// TrainFolds trains the k models of CrossValidateFolds: model f on every
// page whose fold is not f.
func TrainFolds(pages []Page, samples []*Sample, fold []int, k int) ([]*ingest.DumpModel, error) {
	models := make([]*ingest.DumpModel, k)
	for f := 0; f < k; f++ {
		m, err := Train(pages, samples, func(p int) bool { return fold[p] != f })
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", f, err)
		}
		models[f] = m
	}
	return models, nil
}

// EvaluateFolds scores every page of a fold f >= 0 with models[f].
func EvaluateFolds(pages []Page, samples []*Sample, fold []int, models []*ingest.DumpModel) (map[string]*Row, []PageScore) {
	var scored []*Sample
	for _, s := range samples {
		if fold[s.Page] >= 0 {
			scored = append(scored, s)
		}
	}
	return Evaluate(pages, scored, func(p int) *ingest.DumpModel { return models[fold[p]] })
}
