package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// units splits text into the metric's tokens (runs of letters, digits and
// marks, as Python's \w+), with each CJK character a unit of its own so a
// line wrapped inside a CJK run still shares its units with the article.
func units(s string) []string {
	var out []string
	scanUnits(s, func(start, end int) bool {
		out = append(out, s[start:end])
		return true
	})
	return out
}

// countUnits is len(units(s)) without building the list.
func countUnits(s string) int {
	n := 0
	scanUnits(s, func(int, int) bool {
		n++
		return true
	})
	return n
}

// scanUnits calls f with the byte span of each of s's units (units), in
// order, until f returns false.
func scanUnits(s string, f func(start, end int) bool) {
	start := -1
	for i, r := range s {
		switch {
		case isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if start >= 0 && !f(start, i) {
				return
			}
			start = -1
			if !f(i, i+utf8.RuneLen(r)) {
				return
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_':
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 && !f(start, i) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(s))
	}
}

// lineStats are the per-line measurements the features are built from.
type lineStats struct {
	runes, units, stops, alpha, digits, punct, sentEnds, caps, cjk, furn int
	endsSentence, copyright                                              bool
}

func measure(d DumpLine, stop map[string]bool) lineStats {
	var s lineStats
	for _, r := range d.Text {
		s.runes++
		switch {
		case isCJK(r):
			s.cjk++
			s.alpha++
		case unicode.IsLetter(r):
			s.alpha++
		case unicode.IsDigit(r):
			s.digits++
		case strings.ContainsRune(".!?。！？", r):
			s.sentEnds++
			s.punct++
		case strings.ContainsRune(",;:，、；：", r):
			s.punct++
		}
	}
	us := units(d.Text)
	s.units = len(us)
	for _, u := range us {
		lu := strings.ToLower(u)
		if stop[lu] {
			s.stops++
		}
		if furnitureWords[lu] {
			s.furn++
		}
		if r, _ := utf8.DecodeRuneInString(u); unicode.IsUpper(r) {
			s.caps++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(d.Text, `"”’'»)] `))
	s.endsSentence = strings.ContainsRune(".!?。！？…", last)
	s.copyright = copyrightRe.MatchString(d.Text) || strings.Contains(strings.ToLower(d.Text), "cookie")
	return s
}

// FeatureNames names the line features, in order.
var FeatureNames = []string{
	"bias", "log runes", "log units", "stop density", "stops>=3", "alpha share", "digit share", "punct per unit",
	"ends sentence", "sentence ends per unit", "bullet", "links per unit", "has link", "marks", "indent",
	"log repeats", "position", "position^2", "log block lines", "log block units", "block stop density",
	"furniture share", "caps share", "cjk share", "copyright/cookie", "wide line", "heading",
	"prev log units", "prev stop density", "next log units", "next stop density", "same block as prev",
	"same block as next", "block link share", "block bullet share", "window stop density", "window log units",
	"units / page's long lines", "stop density - page's", "log page lines", "lexical logit",
	"block mean lexical logit", "mean lexical logit ±3", "log2 wrap width / 80",
}

// LexFeature is the index of the lexical logit, set by Score from the
// model's Lexicon (0 without one).
const LexFeature = 40

// dumpFeatures computes the feature vector of every line of a cleaned dump.
// wrap is the column the dump was wrapped at (wrapWidth); the width
// feature reads featureWrap's, which tells an unwrapped text.
func dumpFeatures(lines []DumpLine, lang string, wrap int) [][]float64 {
	// A language without a list gets one learned from the page; an
	// unidentified one the union of the lists.
	stop, ok := stopWords[lang]
	switch {
	case !ok && lang != "":
		stop = pageStops(lines)
	case !ok:
		stop = anyStop
	}
	n := len(lines)
	long, logWrap := longLine(wrap), math.Log2(float64(featureWrap(lines, wrap))/defaultWrap)
	st := make([]lineStats, n)
	seen := map[string]int{}
	for i, d := range lines {
		st[i] = measure(d, stop)
		seen[d.Text]++
	}
	type agg struct{ lines, units, stops, links, bullets int }
	blocks := map[int]*agg{}
	for i, d := range lines {
		b := blocks[d.Block]
		if b == nil {
			b = &agg{}
			blocks[d.Block] = b
		}
		b.lines++
		b.units += st[i].units
		b.stops += st[i].stops
		b.links += d.Links
		if d.Bullet {
			b.bullets++
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	lg := func(x int) float64 { return math.Log1p(float64(x)) }
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	// Page norms: the 90th percentile of line sizes and the stop density
	// of the page's longer lines, so features read relative to the page.
	sizes := make([]int, n)
	pageStops, pageUnits := 0, 0
	for i := range st {
		sizes[i] = st[i].units
		if st[i].units >= 10 {
			pageStops += st[i].stops
			pageUnits += st[i].units
		}
	}
	sort.Ints(sizes)
	p90 := 1
	if n > 0 {
		p90 = max(1, sizes[n*9/10])
	}
	pageDensity := ratio(pageStops, pageUnits)
	out := make([][]float64, n)
	for i, d := range lines {
		s := st[i]
		b := blocks[d.Block]
		pos := 0.0
		if n > 1 {
			pos = float64(i) / float64(n-1)
		}
		var pu, ps, nu, ns float64
		if i > 0 {
			pu, ps = lg(st[i-1].units), ratio(st[i-1].stops, st[i-1].units)
		}
		if i+1 < n {
			nu, ns = lg(st[i+1].units), ratio(st[i+1].stops, st[i+1].units)
		}
		wu, wsum := 0, 0
		for j := max(0, i-3); j < n && j <= i+3; j++ {
			wu += st[j].units
			wsum += st[j].stops
		}
		out[i] = []float64{
			1, lg(s.runes), lg(s.units), ratio(s.stops, s.units), b2f(s.stops >= 3), ratio(s.alpha, s.runes),
			ratio(s.digits, s.runes), ratio(s.punct, s.units), b2f(s.endsSentence), ratio(s.sentEnds, s.units),
			b2f(d.Bullet), ratio(d.Links, s.units+1), b2f(d.Links > 0), math.Min(float64(d.Marks), 3), math.Min(float64(d.Indent), 12) / 6,
			lg(seen[d.Text] - 1), pos, pos * pos, lg(b.lines), lg(b.units), ratio(b.stops, b.units),
			ratio(s.furn, s.units), ratio(s.caps, s.units), ratio(s.cjk, s.runes), b2f(s.copyright), b2f(dispWidth(d.Text)+d.Indent >= long), b2f(d.Head),
			pu, ps, nu, ns, b2f(i > 0 && lines[i-1].Block == d.Block),
			b2f(i+1 < n && lines[i+1].Block == d.Block), ratio(b.links, b.units+1), ratio(b.bullets, b.lines), ratio(wsum, wu), lg(wu),
			float64(s.units) / float64(p90), ratio(s.stops, s.units) - pageDensity, lg(n), 0, 0, 0, logWrap,
		}
	}
	return out
}

// Stage2Names names the context features of the smoothing pass: the first
// pass's probability of the line and the mean over windows of neighbours.
var Stage2Names = []string{
	"bias", "logit p", "p", "mean p ±1", "mean p ±3", "mean p ±10", "mean p before 10", "mean p after 10",
	"p / page max window", "block mean p", "log units", "stop density", "share of content before", "share of content after",
	"p-1", "p+1", "p-2", "p+2", "block max p", "ends sentence", "bullet", "links per unit",
	"side of peak", "log longest low run from peak", "log low units from peak", "min short lexical logit from peak",
}

// SetLex sets the lines' lexical logits (LexFeature) and the features read
// from them: the mean over the line's block and over the three lines
// either side.
func (a *DumpAnalysis) SetLex(logit []float64) {
	n := len(a.Lines)
	cum := make([]float64, n+1)
	bsum, bcnt := map[int]float64{}, map[int]int{}
	for i, d := range a.Lines {
		cum[i+1] = cum[i] + logit[i]
		bsum[d.Block] += logit[i]
		bcnt[d.Block]++
	}
	for i, d := range a.Lines {
		lo, hi := max(i-3, 0), min(i+4, n)
		a.F1[i][LexFeature] = logit[i]
		a.F1[i][LexFeature+1] = bsum[d.Block] / float64(bcnt[d.Block])
		a.F1[i][LexFeature+2] = (cum[hi] - cum[lo]) / float64(hi-lo)
	}
}

// stage2Features builds the smoothing pass's features from the first pass's
// probabilities.
func stage2Features(lines []DumpLine, f1 [][]float64, p []float64) [][]float64 {
	n := len(p)
	cum := make([]float64, n+1)
	for i, v := range p {
		cum[i+1] = cum[i] + v
	}
	mean := func(a, b int) float64 { // [a, b)
		a, b = max(a, 0), min(b, n)
		if b <= a {
			return 0
		}
		return (cum[b] - cum[a]) / float64(b-a)
	}
	bsum, bcnt, bmax := map[int]float64{}, map[int]int{}, map[int]float64{}
	for i, d := range lines {
		bsum[d.Block] += p[i]
		bcnt[d.Block]++
		bmax[d.Block] = math.Max(bmax[d.Block], p[i])
	}
	at := func(i int) float64 {
		if i < 0 || i >= n {
			return 0
		}
		return p[i]
	}
	win := make([]float64, n) // mean p ±10
	best, peak := 1e-9, 0
	for i := range p {
		if win[i] = mean(i-10, i+11); win[i] > best {
			best, peak = win[i], i
		}
	}
	gap := peakGaps(f1, p, peak)
	out := make([][]float64, n)
	for i := range p {
		pi := math.Min(math.Max(p[i], 1e-4), 1-1e-4)
		out[i] = []float64{
			1, math.Log(pi / (1 - pi)), p[i], mean(i-1, i+2), mean(i-3, i+4), win[i], mean(i-10, i), mean(i+1, i+11),
			win[i] / best, bsum[lines[i].Block] / float64(bcnt[lines[i].Block]), f1[i][2], f1[i][3],
			cum[i] / math.Max(cum[n], 1e-9), (cum[n] - cum[i+1]) / math.Max(cum[n], 1e-9),
			at(i - 1), at(i + 1), at(i - 2), at(i + 2), bmax[lines[i].Block], f1[i][8], f1[i][10], f1[i][11],
			gap[i][0], gap[i][1], gap[i][2], gap[i][3],
		}
	}
	return out
}

// peakGaps measures, for every line, what separates it from the page's
// peak (the centre of its densest window of first-pass probability, where
// the article most likely is): which side of it the line lies on, the
// longest run of unlikely lines (p < 0.5) between the two, their size in
// units, and the lowest lexical logit of an unlikely short line (up to 8
// units: a heading such as "23 Comments" or "Related stories") between
// them. A comment section or a block of teasers below the article lies
// past such a gap; the window means of the smoothing pass do not reach
// that far.
func peakGaps(f1 [][]float64, p []float64, peak int) [][4]float64 {
	n := len(p)
	out := make([][4]float64, n)
	short := math.Log1p(8)
	walk := func(from, step int, side float64) {
		run, longest, units, low := 0, 0, 0.0, 0.0
		for i := from + step; i >= 0 && i < n; i += step {
			if j := i - step; j != from {
				if p[j] >= 0.5 {
					run = 0
				} else {
					run++
					longest = max(longest, run)
					units += math.Expm1(f1[j][2])
					if f1[j][2] <= short {
						low = math.Min(low, math.Max(f1[j][LexFeature], -8))
					}
				}
			}
			out[i] = [4]float64{side, math.Log1p(float64(longest)), math.Log1p(units), low}
		}
	}
	if n > 0 {
		walk(peak, 1, 1)
		walk(peak, -1, -1)
	}
	return out
}
