package ner

import (
	"strings"
	"unicode"
)

// minWordEvidence is how often a word must be seen for the mined word sets.
const minWordEvidence = 3

// MineNotNames learns the capitalised words that are not names of people,
// organisations or places: months, days, holidays, events, works,
// nationalities ("January", "Christmas", "Olympics", "British"). A word is
// one when, written capitalised in mid-sentence, at least 60% of its
// occurrences in the gold data are tagged as a time, event, artefact,
// natural phenomenon or MISC, or as a gpe adjective or plural (GMB's
// "British/JJ", "Americans/NNPS"), and it is seen at least minWordEvidence
// times so tagged; or when it is seen capitalised in mid-sentence at least
// minUntagged times and left untagged in 90% of them ("Christmas",
// "Cabinet", "Internet"). Words of the place and company lists are never
// taken ("Montana" is MISC in a few sentences of the extra sets). Returned
// lower-cased.
func MineNotNames(sents []GoldSentence, nl NameLists) map[string]bool {
	other, untagged, total := map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			if i == 0 || !isCapitalised(w) || !hasLetter(w) {
				continue
			}
			lw := strings.ToLower(w)
			total[lw]++
			tag := s.Tags[i]
			if tag == "O" {
				untagged[lw]++
			}
			if len(tag) < 3 {
				continue
			}
			switch tag[2:] {
			case "tim", "eve", "art", "nat", "misc":
				other[lw]++
			case "gpe":
				if s.POS[i] != "NNP" {
					other[lw]++
				}
			}
		}
	}
	out := map[string]bool{}
	for w, n := range total {
		if nl[w]&(listCountry|listCity|listRegion|listCompany) != 0 {
			continue
		}
		if o := other[w]; o >= minWordEvidence && o*5 >= n*3 || n >= minUntagged && untagged[w]*10 >= n*9 {
			out[w] = true
		}
	}
	return out
}

// minUntagged is how often a capitalised word must be seen, almost always
// untagged, to be taken for no name.
const minUntagged = 10

// MineInnerWords learns the lower-case words that occur inside names
// ("of", "de", "bin", "and"): words seen, not first, inside a gold PERSON,
// ORG or PLACE span at least minWordEvidence times. A mention running
// through any other lower-case word ("Chelsea beat Real Madrid") is two
// names and a verb.
func MineInnerWords(sents []GoldSentence) map[string]bool {
	n := map[string]int{}
	for _, s := range sents {
		for i, tag := range s.Tags {
			if !strings.HasPrefix(tag, "I-") {
				continue
			}
			if _, ok := gmbTypes[tag[2:]]; !ok {
				continue
			}
			if w := s.Words[i]; w == strings.ToLower(w) && hasLetter(w) {
				n[w]++
			}
		}
	}
	out := map[string]bool{}
	for w, c := range n {
		if c >= minWordEvidence {
			out[w] = true
		}
	}
	return out
}

// splitAtVerbs splits a mention at the lower-case words that are never
// inside names in the training data.
func (t *Tagger) splitAtVerbs(toks []token, m mention) []mention {
	if len(t.model.Inner) == 0 {
		return []mention{m}
	}
	var out []mention
	a := m.a
	for k := m.a; k < m.b; k++ {
		w := toks[k].text
		if hasLetter(w) && w == toks[k].lower && !t.model.Inner[w] {
			if k > a {
				out = append(out, mention{sent: m.sent, a: a, b: k, typ: m.typ})
			}
			a = k + 1
		}
	}
	if a == m.a {
		return []mention{m}
	}
	if a < m.b {
		out = append(out, mention{sent: m.sent, a: a, b: m.b, typ: m.typ})
	}
	return out
}

// notAName reports whether a mention is no name of a person, organisation
// or place: every word is a mined non-name word or a demonym (see
// MineNotNames and the demonym list: "January", "Christmas", "British
// Chinese"), a capitalised plural of an abbreviation ("MPs", "CEOs": a
// plural common noun), or a lone sentence-initial word the POS tagger reads
// as an adverb, conjunction, determiner, modal or interjection
// ("Hopefully").
func (t *Tagger) notAName(toks []token, m mention) bool {
	all := true
	for k := m.a; k < m.b; k++ {
		w := toks[k]
		if !hasLetter(w.text) {
			continue
		}
		lower := strings.TrimSuffix(w.lower, ".") // "May." ending a sentence the segmenter missed
		if !t.model.NotNames[lower] && !t.demonym(lower) {
			all = false
			break
		}
	}
	if all {
		return true
	}
	if m.b-m.a != 1 {
		return false
	}
	w := toks[m.a]
	if pluralAbbrev(w.text) {
		return true
	}
	if m.a == 0 {
		switch w.pos {
		case "RB", "RBR", "RBS", "CC", "DT", "MD", "UH", "WRB", "WDT", "WP", "IN", "PRP", "PRP$":
			return true
		}
	}
	return false
}

