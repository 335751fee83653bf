package dumpeval

import (
	"fmt"
	"hash/fnv"
	"runtime"
	"strings"
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
	analyse(pages, out)
	return out
}

// analyse cleans, featurises and labels the samples' dumps, in parallel.
func analyse(pages []Page, samples []*Sample) {
	parallel(len(samples), func(i int) {
		s := samples[i]
		s.A = ingest.NewDumpAnalysis(pages[s.Page].Dumps[s.Renderer])
		s.Labels = ingest.LabelDumpLines(s.A.Lines, pages[s.Page].Gold)
	})
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

// Boosting sizes: the line passes learn from every line of the training dumps,
// the title ranker from their candidates (depth 4 since the extra pages gave
// it enough of them; docs/extraction.md, "Titles: a deeper ranker").
var (
	LineBoost   = ingest.BoostOptions{Trees: 100, Depth: 4, Bins: 32, Rate: 0.15, Lambda: 5, MinHess: 20}
	Stage2Boost = ingest.BoostOptions{Trees: 100, Depth: 4, Bins: 32, Rate: 0.15, Lambda: 5, MinHess: 20}
	TitleBoost  = ingest.BoostOptions{Trees: 200, Depth: 4, Bins: 32, Rate: 0.1, Lambda: 2, MinHess: 4}
)

// rowWeight keeps long dumps from outweighing the many short ones.
func rowWeight(n int) float64 { return min(1, 400/float64(max(n, 1))) }

// Train learns a dump model from the samples whose page is in train: with
// UseLexicon, the lexicon's model and beside it the plain one for pages
// under LexMinCoverage.
func Train(pages []Page, samples []*Sample, train func(page int) bool) (*ingest.DumpModel, error) {
	m, err := trainModel(pages, samples, train, UseLexicon)
	if err != nil || !UseLexicon || LexMinCoverage <= 0 {
		return m, err
	}
	if m.Plain, err = trainModel(pages, samples, train, false); err != nil {
		return nil, fmt.Errorf("plain model: %w", err)
	}
	m.MinCoverage = LexMinCoverage
	return m, nil
}

// LexMinCoverage is the share of a page's running words its lexicon must
// know for the lexicon's model to read it (Lexicon.Coverage); 0 trains no
// plain model.
var LexMinCoverage = 0.35

func trainModel(pages []Page, samples []*Sample, train func(page int) bool, lexicon bool) (*ingest.DumpModel, error) {
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
	if lexicon {
		if m.Lexicon, err = fitLexicons(pages, use); err != nil {
			return nil, err
		}
	} else {
		for _, s := range use { // no lexical features left from another model
			s.A.SetLex(make([]float64, len(s.A.Lines)))
		}
	}
	if m.Stage1, err = ingest.FitBoosted(X, y, w, LineBoost); err != nil {
		return nil, fmt.Errorf("stage 1: %w", err)
	}
	X = X[:0]
	for _, s := range use {
		s.A.ScoreStages(m)
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
		s.A.ScoreStages(m)
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

// UseLexicon makes Train learn the line classifier's lexicon.
var UseLexicon = true

// lexFolds is how many parts the training pages are cut into for the
// lexical feature the line passes learn from: each part's lines get the
// logit of a lexicon trained on the other parts, as pages at use get it
// from a lexicon that never saw them.
const lexFolds = 5

// fitLexicons sets every training line's lexical feature out of fold and
// returns the lexicon learned on all of them.
func fitLexicons(pages []Page, use []*Sample) (*ingest.Lexicon, error) {
	type line struct {
		s *Sample
		i int
	}
	var texts []string
	var y []bool
	var w []float64
	var doc, part []int
	var at []line
	// A document is an article (articles): its saves and renderings count
	// once towards the lexicon's MinDocs.
	article := articles(pages)
	for _, s := range use {
		a := article[s.Page]
		h := fnv.New32a()
		h.Write([]byte(pages[s.Page].Gold)) // two saves of one article share a part
		p := int(h.Sum32() % lexFolds)
		for i, d := range s.A.Lines {
			texts, y, w = append(texts, d.Text), append(y, s.Labels[i]), append(w, rowWeight(len(s.A.Lines)))
			doc, part, at = append(doc, a), append(part, p), append(at, line{s, i})
		}
	}
	logits := map[*Sample][]float64{}
	for _, s := range use {
		logits[s] = make([]float64, len(s.A.Lines))
	}
	for f := 0; f < lexFolds; f++ {
		var tt []string
		var ty []bool
		var tw []float64
		var td []int
		for j := range texts {
			if part[j] != f {
				tt, ty, tw, td = append(tt, texts[j]), append(ty, y[j]), append(tw, w[j]), append(td, doc[j])
			}
		}
		lex, err := ingest.FitLexicon(tt, ty, tw, td, LexOptions)
		if err != nil {
			return nil, fmt.Errorf("lexicon part %d: %w", f, err)
		}
		for j := range texts {
			if part[j] == f {
				logits[at[j].s][at[j].i] = lex.Logit(texts[j])
			}
		}
	}
	for s, l := range logits {
		s.A.SetLex(l)
	}
	lex, err := ingest.FitLexicon(texts, y, w, doc, LexOptions)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return lex, nil
}

// LexOptions are the lexicon's training options.
var LexOptions = ingest.DefaultLexOptions

// pageFolds assigns each page to one of k folds; pages with the same
// expected body (two saves of one article) share a fold.
func pageFolds(pages []Page, k int) []int {
	fold := articles(pages)
	for i := range fold {
		fold[i] %= k
	}
	return fold
}

// articles numbers the pages' articles in order of first appearance: pages
// with one expected text (two saves of one article, or its dumps at several
// widths, dumpsilver -width) are one article.
func articles(pages []Page) []int {
	id, out := map[string]int{}, make([]int, len(pages))
	for i, p := range pages {
		a, ok := id[p.Gold]
		if !ok {
			a = len(id)
			id[p.Gold] = a
		}
		out[i] = a
	}
	return out
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
		if strings.Contains(ps.Note, ingest.FallbackDensest) {
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
