package htmleval

import (
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// The learned line decision (htmlpage.LineModel) is trained on the human
// references: a line of the page that contains a "With" snippet, or that
// a With snippet contains, is article text; one that matches a "Without"
// snippet is boilerplate; a line matching both, or neither, is not
// trained on. The threshold on the model's probability is the one of
// LineThresholds with the best pooled F on the training pages.

// LineBoost are the boosting options of TrainLines: 50 trees of depth 3,
// enough for interactions such as "held by two ballots, in a figure". The
// site-grouped CV scores five sizes from 50 trees of depth 3 to 200 of
// depth 4 within 0.002 F of each other (docs/extraction.md); the
// smallest is kept.
var LineBoost = ingest.BoostOptions{Trees: 50, Depth: 3, Bins: 32, Rate: 0.1, Lambda: 1, MinHess: 1}

// LineScopes are the scopes CrossValidateLines is run over by evalhtml
// (htmlpage.LineScope): the model free, or held to lines one or two
// ballots hold, with or without the lines all three hold kept.
var LineScopes = []htmlpage.LineScope{{MinHeld: 0}, {MinHeld: 1}, {MinHeld: 2}, {MinHeld: 1, KeepAll: true}, {MinHeld: 2, KeepAll: true}}

// DefaultLineScope is the scope of the embedded model (see
// docs/extraction.md for the choice).
var DefaultLineScope = htmlpage.LineScope{MinHeld: 2, KeepAll: true}

// LineThresholds are the thresholds TrainLines chooses from.
var LineThresholds = []float64{0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8}

// minContainedTokens: a line inside a snippet is labelled by it only when
// it has this many tokens (a one-word line such as "Foto" is inside many
// snippets by chance).
const minContainedTokens = 3

// LineLabels labels the lines of a page from its entry's snippets: +1
// article text, -1 boilerplate, 0 neither or both.
func LineLabels(e HumanEntry, lines []string) []int8 {
	out := make([]int8, len(lines))
	match := func(line string, snippets []string) bool {
		for _, s := range snippets {
			if s == "" {
				continue
			}
			if strings.Contains(line, s) || len(strings.Fields(line)) >= minContainedTokens && strings.Contains(s, line) {
				return true
			}
		}
		return false
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		with, without := match(l, e.With), match(l, e.Without)
		switch {
		case with && !without:
			out[i] = 1
		case without && !with:
			out[i] = -1
		}
	}
	return out
}

// lineData is one page's line features and labels (nil: the page has no
// ballots).
type lineData struct {
	rows   [][]float64
	labels []int8
}

func humanLineData(pages []HumanPage) []lineData {
	out := make([]lineData, len(pages))
	for i, p := range pages {
		if p.ballots == nil {
			continue
		}
		out[i] = lineData{rows: p.ballots.LineFeatures(), labels: LineLabels(p.Entry, p.ballots.Lines())}
	}
	return out
}

// lineCounts scores page p under the line probabilities probs (nil: the
// page has no ballots) and threshold.
func lineCounts(p HumanPage, probs []float64, s htmlpage.LineScope, threshold float64) Counts {
	if p.Err != nil {
		return p.VoteCounts
	}
	if p.ballots == nil {
		return ScoreSnippets(p.Entry, p.readText)
	}
	return ScoreSnippets(p.Entry, p.ballots.Decide(probs, s, threshold, htmlpage.DefaultVote().Floor))
}

// pageProbs are the model's probabilities for each line of each page.
func pageProbs(m *ingest.Boosted, data []lineData) [][]float64 {
	out := make([][]float64, len(data))
	for i, d := range data {
		if d.rows == nil {
			continue
		}
		out[i] = make([]float64, len(d.rows))
		for j, r := range d.rows {
			if r != nil {
				out[i][j] = m.Prob(r)
			}
		}
	}
	return out
}

// trainLines fits the model on the labelled lines of the pages in and
// chooses its threshold by pooled F on them.
func trainLines(pages []HumanPage, data []lineData, in func(int) bool, s htmlpage.LineScope, o ingest.BoostOptions) (*htmlpage.LineModel, error) {
	var X [][]float64
	var y []bool
	for i, d := range data {
		if !in(i) {
			continue
		}
		for j, l := range d.labels {
			if l != 0 && d.rows[j] != nil && pages[i].ballots.InScope(j, s) {
				X = append(X, d.rows[j])
				y = append(y, l > 0)
			}
		}
	}
	b, err := ingest.FitBoosted(X, y, nil, o)
	if err != nil {
		return nil, fmt.Errorf("train line model on %d lines: %w", len(X), err)
	}
	probs := pageProbs(b, data)
	best, bestF := 0.5, -1.0
	for _, t := range LineThresholds {
		var c Counts
		for i, p := range pages {
			if in(i) {
				c = c.Add(lineCounts(p, probs[i], s, t))
			}
		}
		if f := c.F(); f > bestF {
			best, bestF = t, f
		}
	}
	return &htmlpage.LineModel{Model: b, Threshold: best, Scope: s, Features: htmlpage.LineFeatureNames}, nil
}

// TrainLines learns the line decision on every page of r.
func TrainLines(r HumanReport, s htmlpage.LineScope, o ingest.BoostOptions) (*htmlpage.LineModel, error) {
	return trainLines(r.Pages, humanLineData(r.Pages), func(int) bool { return true }, s, o)
}

// LineFold is one fold of CrossValidateLines.
type LineFold struct {
	Sites, Pages, Lines int // Lines: labelled lines trained on
	Threshold           float64
	HeldOut             Counts
}

// LineCV is the result of CrossValidateLines.
type LineCV struct {
	Folds []LineFold
	// HeldOut pools the folds' held-out counts; Default (DefaultVote) and
	// Trafilatura are on the same pages.
	HeldOut, Default, Trafilatura Counts
	// DiffLow, DiffHigh bound held-out F minus the default vote's F, and
	// TrafLow, TrafHigh held-out F minus trafilatura's: 95% site
	// bootstrap (2000 resamples, fixed seed).
	DiffLow, DiffHigh, TrafLow, TrafHigh float64
}

// CrossValidateLines trains the line decision on k-1 folds of sites (the
// folds of CrossValidateHuman) and scores it on the fold left out.
func CrossValidateLines(r HumanReport, k int, s htmlpage.LineScope, o ingest.BoostOptions) (LineCV, error) {
	var out LineCV
	pages := r.Pages
	if k < 2 || len(pages) < k {
		return out, fmt.Errorf("cross-validate the line decision on %d pages in %d folds: too few", len(pages), k)
	}
	data := humanLineData(pages)
	fold, sites := siteFolds(pages, k)
	held := make([]Counts, len(pages))
	def := make([]Counts, len(pages))
	traf := make([]Counts, len(pages))
	for f := range k {
		m, err := trainLines(pages, data, func(i int) bool { return fold[i] != f }, s, o)
		if err != nil {
			return out, fmt.Errorf("fold %d: %w", f+1, err)
		}
		lf := LineFold{Sites: sites[f], Threshold: m.Threshold}
		for i, d := range data {
			if fold[i] != f {
				for j, l := range d.labels {
					if l != 0 && pages[i].ballots.InScope(j, s) {
						lf.Lines++
					}
				}
			}
		}
		probs := pageProbs(m.Model, data)
		for i, p := range pages {
			if fold[i] == f {
				lf.Pages++
				held[i] = lineCounts(p, probs[i], s, m.Threshold)
				lf.HeldOut = lf.HeldOut.Add(held[i])
			}
		}
		out.Folds = append(out.Folds, lf)
		out.HeldOut = out.HeldOut.Add(lf.HeldOut)
	}
	for i, p := range pages {
		def[i], traf[i] = p.VoteCounts, p.Counts[htmlpage.Trafilatura]
		out.Default, out.Trafilatura = out.Default.Add(def[i]), out.Trafilatura.Add(traf[i])
	}
	out.DiffLow, out.DiffHigh = bootstrapDiff(pages, held, def, 2000)
	out.TrafLow, out.TrafHigh = bootstrapDiff(pages, held, traf, 2000)
	return out, nil
}

// ScoreLineModel scores the line decision m on every page of r that was
// extracted (bag F1 and, where a dump exists, shingle F1).
func ScoreLineModel(r Report, m *htmlpage.LineModel) Means {
	var bodies []Body
	for _, p := range r.Pages {
		if p.x != nil {
			bodies = append(bodies, p.score(p.x.LineText(m)))
		}
	}
	return means(bodies)
}

// LineDiff is where the line decision and the 2-of-3 vote differ on a
// corpus: the lines (and their words) that the decision adds, and those it
// drops by the element context they sit in (the first of DiffContexts
// that the line's features say, else "long line" or "short line").
type LineDiff struct {
	AddedLines, AddedWords int
	Dropped                map[string][2]int // lines, words
}

// DiffContexts are the contexts LineDiff sorts dropped lines into, in
// order: each a name and the features (htmlpage.LineFeatureNames) that
// put a line there.
var DiffContexts = []struct {
	Name     string
	Features []string
}{
	{"caption, figure or credit", []string{"in-caption", "in-credit"}},
	{"heading", []string{"in-heading"}},
	{"share, related, chrome or meta", []string{"in-share", "in-related", "in-chrome", "in-meta"}},
}

// DiffLineModel compares the line decision m with the 2-of-3 vote on every
// page of r that the three extractors read.
func DiffLineModel(r Report, m *htmlpage.LineModel) LineDiff {
	col := map[string]int{}
	for i, n := range htmlpage.LineFeatureNames {
		col[n] = i
	}
	d := LineDiff{Dropped: map[string][2]int{}}
	for _, p := range r.Pages {
		if p.x == nil || p.x.Ballots() == nil {
			continue
		}
		v := p.x.Ballots()
		rows := v.LineFeatures()
		def := v.VoteKeeps()
		keep := v.LineKeeps(v.LineProbs(m), m.Scope, m.Threshold)
		for i, row := range rows {
			if row == nil || keep[i] == def[i] {
				continue
			}
			words := len(strings.Fields(v.Lines()[i]))
			if keep[i] {
				d.AddedLines++
				d.AddedWords += words
				continue
			}
			name := "short line"
			if row[col["long"]] == 1 {
				name = "long line"
			}
		contexts:
			for _, c := range DiffContexts {
				for _, f := range c.Features {
					if row[col[f]] == 1 {
						name = c.Name
						break contexts
					}
				}
			}
			x := d.Dropped[name]
			d.Dropped[name] = [2]int{x[0] + 1, x[1] + words}
		}
	}
	return d
}
