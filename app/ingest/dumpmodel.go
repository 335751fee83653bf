package ingest

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// DumpModel holds the learned weights of the scraped-dump extractor: a
// line classifier, a context-smoothing pass over its probabilities (the
// jusText idea of letting neighbours decide, with learned weights), and a
// title-candidate scorer.
type DumpModel struct {
	Stage1 *Boosted `json:"stage1"`
	Stage2 *Boosted `json:"stage2"`
	Title  *Boosted `json:"title"`
	// Runs decides which runs of kept lines stay (dumpruns.go); nil keeps
	// every line the passes keep.
	Runs *Boosted `json:"runs,omitempty"`
	// Restore brings back rejected paragraphs (dumprestore.go).
	Restore   *Boosted `json:"restore,omitempty"`
	Lexicon   *Lexicon `json:"lexicon,omitempty"`
	Threshold float64  `json:"threshold"`
	// Plain is the model without a lexicon, for pages in a language the
	// lexicon hardly knows: under MinCoverage of their running words.
	Plain       *DumpModel `json:"plain,omitempty"`
	MinCoverage float64    `json:"min_coverage,omitempty"`
}

// For returns the model to read the analysed dump with: m, or its plain
// model when the page's words are mostly unknown to m's lexicon (a
// language it was not trained on, whose lexical logits would mislead).
func (m *DumpModel) For(a *DumpAnalysis) *DumpModel {
	if m.Lexicon != nil && m.Plain != nil && m.Lexicon.Coverage(a.Lines) < m.MinCoverage {
		return m.Plain
	}
	return m
}

// Check reports why m cannot read dumps, or nil: its passes and ranker
// (Boosted.Check against the features this build computes), its
// threshold, and its plain model's the same way.
func (m *DumpModel) Check() error {
	if m == nil {
		return errors.New("no dump model")
	}
	for _, c := range []struct {
		name     string
		b        *Boosted
		n        int
		optional bool // a model without a smoothing pass reads the first pass
	}{{"stage 1", m.Stage1, len(FeatureNames), false}, {"stage 2", m.Stage2, len(Stage2Names), true}, {"title", m.Title, len(TitleFeatureNames), false}, {"runs", m.Runs, len(RunFeatureNames), true}, {"restore", m.Restore, len(RestoreFeatureNames), true}} {
		if c.b == nil && c.optional {
			continue
		}
		if err := c.b.Check(c.n); err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
	}
	if !(m.Threshold > 0 && m.Threshold < 1) {
		return fmt.Errorf("threshold %v is not a probability between 0 and 1", m.Threshold)
	}
	if m.Plain != nil {
		if m.Plain.Plain != nil {
			return errors.New("plain model: has a plain model of its own")
		}
		if err := m.Plain.Check(); err != nil {
			return fmt.Errorf("plain model: %w", err)
		}
	}
	return nil
}

//go:embed dumpmodel.json
var dumpModelJSON []byte

var (
	defaultModelOnce sync.Once
	defaultModel     *DumpModel
)

// DefaultDumpModel returns the embedded model trained by cmd/texttrain.
func DefaultDumpModel() *DumpModel {
	defaultModelOnce.Do(func() {
		m := &DumpModel{}
		if err := json.Unmarshal(dumpModelJSON, m); err != nil {
			panic(fmt.Sprintf("ingest: embedded dumpmodel.json: %v", err))
		}
		defaultModel = m
	})
	return defaultModel
}

// DumpAnalysis is a cleaned dump with its features and, once scored, the
// probability that each line belongs to the article.
type DumpAnalysis struct {
	Lines []DumpLine
	Lang  string      // ISO 639-1 code of the page's running text, "" when unsure
	F1    [][]float64 // line features (FeatureNames)
	P1    []float64   // first-pass probabilities
	F2    [][]float64 // smoothing-pass features (Stage2Names)
	P2    []float64   // final probabilities
	wrap  int         // the column the renderer wrapped at (wrapWidth)
	slugs [][]string  // words of the reference list's slugs (refSlugs)
	share []string    // titles its share links carry (shareTitles)
	// lineKept is the units of the lines the line passes kept, before the
	// runs and restore passes (set by body).
	lineKept int
	nUnits   []int // each line's units, counted once (lineUnits)
}

