package ner

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Counts holds exact-span match counts of one entity type.
type Counts struct{ TP, FP, FN int }

// PRF returns precision, recall and F1 in percent.
func (c Counts) PRF() (p, r, f float64) {
	if c.TP+c.FP > 0 {
		p = 100 * float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = 100 * float64(c.TP) / float64(c.TP+c.FN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Scores are evaluation counts per type and overall ("ALL").
type Scores map[string]*Counts

func (s Scores) add(typ string, tp, fp, fn int) {
	for _, k := range []string{typ, "ALL"} {
		c := s[k]
		if c == nil {
			c = &Counts{}
			s[k] = c
		}
		c.TP += tp
		c.FP += fp
		c.FN += fn
	}
}

// F1 returns the overall F1 in percent.
func (s Scores) F1() float64 {
	if s["ALL"] == nil {
		return 0
	}
	_, _, f := s["ALL"].PRF()
	return f
}

// Print writes a table of the scores under a heading.
func (s Scores) Print(w io.Writer, heading string) {
	fmt.Fprintf(w, "%s\n%-7s %6s %6s %6s %6s %6s %6s\n", heading, "type", "P", "R", "F1", "TP", "FP", "FN")
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := s[k]
		p, r, f := c.PRF()
		fmt.Fprintf(w, "%-7s %6.1f %6.1f %6.1f %6d %6d %6d\n", k, p, r, f, c.TP, c.FP, c.FN)
	}
}

// compare scores found against gold, both keyed "TYPE|start|end" or
// "TYPE|text", counting multiset matches.
func (s Scores) compare(gold, found []string) {
	left := map[string]int{}
	for _, g := range gold {
		left[g]++
	}
	for _, f := range found {
		typ := f[:strings.IndexByte(f, '|')]
		if left[f] > 0 {
			left[f]--
			s.add(typ, 1, 0, 0)
		} else {
			s.add(typ, 0, 1, 0)
		}
	}
	for g, n := range left {
		s.add(g[:strings.IndexByte(g, '|')], 0, 0, n)
	}
}

// Evaluate tags each sentence on its own (no document-level rules) and
// scores exact spans against the gold spans. With cut non-nil the gold
// spans lose what the tagger keeps out of names (see NameCut).
func (t *Tagger) Evaluate(sents []GoldSentence, cut *NameCut) Scores {
	s := Scores{}
	for _, gs := range sents {
		text := gs.Text()
		var gold, found []string
		for _, sp := range gs.Spans(cut) {
			gold = append(gold, fmt.Sprintf("%s|%d|%d", sp.Type, sp.Start, sp.End))
		}
		toks := t.pipe.sentence(text)
		for _, m := range t.sentenceMentions(0, toks) {
			found = append(found, fmt.Sprintf("%s|%d|%d", m.typ, toks[m.a].start, toks[m.b-1].end))
		}
		s.compare(gold, found)
	}
	return s
}

// NameCut returns the tagger's rule for the words it keeps out of names.
func (t *Tagger) NameCut() *NameCut { return t.cut }

// TypeAccuracy tags each sentence on its own and counts the gold spans
// (PERSON, ORG, PLACE) the tagger finds with exact boundaries, and how many
// of those it types right: how far the model's type of a found name can be
// trusted (cmd/nercues weighs the learned cues against it).
func (t *Tagger) TypeAccuracy(sents []GoldSentence, cut *NameCut) (right, found int) {
	for _, gs := range sents {
		gold := map[[2]int]string{}
		for _, sp := range gs.Spans(cut) {
			gold[[2]int{sp.Start, sp.End}] = sp.Type
		}
		toks := t.pipe.sentence(gs.Text())
		for _, m := range t.sentenceMentions(0, toks) {
			if typ, ok := gold[[2]int{toks[m.a].start, toks[m.b-1].end}]; ok {
				found++
				if typ == m.typ {
					right++
				}
			}
		}
	}
	return right, found
}
