package dumpeval

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Sample is one dump of one page, analysed once and labelled.
type Sample struct {
	Page     int // index into the pages
	Renderer string
	A        *ingest.DumpAnalysis
	Labels   []bool
}

// Analyse cleans, featurises and labels every dump of the pages.
func Analyse(pages []Page) []*Sample {
	var out []*Sample
	for pi := range pages {
		for _, r := range Renderers {
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

func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Boosting sizes: the line passes see ~100k rows, the title scorer ~20k.
var (
	LineBoost   = ingest.BoostOptions{Trees: 100, Depth: 4, Bins: 32, Rate: 0.15, Lambda: 5, MinHess: 20}
	Stage2Boost = ingest.BoostOptions{Trees: 100, Depth: 4, Bins: 32, Rate: 0.15, Lambda: 5, MinHess: 20}
	TitleBoost  = ingest.BoostOptions{Trees: 100, Depth: 2, Bins: 32, Rate: 0.2, Lambda: 1, MinHess: 2}
)

// rowWeight keeps long dumps from outweighing the many short ones.
func rowWeight(n int) float64 { return min(1, 400/float64(max(n, 1))) }

// Train learns a dump model from the samples whose page is in train.
func Train(pages []Page, samples []*Sample, train func(page int) bool) (*ingest.DumpModel, error) {
	var X [][]float64
	var y []bool
	var w []float64
	var use []*Sample
	for _, s := range samples {
		if !train(s.Page) {
			continue
		}
		use = append(use, s)
		for i := range s.A.Lines {
			X, y, w = append(X, s.A.F1[i]), append(y, s.Labels[i]), append(w, rowWeight(len(s.A.Lines)))
		}
	}
	m := &ingest.DumpModel{Threshold: 0.5}
	var err error
	if m.Stage1, err = ingest.FitBoosted(X, y, w, LineBoost); err != nil {
		return nil, fmt.Errorf("stage 1: %w", err)
	}
	X = X[:0]
	for _, s := range use {
		s.A.Score(m)
		X = append(X, s.A.F2...)
	}
	if m.Stage2, err = ingest.FitBoosted(X, y, w, Stage2Boost); err != nil {
		return nil, fmt.Errorf("stage 2: %w", err)
	}
	// Title candidates, labelled by whether they are the expected title.
	var TX [][]float64
	var ty []bool
	var tg []int
	for si, s := range use {
		want := pages[s.Page].Title
		if want == "" {
			continue
		}
		s.A.Score(m)
		keep := s.A.Kept(m)
		for _, c := range s.A.TitleCandidates(keep) {
			TX, ty, tg = append(TX, c.Feats), append(ty, ingest.TitleMatches(c.Text, want)), append(tg, si)
		}
	}
	if m.Title, err = ingest.FitRanker(TX, ty, tg, TitleBoost); err != nil {
		return nil, fmt.Errorf("title: %w", err)
	}
	return m, nil
}

// pageFolds assigns each page to one of k folds; pages with the same
// expected body (two saves of one article) share a fold.
func pageFolds(pages []Page, k int) []int {
	group, fold := map[string]int{}, make([]int, len(pages))
	for i, p := range pages {
		g, ok := group[p.Gold]
		if !ok {
			g = len(group)
			group[p.Gold] = g
		}
		fold[i] = g % k
	}
	return fold
}

// Row is one renderer's line of the table.
type Row struct {
	Renderer               string
	Pages                  int
	P, R, F1               float64
	TitlesRight, NearEmpty int
	Fallbacks              int
}

// PageScore is one dump's result.
type PageScore struct {
	Page, Renderer     string
	P, R, F1           float64
	Title, WantTitle   string
	TitleOK, NearEmpty bool
	Note               string
}

// Evaluate extracts every sample with model(page) and scores it.
func Evaluate(pages []Page, samples []*Sample, model func(page int) *ingest.DumpModel) (map[string]*Row, []PageScore) {
	return evaluate(pages, samples, func(s *Sample) ingest.Article {
		cp := *s.A
		art, _ := cp.Article(model(s.Page))
		return art
	})
}

// EvaluateImporter scores what the importer itself (ingest.ParseText, with
// its recognition of dumps and the embedded model) makes of every dump.
func EvaluateImporter(pages []Page, samples []*Sample) (map[string]*Row, []PageScore) {
	return evaluate(pages, samples, func(s *Sample) ingest.Article {
		art, _ := ingest.ParseText([]byte(pages[s.Page].Dumps[s.Renderer]))
		return art
	})
}

func evaluate(pages []Page, samples []*Sample, extract func(s *Sample) ingest.Article) (map[string]*Row, []PageScore) {
	res := make([]PageScore, len(samples))
	ok := make([]bool, len(samples))
	parallel(len(samples), func(i int) {
		s := samples[i]
		art := extract(s)
		pg := pages[s.Page]
		p, r, f := PRF(art.Body, pg.Gold)
		res[i] = PageScore{Page: pg.Name, Renderer: s.Renderer, P: p, R: r, F1: f, Title: art.Title, WantTitle: pg.Title,
			TitleOK: TitleRight(art.Title, pg.Title), NearEmpty: NearEmpty(art.Body, pg.Gold), Note: art.Note}
		ok[i] = true
	})
	rows := map[string]*Row{}
	var out []PageScore
	for i, s := range samples {
		if !ok[i] {
			continue
		}
		ps := res[i]
		out = append(out, ps)
		row := rows[s.Renderer]
		if row == nil {
			row = &Row{Renderer: s.Renderer}
			rows[s.Renderer] = row
		}
		row.Pages++
		row.P += ps.P
		row.R += ps.R
		row.F1 += ps.F1
		if ps.TitleOK {
			row.TitlesRight++
		}
		if ps.NearEmpty {
			row.NearEmpty++
		}
		if ps.Note != "" {
			row.Fallbacks++
		}
	}
	for _, row := range rows {
		n := float64(max(row.Pages, 1))
		row.P, row.R, row.F1 = row.P/n, row.R/n, row.F1/n
	}
	return rows, out
}

// CrossValidate trains k models, each without one fold of pages (all five
// renderings of a page are in the same fold), and scores each page with the
// model that never saw it.
func CrossValidate(pages []Page, samples []*Sample, k int) (map[string]*Row, []PageScore, error) {
	// Pages with the same expected body (two saves of one article) share
	// a fold too.
	return CrossValidateFolds(pages, samples, pageFolds(pages, k), k)
}