// NewDumpAnalysis cleans a dump and computes its line features.
func NewDumpAnalysis(text string) *DumpAnalysis {
	lines, refs := cleanDump(text)
	targets := refTargets(refs)
	a := &DumpAnalysis{Lines: lines, slugs: refSlugs(targets), share: shareTitles(targets)}
	a.nUnits = make([]int, len(lines))
	for i, d := range lines {
		a.nUnits[i] = countUnits(d.Text)
	}
	a.Lang = dumpLanguage(a.Lines)
	a.wrap = wrapWidth(a.Lines)
	a.F1 = dumpFeatures(a.Lines, a.Lang, a.wrap)
	return a
}

// Score runs the two passes of the model m.For(a) picks over the lines,
// after its lexicon, and returns that model (its threshold and title
// ranker read the result).
func (a *DumpAnalysis) Score(m *DumpModel) *DumpModel {
	m = m.For(a)
	if m.Lexicon != nil {
		logit := make([]float64, len(a.Lines))
		for i, d := range a.Lines {
			logit[i] = m.Lexicon.Logit(d.Text)
		}
		a.SetLex(logit)
	}
	a.ScoreStages(m)
	return m
}

// ScoreStages runs the two passes over the features as they are (training
// sets the lexical feature from lexicons that did not see the page).
func (a *DumpAnalysis) ScoreStages(m *DumpModel) {
	a.P1 = make([]float64, len(a.Lines))
	for i, x := range a.F1 {
		a.P1[i] = m.Stage1.Prob(x)
	}
	a.ScoreStage2(m)
}

// ScoreStage2 runs the model's smoothing pass over the first-pass
// probabilities already in P1 (training sets P1 from models that did not see
// the page, so the second pass learns how far to trust unseen first passes).
func (a *DumpAnalysis) ScoreStage2(m *DumpModel) {
	a.F2 = stage2Features(a.Lines, a.F1, a.P1)
	a.P2 = a.P1
	if m.Stage2 != nil {
		a.P2 = make([]float64, len(a.Lines))
		for i, x := range a.F2 {
			a.P2[i] = m.Stage2.Prob(x)
		}
	}
}

// dumpLanguage identifies the language of the lines richest in text.
func dumpLanguage(lines []DumpLine) string {
	idx := make([]int, len(lines))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(lines[idx[a]].Text) > len(lines[idx[b]].Text) })
	var sb strings.Builder
	for _, i := range idx {
		if sb.Len() > 3000 {
			break
		}
		sb.WriteString(lines[i].Text)
		sb.WriteByte('\n')
	}
	return detectLanguage(sb.String())
}

// LabelDumpLines marks the lines that belong to the expected article body:
// a line is article text when most of its units lie in a 4-unit shingle of
// the dump (read across line ends) that the expected body also contains.
func LabelDumpLines(lines []DumpLine, gold string) []bool {
	gu := units(gold)
	shingles := map[[4]string]bool{}
	for i := 0; i+4 <= len(gu); i++ {
		shingles[[4]string{gu[i], gu[i+1], gu[i+2], gu[i+3]}] = true
	}
	var stream []string
	var owner []int
	for li, d := range lines {
		for _, u := range units(d.Text) {
			stream = append(stream, u)
			owner = append(owner, li)
		}
	}
	matched := make([]bool, len(stream))
	for i := 0; i+4 <= len(stream); i++ {
		if shingles[[4]string{stream[i], stream[i+1], stream[i+2], stream[i+3]}] {
			for k := i; k < i+4; k++ {
				matched[k] = true
			}
		}
	}
	hit, tot := make([]int, len(lines)), make([]int, len(lines))
	for i, li := range owner {
		tot[li]++
		if matched[i] {
			hit[li]++
		}
	}
	out := make([]bool, len(lines))
	for i := range lines {
		out[i] = tot[i] > 0 && hit[i]*2 > tot[i]
	}
	return out
}

