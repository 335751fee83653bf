package ner

import (
	"strings"
	"unicode"
)

// mention is an entity over a token range [a, b) of one sentence.
type mention struct {
	sent, a, b int
	typ        string
	canonical  string
	fixed      bool // from the gazetteer: type and canonical are final
	guess      bool // an unknown word typed without the model's B label (see unknownNames): no vote
}

// pronouns are never entities, whatever the model says.
var pronouns = map[string]bool{
	"i": true, "me": true, "you": true, "he": true, "him": true, "his": true, "she": true,
	"her": true, "hers": true, "it": true, "its": true, "we": true, "us": true, "our": true,
	"they": true, "them": true, "their": true, "who": true, "whom": true, "this": true,
	"that": true, "these": true, "those": true, "there": true,
}

// articles before a name make it a modifier ("the Trump administration"),
// not a mention of the person.
var articles = map[string]bool{"the": true, "a": true, "an": true}

var typeOfLabel = [numLabels]string{"", Person, Person, Org, Org, Place, Place}

// spans turns BIO label indexes into mentions.
func spans(sent int, lab []int) []mention {
	var out []mention
	for i := 0; i < len(lab); {
		if lab[i] == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(lab) && lab[j] == lab[i]+1 && lab[i]%2 == 1 {
			j++
		}
		out = append(out, mention{sent: sent, a: i, b: j, typ: typeOfLabel[lab[i]]})
		i = j
	}
	return out
}

// sentenceMentions labels one sentence and cleans the model's mentions.
func (t *Tagger) sentenceMentions(sent int, toks []token) []mention {
	var out []mention
	lab, score := t.model.labelScores(toks, t.titles)
	var raws []mention
	for _, raw := range spans(sent, lab) {
		raws = append(raws, t.splitPossessive(toks, lab, score, raw)...)
	}
	for _, raw := range raws {
		for _, part := range t.splitAtVerbs(toks, raw) {
			for _, m := range t.splitAtRole(toks, part) {
				m = t.afterTitles(toks, m)
				if m, ok := t.clean(toks, m); ok && !t.notAName(toks, m) {
					out = append(out, m)
				}
			}
		}
	}
	for i := range out {
		if out[i].typ == Person {
			t.extendAfterRole(toks, &out[i], out)
			if org, ok := t.employer(toks, out[i], out); ok {
				out = append(out, org)
			}
		}
	}
	t.businessRetype(toks, out)
	return t.unknownNames(sent, toks, lab, score, out)
}

// splitAtRole splits a mention that runs on through a role (a title or a
// short all-capital word) into a person's full name
// ("JPMorgan Chase CEO Jamie Dimon" -> ORG "JPMorgan Chase", PERSON "Jamie
// Dimon").
func (t *Tagger) splitAtRole(toks []token, m mention) []mention {
	if m.typ == Person {
		return []mention{m}
	}
	for k := m.a + 1; k < m.b-2; k++ {
		w := toks[k]
		if (isAcronym(w.text) || t.cut.IsTitle(w.lower)) && t.nameLike(toks[k+1:m.b]) {
			head := mention{sent: m.sent, a: m.a, b: k, typ: m.typ}
			return []mention{head, {sent: m.sent, a: k, b: m.b, typ: Person}}
		}
	}
	return []mention{m}
}

// nameLike reports whether toks look like a person's full name: two or more
// capitalised words that are not common words.
func (t *Tagger) nameLike(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	for _, w := range toks {
		c := t.model.Lexicon[w.lower]
		if !isCapitalised(w.text) || c == caseLower || c == caseMixed {
			return false
		}
	}
	return true
}

