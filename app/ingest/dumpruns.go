package ingest

import "math"

// The runs pass (the model's Runs). After the two line passes a dump's
// kept lines fall into runs that rejected lines divide. On news pages
// the kept runs away from the article are what most often should not be
// there: a "more from us" list of teasers after the story, a video's
// blurb, a newsletter box, a caption before it, each kept since it is
// prose. The pass reads every run but the largest (the article's core)
// against the page: its own lines' probabilities and words, where it lies
// from the core and how much rejected text lies between, the gaps around
// it; the runs it finds unlikely go. It is trained on dumps the line
// passes never saw, so it learns how far to trust their output on unseen
// pages (cmd/texttrain -runs; docs/extraction.md, "Runs of kept lines").

// keptRun is a run of kept lines with no rejected line between them.
type keptRun struct {
	first, last         int // line indexes, inclusive
	units, lines        float64
	p, lex, stop, links float64 // sums (p, lex and stop weighted by units)
	ends                float64 // lines that end a sentence
	minP                float64
	bullets, heads      float64 // lines
}

// keptRuns lists the runs of keep with their sums.
func (a *DumpAnalysis) keptRuns(keep []bool) []keptRun {
	var runs []keptRun
	prev := -2
	for i, k := range keep {
		if !k {
			continue
		}
		if i != prev+1 || len(runs) == 0 {
			runs = append(runs, keptRun{first: i, minP: 1})
		}
		s := &runs[len(runs)-1]
		s.last = i
		u := float64(a.lineUnits(i))
		s.units += u
		s.lines++
		p := a.p2(i)
		s.p += p * u
		s.lex += a.F1[i][LexFeature] * u
		s.stop += a.F1[i][featStop] * u
		s.links += float64(a.Lines[i].Links)
		s.ends += a.F1[i][featEnds]
		s.minP = math.Min(s.minP, p)
		if a.Lines[i].Bullet {
			s.bullets++
		}
		if a.Lines[i].Head || a.F1[i][featHeading] > 0 {
			s.heads++
		}
		prev = i
	}
	return runs
}

// largestRun is the index of the run with the most units (the first of
// equals): the article's core.
func largestRun(runs []keptRun) int {
	largest := 0
	for j, r := range runs {
		if r.units > runs[largest].units {
			largest = j
		}
	}
	return largest
}

// labelledUnits sums the units of lines first..last, and of those the
// labels mark as article text.
func (a *DumpAnalysis) labelledUnits(first, last int, labels []bool) (good, all float64) {
	for i := first; i <= last; i++ {
		n := float64(a.lineUnits(i))
		all += n
		if labels[i] {
			good += n
		}
	}
	return good, all
}

// p2 is line i's final probability, 0 before scoring.
func (a *DumpAnalysis) p2(i int) float64 {
	if i < len(a.P2) {
		return a.P2[i]
	}
	return 0
}

// Line features the runs pass reads (FeatureNames; TestRunFeatureIndexes).
const (
	featStop      = 3  // stop density
	featEnds      = 8  // ends sentence
	featFurniture = 21 // furniture share
	featCookie    = 24 // copyright/cookie
	featHeading   = 26 // heading
)

// RunFeatureNames name the features of a run of kept lines for the model's
// Runs pass.
var RunFeatureNames = []string{
	"bias", "log units", "mean p", "min p", "mean lexical logit", "stop density", "links per unit",
	"sentence ends per line", "bullet share", "heading share", "log lines", "share of kept units",
	"side of the largest run", "log runs to the largest", "log rejected units to the largest",
	"log kept units to the largest", "log gap units before", "gap before has a heading", "gap before max p",
	"log gap units after", "gap after has a heading", "gap after max p", "log kept units before",
	"log kept units after", "position in the page", "units / largest's", "mean p of the largest",
	"mean lexical logit - largest's", "gap before furniture share", "gap after furniture share",
	"first line ends a sentence", "log units of first line", "gap before links per line", "gap after links per line",
}

// runGap is what lies between two kept runs (or before the first, after
// the last).
type runGap struct {
	units, lines, maxP, furn, links float64
	head                            bool
}

// gapBetween sums the rejected lines lo..hi-1 between two runs.
func (a *DumpAnalysis) gapBetween(lo, hi int) runGap {
	var g runGap
	for i := lo; i < hi; i++ {
		g.units += float64(a.lineUnits(i))
		g.lines++
		g.maxP = math.Max(g.maxP, a.p2(i))
		g.furn += a.F1[i][featFurniture]
		g.links += float64(a.Lines[i].Links)
		if a.Lines[i].Head || a.F1[i][featHeading] > 0 {
			g.head = true
		}
	}
	if g.lines > 0 {
		g.furn /= g.lines
		g.links /= g.lines
	}
	return g
}