// FallbackDensest is the note set on an article whose body came from the
// densest run of prose because the classifier kept almost nothing.
const FallbackDensest = "fallback: densest prose"

// minBodyUnits is the size under which a body counts as near-empty.
const minBodyUnits = 40

// body assembles the article text from the lines classified as content,
// rejoining lines wrapped by the renderer into paragraphs. It falls back to
// the densest run of prose when the kept text is near-empty.
func (a *DumpAnalysis) body(m *DumpModel) (text string, keep []bool, note string) {
	keep = make([]bool, len(a.Lines))
	n := 0
	a.lineKept = 0
	for i, p := range a.P2 {
		if p >= m.Threshold {
			keep[i] = true
			a.lineKept += a.lineUnits(i)
		}
	}
	a.dropRuns(keep, m)
	a.restore(keep, m)
	for i, k := range keep {
		if k {
			n += a.lineUnits(i)
		}
	}
	if n < minBodyUnits {
		if lo, hi, ok := a.densestProse(); ok {
			for i := range keep {
				keep[i] = i >= lo && i < hi
			}
			note = FallbackDensest
		}
	}
	return a.Join(keep), keep, note
}

// densestProse returns the run of lines with the highest sum of stop-word
// evidence (Kadane's maximum subarray over per-line scores: stop words minus
// a share of all units), the run of running text a reader would pick.
func (a *DumpAnalysis) densestProse() (lo, hi int, ok bool) {
	best, cur, start := 0.0, 0.0, 0
	for i := range a.Lines {
		n := float64(a.lineUnits(i))
		s := a.F1[i][3]*n - 0.15*n - 0.5
		if cur <= 0 {
			cur, start = 0, i
		}
		cur += s
		if cur > best {
			best, lo, hi = cur, start, i+1
		}
	}
	return lo, hi, best > 0
}

// Join rebuilds paragraphs: kept lines of one block follow each other in a
// paragraph while the previous line reaches near the wrap width (wrapsOn);
// a short line, a dropped line or a block end closes a paragraph.
func (a *DumpAnalysis) Join(keep []bool) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, cur.String())
			cur.Reset()
		}
	}
	prev := -1
	for i, d := range a.Lines {
		if !keep[i] {
			continue
		}
		if prev >= 0 {
			if prev != i-1 || !a.wrapsOn(prev) {
				flush()
			} else {
				last, _ := utf8.DecodeLastRuneInString(cur.String())
				first, _ := utf8.DecodeRuneInString(d.Text)
				if !(isCJK(last) && isCJK(first)) {
					cur.WriteByte(' ')
				}
			}
		}
		cur.WriteString(d.Text)
		prev = i
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// dispWidth is the width of s in terminal columns: wide (CJK) characters
// take two.
func dispWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if isCJK(r) {
			w++
		}
	}
	return w
}

// lineUnits is the number of line i's units (units).
func (a *DumpAnalysis) lineUnits(i int) int {
	if i < len(a.nUnits) {
		return a.nUnits[i]
	}
	return countUnits(a.Lines[i].Text) // an analysis not made by NewDumpAnalysis
}

// wrapsOn reports whether line i runs on into line i+1 in one paragraph:
// the same block, i no heading, i+1 no list item, and i reaching near the
// wrap width.
func (a *DumpAnalysis) wrapsOn(i int) bool {
	if i+1 >= len(a.Lines) {
		return false
	}
	pl, d := a.Lines[i], a.Lines[i+1]
	return pl.Block == d.Block && !pl.Head && !d.Bullet && dispWidth(pl.Text)+pl.Indent >= a.wrap*3/4
}

// Kept returns the lines the model keeps as article text on a scored
// analysis, after the densest-prose fallback if need be.
func (a *DumpAnalysis) Kept(m *DumpModel) []bool {
	_, keep, _ := a.body(m)
	return keep
}