// afterTitles retypes as a person a mention that continues a title before it
// ("Deputy Secretary of" + "State Christopher Landau" -> PERSON "Christopher
// Landau").
func (t *Tagger) afterTitles(toks []token, m mention) mention {
	p := m.a
	for p > 0 && m.a-p < 5 && (t.roleWord(toks[p-1]) || isConnector(toks[p-1].lower)) {
		p--
	}
	for p < m.a && isConnector(toks[p].lower) {
		p++
	}
	if p == m.a {
		return m
	}
	words := make([]string, m.b-p)
	for k := range words {
		words[k] = toks[p+k].text
	}
	if n := t.cut.Leading(words, Person); n > m.a-p {
		m.a, m.typ = p+n, Person
	}
	return m
}

func isConnector(w string) bool { return w == "of" || w == "for" || w == "the" }

// roleWord reports whether w is a capitalised title or common word
// ("Minister", "Premier", "Deputy").
func (t *Tagger) roleWord(w token) bool {
	if !isCapitalised(w.text) || pronouns[w.lower] {
		return false
	}
	c := t.model.Lexicon[w.lower]
	return t.cut.IsTitle(w.lower) || c == caseLower || c == caseMixed
}

// extendAfterRole takes into a person's name the capitalised word between a
// role and the name the model found ("Vice Premier He Lifeng": "He" written
// capitalised mid-sentence right after a role is part of the name).
func (t *Tagger) extendAfterRole(toks []token, m *mention, all []mention) {
	if m.a < 2 {
		return
	}
	p := toks[m.a-1]
	if !isCapitalised(p.text) || isAcronym(p.text) || t.cut.IsTitle(p.lower) || !t.roleWord(toks[m.a-2]) {
		return
	}
	if c := t.model.Lexicon[p.lower]; (c == caseLower || c == caseMixed) && !pronouns[p.lower] {
		return
	}
	probe := mention{sent: m.sent, a: m.a - 1, b: m.a}
	if !overlapsAny(probe, all) {
		m.a--
	}
}

// employer finds the organisation in "JPMorgan Chase CEO Jamie Dimon": the
// untagged capitalised words before a short all-capital role that precedes
// a person.
func (t *Tagger) employer(toks []token, m mention, all []mention) (mention, bool) {
	r := m.a - 1
	if r < 1 || !isAcronym(toks[r].text) {
		return mention{}, false
	}
	a := r
	for a > 0 && r-a < 4 && isCapitalised(toks[a-1].text) && t.model.Lexicon[toks[a-1].lower] != caseLower {
		a--
	}
	org := mention{sent: m.sent, a: a, b: r, typ: Org}
	if a == r || a == 0 && t.model.Lexicon[toks[0].lower] == caseLower || overlapsAny(org, all) {
		return mention{}, false
	}
	return org, true
}

// clean trims a mention to its name and reports whether a name is left.
func (t *Tagger) clean(toks []token, m mention) (mention, bool) {
	for m.a < m.b && !isWordy(toks[m.a].text) {
		m.a++
	}
	for m.b > m.a && !isWordy(toks[m.b-1].text) {
		m.b--
	}
	words := make([]string, m.b-m.a)
	for k := range words {
		words[k] = toks[m.a+k].text
	}
	m.a += t.cut.Leading(words, m.typ)
	if m.a >= m.b || !isCapitalised(toks[m.a].text) && !startsWithDigit(toks[m.a].text) {
		return m, false
	}
	return m, t.plausible(toks, m)
}

// plausible rejects pronouns, sentence-initial common words and people
// preceded by an article.
func (t *Tagger) plausible(toks []token, m mention) bool {
	if m.b-m.a == 1 {
		w := toks[m.a].lower
		if pronouns[w] || isTitle(t.titles, w) {
			return false
		}
		if m.a == 0 && t.model.Lexicon[w] == caseLower {
			return false
		}
	}
	if m.typ == Person && m.a > 0 && articles[toks[m.a-1].lower] {
		return false
	}
	if m.typ == Person {
		words := make([]string, m.b-m.a)
		for k := range words {
			words[k] = toks[m.a+k].text
		}
		next := ""
		if m.b < len(toks) {
			next = toks[m.b].text
		}
		if t.cut.TitleOnly(words, next) {
			return false
		}
	}
	return true
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isWordy(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func startsWithDigit(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}
