package ingest

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Lexicon is a logistic model over the words of a line: which words mark
// a scraped page's furniture ("reply", "share", "newsletter", "cookies",
// "abonnieren") and which its running text, in whatever languages the
// training pages were written. Its weights are learned by FitLexicon from
// labelled lines; its score is one feature of the line classifier.
type Lexicon struct {
	Bias    float64            `json:"bias"`
	Bigrams bool               `json:"bigrams,omitempty"` // pairs of adjacent units are terms too
	Weights map[string]float64 `json:"weights"`
}

// lexMaxTerms bounds the terms read from one line (a long line's first
// words), so a paragraph costs no more than a sentence.
const lexMaxTerms = 48

// lexTerms returns a line's terms: its lower-cased units, each once, and
// its first unit marked as such ("^by", "^share").
func lexTerms(text string, bigrams bool) []string {
	us := units(text)
	out := make([]string, 0, min(len(us), lexMaxTerms)+1)
	add := func(t string) { // at most lexMaxTerms: a scan beats a map
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	prev := ""
	for _, u := range us {
		if len(out) >= lexMaxTerms {
			break
		}
		lu := strings.ToLower(u)
		add(lu)
		if bigrams && prev != "" {
			add(prev + " " + lu)
		}
		prev = lu
	}
	if len(us) > 0 {
		out = append(out, "^"+strings.ToLower(us[0]))
	}
	return out
}

// Logit scores a line's text: the bias plus its known terms' weights over
// the square root of its term count (a long line's words each say less).
func (l *Lexicon) Logit(text string) float64 {
	ts := lexTerms(text, l.Bigrams)
	if len(ts) == 0 {
		return l.Bias
	}
	z := 0.0
	for _, t := range ts {
		z += l.Weights[t]
	}
	return l.Bias + z/math.Sqrt(float64(len(ts)))
}

// LexOptions sets FitLexicon's vocabulary and training.
type LexOptions struct {
	MinDocs int     // a term must occur in at least this many documents
	Epochs  int     // passes over the lines
	Rate    float64 // Adagrad step
	L2      float64 // weight decay per step
	Bigrams bool    // pairs of adjacent units are terms too
}

// DefaultLexOptions are the options texttrain uses.
var DefaultLexOptions = LexOptions{MinDocs: 8, Epochs: 4, Rate: 0.1, L2: 1e-6}

// FitLexicon learns a Lexicon from lines (texts), their labels, their
// weights and the document each comes from (a term is in the vocabulary
// when it occurs in MinDocs documents, so no one site's words are learned).
// Training is deterministic: a fixed-seed order of the lines.
func FitLexicon(texts []string, y []bool, w []float64, doc []int, o LexOptions) (*Lexicon, error) {
	n := len(texts)
	if n == 0 || len(y) != n || len(w) != n || len(doc) != n {
		return nil, errors.New("lexicon: no lines, or labels, weights and documents of another length")
	}
	terms := make([][]string, n)
	docsOf := map[string]int{}
	lastDoc := map[string]int{}
	// Lines are read document by document (a stable sort of their indices),
	// so a term counts once per document even when a document's lines are
	// not adjacent in texts.
	byDoc := make([]int, n)
	for i := range byDoc {
		byDoc[i] = i
	}
	slices.SortStableFunc(byDoc, func(a, b int) int { return doc[a] - doc[b] })
	for _, i := range byDoc {
		terms[i] = lexTerms(texts[i], o.Bigrams)
		for _, term := range terms[i] {
			if d, ok := lastDoc[term]; !ok || d != doc[i]+1 {
				lastDoc[term] = doc[i] + 1
				docsOf[term]++
			}
		}
	}
	idx := map[string]int{}
	var vocab []string
	for term, c := range docsOf {
		if c >= o.MinDocs {
			idx[term] = len(vocab)
			vocab = append(vocab, term)
		}
	}
	// The lines as vocabulary indices; the bias starts at the prior.
	rows := make([][]int, n)
	pos, tot := 0.0, 0.0
	for i := range terms {
		for _, term := range terms[i] {
			if k, ok := idx[term]; ok {
				rows[i] = append(rows[i], k)
			}
		}
		tot += w[i]
		if y[i] {
			pos += w[i]
		}
	}
	if pos == 0 || pos == tot {
		return nil, errors.New("lexicon: the lines are all of one class")
	}
	bias := math.Log(pos / (tot - pos))
	wt := make([]float64, len(vocab))
	g2 := make([]float64, len(vocab))
	bg2 := 0.0
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			scale := 1 / math.Sqrt(float64(max(len(terms[i]), 1)))
			z := bias
			for _, k := range rows[i] {
				z += wt[k] * scale
			}
			p := 1 / (1 + math.Exp(-z))
			t := 0.0
			if y[i] {
				t = 1
			}
			g := w[i] * (p - t)
			bg2 += g * g
			bias -= o.Rate * g / (math.Sqrt(bg2) + 1e-8)
			for _, k := range rows[i] {
				gk := g*scale + o.L2*wt[k]
				g2[k] += gk * gk
				wt[k] -= o.Rate * gk / (math.Sqrt(g2[k]) + 1e-8)
			}
		}
	}
	l := &Lexicon{Bias: bias, Bigrams: o.Bigrams, Weights: make(map[string]float64, len(vocab))}
	for k, term := range vocab {
		if math.Abs(wt[k]) >= 1e-3 {
			l.Weights[term] = math.Round(wt[k]*1e4) / 1e4
		}
	}
	return l, nil
}

// Coverage is the share of the running text's words (the units of lines of
// at least 8 units) that the lexicon has a weight for: low on a page in a
// language it was not trained on, where its logits mean little.
func (l *Lexicon) Coverage(lines []DumpLine) float64 {
	known, all := 0, 0
	for _, d := range lines {
		us := units(d.Text)
		if len(us) < 8 {
			continue
		}
		for _, u := range us {
			all++
			if _, ok := l.Weights[strings.ToLower(u)]; ok {
				known++
			}
		}
	}
	if all == 0 {
		return 1
	}
	return float64(known) / float64(all)
}
