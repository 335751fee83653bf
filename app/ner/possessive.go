package ner

import "strings"

// splitPossessive splits a mention that runs through a possessive into the
// owner and the owned name: "France's Aigle Azur" is PLACE "France" and ORG
// "Aigle Azur", "Spain's National Court" is PLACE "Spain" and ORG "National
// Court". The owner gets the type the name dictionary gives it, or else the
// B-label the model scores highest at its first word; the owned name keeps
// the mention's type. A possessive after a common word is part of the name
// ("Children's Fund", "People's Party") and is not split.
func (t *Tagger) splitPossessive(toks []token, lab []int, score func(i, prev, cur int) float32, m mention) []mention {
	for k := m.a + 1; k < m.b-1; k++ {
		if toks[k].pos != "POS" {
			continue
		}
		owner := toks[k-1]
		if c := t.model.Lexicon[owner.lower]; c == caseLower || c == caseMixed || !isCapitalised(owner.text) {
			continue
		}
		tail := mention{sent: m.sent, a: k + 1, b: m.b, typ: m.typ}
		rest := t.splitPossessive(toks, lab, score, tail)
		if typ := t.ownerType(toks, lab, score, m.a, k); typ != "" {
			return append([]mention{{sent: m.sent, a: m.a, b: k, typ: typ}}, rest...)
		}
		return rest
	}
	return []mention{m}
}

// ownerType types the owner toks[a:b] of a possessive, or returns "" when
// it is no name ("Friday's Grand Prix"). The owner has the type of
// the dictionary entry for its words, or else the type whose B-I labels the
// model scores highest over its words, when that beats O.
func (t *Tagger) ownerType(toks []token, lab []int, score func(i, prev, cur int) float32, a, b int) string {
	parts := make([]string, b-a)
	for k := range parts {
		parts[k] = toks[a+k].lower
	}
	if typ, ok := t.model.Dict[strings.Join(parts, " ")]; ok && int(typ) < len(dictTypes) {
		return dictTypes[typ]
	}
	prev := numLabels
	if a > 0 {
		prev = lab[a-1]
	}
	best, bestScore := 0, float32(0)
	for _, c := range []int{0, 1, 3, 5} { // O, B-PERSON, B-ORG, B-PLACE
		s, p := score(a, prev, c), c
		for i := a + 1; i < b; i++ {
			cur := c
			if c != 0 {
				cur = c + 1 // I-X
			}
			s += score(i, p, cur)
			p = cur
		}
		if c == 0 || s > bestScore {
			best, bestScore = c, s
		}
	}
	return typeOfLabel[best]
}
