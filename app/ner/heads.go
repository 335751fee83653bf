package ner

import "strings"

// Head words: the last word of a multi-word name often says what the name
// is ("Eurasia Group", "Acme Corp", "Bank", "Ministry", "Party"). nameHeads
// learns them from the model's name dictionary (the training split's gold
// names), so no list is written by hand.
const (
	minHeadNames = 5    // names a head word must end
	minHeadShare = 0.90 // share of those names with the head's type
)

// nameHeads returns the lower-cased words that end at least minHeadNames
// multi-word dictionary names, at least minHeadShare of them of one type,
// mapped to that type.
func nameHeads(dict map[string]byte) map[string]string {
	counts := map[string]*[3]int{}
	for name, typ := range dict {
		sp := strings.LastIndexByte(name, ' ')
		if sp < 0 || int(typ) >= len(dictTypes) {
			continue
		}
		w := name[sp+1:]
		c := counts[w]
		if c == nil {
			c = &[3]int{}
			counts[w] = c
		}
		c[typ]++
	}
	heads := map[string]string{}
	for w, c := range counts {
		total := c[0] + c[1] + c[2]
		for typ, n := range c {
			if n >= minHeadNames && float64(n) >= minHeadShare*float64(total) {
				heads[w] = dictTypes[typ]
			}
		}
	}
	return heads
}

// applyHeads retypes a multi-word mention by its head word: a mention the
// model typed PERSON or PLACE that ends in an organisation's head word
// ("Eurasia Group") is an organisation. Only ORG heads retype: person and
// place heads are mostly the same words as common nouns.
func (t *Tagger) applyHeads(toks []token, ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.fixed || m.b-m.a < 2 || m.typ == Org {
			continue
		}
		last := toks[m.b-1]
		if isCapitalised(last.text) && t.heads[last.lower] == Org {
			m.typ = Org
		}
	}
}