// pluralAbbrev reports whether w is an abbreviation in capitals with a
// plural "s" ("MPs", "CEOs", "NGOs").
func pluralAbbrev(w string) bool {
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || len(stem) < 2 {
		return false
	}
	for _, r := range stem {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// bareFirstName reports whether a lone PERSON mention is only a first name
// that no full name of the document explains ("John", "Harry"): a first
// name alone does not say who is meant. A word of the first-name list that
// the training data's names use more often as a surname than as a first
// name ("Howard" in "John Howard") is taken for a surname and kept.
func (t *Tagger) bareFirstName(e Entity) bool {
	if e.Type != Person || e.Canonical != e.Text || strings.ContainsAny(e.Text, " -") {
		return false
	}
	w := strings.ToLower(e.Text)
	return t.model.Lists[w]&listFirstName != 0 && t.nameUse[w][0] >= t.nameUse[w][1]
}

// personWordUse counts, for each word of the name dictionary's multi-word
// PERSON names, how many open a name and how many end one.
func personWordUse(dict map[string]byte) map[string][2]int {
	out := map[string][2]int{}
	for name, typ := range dict {
		if int(typ) >= len(dictTypes) || dictTypes[typ] != Person {
			continue
		}
		words := strings.Fields(name)
		if len(words) < 2 {
			continue
		}
		first, last := out[words[0]], out[words[len(words)-1]]
		first[0]++
		out[words[0]] = first
		last = out[words[len(words)-1]]
		last[1]++
		out[words[len(words)-1]] = last
	}
	return out
}

// demonym reports whether w is a demonym and no place ("British", but not
// "Laos", which the demonym list also holds).
func (t *Tagger) demonym(w string) bool {
	b := t.model.Lists[w]
	return b&listDemonym != 0 && b&(listCountry|listCity|listRegion) == 0
}

// dropCommonWords removes the lone one-word mentions that are common nouns
// in this document: the training text writes the word in lower case
// (lexicon: caseLower, four times more often lower case than capitalised
// in mid-sentence) and the document itself writes it in lower case too
// ("the city ... City", "radio ... Radio"); or the training text writes it
// either way (caseMixed: "Committee", "Windows") and the document writes
// it in lower case at least as often as it has it alone as a name. Such a
// word, capitalised alone, is a generic noun or a nickname, no name; a
// name in a longer name ("Manchester City", linked to it) and a gazetteer
// name stay. A lower-case word typed PLACE alone is dropped wherever it is:
// commonCandidate has made sure no place list holds it, so nothing but the
// model's guess says it is a place ("City", a club's nickname).
func (t *Tagger) dropCommonWords(sents [][]token, ms []mention) []mention {
	var cand map[string]*[2]int // word -> lower-case uses, lone mentions
	for _, m := range ms {
		if t.commonCandidate(sents, m) {
			if cand == nil {
				cand = map[string]*[2]int{}
			}
			w := sents[m.sent][m.a].lower
			if cand[w] == nil {
				cand[w] = &[2]int{}
			}
			cand[w][1]++
		}
	}
	if cand == nil {
		return ms
	}
	for _, toks := range sents {
		for i := 1; i < len(toks); i++ {
			if c := cand[toks[i].text]; c != nil {
				c[0]++
			}
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if !t.commonCandidate(sents, m) {
			out = append(out, m)
			continue
		}
		w := sents[m.sent][m.a].lower
		c := cand[w]
		lex := t.model.Lexicon[w]
		if lex == caseLower && c[0] == 0 && m.typ != Place || lex == caseMixed && c[0] < c[1] {
			out = append(out, m)
		}
	}
	return out
}

// commonCandidate reports whether m is one capitalised word, not linked to
// a longer name nor from the gazetteer, that the lexicon calls a common
// lower-case or mixed-case word and no name list holds as a place or
// company.
func (t *Tagger) commonCandidate(sents [][]token, m mention) bool {
	if m.fixed || m.b-m.a != 1 {
		return false
	}
	w := sents[m.sent][m.a]
	if m.canonical != "" && m.canonical != w.text || !isCapitalised(w.text) {
		return false
	}
	c := t.model.Lexicon[w.lower]
	return (c == caseLower || c == caseMixed) &&
		t.model.Lists[w.lower]&(listCountry|listCity|listRegion|listCompany) == 0
}