// RunRows returns the runs of keep, their features (RunFeatureNames), and
// the index of the largest (never dropped); nil if keep has fewer than two.
func (a *DumpAnalysis) RunRows(keep []bool) (runs []keptRun, feats [][]float64, largest int) {
	runs = a.keptRuns(keep)
	n := len(runs)
	if n < 2 {
		return nil, nil, -1
	}
	gaps := make([]runGap, n+1)
	gaps[0] = a.gapBetween(0, runs[0].first)
	for j := 1; j < n; j++ {
		gaps[j] = a.gapBetween(runs[j-1].last+1, runs[j].first)
	}
	gaps[n] = a.gapBetween(runs[n-1].last+1, len(a.Lines))
	largest = largestRun(runs)
	var total float64
	cumU := make([]float64, n+1) // kept units of the runs before j
	cumG := make([]float64, n+2) // rejected units of the gaps before j
	for j, s := range runs {
		total += s.units
		cumU[j+1] = cumU[j] + s.units
	}
	for j := 0; j <= n; j++ {
		cumG[j+1] = cumG[j] + gaps[j].units
	}
	L := runs[largest]
	div := func(a, b float64) float64 {
		if b <= 0 {
			return 0
		}
		return a / b
	}
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	feats = make([][]float64, n)
	for j, s := range runs {
		f := make([]float64, len(RunFeatureNames))
		f[0] = 1
		f[1] = math.Log1p(s.units)
		f[2] = div(s.p, s.units)
		f[3] = s.minP
		f[4] = div(s.lex, s.units)
		f[5] = div(s.stop, s.units)
		f[6] = div(s.links, s.units)
		f[7] = div(s.ends, s.lines)
		f[8] = div(s.bullets, s.lines)
		f[9] = div(s.heads, s.lines)
		f[10] = math.Log1p(s.lines)
		f[11] = div(s.units, total)
		lo, hi := min(j, largest), max(j, largest)
		switch {
		case j < largest:
			f[12] = -1
		case j > largest:
			f[12] = 1
		}
		if j != largest {
			f[13] = math.Log1p(float64(hi - lo - 1))
			f[14] = math.Log1p(cumG[hi+1] - cumG[lo+1])
			f[15] = math.Log1p(cumU[hi] - cumU[lo+1])
		}
		gb, ga := gaps[j], gaps[j+1]
		f[16], f[17], f[18] = math.Log1p(gb.units), b2f(gb.head), gb.maxP
		f[19], f[20], f[21] = math.Log1p(ga.units), b2f(ga.head), ga.maxP
		f[22] = math.Log1p(cumU[j])
		f[23] = math.Log1p(total - cumU[j+1])
		f[24] = float64(s.first) / float64(len(a.Lines))
		f[25] = div(s.units, L.units)
		f[26] = div(L.p, L.units)
		f[27] = f[4] - div(L.lex, L.units)
		f[28], f[29] = gb.furn, ga.furn
		f[30] = a.F1[s.first][featEnds]
		f[31] = math.Log1p(float64(a.lineUnits(s.first)))
		f[32], f[33] = gb.links, ga.links
		feats[j] = f
	}
	return runs, feats, largest
}

// dropRuns drops the runs m's Runs pass finds unlikely (under one half),
// never the largest and never down to a near-empty body.
func (a *DumpAnalysis) dropRuns(keep []bool, m *DumpModel) {
	if m.Runs == nil {
		return
	}
	runs, feats, largest := a.RunRows(keep)
	var left float64
	drop := make([]bool, len(runs))
	for j, s := range runs {
		drop[j] = j != largest && m.Runs.Prob(feats[j]) < 0.5
		if !drop[j] {
			left += s.units
		}
	}
	if left < minBodyUnits {
		return
	}
	for j, s := range runs {
		if drop[j] {
			for i := s.first; i <= s.last; i++ {
				keep[i] = false
			}
		}
	}
}

// RunLabels says for each run whether most of its units are in lines the
// labels mark as article text (LabelDumpLines), and gives its units (the
// training weight: the body is scored by its words).
func RunLabels(a *DumpAnalysis, runs []keptRun, labels []bool) (y []bool, w []float64) {
	for _, s := range runs {
		good, all := a.labelledUnits(s.first, s.last, labels)
		y, w = append(y, good*2 > all), append(w, all)
	}
	return y, w
}
