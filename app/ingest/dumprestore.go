package ingest

import "math"

// The restore pass (the model's Restore). What the line passes leave out of
// an article is mostly outside the kept span: the story's second half after
// an inset box ("Entdecken Sie jetzt" and a list of links) that the passes
// took for the article's end. The pass reads every paragraph the passes
// rejected whole (rejected lines that the renderer wrapped into one
// another, of at least restoreMinUnits units) against the kept text: its lines' probabilities
// and words, the kept article's, and what lies between them; the paragraphs
// it finds likely come back (docs/extraction.md, "Runs of kept lines").

// restoreMinUnits is the size under which a rejected paragraph is not
// considered (headings, captions, menu items).
const restoreMinUnits = 10

// RestoreFeatureNames name the features of a rejected paragraph.
var RestoreFeatureNames = []string{
	"bias", "log units", "mean p", "max p", "mean first-pass p", "stop density", "sentence ends per line",
	"links per unit", "bullet share", "mean lexical logit", "log lines", "side of the kept span",
	"side of the largest run", "log rejected units to the nearest kept line", "log lines to the nearest kept line",
	"log units of the largest run", "mean lexical logit - largest run's", "stop density - largest run's",
	"mean p of the largest run", "log kept units", "furniture share", "copyright or cookie", "position in the page",
	"marks per line", "line before is a heading", "log rejected units to the largest run",
}

// restoreSpan is a candidate: lines first..last, all rejected, one
// paragraph (wrapsOn).
type restoreSpan struct{ first, last int }

// RestoreRows lists the rejected paragraphs of keep and their features
// (RestoreFeatureNames); nil when keep holds no line.
func (a *DumpAnalysis) RestoreRows(keep []bool) (spans []restoreSpan, feats [][]float64) {
	runs := a.keptRuns(keep)
	if len(runs) == 0 {
		return nil, nil
	}
	var kept float64
	for _, r := range runs {
		kept += r.units
	}
	L := runs[largestRun(runs)]
	firstKept, lastKept := runs[0].first, runs[len(runs)-1].last
	// Rejected units before each line (prefix sums), and the nearest kept
	// line on each side.
	n := len(a.Lines)
	u := make([]float64, n)
	rej := make([]float64, n+1)
	prevKept, nextKept := make([]int, n), make([]int, n)
	last := -1
	for i := range a.Lines {
		u[i] = float64(a.lineUnits(i))
		rej[i+1] = rej[i]
		if !keep[i] {
			rej[i+1] += u[i]
		} else {
			last = i
		}
		prevKept[i] = last
	}
	last = -1
	for i := n - 1; i >= 0; i-- {
		if keep[i] {
			last = i
		}
		nextKept[i] = last
	}
	div := func(a, b float64) float64 {
		if b <= 0 {
			return 0
		}
		return a / b
	}
	for i := 0; i < n; {
		if keep[i] {
			i++
			continue
		}
		j := i
		for j+1 < n && !keep[j+1] && a.wrapsOn(j) {
			j++
		}
		var size, p, maxP, p1, stop, ends, links, bullets, lex, furn, cookie, marks float64
		for k := i; k <= j; k++ {
			d := a.Lines[k]
			size += u[k]
			pk := a.p2(k)
			p += pk * u[k]
			maxP = math.Max(maxP, pk)
			if k < len(a.P1) {
				p1 += a.P1[k] * u[k]
			}
			stop += a.F1[k][featStop] * u[k]
			lex += a.F1[k][LexFeature] * u[k]
			ends += a.F1[k][featEnds]
			links += float64(d.Links)
			marks += float64(d.Marks)
			furn += a.F1[k][featFurniture]
			cookie = math.Max(cookie, a.F1[k][featCookie])
			if d.Bullet {
				bullets++
			}
		}
		if size >= restoreMinUnits {
			lines := float64(j - i + 1)
			f := make([]float64, len(RestoreFeatureNames))
			f[0] = 1
			f[1] = math.Log1p(size)
			f[2] = div(p, size)
			f[3] = maxP
			f[4] = div(p1, size)
			f[5] = div(stop, size)
			f[6] = ends / lines
			f[7] = div(links, size)
			f[8] = bullets / lines
			f[9] = div(lex, size)
			f[10] = math.Log1p(lines)
			switch {
			case j < firstKept:
				f[11] = -1
			case i > lastKept:
				f[11] = 1
			}
			if i > L.last {
				f[12] = 1
			} else {
				f[12] = -1
			}
			gap, dist := math.Inf(1), math.Inf(1)
			if pk := prevKept[i]; pk >= 0 {
				gap, dist = rej[i]-rej[pk+1], float64(i-pk)
			}
			if nk := nextKept[j]; nk >= 0 {
				gap, dist = math.Min(gap, rej[nk]-rej[j+1]), math.Min(dist, float64(nk-j))
			}
			f[13], f[14] = math.Log1p(gap), math.Log1p(dist)
			f[15] = math.Log1p(L.units)
			f[16] = f[9] - div(L.lex, L.units)
			f[17] = f[5] - div(L.stop, L.units)
			f[18] = div(L.p, L.units)
			f[19] = math.Log1p(kept)
			f[20] = furn / lines
			f[21] = cookie
			f[22] = float64(i) / float64(n)
			f[23] = marks / lines
			if i > 0 && (a.Lines[i-1].Head || a.F1[i-1][featHeading] > 0) {
				f[24] = 1
			}
			if i > L.last {
				f[25] = math.Log1p(rej[i] - rej[L.last+1])
			} else {
				f[25] = math.Log1p(rej[L.first] - rej[j+1])
			}
			spans = append(spans, restoreSpan{i, j})
			feats = append(feats, f)
		}
		i = j + 1
	}
	return spans, feats
}

// restore brings back the rejected paragraphs m's Restore pass finds likely
// (one half or more).
func (a *DumpAnalysis) restore(keep []bool, m *DumpModel) {
	if m.Restore == nil {
		return
	}
	spans, feats := a.RestoreRows(keep)
	for k, s := range spans {
		if m.Restore.Prob(feats[k]) >= 0.5 {
			for i := s.first; i <= s.last; i++ {
				keep[i] = true
			}
		}
	}
}

// RestoreLabels says for each paragraph whether most of its units are in
// lines the labels mark as article text, and gives its units.
func RestoreLabels(a *DumpAnalysis, spans []restoreSpan, labels []bool) (y []bool, w []float64) {
	for _, s := range spans {
		good, all := a.labelledUnits(s.first, s.last, labels)
		y, w = append(y, good*2 > all), append(w, all)
	}
	return y, w
}
